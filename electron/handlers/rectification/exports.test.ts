import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { collectFacts } from '../meetings/facts';
import { demoEvidencePdf } from '../../../seeds/demo/evidencePdf';
import { agreedList, baseItem, emptyList, sheetOf } from './ledgerTesting';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
  await emptyList(app);
});
afterEach(() => app.close());

async function seedAgreed(meetingId = app.ids.meetingId) {
  const members = await app.must('members.list', { teamId: app.ids.teamId });
  const meeting = await app.must('meetings.get', { id: meetingId });
  const base = await baseItem(app, { aspectId: meeting.aspects[0]?.id ?? null, measures: ['建立调研工作台账'] });
  return agreedList(
    app,
    base,
    [
      { problem: '调查研究不够深入' },
      { problem: '=HYPERLINK("http://evil.example","点我")', measures: ['+严格执行制度', '定期通报'], leaderIds: [members[1].id, members[2].id], deadline: { kind: 'immediate', date: null } },
      { problem: '落实中央八项规定精神有松懈', memberId: members[3].id, leaderIds: [members[3].id], deadline: { kind: 'ongoing', date: null } },
    ],
    { meetingId, agreedOn: '2026-11-26' },
  );
}

describe('rectification exports', () => {
  it('round-trips through Excel: export, edit progress and status, preview the diff, apply', async () => {
    const list = await seedAgreed();
    const saved = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    const withEvidence = await app.must('rectification.attachEvidence', { itemId: list.items[0].id, progressId: null, files: [{ name: '调研计划.pdf', file: demoEvidencePdf('plan') }] });
    list.items[2] = withEvidence.items[2];
    expect(saved.saved).toBe(true);
    const { wb, ws, headerRow, col } = await sheetOf(saved.path!);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.getColumn(col('内部编号（请勿修改）')).hidden).toBe(true);
    // The hostile problem text is a plain string cell, not a formula.
    const hostile = ws.getRow(headerRow + 2).getCell(col('问题表现'));
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe('=HYPERLINK("http://evil.example","点我")');
    // Edit as a secretary would: progress text, a status, and a formula typed into 备注 (only its result is read).
    ws.getRow(headerRow + 1).getCell(col('整改进展')).value = '已制定调研计划，完成蹲点调研3次';
    ws.getRow(headerRow + 1).getCell(col('整改状态')).value = '已销号';
    ws.getRow(headerRow + 1).getCell(col('销号日期')).value = '2027-03-20';
    ws.getRow(headerRow + 1).getCell(col('验收人')).value = '何静';
    ws.getRow(headerRow + 2).getCell(col('整改状态')).value = '推进中';
    ws.getRow(headerRow + 2).getCell(col('备注')).value = { formula: 'CONCATENATE("见","附件")', result: '见附件' } as never;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    // Closing from Excel an item that has no stored evidence is refused row by row.
    ws.getRow(headerRow + 3).getCell(col('整改状态')).value = '已销号';
    ws.getRow(headerRow + 3).getCell(col('销号日期')).value = '2027-03-20';
    ws.getRow(headerRow + 3).getCell(col('验收人')).value = '何静';
    const refused = await app.must('rectification.importPreview', { meetingId: app.ids.meetingId, file: new Uint8Array(await wb.xlsx.writeBuffer()) });
    expect(refused.rows.find((r) => r.seq === 3)?.errors.join()).toContain('销号须有佐证材料');
    const preview = await app.must('rectification.importPreview', { meetingId: app.ids.meetingId, file: edited });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((r) => [r.seq, r.changes.map((c) => `${c.field}:${c.after}`)])).toEqual([
      [1, ['progress:已制定调研计划，完成蹲点调研3次', 'status:已销号', 'closedOn:2027-03-20', 'acceptor:何静']],
      [2, ['status:推进中', 'note:见附件']],
    ]);
    const applied = await app.must('rectification.importApply', { meetingId: app.ids.meetingId, file: edited, by: '郭文静', date: '2027-03-21' });
    expect(applied.items[0]).toMatchObject({ status: 'closed', closedOn: '2027-03-20', acceptor: '何静', progress: '已制定调研计划，完成蹲点调研3次' });
    expect(applied.items[1]).toMatchObject({ status: 'in_progress', note: '见附件' });
    expect(applied.items[2]).toEqual(list.items[2]);
    const history = await app.must('rectification.history', { itemId: applied.items[0].id });
    expect(history.progress[0]).toMatchObject({ statusFrom: 'not_started', statusTo: 'closed', by: '郭文静' });
  });

  it('reads a text-only formula saved without a result as its text, and refuses a row whose formula cannot be read instead of emptying it', async () => {
    await seedAgreed();
    const saved = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    const { wb, ws, headerRow, col } = await sheetOf(saved.path!);
    // As some programs save formulas: no cached result.
    ws.getRow(headerRow + 1).getCell(col('整改进展')).value = { formula: '"已完成调研"&"3次"' } as never;
    ws.getRow(headerRow + 2).getCell(col('整改进展')).value = { formula: 'VLOOKUP(A1,Sheet2!A:B,2,FALSE)' } as never;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = app.counts();
    const preview = await app.must('rectification.importPreview', { meetingId: app.ids.meetingId, file: edited });
    expect(preview.rows.find((r) => r.seq === 1)?.changes).toEqual([{ field: 'progress', before: '', after: '已完成调研3次' }]);
    const refused = preview.rows.find((r) => r.seq === 2);
    expect(refused?.errors.join()).toMatch(/公式「=VLOOKUP.*没有保存计算结果/);
    expect(refused?.errorsEn.join()).toMatch(/no saved result/);
    const applied = await app.call('rectification.importApply', { meetingId: app.ids.meetingId, file: edited, by: '郭文静', date: '2027-03-21' });
    expect(applied.ok).toBe(false);
    expect(app.counts()).toEqual(before);
  });

  it('refuses an import with a bad status or a foreign row id and writes nothing', async () => {
    await seedAgreed();
    const saved = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    const { wb, ws, headerRow, col } = await sheetOf(saved.path!);
    ws.getRow(headerRow + 1).getCell(col('整改状态')).value = '基本完成';
    ws.getRow(headerRow + 2).getCell(col('内部编号（请勿修改）')).value = 987654;
    ws.getRow(headerRow + 3).getCell(col('整改进展')).value = '有效的修改';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const preview = await app.must('rectification.importPreview', { meetingId: app.ids.meetingId, file: edited });
    expect(preview.rows.flatMap((r) => r.errors)).toHaveLength(2);
    const before = app.counts();
    const list = await app.must('rectification.get', { meetingId: app.ids.meetingId });
    const result = await app.call('rectification.importApply', { meetingId: app.ids.meetingId, file: edited, by: '', date: '2027-01-05' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rectification.importInvalid' } });
    expect(app.counts()).toEqual(before);
    expect((await app.must('rectification.get', { meetingId: app.ids.meetingId })).items).toEqual(list.items);
    const notExcel = await app.must('rectification.importPreview', { meetingId: app.ids.meetingId, file: new TextEncoder().encode('not a zip') });
    expect(notExcel.errors.length).toBe(1);
  });

  it('exports the agreed version as agreed even after changes', async () => {
    const list = await seedAgreed();
    await app.must('rectification.updateItem', { itemId: list.items[0].id, patch: { problem: '改写后的问题' }, change: { by: '郭文静', reason: '按督导组意见调整' } });
    const saved = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'agreed', scope: 'all' });
    const { ws, headerRow, col } = await sheetOf(saved.path!);
    expect(ws.getRow(headerRow + 1).getCell(col('问题表现')).value).toBe('调查研究不够深入');
    expect(col('内部编号（请勿修改）')).toBe(-1);
    expect(String(ws.getRow(2).getCell(1).value)).toContain('2026年11月26日审议通过');
  });

  it('writes a landscape GB/T 9704 table with the attachment label, a BOM csv and escaped print HTML', async () => {
    await seedAgreed();
    const docx = await app.must('rectification.exportDocx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all', attachmentLabel: '附件3' });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docx.path!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('附件3');
    expect(xml).toContain('整改清单');
    expect(xml).toContain('立行立改');
    const csv = await app.must('rectification.exportCsv', { meetingId: app.ids.meetingId, scope: 'all' });
    const bytes = fs.readFileSync(csv.path!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const html = await app.must('rectification.printHtml', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;点我&quot;)');
    const log = await app.must('exportLog.list', {});
    expect(log.map((l) => l.kind)).toEqual(expect.arrayContaining(['rectification.docx', 'rectification.csv']));
  });

  it('saves a PDF of the print HTML where the app can print, and refuses clearly (writing nothing) where it cannot', async () => {
    await seedAgreed();
    const before = app.counts();
    const refused = await app.call('rectification.exportPdf', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rectification.pdfUnavailable' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('打印预览');
      expect(refused.error.messageEn).toContain('print preview');
    }
    expect(app.counts()).toEqual(before);
    const printed: string[] = [];
    app.ctx.files.printToPdf = async (html) => {
      printed.push(html);
      return new TextEncoder().encode('%PDF-1.7 fake');
    };
    const saved = await app.must('rectification.exportPdf', { meetingId: app.ids.meetingId, version: 'agreed', scope: 'all' });
    expect(saved).toMatchObject({ saved: true, fileName: '中共青溪县人民政府党组巡察整改专题民主生活会整改清单（审议通过版）.pdf', bytes: 13 });
    expect(fs.readFileSync(saved.path!, 'utf8')).toBe('%PDF-1.7 fake');
    // What was printed is exactly the print HTML of the same version and scope.
    expect(printed).toEqual([await app.must('rectification.printHtml', { meetingId: app.ids.meetingId, version: 'agreed', scope: 'all' })]);
    expect((await app.must('exportLog.list', {})).map((l) => l.kind)).toContain('rectification.pdf');
    expect(app.counts().export_log).toBe(before.export_log + 1);
  });

  it('exports one member\'s own list', async () => {
    const list = await seedAgreed();
    const memberId = list.items[2].memberId!;
    const html = await app.must('rectification.printHtml', { meetingId: app.ids.meetingId, version: 'current', scope: memberId });
    expect(html).toContain('落实中央八项规定精神有松懈');
    expect(html).not.toContain('调查研究不够深入');
    expect(html).toContain(`${list.items[2].memberName}个人整改清单`);
  });
});

