import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { demoEvidencePdf } from '../../../seeds/demo/evidencePdf';
import { suggestDuplicates } from '../../common/rectification/duplicates';
import { agreedList, baseItem, emptyList, sheetOf } from './ledgerTesting';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
  await emptyList(app);
});
afterEach(() => app.close());

const INSPECTION = '县委第三巡察组反馈意见（2026年6月）';

/**
 * The meeting's own items and a 巡察 list in one ledger: the 巡察 item 「中心组学习…以读代学、流于形式」 is the meeting's
 * 「理论学习中心组学习流于形式」 in other words; the rest are unrelated problems.
 */
async function ledger() {
  const meeting = ['理论学习中心组学习流于形式，联系实际不够，学习成果转化不足', '调查研究不深入，到基层一线调研次数偏少', '干部队伍建设统筹不够，年轻干部培养选拔力度不大'];
  const inspection = ['党委理论学习中心组学习制度执行不严格，学习形式单一，存在以读代学、流于形式问题', '基层党组织建设薄弱，“三会一课”制度落实不到位', '公务用车使用管理不规范，存在公车私用风险'];
  const base = await baseItem(app, { unit: '县委办公室' });
  return agreedList(app, base, [...meeting.map((problem) => ({ problem })), ...inspection.map((problem) => ({ problem, originKind: 'inspection' as const, origin: INSPECTION }))]);
}

