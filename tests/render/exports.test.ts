/**
 * Every Word and Excel export, made by the real handlers from the demo and from a stress meeting (15 members,
 * 30 long rectification items), opened in LibreOffice, turned into PDF and read as a 督导组 reader would: the lines
 * and characters of a GB/T 9704 page, page counts, whole names and dates in table cells, titles broken between words,
 * page numbers. The PDFs and PNGs of page 1 stay in .e2e-artifacts/documents for a human to look at.
 *
 * This test fails (never skips) when LibreOffice or poppler is missing: see INSTALL_HINT.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/common/api';
import { openDemoApp, type TestApp } from '../../electron/handlers/testing';
import type { DemoIds } from '../../seeds/demo';
import { addStress, EXPORT_CHANNELS, exportEverything, type ExportedDocument } from './exportAll';
import { countChars, pageNumberOf, renderFiles, requireOfficeTools, visualRows, type RenderedFile, type RenderedPage, type TextLine } from './office';

const OUT_DIR = path.resolve('.e2e-artifacts/documents');
/** Channels named like exports that write no page a reader looks at (data files, or Chromium's PDF). */
// exportEvidence writes a folder of the user's own files (with a 目录 workbook), not a document of ours.
const NOT_DOCUMENTS = ['rectification.exportCsv', 'rectification.exportPdf', 'rectification.exportEvidence', 'exchange.export', 'exchange.exportMaterial', 'exportLog.list'];

let demo: TestApp & { ids: DemoIds };
let stress: TestApp & { ids: DemoIds };
let docs: ExportedDocument[] = [];
let rendered = new Map<string, RenderedFile>();
let names: string[] = [];

beforeAll(async () => {
  requireOfficeTools();
  demo = await openDemoApp();
  stress = await openDemoApp();
  await addStress(stress, stress.ids);
  docs = [...(await exportEverything(demo, demo.ids, 'demo')), ...(await exportEverything(stress, stress.ids, 'stress'))];
  rendered = new Map(renderFiles(docs, OUT_DIR).map((r) => [r.name, r]));
  names = (await stress.must('members.list', { teamId: stress.ids.teamId })).map((m) => m.name);
}, 300_000);

afterAll(async () => {
  await demo?.close();
  await stress?.close();
});

const get = (name: string): RenderedFile => {
  const file = rendered.get(name);
  if (!file) throw new Error(`${name} was not rendered`);
  return file;
};
const isA4 = (p: RenderedPage) => Math.abs(Math.min(p.widthPt, p.heightPt) - 595.3) < 2 && Math.abs(Math.max(p.widthPt, p.heightPt) - 841.9) < 2;
const isDocx = (d: ExportedDocument) => d.file.endsWith('.docx');

describe('the render check covers every export', () => {
  it('lists every export channel of the API', () => {
    const exporting = Object.keys(contract).filter((c) => /export/i.test(c) && !NOT_DOCUMENTS.includes(c));
    expect([...exporting, 'prep.plan', 'prep.opinionNotice', 'prep.meetingNotice', 'prep.signIn', 'prep.hostScript', 'materials.export', 'minutes.export', 'submission.build'].filter((c, i, all) => all.indexOf(c) === i).sort()).toEqual([...EXPORT_CHANNELS].sort());
    for (const channel of EXPORT_CHANNELS) expect(docs.some((d) => d.kind.startsWith(channel))).toBe(true);
  });
});