describe('carry-over to the next meeting', () => {
  it('reports done, in progress and not done with why and who, and carries open items once', async () => {
    const list = await seedAgreed();
    await app.must('rectification.addProgress', { itemId: list.items[0].id, date: '2027-03-20', kind: 'review', text: '验收合格', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [{ name: '验收记录.pdf', file: demoEvidencePdf('acceptance') }] });
    await app.must('rectification.addProgress', { itemId: list.items[1].id, date: '2027-03-20', kind: 'progress', text: '制度修订稿待县政府常务会审议', by: '郭文静', statusTo: 'in_progress', acceptor: '', evidence: [] });
    const old = await app.must('meetings.get', { id: app.ids.meetingId });
    const next = await app.must('meetings.create', { teamId: app.ids.teamId, kind: 'annual', trigger: null, triggerReason: '', year: 2027, theme: '2027年度民主生活会', date: '2027-12-20', startTime: '09:00', place: old.place, hostMemberId: old.hostMemberId, recorder: old.recorder, quorumRatio: old.quorumRatio, aspects: [{ label: '在政治建设方面' }], guests: [] });
    const report = await app.must('rectification.carryOver', { meetingId: next.id, today: '2027-12-01' });
    expect(report.previousMeeting?.id).toBe(app.ids.meetingId);
    expect(report.paragraphs[0]).toContain('共查摆问题3个，制定整改措施4条。截至2027年12月1日，已完成整改并销号1项，需长期坚持1项，正在推进1项。');
    expect(report.paragraphs.join('')).toContain('原因及进展：制度修订稿待县政府常务会审议');
    expect(report.paragraphs.join('')).toContain(`责任领导：${list.items[1].leaders.map((l) => l.name).join('、')}`);
    const open = report.open.find((o) => o.status === 'in_progress')!;
    const carried = await app.must('rectification.carryItems', { meetingId: next.id, itemIds: [open.id] });
    expect(carried.items).toHaveLength(1);
    expect(carried.items[0].sources[0]).toMatchObject({ type: 'last_year', id: open.id });
    const twice = await app.must('rectification.carryItems', { meetingId: next.id, itemIds: [open.id] });
    expect(twice.items).toHaveLength(1);
    const closedOne = await app.call('rectification.carryItems', { meetingId: next.id, itemIds: [list.items[0].id] });
    expect(closedOne).toMatchObject({ ok: false, error: { code: 'rectification.notOpen' } });
    expect((await app.must('rectification.carryOver', { meetingId: next.id })).open.find((o) => o.id === open.id)?.carried).toBe(true);
  });
});

