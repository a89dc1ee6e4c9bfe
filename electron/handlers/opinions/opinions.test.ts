import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../documents/workbook';
import { deflatedZeros, makeZip } from '../../documents/workbook/testing/zipFixtures';
import { splitOpinionBatch } from '../../common/opinions/split';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { collectDossier } from '../meetings/dossier';
import { collectFacts } from '../meetings/facts';
import { collectSources } from '../meetings/sources';

let app: TestApp & { ids: DemoIds };
let memberIds: number[];
let aspectIds: number[];
beforeEach(async () => {
  app = await openDemoApp();
  const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
  aspectIds = meeting.aspects.map((a) => a.id);
  memberIds = (await app.must('members.list', { teamId: app.ids.teamId })).map((m) => m.id);
});
afterEach(() => app.close());

const base = { channel: 'box' as const, source: '', date: '2026-11-20', targetMemberId: null, aspectId: null, anonymous: true, submitter: '' };

/** Every row of every table, as text: what someone holding the database file could read. */
function everyRow(): string {
  const tables = app.connection.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.map((t) => JSON.stringify(app.connection.sqlite.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
}

async function xlsx(rows: (string | number | null)[][], header = ['序号', '针对对象', '方面', '意见和建议', '来源渠道', '提出单位', '日期', '是否匿名', '提出人（可不填）']): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('征求意见表');
  ws.addRow(['青溪县人民政府党组民主生活会征求意见表']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('entry', () => {
  it('saves a pasted batch with lead-ins: each opinion about the member its lead-in names, enumerators stripped', async () => {
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const [first, second] = members;
    const batch = splitOpinionBatch(`对${second.name}同志的意见：一是作风急躁；二是调研不深。\n对班子的意见：\n1. 会议偏多。`, members);
    expect(batch.rows.filter((r) => r.kind === 'lead-in')).toHaveLength(2);
    const targets = batch.opinions.flatMap((o, index) => (o.target ? [{ index, targetMemberId: o.target.kind === 'team' ? null : o.target.memberId }] : []));
    const created = await app.must('opinions.createBatch', { meetingId: app.ids.meetingId, common: { ...base, targetMemberId: first.id }, texts: batch.opinions.map((o) => o.text), targets });
    expect(created.map((c) => [c.text, c.targetMemberId])).toEqual([
      ['作风急躁；', second.id],
      ['调研不深。', second.id],
      ['会议偏多。', null],
    ]);
    const before = app.counts();
    const bad = await app.call('opinions.createBatch', { meetingId: app.ids.meetingId, common: base, texts: ['一条'], targets: [{ index: 0, targetMemberId: 987654 }] });
    const outside = await app.call('opinions.createBatch', { meetingId: app.ids.meetingId, common: base, texts: ['一条'], targets: [{ index: 3, targetMemberId: null }] });
    expect([bad.ok, outside.ok]).toEqual([false, false]);
    expect(app.counts()).toEqual(before);
  });

  it('saves a batch with common fields and refuses bad input without writing', async () => {
    const before = app.counts();
    const created = await app.must('opinions.createBatch', { meetingId: app.ids.meetingId, common: { ...base, channel: 'symposium', targetMemberId: memberIds[2], aspectId: aspectIds[0] }, texts: ['一条', '  ', '两条\r\n续行'] });
    expect(created.map((c) => c.text)).toEqual(['一条', '两条\r\n续行']);
    expect(created.every((c) => c.targetMemberId === memberIds[2] && c.channel === 'symposium')).toBe(true);
    const after = app.counts();
    const refusals = [
      await app.call('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, text: '   ' } }),
      await app.call('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, text: '好', date: '2026-02-30' } }),
      await app.call('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, text: 'x'.repeat(5001) } }),
      await app.call('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, text: '好', targetMemberId: 999999 } }),
      await app.call('opinions.create', { meetingId: 424242, opinion: { ...base, text: '好' } }),
      await app.call('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, text: '好', channel: 'pigeon' as 'box' } }),
    ];
    for (const r of refusals) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.messageEn).toMatch(/[a-z]/);
    }
    expect(app.counts()).toEqual(after);
    expect(after.opinions).toBe(before.opinions + 2);
  });
});

describe('anonymity', () => {
  it('an anonymous opinion leaves no identifying trace in any table', async () => {
    const named = await app.must('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, channel: 'interview', anonymous: false, submitter: '甄实名', text: '实名意见甲' } });
    // The caller sends a name by mistake with the anonymous flag: it must not be stored.
    const anon = await app.must('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, anonymous: true, submitter: '贾匿名', text: '匿名意见乙' } });
    const named2 = await app.must('opinions.create', { meetingId: app.ids.meetingId, opinion: { ...base, channel: 'interview', anonymous: false, submitter: '甄实名', text: '实名意见丙' } });
    expect(anon.submitter).toBeNull();
    expect(everyRow()).not.toContain('贾匿名');
    const row = app.connection.sqlite.prepare('SELECT * FROM opinions WHERE id = ?').get(anon.id) as Record<string, unknown>;
    expect(row.submitter).toBeNull();
    expect(row.created_at).toBeNull();
    expect(row.position).toBe(0);
    // Ids do not reveal the order of entry: the anonymous one is not sandwiched between its neighbours.
    expect(!(anon.id > named.id && anon.id < named2.id) || !(named2.id - named.id === 2)).toBe(true);
    const ids = (app.connection.sqlite.prepare('SELECT id FROM opinions').all() as { id: number }[]).map((r) => r.id);
    const sorted = [...ids].sort((a, b) => a - b);
    expect(sorted[sorted.length - 1] - sorted[0]).toBeGreaterThan(ids.length * 1000);

    // A named opinion made anonymous loses its giver, its entry time and its id.
    const changed = await app.must('opinions.update', { id: named2.id, opinion: { ...base, text: '实名意见丙', anonymous: true, submitter: '甄实名' } });
    expect(changed.id).not.toBe(named2.id);
    const changedRow = app.connection.sqlite.prepare('SELECT * FROM opinions WHERE id = ?').get(changed.id) as Record<string, unknown>;
    expect(changedRow).toMatchObject({ submitter: null, created_at: null, anonymous: 1 });
    // The database itself refuses a submitter on an anonymous row.
    expect(() => app.connection.sqlite.prepare("UPDATE opinions SET submitter = '某人' WHERE id = ?").run(anon.id)).toThrow(/CHECK/);
    // Exports and the dossier never print a submitter.
    await app.must('opinions.exportFeedback', { meetingId: app.ids.meetingId, memberIds: [null], format: 'xlsx' });
    const dossier = await collectDossier(app.ctx, app.ids.meetingId, null);
    expect(JSON.stringify(dossier)).not.toContain('甄实名');
    expect(everyRow().match(/甄实名/g)?.length).toBe(1);
  });
});

describe('梳理归类', () => {
  it('merges, keeps every raw text, and unmerges', async () => {
    const raws = await app.must('opinions.createBatch', { meetingId: app.ids.meetingId, common: base, texts: ['会多文多，基层负担重。', '文山会海问题突出。', '会议太多。'] });
    const ids = raws.map((r) => r.id);
    const merged = await app.must('opinions.merge', { meetingId: app.ids.meetingId, opinionIds: ids, text: '文山会海问题仍然存在，基层负担较重。', targetMemberId: null, aspectId: aspectIds[3], handling: 'rectify', note: '' });
    expect(merged.rawIds.sort()).toEqual([...ids].sort());
    let board = await app.must('opinions.board', { meetingId: app.ids.meetingId });
    for (const r of raws) expect(board.opinions.find((o) => o.id === r.id)).toMatchObject({ text: r.text, consolidatedId: merged.id, aspectId: aspectIds[3] });
    // Moving one raw into another merge empties nothing else; detaching keeps the text.
    board = await app.must('opinions.detach', { opinionId: ids[2] });
    expect(board.consolidated.find((c) => c.id === merged.id)?.rawIds).toHaveLength(2);
    const back = await app.must('opinions.unmerge', { id: merged.id });
    expect(back.sort()).toEqual(ids.slice(0, 2).sort());
    board = await app.must('opinions.board', { meetingId: app.ids.meetingId });
    expect(board.consolidated.some((c) => c.id === merged.id)).toBe(false);
    for (const r of raws) expect(board.opinions.find((o) => o.id === r.id)).toMatchObject({ text: r.text, consolidatedId: null });
  });

  it('classifies in bulk, following merged groups', async () => {
    const board = await app.must('opinions.board', { meetingId: app.ids.meetingId });
    const group = board.consolidated[0];
    const single = board.opinions.find((o) => o.consolidatedId === null)!;
    const after = await app.must('opinions.classify', { meetingId: app.ids.meetingId, opinionIds: [group.rawIds[0], single.id], consolidatedIds: [], targetMemberId: memberIds[1] });
    expect(after.consolidated.find((c) => c.id === group.id)?.targetMemberId).toBe(memberIds[1]);
    for (const id of [...group.rawIds, single.id]) expect(after.opinions.find((o) => o.id === id)?.targetMemberId).toBe(memberIds[1]);
    const bad = await app.call('opinions.classify', { meetingId: app.ids.meetingId, opinionIds: [single.id], consolidatedIds: [], aspectId: 999999 });
    expect(bad.ok).toBe(false);
  });

  it('suggests the demo near-duplicates and never merges them itself', async () => {
    const before = await app.must('opinions.board', { meetingId: app.ids.meetingId });
    const clusters = await app.must('opinions.duplicates', { meetingId: app.ids.meetingId });
    const texts = clusters.map((c) => c.opinionIds.map((id) => before.opinions.find((o) => o.id === id)!.text));
    expect(texts.some((t) => t.length >= 2 && t.every((x) => /台账/.test(x)))).toBe(true);
    expect(await app.must('opinions.board', { meetingId: app.ids.meetingId })).toEqual(before);
  });
});

describe('counts and providers', () => {
  it('counts raw vs consolidated and writes the paragraph; step, facts, sources, dossier follow', async () => {
    let stats = await app.must('opinions.stats', { meetingId: app.ids.meetingId });
    expect(stats.raw).toBe(20);
    expect(stats.consolidated).toBe(19);
    expect(stats.formsIssued).toBe(110);
    // 18 opinions are not sorted yet: the paragraph does not claim a 梳理归纳 figure, it splits the opinions as received.
    expect(stats.unsorted).toBe(18);
    expect(stats.paragraph).toContain(`共发放征求意见表110份，收回63份；共征求意见建议20条，其中对班子${stats.rawToTeam}条，对班子成员个人${stats.rawToMembers}条。`);
    expect(stats.paragraph).not.toContain('梳理归纳');
    const dash = await app.must('meetings.dashboard', { id: app.ids.meetingId });
    expect(dash.steps.find((s) => s.key === 'opinions')).toMatchObject({ derived: true, progress: '2/20' });
    await app.must('opinions.confirmSingles', { meetingId: app.ids.meetingId, handling: 'feedback' });
    stats = await app.must('opinions.stats', { meetingId: app.ids.meetingId });
    expect(stats.unsorted).toBe(0);
    expect(stats.consolidated).toBe(19);
    expect(stats.paragraph).toContain('共征求意见建议20条，梳理归纳为19条');
    const all = [null, ...memberIds];
    await app.must('opinions.exportFeedback', { meetingId: app.ids.meetingId, memberIds: all, format: 'docx' });
    const step = (await app.must('meetings.dashboard', { id: app.ids.meetingId })).steps.find((s) => s.key === 'opinions');
    expect(step?.status).toBe('done');
    const facts = await collectFacts(app.ctx, app.ids.meetingId);
    expect(facts.opinions).toMatchObject({ raw: 20, consolidated: 19, formsIssued: 110, formsReturned: 63 });
    const sources = (await collectSources(app.ctx, app.ids.meetingId)).filter((s) => s.type === 'opinion');
    expect(sources).toHaveLength(19);
    const dossier = await collectDossier(app.ctx, app.ids.meetingId, memberIds[2]);
    expect(dossier[0].paragraphs.join()).toContain('教师周转房');
  });
});

describe('exports', () => {
  it('writes the feedback .docx in GB/T 9704 format with verbatim text, one file per member', async () => {
    const result = await app.must('opinions.exportFeedback', { meetingId: app.ids.meetingId, memberIds: [memberIds[2], memberIds[1]], format: 'docx' });
    expect(result.files.map((f) => f.fileName)).toEqual(['征求意见反馈-陈晓燕.docx', '征求意见反馈-周明华.docx']);
    const zip = await JSZip.loadAsync(fs.readFileSync(result.files[0].path));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('陈晓燕同志到基层学校调研次数较多，但对农村学校教师周转房问题跟踪督办不够，有的问题反映两年还没解决。');
    expect(xml).not.toContain('李国庆');
    expect(xml).toMatch(/<w:pgMar[^>]*w:top="2098"/);
    expect(xml).toMatch(/<w:pgMar[^>]*w:left="1588"/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    const log = await app.must('exportLog.list', {});
    expect(log.filter((l) => l.kind === 'opinions.feedback')).toHaveLength(2);
  });

  it('follows the unit font profile from settings', async () => {
    await app.must('settings.update', { document: { fontProfile: 'system' } });
    const result = await app.must('opinions.exportSummary', { meetingId: app.ids.meetingId, format: 'docx' });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(result.files[0].path))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/w:eastAsia="仿宋"/);
    expect(xml).toContain('意见建议（原文/梳理后）');
    expect(xml).toContain('w:orient="landscape"');
  });

  it('exports the summary and stats workbooks and the template with dropdowns', async () => {
    const summary = await app.must('opinions.exportSummary', { meetingId: app.ids.meetingId, format: 'xlsx' });
    const stats = await app.must('opinions.exportStats', { meetingId: app.ids.meetingId });
    const template = await app.must('opinions.exportTemplate', { meetingId: app.ids.meetingId });
    for (const f of [...summary.files, ...stats.files, ...template.files]) expect(fs.existsSync(f.path)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(summary.files[0].path) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('合并条数');
    expect(text).toContain('【原文】');
    const sheetXml = await (await JSZip.loadAsync(fs.readFileSync(template.files[0].path))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('dataValidation');
  });
});

describe('import', () => {
  it('imports a filled template (round trip) and does not duplicate on re-import', async () => {
    const template = await app.must('opinions.exportTemplate', { meetingId: app.ids.meetingId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(template.files[0].path) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('征求意见表')!;
    const headerRow = 3;
    expect(ws.getRow(headerRow).getCell(4).value).toBe('意见和建议');
    ws.getRow(headerRow + 1).values = [1, '王建国', '', '高标准农田管护不到位。', '征求意见表', '县水利局', '2026-11-18', '是', '不应保存的名字'];
    ws.getRow(headerRow + 2).values = [2, '领导班子', '在履职尽责、担当作为方面', '调研不够深入。', '座谈会', '', '2026年11月19日', '否', '吴实名'];
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const files = [{ name: '县水利局.xlsx', bytes }];
    const preview = await app.must('opinions.importPreview', { meetingId: app.ids.meetingId, files });
    expect(preview[0]).toMatchObject({ error: null, valid: 2, invalid: 0 });
    expect(preview[0].rows[0]).toMatchObject({ targetMemberId: memberIds[3], anonymous: true, submitter: null, date: '2026-11-18' });
    expect(preview[0].rows[1]).toMatchObject({ targetMemberId: null, aspectId: aspectIds[4], anonymous: false, submitter: '吴实名', channel: 'symposium' });
    const before = app.counts();
    expect(before).toEqual(app.counts());
    const result = await app.must('opinions.importCommit', { meetingId: app.ids.meetingId, files, skipInvalid: false });
    expect(result).toEqual({ imported: 2, skippedInvalid: 0, skippedDuplicate: 0 });
    expect(everyRow()).not.toContain('不应保存的名字');
    const again = await app.must('opinions.importCommit', { meetingId: app.ids.meetingId, files, skipInvalid: false });
    expect(again).toEqual({ imported: 0, skippedInvalid: 0, skippedDuplicate: 2 });
    expect(app.counts().opinions).toBe(before.opinions + 2);
  });

  it('previews a partly bad file row by row and imports only when asked to skip bad rows', async () => {
    const bytes = await xlsx([
      [1, '陈晓燕', '', '好意见。', '意见箱', '', '', '', ''],
      [2, '张三丰', '', '对象不存在。', '意见箱', '', '', '', ''],
      [3, '领导班子', '不存在的方面', '方面不对。', '', '', '2026-02-30', '', ''],
      [4, '', '', '没有对象。', '', '', '', '', ''],
      [5, '领导班子', '', '', '飞鸽传书', '', '', '', ''],
    ]);
    const files = [{ name: 'b.xlsx', bytes }];
    const [p] = await app.must('opinions.importPreview', { meetingId: app.ids.meetingId, files });
    expect(p).toMatchObject({ valid: 1, invalid: 4 });
    const errors = p.rows.map((r) => r.errors.join(' '));
    expect(errors[1]).toContain('张三丰');
    expect(errors[2]).toContain('不存在的方面');
    expect(errors[2]).toContain('不是有效日期');
    expect(errors[3]).toContain('针对对象');
    expect(errors[4]).toContain('意见和建议');
    const before = app.counts();
    const refused = await app.call('opinions.importCommit', { meetingId: app.ids.meetingId, files, skipInvalid: false });
    expect(refused.ok).toBe(false);
    expect(app.counts()).toEqual(before);
    const done = await app.must('opinions.importCommit', { meetingId: app.ids.meetingId, files, skipInvalid: true });
    expect(done).toMatchObject({ imported: 1, skippedInvalid: 4 });
  });

  it('imports CSV and several files at once', async () => {
    const csv = new TextEncoder().encode('针对对象,意见和建议,来源渠道\r\n领导班子,"会多文多，""基层""负担重。",电话\r\n孙丽娟,涉企检查过多。,\r\n');
    const x = await xlsx([[1, '刘志强', '', '施工扰民。', '', '', '', '', '']]);
    const result = await app.must('opinions.importCommit', { meetingId: app.ids.meetingId, files: [{ name: 'a.csv', bytes: csv }, { name: 'b.xlsx', bytes: x }], skipInvalid: false });
    expect(result.imported).toBe(3);
    const board = await app.must('opinions.board', { meetingId: app.ids.meetingId });
    expect(board.opinions.some((o) => o.text === '会多文多，"基层"负担重。' && o.channel === 'phone')).toBe(true);
  });

  it('refuses hostile files with clear messages and writes nothing', async () => {
    const bomb = await deflatedZeros(200 * 1024 * 1024);
    const bigRows: (string | number)[][] = Array.from({ length: 50_000 }, (_, i) => [i + 1, '领导班子', '', `意见${i}`, '', '', '', '', '']);
    const formulaBook = new ExcelJS.Workbook();
    const fs1 = formulaBook.addWorksheet('征求意见表');
    fs1.addRow(['针对对象', '意见和建议']);
    fs1.addRow(['领导班子', { formula: 'HYPERLINK("http://example.com","点我")' }]);
    const cases: [string, Uint8Array<ArrayBuffer>][] = [
      ['wrong-columns.xlsx', await xlsx([['a', 'b']], ['姓名', '电话', '住址'])],
      ['empty.xlsx', new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer())],
      ['header-only.xlsx', await xlsx([])],
      ['fifty-thousand.xlsx', await xlsx(bigRows)],
      ['corrupt.xlsx', new Uint8Array(Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]))],
      ['bomb.xlsx', new Uint8Array(makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', compressed: bomb, method: 8 }]))],
      ['formula.xlsx', new Uint8Array(await formulaBook.xlsx.writeBuffer())],
      ['not-excel.xlsx', new TextEncoder().encode('hello')],
    ];
    const before = app.counts();
    for (const [name, bytes] of cases) {
      const [p] = await app.must('opinions.importPreview', { meetingId: app.ids.meetingId, files: [{ name, bytes }] });
      const problem = p.error ?? (p.valid === 0 ? { message: p.rows.flatMap((r) => r.errors).join(' ') } : null);
      expect(problem, name).not.toBeNull();
      expect(problem!.message.length, name).toBeGreaterThan(4);
      const commit = await app.call('opinions.importCommit', { meetingId: app.ids.meetingId, files: [{ name, bytes }], skipInvalid: false });
      expect(commit.ok, name).toBe(false);
    }
    expect(app.counts()).toEqual(before);
    // One hostile file among good ones: nothing from any file is written.
    const good = await xlsx([[1, '领导班子', '', '好意见。', '', '', '', '', '']]);
    const mixed = await app.call('opinions.importCommit', { meetingId: app.ids.meetingId, files: [{ name: 'good.xlsx', bytes: good }, { name: 'corrupt.xlsx', bytes: cases[4][1] }], skipInvalid: true });
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) expect(mixed.error.message).toContain('corrupt.xlsx');
    expect(app.counts()).toEqual(before);
    // Our own file format check does not depend on the name.
    expect(path.extname('x.xlsx')).toBe('.xlsx');
  });
});

describe('buildWorkbook fixture sanity', () => {
  it('buildWorkbook output is importable', async () => {
    const bytes = await buildWorkbook({ sheets: [{ name: 'S', title: 'T', columns: [{ key: 't', header: '针对对象' }, { key: 'x', header: '意见和建议' }], rows: [{ t: '领导班子', x: '测试意见。' }] }] });
    const [p] = await app.must('opinions.importPreview', { meetingId: app.ids.meetingId, files: [{ name: 's.xlsx', bytes: new Uint8Array(bytes) }] });
    expect(p).toMatchObject({ valid: 1, error: null });
  });
});