describe('every export as LibreOffice prints it', () => {
  it('is on A4 and numbers its pages', () => {
    for (const doc of docs) {
      const file = get(doc.name);
      expect(file.pages.length, doc.name).toBeGreaterThan(0);
      for (const page of file.pages) {
        expect(isA4(page), `${doc.name} p.${page.number}`).toBe(true);
        if (isDocx(doc)) expect(pageNumberOf(page), `${doc.name} p.${page.number} page number 「— n —」`).toBe(page.number);
        else expect(page.text, `${doc.name} p.${page.number} page number`).toMatch(new RegExp(`第\\s*${page.number}\\s*页`));
      }
    }
  });

  it('sets GB/T 9704 text on 28 characters a line and 22 lines a page', () => {
    let allFullPages = 0;
    let allTwentyEight = 0;
    for (const doc of docs.filter((d) => d.gridText)) {
      const file = get(doc.name);
      const full: number[] = [];
      const fitted: number[] = [];
      let fullPages = 0;
      for (const page of file.pages) {
        const rows = bodyRows(page);
        expect(rows.length, `${doc.name} p.${page.number}: lines on the page`).toBeLessThanOrEqual(22);
        // A page of body text holds 22 lines; one that ends before a heading kept with its text may hold fewer.
        if (rows.length === 22) fullPages++;
        if (page.number < file.pages.length && rows.length >= 18) {
          // A page that is not the last one is full unless a heading or a page break moved text on: 22 body lines.
          const pitches = rows.slice(1).map((r, i) => r.top - rows[i].top).filter((d) => d < 40);
          // 28 pt exact lines, set on the 28.95 pt line grid where the suite honours it: 22 lines in 225 mm either way.
          expect(median(pitches), `${doc.name} p.${page.number}: line pitch`).toBeGreaterThanOrEqual(27.5);
          expect(median(pitches), `${doc.name} p.${page.number}: line pitch`).toBeLessThanOrEqual(29.5);
        }
        const right = Math.max(...rows.map((r) => r.right));
        const left = Math.min(...rows.map((r) => r.left));
        for (const row of rows) {
          // A full line of Chinese text: starts at the left margin, ends at the right one, has no Latin letters or digits.
          // A closing punctuation mark may hang past the line end (避头尾): it is not counted.
          if (row.left - left < 2 && right - row.right < 2 && !/[\x21-\x7e]/.test(row.text)) {
            full.push(countChars(row.text));
            fitted.push(countChars(row.text.replace(/[，。、；：！？」”）]$/, '')));
          }
        }
      }
      allFullPages += fullPages;
      // A one-page document may have no full line of Chinese alone (the totals below keep the check from passing empty).
      if (full.length === 0) continue;
      expect(Math.max(...fitted), `${doc.name}: characters on a full line`).toBeLessThanOrEqual(28);
      // Full lines hold 28 characters; a line with paired full-width punctuation (「）；」) may hold 27 after the suite
      // closes up the marks. 18 (the grid bug) or 14 must never come back.
      expect(mode(full), `${doc.name}: characters on a full line`).toBeGreaterThanOrEqual(27);
      allTwentyEight += full.filter((n) => n === 28).length;
    }
    // Multi-page documents (材料, 会议记录, 方案) have full pages: the checks above ran on 22-line pages.
    expect(allFullPages).toBeGreaterThan(3);
    expect(allTwentyEight).toBeGreaterThan(10);
  });

  it('breaks titles only between words', () => {
    for (const doc of docs.filter(isDocx)) {
      const lines = titleLines(get(doc.name).pages[0]);
      expect(lines.length, `${doc.name}: a title in 二号`).toBeGreaterThan(0);
      for (let i = 1; i < lines.length; i++) {
        const before = lines.slice(0, i).join('');
        const title = lines.join('');
        expect(isWordBoundary(title, before.length), `${doc.name}: title broken as 「${lines.join(' / ')}」`).toBe(true);
      }
    }
  });

  it('prints every name and date of the 整改清单 whole, on one line of its cell', () => {
    for (const doc of docs.filter((d) => d.kind.startsWith('rectification.'))) {
      // pdftotext shows the automatic space between digits and 年月日 as a blank: close it up.
      const text = get(doc.name)
        .pages.map((p) => p.text)
        .join('\n')
        .replace(/(\d) +(?=[年月日])/g, '$1')
        .replace(/([年月]) +(?=\d)/g, '$1');
      for (const name of doc.name.startsWith('stress-rect-current') ? names : []) {
        // Every team member leads at least one item of the stress list, so each name must appear in one piece.
        expect(text.replace(/ +/g, ' '), `${doc.name}: ${name} printed whole`).toContain(name);
      }
      const dates = text.match(/20\d\d年\d{1,2}月\d{1,2}日/g) ?? [];
      const broken = text.match(/20\d\d年?\s*$|20\d\d年\d{1,2}月?\s*$/gm) ?? [];
      expect(dates.length, `${doc.name}: dates printed whole`).toBeGreaterThan(0);
      expect(broken, `${doc.name}: a date broken across lines`).toEqual([]);
    }
  });

  it('fills page 1 of the 征求意见通知 instead of moving a chain of headings to page 2', () => {
    for (const name of ['demo-notice', 'stress-notice']) {
      const file = get(name);
      if (file.pages.length < 2) continue;
      // The type area ends 37 + 225 mm from the top of the page; a heading kept with its text may leave a few lines.
      const last = bodyRows(file.pages[0]).at(-1);
      const typeAreaBottom = ((37 + 225) / 25.4) * 72;
      expect(typeAreaBottom - ((last?.top ?? 0) + (last?.height ?? 0)), `${name}: empty space at the foot of page 1`).toBeLessThan(5 * 29);
    }
  });

  it('prints the 签到表 of 15 members and the guests on one page, every name whole with room to sign', () => {
    for (const name of ['demo-sign-in', 'stress-sign-in']) expect(get(name).pages.length, name).toBe(1);
    const text = get('stress-sign-in').pages[0].text.replace(/ +/g, ' ');
    for (const member of names) expect(text, `${member} on the 签到表`).toContain(member);
  });

  it('keeps the working 整改清单 of the demo (7 items) on at most 4 landscape pages', () => {
    const file = get('demo-rect-current-docx');
    expect(file.pages.every((p) => p.landscape)).toBe(true);
    expect(file.pages.length).toBeLessThanOrEqual(4);
    expect(get('stress-rect-current-docx').pages.length).toBeLessThanOrEqual(16);
    expect(get('stress-rect-agreed-docx').pages.length).toBeLessThanOrEqual(12);
  });

  it('prints workbooks at a readable size across the width, on as many pages as the rows need', () => {
    for (const doc of docs.filter((d) => d.file.endsWith('.xlsx'))) {
      const file = get(doc.name);
      const heights = file.pages.flatMap((p) => p.lines.map((l) => l.height));
      // About 五号, allowing for the fit-to-width scale of a wide sheet: not the half-size print of a whole sheet on one page.
      // pdftotext's line box is about 1.3 × the font size: 9 pt boxes are 7 pt type.
      expect(median(heights), `${doc.name}: printed text height`).toBeGreaterThanOrEqual(9);
    }
    expect(get('stress-rect-current-xlsx').pages.length).toBeGreaterThan(1);
  });
});