describe('同一问题 across sources', () => {
  it('suggests the 巡察 item that names a meeting item in other words, links it, closes both on one PDF, and unlinks', async () => {
    const list = await ledger();
    const [study, , , inspectionStudy] = list.items;
    const suggestions = await app.must('rectification.duplicates', { meetingId: app.ids.meetingId });
    expect(suggestions.map((s) => s.items.map((i) => i.seq))).toEqual([[study.seq, inspectionStudy.seq]]);
    expect(suggestions[0].items[1]).toMatchObject({ originKind: 'inspection', origin: INSPECTION, sameList: true });
    // Only a suggestion: nothing is linked until the user links.
    expect((await app.must('rectification.get', { meetingId: app.ids.meetingId })).items.every((i) => i.linked.length === 0)).toBe(true);

    const linked = await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: study.id, withItemId: inspectionStudy.id });
    expect(linked.items[0].linked).toMatchObject([{ itemId: inspectionStudy.id, seq: 4, phrase: `与本清单第4项（${INSPECTION}）为同一问题` }]);
    expect(linked.items[3].linked).toMatchObject([{ itemId: study.id, seq: 1, phrase: '与本清单第1项（民主生活会）为同一问题' }]);
    // Six rows, five problems: the linked pair is counted once.
    expect(linked.stats).toMatchObject({ total: 5, linkedRows: 1 });
    expect(await app.must('rectification.duplicates', { meetingId: app.ids.meetingId })).toEqual([]);

    // One 销号 with a PDF on the 巡察 item closes the meeting's item too, with the same file; each keeps its wording.
    const pdf = demoEvidencePdf('acceptance');
    const closed = await app.must('rectification.addProgress', { itemId: inspectionStudy.id, date: '2027-03-20', kind: 'review', text: '中心组学习制度修订并执行', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [{ name: '验收记录.pdf', file: pdf }] });
    for (const item of [closed.items[0], closed.items[3]]) {
      expect(item).toMatchObject({ status: 'closed', closedOn: '2027-03-20', acceptor: '何静', progress: '中心组学习制度修订并执行', closedWithoutEvidence: false, evidence: [{ name: '验收记录.pdf', stored: true, format: 'pdf', bytes: pdf.byteLength }] });
    }
    expect(closed.items[0].problem).toBe(study.problem);
    expect(closed.items[3].problem).toBe(inspectionStudy.problem);
    expect(closed.items.filter((i) => i.status === 'closed')).toHaveLength(2);
    expect(closed.stats.byStatus.closed).toBe(1);
    const saved = await app.must('rectification.saveEvidence', { evidenceId: closed.items[0].evidence[0].id });
    expect(new Uint8Array(fs.readFileSync(saved.path!))).toEqual(pdf);
    const history = await app.must('rectification.history', { itemId: study.id });
    expect(history.progress.at(-1)).toMatchObject({ statusTo: 'closed', linkedFrom: { itemId: inspectionStudy.id, seq: 4 } });

    // Every export names the link: Excel, Word, the evidence folder's index.
    const xlsx = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path!);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells.some((c) => c.includes(`与本清单第4项（${INSPECTION}）为同一问题`))).toBe(true);
    expect(cells.some((c) => c.includes('与本清单第1项（民主生活会）为同一问题'))).toBe(true);
    const docx = await app.must('rectification.exportDocx', { meetingId: app.ids.meetingId, version: 'agreed', scope: 'all', attachmentLabel: null });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docx.path!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('与本清单第1项（民主生活会）为同一问题');
    expect(await app.must('rectification.printHtml', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' })).toContain('为同一问题');

    // Unlinked, each goes its own way again: progress on one stays on it.
    const unlinked = await app.must('rectification.unlink', { meetingId: app.ids.meetingId, itemId: study.id });
    expect(unlinked.items.every((i) => i.linked.length === 0)).toBe(true);
    expect(unlinked.stats).toMatchObject({ total: 6, linkedRows: 0 });
    const reopened = await app.must('rectification.addProgress', { itemId: study.id, date: '2027-04-01', kind: 'review', text: '回头看发现反弹，重新整改', by: '郭文静', statusTo: 'in_progress', acceptor: '', evidence: [] });
    expect(reopened.items[0].status).toBe('in_progress');
    expect(reopened.items[3].status).toBe('closed');
  });

  it('refuses to link an item to itself, to an item of another team, or twice, in both languages, and changes nothing', async () => {
    const list = await ledger();
    const before = app.counts();
    const self = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: list.items[0].id, withItemId: list.items[0].id });
    expect(self).toMatchObject({ ok: false, error: { code: 'rectification.linkSelf', message: expect.stringContaining('自身'), messageEn: expect.stringContaining('itself') } });

    const other = await app.must('teams.create', { name: '另一党组', organ: 'party_group', unit: '' });
    const leader = await app.must('members.create', { teamId: other.id, name: '外人', position: '', role: 'member', portfolio: '' });
    const meeting = await app.must('meetings.create', {
      teamId: other.id, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '主题', date: '2026-12-20', startTime: '', place: '',
      hostMemberId: null, recorder: '', quorumRatio: 0.7, aspects: [], guests: [],
    });
    const foreign = await app.must('rectification.createItem', {
      meetingId: meeting.id,
      item: { aspectId: null, memberId: null, problem: list.items[0].problem, target: '', measures: [], leaderIds: [leader.id], unit: '', ownerPerson: '', deadline: { kind: 'date', date: null }, note: '', originKind: 'inspection', origin: INSPECTION },
      sources: [],
    });
    const mid = app.counts();
    const across = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: list.items[0].id, withItemId: foreign.items[0].id });
    expect(across).toMatchObject({ ok: false, error: { code: 'rectification.linkTeams', message: expect.stringContaining('本班子'), messageEn: expect.stringContaining('team') } });
    // Another team's items are never suggested either.
    expect((await app.must('rectification.duplicates', { meetingId: app.ids.meetingId })).flatMap((s) => s.items.map((i) => i.itemId))).not.toContain(foreign.items[0].id);
    const sameSource = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: list.items[0].id, withItemId: list.items[1].id });
    expect(sameSource).toMatchObject({ ok: false, error: { code: 'rectification.linkSameSource' } });
    expect(app.counts()).toEqual(mid);
    await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: list.items[0].id, withItemId: list.items[3].id });
    const twice = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: list.items[3].id, withItemId: list.items[0].id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'rectification.alreadyLinked' } });
    expect(before.rectification_links ?? 0).toBe(0);
  });

  it('keeps a suggestion answered 不是同一问题 out of the suggestions until it is restored; deleting an item drops the answer', async () => {
    const list = await ledger();
    const [study, , , inspectionStudy] = list.items;
    const pair = { meetingId: app.ids.meetingId, itemId: inspectionStudy.id, withItemId: study.id };
    expect(await app.must('rectification.dismissedDuplicates', { meetingId: app.ids.meetingId })).toEqual([]);
    expect(await app.must('rectification.dismissDuplicate', pair)).toEqual([]);
    // Asked again (another screen, a re-opened dialog): still not offered, and listed as dismissed, this list's item first.
    expect(await app.must('rectification.duplicates', { meetingId: app.ids.meetingId })).toEqual([]);
    const dismissed = await app.must('rectification.dismissedDuplicates', { meetingId: app.ids.meetingId });
    expect(dismissed.map((d) => d.items.map((i) => i.seq))).toEqual([[1, 4]]);
    expect(dismissed[0].dismissedAt).toMatch(/^\d{4}-\d{2}-\d{2}/);
    // Dismissing twice keeps one answer; nothing is linked.
    await app.must('rectification.dismissDuplicate', { ...pair, itemId: study.id, withItemId: inspectionStudy.id });
    expect(app.counts().rectification_dismissals).toBe(1);
    expect(app.counts().rectification_links ?? 0).toBe(0);

    expect(await app.must('rectification.restoreDuplicate', pair)).toEqual([]);
    expect((await app.must('rectification.duplicates', { meetingId: app.ids.meetingId })).map((s) => s.items.map((i) => i.seq))).toEqual([[1, 4]]);
    const before = app.counts();
    const again = await app.call('rectification.restoreDuplicate', pair);
    expect(again).toMatchObject({ ok: false, error: { code: 'rectification.notDismissed', message: expect.stringContaining('第4项'), messageEn: expect.stringContaining('nothing to restore') } });
    const self = await app.call('rectification.dismissDuplicate', { ...pair, withItemId: inspectionStudy.id });
    expect(self).toMatchObject({ ok: false, error: { code: 'rectification.linkSelf' } });
    expect(app.counts()).toEqual(before);

    await app.must('rectification.dismissDuplicate', pair);
    // The answer belongs to its two items: it goes with either of them (the table's foreign keys).
    app.connection.sqlite.prepare('DELETE FROM rectification_items WHERE id = ?').run(inspectionStudy.id);
    expect(app.counts().rectification_dismissals ?? 0).toBe(0);
  });

  it('writes progress and a 销号 read back from Excel on the linked items too, unless their own row gives them an entry', async () => {
    const list = await ledger();
    const [study, survey, , inspectionStudy, inspectionBranch, car] = list.items;
    // The file was filed before the link; only the meeting's item has the acceptance record then.
    const pdf = demoEvidencePdf('acceptance');
    await app.must('rectification.attachEvidence', { itemId: study.id, progressId: null, files: [{ name: '验收记录.pdf', file: pdf }] });
    await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: study.id, withItemId: inspectionStudy.id });
    await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: survey.id, withItemId: inspectionBranch.id });
    const saved = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    const { wb, ws, headerRow, col } = await sheetOf(saved.path!);
    const row = (seq: number) => ws.getRow(headerRow + seq);
    row(1).getCell(col('整改进展')).value = '中心组学习制度修订并执行';
    row(1).getCell(col('整改状态')).value = '已销号';
    row(1).getCell(col('销号日期')).value = '2027-03-20';
    row(1).getCell(col('验收人')).value = '何静';
    // Both rows of the other linked pair are edited: each keeps its own entry, none is doubled.
    row(2).getCell(col('整改进展')).value = '完成蹲点调研3次';
    row(5).getCell(col('整改进展')).value = '整顿软弱涣散党支部2个';
    row(6).getCell(col('整改进展')).value = '公车使用实行线上审批';
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());

    // The 巡察 item would be closed without a file: the preview names it, and nothing can be applied.
    const preview = await app.must('rectification.importPreview', { meetingId: app.ids.meetingId, file: edited });
    expect(preview.rows.find((r) => r.seq === 1)?.errors.join()).toContain('关联为同一问题的本清单第4项没有佐证材料');
    expect(preview.rows.find((r) => r.seq === 1)?.errorsEn.join()).toContain('item 4 of this list');
    await app.must('rectification.attachEvidence', { itemId: inspectionStudy.id, progressId: null, files: [{ name: '巡察整改验收记录.pdf', file: pdf }] });

    const applied = await app.must('rectification.importApply', { meetingId: app.ids.meetingId, file: edited, by: '郭文静', date: '2027-03-21' });
    const [a, b, , c, d, e] = applied.items;
    for (const item of [a, c]) expect(item).toMatchObject({ status: 'closed', closedOn: '2027-03-20', acceptor: '何静', progress: '中心组学习制度修订并执行', closedWithoutEvidence: false });
    expect(applied.stats.byStatus.closed).toBe(1);
    expect((await app.must('rectification.history', { itemId: inspectionStudy.id })).progress.at(-1)).toMatchObject({ statusTo: 'closed', by: '郭文静', linkedFrom: { itemId: study.id, seq: 1 } });
    expect([b.progress, d.progress, e.progress]).toEqual(['完成蹲点调研3次', '整顿软弱涣散党支部2个', '公车使用实行线上审批']);
    for (const item of [survey, inspectionBranch]) {
      const entries = (await app.must('rectification.history', { itemId: item.id })).progress;
      expect(entries.map((p) => [p.text, p.linkedFrom])).toEqual([[item.id === survey.id ? '完成蹲点调研3次' : '整顿软弱涣散党支部2个', null]]);
    }
    expect((await app.must('rectification.history', { itemId: car.id })).progress).toHaveLength(1);
  });

  it('carries a partner\'s 销号 and its files to the open item linked to it, only once confirmed, and keeps the copy marked after unlinking', async () => {
    const list = await ledger();
    const [study, survey, branch, inspectionStudy, inspectionBranch, car] = list.items;
    const pdf = demoEvidencePdf('acceptance');
    await app.must('rectification.addProgress', { itemId: inspectionStudy.id, date: '2027-03-20', kind: 'review', text: '中心组学习制度修订并执行', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [{ name: '验收记录.pdf', file: pdf }] });
    const progressBefore = (await app.must('rectification.history', { itemId: study.id })).progress.length;

    const before = app.counts();
    const unconfirmed = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: study.id, withItemId: inspectionStudy.id });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'rectification.linkCarriesClosure', message: expect.stringContaining('第4项已销号'), messageEn: expect.stringContaining('item(s) 1') } });
    // The question says what would be copied: who accepted it, and how many files.
    expect(unconfirmed).toMatchObject({ error: { message: expect.stringContaining('第4项已销号（验收人：何静）。关联为同一问题后，其销号记录和佐证材料（1份）将同步记入第1项'), messageEn: expect.stringContaining('(acceptor: 何静)') } });
    expect(app.counts()).toEqual(before);

    const linked = await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: study.id, withItemId: inspectionStudy.id, carryClosure: true });
    expect(linked.items[0]).toMatchObject({ status: 'closed', closedOn: '2027-03-20', acceptor: '何静', progress: '中心组学习制度修订并执行', closedWithoutEvidence: false, evidence: [{ name: '验收记录.pdf', stored: true, bytes: pdf.byteLength }] });
    expect(linked.items[3].status).toBe('closed');
    // One problem, closed once.
    expect(linked.stats).toMatchObject({ total: 5, linkedRows: 1 });
    expect(linked.stats.byStatus.closed).toBe(1);
    const saved = await app.must('rectification.saveEvidence', { evidenceId: linked.items[0].evidence[0].id });
    expect(new Uint8Array(fs.readFileSync(saved.path!))).toEqual(pdf);
    const history = await app.must('rectification.history', { itemId: study.id });
    expect(history.progress).toHaveLength(progressBefore + 1);
    expect(history.progress.at(-1)).toMatchObject({ statusFrom: 'not_started', statusTo: 'closed', by: '郭文静', linkedFrom: { itemId: inspectionStudy.id, seq: 4, stillLinked: true } });

    // Unlinked: the copy stays, marked as coming from an item no longer linked; nothing is reopened.
    const unlinked = await app.must('rectification.unlink', { meetingId: app.ids.meetingId, itemId: study.id });
    expect(unlinked.items[0].status).toBe('closed');
    expect((await app.must('rectification.history', { itemId: study.id })).progress.at(-1)?.linkedFrom).toEqual({ itemId: inspectionStudy.id, seq: 4, stillLinked: false });

    // A 销号 on the acceptor's reason alone travels with its reason and stays marked as without evidence.
    await app.must('rectification.addProgress', { itemId: car.id, date: '2027-03-22', kind: 'review', text: '公车私用风险点已排查', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [], noEvidenceReason: '排查记录为涉密材料，未上传' });
    const asked = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: branch.id, withItemId: car.id });
    // No file to copy: the question names the acceptor's reason, not evidence.
    expect(asked).toMatchObject({ ok: false, error: { code: 'rectification.linkCarriesClosure', message: expect.stringContaining('其销号记录和验收人关于无佐证材料的说明将同步记入第3项') } });
    expect(asked.ok ? '' : asked.error.message).not.toContain('佐证材料（');
    const byReason = await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: branch.id, withItemId: car.id, carryClosure: true });
    expect(byReason.items[2]).toMatchObject({ status: 'closed', closedOn: '2027-03-22', closedWithoutEvidence: true, noEvidenceReason: '排查记录为涉密材料，未上传' });

    // Two closed items: linking writes no entry on either.
    const counted = app.counts().rectification_progress;
    await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: study.id, withItemId: car.id });
    expect(app.counts().rectification_progress).toBe(counted);

    // An item closed before 销号 needed evidence (neither files nor a reason): refused before the question is asked.
    app.ctx.sqlite.prepare("UPDATE rectification_items SET status = 'closed', closed_on = '2027-03-01', acceptor = '何静' WHERE id = ?").run(inspectionBranch.id);
    const unchanged = app.counts();
    const legacy = await app.call('rectification.link', { meetingId: app.ids.meetingId, itemId: survey.id, withItemId: inspectionBranch.id });
    expect(legacy).toMatchObject({ ok: false, error: { code: 'rectification.linkClosedWithoutEvidence', message: expect.stringContaining('第5项销号时既无佐证材料，也无验收人说明') } });
    expect(app.counts()).toEqual(unchanged);
  });

  it('edits the source tag and origin of an item, refusing another source without its origin and an origin on a meeting item', async () => {
    const list = await ledger();
    const before = app.counts();
    const missing = await app.call('rectification.updateItem', { itemId: list.items[0].id, patch: { originKind: 'audit' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'rectification.originRequired', message: expect.stringContaining('来源说明'), messageEn: expect.stringContaining('origin') } });
    const stray = await app.call('rectification.updateItem', { itemId: list.items[0].id, patch: { origin: '县审计局' } });
    expect(stray).toMatchObject({ ok: false, error: { code: 'rectification.originForMeeting' } });
    expect(app.counts()).toEqual(before);
    const audit = await app.must('rectification.updateItem', { itemId: list.items[0].id, patch: { originKind: 'audit', origin: '县审计局经济责任审计（2026年）' } });
    expect(audit.items[0]).toMatchObject({ originKind: 'audit', origin: '县审计局经济责任审计（2026年）' });
    const back = await app.must('rectification.updateItem', { itemId: list.items[3].id, patch: { originKind: 'meeting', origin: '' } });
    expect(back.items[3]).toMatchObject({ originKind: 'meeting', origin: '' });
  });

  it('refuses a 销号 that a linked item in a list not yet agreed cannot take, naming it, and writes nothing', async () => {
    const list = await ledger();
    const draft = await app.must('meetings.create', {
      teamId: app.ids.teamId, kind: 'special', trigger: 'inspection', triggerReason: '巡察反馈', year: 2027, theme: '巡察整改专题', date: '2027-02-20', startTime: '', place: '',
      hostMemberId: null, recorder: '', quorumRatio: 0.7, aspects: [], guests: [],
    });
    const other = await app.must('rectification.createItem', { meetingId: draft.id, item: { aspectId: null, memberId: null, problem: '公车私用风险', target: '', measures: [], leaderIds: [], unit: '', ownerPerson: '', deadline: { kind: 'date', date: null }, note: '' }, sources: [] });
    const linked = await app.must('rectification.link', { meetingId: app.ids.meetingId, itemId: list.items[5].id, withItemId: other.items[0].id });
    expect(linked.items[5].linked[0].phrase).toMatch(/^与.+整改清单第1项（民主生活会）为同一问题$/);
    const before = app.counts();
    const refused = await app.call('rectification.addProgress', { itemId: list.items[5].id, date: '2027-03-20', kind: 'review', text: '已整改', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [{ name: '验收记录.pdf', file: demoEvidencePdf('acceptance') }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rectification.linkedNotAgreed', message: expect.stringContaining('第1项'), messageEn: expect.stringContaining('Item 1') } });
    expect(app.counts()).toEqual(before);
  });
});

describe('suggestDuplicates', () => {
  it('pairs only different sources, skips pairs already linked, and needs one item of the list looked at', () => {
    const item = (id: number, problem: string, source: string, group: number | null = null, here = true) => ({ id, problem, source, group, here });
    const same = '公务用车使用管理不规范，存在公车私用风险';
    expect(suggestDuplicates([item(1, same, 'a'), item(2, same, 'a')])).toEqual([]);
    expect(suggestDuplicates([item(1, same, 'a'), item(2, same, 'b')])).toEqual([{ a: 1, b: 2, score: 1 }]);
    expect(suggestDuplicates([item(1, same, 'a', 7), item(2, same, 'b', 7)])).toEqual([]);
    expect(suggestDuplicates([item(1, same, 'a', null, false), item(2, same, 'b', null, false)])).toEqual([]);
    expect(suggestDuplicates([item(1, same, 'a', null, false), item(2, same, 'b')])).toEqual([{ a: 2, b: 1, score: 1 }]);
  });
});