describe('会议情况报告', () => {
  it('quotes the figures from the data and leaves out a sentence whose feature was not used', async () => {
    await seedAgreed();
    const facts = await collectFacts(app.ctx, app.ids.meetingId);
    const draft = await app.must('report.draft', { meetingId: app.ids.meetingId });
    const text = [...draft.opening, ...draft.sections.flatMap((s) => s.paragraphs)].join('\n');
    const claims = (d: typeof draft) => d.missing.map((m) => m.claim);
    expect(draft.title).toBe('中共青溪县人民政府党组关于巡察整改专题民主生活会召开情况的报告');
    if (facts.opinions) {
      expect(text).toContain(`共收集意见建议${facts.opinions.raw}条`);
      if (facts.opinions.unsorted > 0) expect(claims(draft)).toContain('梳理归纳后的意见条数');
      else expect(text).toContain(`梳理归纳为${facts.opinions.consolidated}条`);
    }
    if (facts.talks) expect(text).toContain(`${facts.talks.personTimes}人次`);
    // The demo's meeting is still being prepared (9 December): nothing about who came or who presided is said yet.
    expect(text).not.toMatch(/应到|实到|主持会议|到会督导/);
    expect(claims(draft)).toContain('会议召开时间、地点和出席情况');
    expect(text).toContain('共查摆问题3个');
    expect(text).toContain('整改事项3项、整改措施4条');
    // Last year's meeting has its minutes but no study sessions, talks or opinions in the app: no sentence with a 0.
    const lastYear = (await app.must('meetings.list', { teamId: app.ids.teamId })).find((m) => m.id !== app.ids.meetingId)!;
    const old = await app.must('report.draft', { meetingId: lastYear.id });
    const oldText = [...old.opening, ...old.sections.flatMap((s) => s.paragraphs)].join('\n');
    expect(oldText).toContain('班子成员应到8人，实到7人，刘志强因病住院缺席');
    expect(oldText).toContain('市委第一督导组组长吴国平、成员郑美玲到会督导');
    expect(oldText).not.toMatch(/(?<![0-9])0(次|人次|条|份)/);
    expect(claims(old)).toEqual(expect.arrayContaining(['学习研讨次数', '谈心谈话人次', '征求意见条数']));
    expect(oldText).toContain('班子共查摆问题8个');
    expect(old.sections.map((s) => s.heading)).toEqual(['一、会议召开情况', '二、查摆出的主要问题', '三、整改措施和下一步打算']);
    // Without any provider, no figure is invented: the sentences go, the gaps are listed.
    const saved = app.ctx.providers.facts.splice(0);
    try {
      const bare = await app.must('report.draft', { meetingId: app.ids.meetingId });
      const bareText = bare.sections.flatMap((s) => s.paragraphs).join('\n');
      expect(bareText).not.toMatch(/学习研讨|意见建议|谈心谈话|批评意见/);
      expect(claims(bare)).toEqual(expect.arrayContaining(['学习研讨次数', '征求意见条数', '谈心谈话人次']));
    } finally {
      app.ctx.providers.facts.push(...saved);
    }
    const docx = await app.must('report.exportDocx', { meetingId: app.ids.meetingId });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docx.path!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('会前准备情况');
    expect(xml).toContain('附件：');
    expect(xml).toContain('（主送机关）：');
    expect(xml).toContain('特此报告。');
  });
});