/** Body rows of a page: no footer (page number) and no title-size rows. */
function bodyRows(page: RenderedPage): TextLine[] {
  return visualRows(page).filter((r) => !/^[—－-]\s*\d+\s*[—－-]$/.test(r.text.trim()) && r.height < TITLE_BOX);
}

/** pdftotext's line box is 1.3 × the font size: 三号 20.8 pt, 二号 28.6 pt. */
const TITLE_BOX = 25;

/** Rows of page 1 in the title size (二号 22 pt), before the first body row. */
function titleLines(page: RenderedPage): string[] {
  const rows = visualRows(page);
  const first = rows.findIndex((r) => r.height >= TITLE_BOX);
  if (first < 0) return [];
  const lines: string[] = [];
  for (const row of rows.slice(first)) {
    if (row.height < TITLE_BOX) break;
    lines.push(row.text.replace(/\s/g, ''));
  }
  return lines;
}

/** Terms a title must never be broken inside, beyond what the word segmenter already keeps together. */
const TERMS = ['民主生活会', '组织生活会', '整改清单', '征求意见', '意见建议', '汇总表', '统计表', '对照检查', '检查材料', '领导班子', '班子成员', '会议记录', '会议方案', '情况报告', '人民政府', '审议通过', '反馈'];
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function isWordBoundary(text: string, offset: number): boolean {
  let at = 0;
  let boundary = false;
  for (const segment of segmenter.segment(text)) {
    if (at === offset) boundary = true;
    at += segment.segment.length;
  }
  if (!boundary) return false;
  for (const term of TERMS) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) if (offset > i && offset < i + term.length) return false;
  }
  // Digits of a year stay with 年; 「年度」 stays whole.
  return !/\d$/.test(text.slice(0, offset)) || !/^[\d年]/.test(text.slice(offset));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}
