import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { demoEvidencePdf } from '../../../seeds/demo/evidencePdf';
import { agreedList, baseItem, emptyList } from './ledgerTesting';
import type { Input } from '../../common/api';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
  await emptyList(app);
});
afterEach(() => app.close());

const agreedTwo = async () => agreedList(app, await baseItem(app), [{ problem: '调查研究不够深入' }, { problem: '立行立改：会议室空调长开' }]);
const close = (itemId: number, extra: Partial<Input<'rectification.addProgress'>> = {}) =>
  app.call('rectification.addProgress', { itemId, date: '2027-03-20', kind: 'review', text: '验收合格', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [], ...extra });

describe('销号 on evidence', () => {
  it('closes one item on a stored PDF and refuses the other until the acceptor states why there is none', async () => {
    const list = await agreedTwo();
    const pdf = demoEvidencePdf('acceptance');
    const withPdf = await close(list.items[0].id, { evidence: [{ name: '验收记录.pdf', file: pdf }] });
    expect(withPdf.ok).toBe(true);
    const before = app.counts();
    const refused = await close(list.items[1].id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'rectification.evidenceRequired' } });
    expect(app.counts()).toEqual(before);
    const blank = await close(list.items[1].id, { noEvidenceReason: '   ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'rectification.evidenceRequired' } });
    const accepted = await app.must('rectification.addProgress', { itemId: list.items[1].id, date: '2027-03-20', kind: 'review', text: '现场核实', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [], noEvidenceReason: '立行立改，现场核实，无书面材料' });
    expect(accepted.items[0]).toMatchObject({ status: 'closed', closedWithoutEvidence: false, evidence: [{ name: '验收记录.pdf', stored: true, format: 'pdf', bytes: pdf.byteLength }] });
    expect(accepted.items[1]).toMatchObject({ status: 'closed', closedWithoutEvidence: true, noEvidenceReason: '立行立改，现场核实，无书面材料', evidence: [] });
    const history = await app.must('rectification.history', { itemId: list.items[1].id });
    expect(history.progress.at(-1)?.noEvidenceReason).toBe('立行立改，现场核实，无书面材料');

    // The stored file comes back byte for byte.
    const saved = await app.must('rectification.saveEvidence', { evidenceId: accepted.items[0].evidence[0].id });
    expect(new Uint8Array(fs.readFileSync(saved.path!))).toEqual(pdf);

    // Every export marks the item closed without evidence (Excel and Word).
    const xlsx = await app.must('rectification.exportXlsx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path!);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('无佐证材料销号（验收人说明：立行立改，现场核实，无书面材料）');
    expect(cells).toContain('验收记录.pdf');
    const docx = await app.must('rectification.exportDocx', { meetingId: app.ids.meetingId, version: 'current', scope: 'all', attachmentLabel: null });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docx.path!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('无佐证材料销号（验收人说明：立行立改，现场核实，无书面材料）');

    // A file attached later lifts the mark; evidence of a closed item cannot be removed.
    const later = await app.must('rectification.attachEvidence', { itemId: list.items[1].id, progressId: null, files: [{ name: '现场照片.pdf', file: demoEvidencePdf('photo') }] });
    expect(later.items[1]).toMatchObject({ closedWithoutEvidence: false, noEvidenceReason: '' });
    expect(await app.call('rectification.removeEvidence', { evidenceId: later.items[1].evidence[0].id })).toMatchObject({ ok: false, error: { code: 'rectification.closedEvidence' } });
  });

  it('refuses files that are not what their name says, or not Word, PDF, image or Excel, and changes nothing', async () => {
    const list = await agreedTwo();
    const before = app.counts();
    const fake = new TextEncoder().encode('MZ\u0090\u0000 this is a program');
    const cases: [string, Uint8Array][] = [
      ['整改报告.pdf', fake],
      ['照片.jpg', demoEvidencePdf('x')],
      ['压缩包.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ];
    for (const [name, file] of cases) {
      const result = await app.call('rectification.attachEvidence', { itemId: list.items[0].id, progressId: null, files: [{ name, file: file as Uint8Array<ArrayBuffer> }] });
      expect(result).toMatchObject({ ok: false, error: { code: 'rectification.evidenceFile' } });
      if (!result.ok) expect(result.error.messageEn).toMatch(/\S/);
    }
    expect(app.counts()).toEqual(before);
  });

  it('exports the evidence as a folder per item with a 目录 that names items closed without evidence', async () => {
    const list = await agreedTwo();
    await close(list.items[0].id, { evidence: [{ name: '验收记录.pdf', file: demoEvidencePdf('a') }, { name: '验收记录.pdf', file: demoEvidencePdf('b') }] });
    await close(list.items[1].id, { noEvidenceReason: '现场核实' });
    // The 目录's date is the user's today: the test clock is 2026-11-27 09:00 in Beijing, still the 26th in Honolulu.
    await app.must('settings.update', { timeZone: 'Pacific/Honolulu' });
    const out = await app.must('rectification.exportEvidence', { meetingId: app.ids.meetingId, scope: 'all' });
    expect(out).toMatchObject({ saved: true, files: 2, items: 1, closedWithoutEvidence: 1 });
    const folders = fs.readdirSync(out.folder!).sort();
    expect(folders).toEqual(['001-调查研究不够深入', '佐证材料目录.xlsx']);
    expect(fs.readdirSync(path.join(out.folder!, folders[0])).sort()).toEqual(['验收记录.pdf', '验收记录（2）.pdf']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out.folder!, '佐证材料目录.xlsx'));
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('已销号，无佐证材料（验收人说明：现场核实）');
    expect(cells).toContain('（截至2026-11-26，共2份文件）');
    expect((await app.must('exportLog.list', {})).map((l) => l.kind)).toContain('rectification.evidence');
  });
});

describe('回头看', () => {
  it('lists every open item of the team, across meetings, with age, owners and last progress, and exports it', async () => {
    const list = await agreedTwo();
    await app.must('rectification.addProgress', { itemId: list.items[0].id, date: '2027-01-10', kind: 'supervision', text: '督办：调研计划未印发', by: '郭文静', statusTo: null, acceptor: '', evidence: [] });
    const view = await app.must('rectification.review', { meetingId: app.ids.meetingId, today: '2027-04-01' });
    // Last year's demo list still has open items; this year's two are open too.
    const mine = view.rows.filter((r) => r.meetingId === app.ids.meetingId);
    expect(mine.map((r) => r.problem)).toEqual(['调查研究不够深入', '立行立改：会议室空调长开']);
    expect(mine[0]).toMatchObject({ overdue: true, ageDays: 125, leaders: ['林向东'], unit: '县政府办公室', lastProgress: { date: '2027-01-10', text: '督办：调研计划未印发' } });
    expect(mine[1].lastProgress).toBeNull();
    expect(view.rows.some((r) => r.meetingId !== app.ids.meetingId)).toBe(true);
    expect(view.rows.every((r) => r.status !== 'closed')).toBe(true);
    expect(view.counts).toEqual({ open: view.rows.length, overdue: view.rows.filter((r) => r.overdue).length, rows: view.rows.length });
    const saved = await app.must('rectification.exportReview', { meetingId: app.ids.meetingId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved.path!);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('调查研究不够深入');
  });

  it('counts age and 逾期 as of today in the user’s time zone, not main’s', async () => {
    // The test clock is 2026-11-27 09:00 in Beijing (01:00 UTC): still the 26th in Honolulu, already the 27th on
    // Kiritimati (UTC+14); whatever main's own zone, one of the two would be wrong if main's clock were read.
    await app.must('settings.update', { timeZone: 'Pacific/Honolulu' });
    expect((await app.must('rectification.review', { meetingId: app.ids.meetingId })).today).toBe('2026-11-26');
    await app.must('settings.update', { timeZone: 'Pacific/Kiritimati' });
    expect((await app.must('rectification.review', { meetingId: app.ids.meetingId })).today).toBe('2026-11-27');
  });
});
