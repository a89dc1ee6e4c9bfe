import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildWorkbook } from './buildWorkbook';
import { EXCEL_MAX_CELL_CHARS } from './cellText';
import { ROW_KEY_HEADER, sheetLayout } from './layout';
import type { SheetSpec } from './types';
import { LISTS_SHEET_NAME } from './validation';

const STATUSES = ['未启动', '推进中', '已完成待验收', '已销号', '长期坚持'];
// Long enough, and with commas, so it cannot be stored inline.
const SOURCES = ['征求意见', '谈心谈话', '批评意见', '自查', '巡察,审计反馈', '上年未完成'];

const HOSTILE = ['=1+1', '+cmd', '@SUM(A1)', '-2+3', '＝1+1', '\tfoo', '=HYPERLINK("http://x","点我")', ' =1'];

function rectificationSheet(overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name: '整改清单',
    title: '某某领导班子民主生活会整改清单',
    subtitle: '填报单位（盖章）：某某局　　填报日期：2026年1月5日',
    columns: [
      { key: 'no', header: '序号', width: 6, align: 'center' },
      { key: 'problem', header: '问题表现', width: 40 },
      { key: 'status', header: '整改状态', width: 12, validation: { list: STATUSES } },
      { key: 'source', header: '问题来源', width: 14, validation: { list: SOURCES, strict: false, prompt: '请选择' } },
      { key: 'deadline', header: '整改时限', wrap: false },
    ],
    rows: [
      { no: 1, problem: '理论学习不够深入。\n比如，学习缺乏系统性。', status: '推进中', source: '征求意见', deadline: '2026-06-30', id: 'item-1' },
      { no: 2, problem: '调查研究不够', status: '未启动', source: null, deadline: '立行立改', id: 'item-2' },
      ...HOSTILE.map((text, i) => ({ no: 3 + i, problem: text, status: null, source: null, deadline: -5, id: `item-${3 + i}` })),
    ],
    rowKey: { key: 'id' },
    ...overrides,
  };
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The cellXfs entry (raw XML) used by one cell, to check what exceljs cannot read back (quotePrefix). */
async function rawStyleOf(buf: Buffer, sheetPath: string, address: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const sheet = await zip.file(sheetPath)!.async('string');
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const s = Number(new RegExp(`<c r="${address}" s="(\\d+)"`).exec(sheet)?.[1] ?? 0);
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf\b[^>]*>/g)!;
  return xfs[s];
}

describe('buildWorkbook layout', () => {
  it('puts a merged, bold, centred title over the visible columns, then subtitle and header', async () => {
    const spec = rectificationSheet();
    const wb = await load(await buildWorkbook({ sheets: [spec] }));
    const ws = wb.getWorksheet('整改清单')!;
    const layout = sheetLayout(spec);
    expect(layout).toMatchObject({ titleRow: 1, subtitleRow: 2, headerRow: 3, firstDataRow: 4 });

    expect(ws.getCell('A1').value).toBe('某某领导班子民主生活会整改清单');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').font.name).toBe('宋体');
    expect(ws.getCell('A1').alignment.horizontal).toBe('center');
    // Merged over the five visible columns only, not the hidden id column F.
    expect(ws.model.merges).toContain('A1:E1');
    expect(ws.getCell('E1').isMerged).toBe(true);
    expect(ws.getCell('F1').isMerged).toBe(false);
    expect(ws.getCell('A2').value).toBe('填报单位（盖章）：某某局　　填报日期：2026年1月5日');
    expect(ws.model.merges).toContain('A2:E2');

    const headers = [1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3, c).value);
    expect(headers).toEqual(['序号', '问题表现', '整改状态', '问题来源', '整改时限', ROW_KEY_HEADER]);
  });

  it('omits the subtitle row when there is none', async () => {
    const spec = rectificationSheet({ subtitle: undefined });
    const wb = await load(await buildWorkbook({ sheets: [spec] }));
    const ws = wb.worksheets[0];
    expect(sheetLayout(spec).headerRow).toBe(2);
    expect(ws.getCell('A2').value).toBe('序号');
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
  });

  it('styles the header: bold, grey fill, borders, centred, wrapped', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    const h = ws.getCell('B3');
    expect(h.font).toMatchObject({ bold: true, name: '宋体', size: 11 });
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
    expect(h.border.top?.style).toBe('thin');
    expect(h.border.bottom?.style).toBe('thin');
    expect(h.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
  });

  it('borders, wraps and top-aligns data cells, honouring wrap:false and align', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    const text = ws.getCell('B4');
    expect(text.value).toBe('理论学习不够深入。\n比如，学习缺乏系统性。');
    expect(text.alignment).toMatchObject({ vertical: 'top', wrapText: true, horizontal: 'left' });
    expect(text.border.left?.style).toBe('thin');
    expect(text.font.name).toBe('宋体');
    expect(ws.getCell('E4').alignment.wrapText).toBeFalsy();
    expect(ws.getCell('A4').alignment.horizontal).toBe('center');
  });

  it('sets given widths and guesses missing ones from header and content', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    expect(ws.getColumn(1).width).toBe(6);
    expect(ws.getColumn(2).width).toBe(40);
    // 「整改时限」 is 8 units, 「2026-06-30」 10, plus padding.
    expect(ws.getColumn(5).width).toBe(12);
  });

  it('freezes everything above the first data row', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' });
    const unfrozen = (await load(await buildWorkbook({ sheets: [rectificationSheet({ freezeHeader: false })] })))
      .worksheets[0];
    expect(unfrozen.views?.[0]?.state).not.toBe('frozen');
  });

  it('prints on A4 landscape, one page wide, header row repeated, with page numbers', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet({ print: { orientation: 'landscape' } })] }))).worksheets[0];
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
      horizontalCentered: true,
    });
    expect(ws.pageSetup.margins?.left).toBeCloseTo(15 / 25.4, 2);
    expect(ws.pageSetup.margins?.top).toBeCloseTo(20 / 25.4, 2);
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });

  it('turns to landscape when the columns are wider than a portrait page, and brings them to the page width', async () => {
    const narrow = (await load(await buildWorkbook({ sheets: [{ name: 'a', title: 't', columns: [{ key: 'a', header: '甲', width: 20 }], rows: [] }] }))).worksheets[0];
    expect(narrow.pageSetup.orientation).toBe('portrait');
    const columns = Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, header: `第${i}列`, width: 30 }));
    const wide = (await load(await buildWorkbook({ sheets: [{ name: 'b', title: 't', columns, rows: [{ c0: '长'.repeat(100) }] }] }))).worksheets[0];
    expect(wide.pageSetup.orientation).toBe('landscape');
    const total = columns.reduce((sum, _, i) => sum + (wide.getColumn(i + 1).width ?? 0), 0);
    // 267 mm of A4 landscape less 15 + 15 mm margins, in 7 px units at 96 dpi, less 5 px of padding a column.
    expect(total).toBeLessThanOrEqual(((297 - 30) / 25.4) * 96 / 7);
    // The long cell wraps, and its row is as tall as its lines.
    const width = wide.getColumn(1).width ?? 0;
    expect(wide.getRow(3).height).toBeGreaterThanOrEqual(Math.ceil(200 / (width - 1)) * 14.5);
  });

  it('honours portrait orientation and custom margins', async () => {
    const spec = rectificationSheet({ print: { orientation: 'portrait', margins: { left: 28 }, pageNumbers: false } });
    const ws = (await load(await buildWorkbook({ sheets: [spec] }))).worksheets[0];
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.margins?.left).toBeCloseTo(28 / 25.4, 2);
    expect(ws.headerFooter?.oddFooter).toBeFalsy();
  });

  it('adds a filter to the header row', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    expect(ws.autoFilter).toBe('A3:E3');
  });
});

describe('buildWorkbook dropdowns', () => {
  it('puts a short list inline over exactly the data rows', async () => {
    const spec = rectificationSheet();
    const ws = (await load(await buildWorkbook({ sheets: [spec] }))).worksheets[0];
    const last = sheetLayout(spec).lastDataRow;
    expect(last).toBe(4 + spec.rows.length - 1);
    for (const row of [4, last]) {
      expect(ws.getCell(`C${row}`).dataValidation).toMatchObject({
        type: 'list',
        allowBlank: true,
        formulae: [`"${STATUSES.join(',')}"`],
        showErrorMessage: true,
      });
    }
    expect(ws.getCell('C3').dataValidation).toBeUndefined();
    expect(ws.getCell(`C${last + 1}`).dataValidation).toBeUndefined();
    expect(ws.getCell('B4').dataValidation).toBeUndefined();
  });

  it('moves a list with commas to a very hidden sheet and references it', async () => {
    const wb = await load(await buildWorkbook({ sheets: [rectificationSheet()] }));
    const ws = wb.worksheets[0];
    const dv = ws.getCell('D4').dataValidation;
    expect(dv.formulae).toEqual([`'${LISTS_SHEET_NAME}'!$A$1:$A$${SOURCES.length}`]);
    expect(dv.errorStyle).toBe('warning');
    expect(dv.prompt).toBe('请选择');
    const lists = wb.getWorksheet(LISTS_SHEET_NAME)!;
    expect(lists.state).toBe('veryHidden');
    expect(SOURCES.map((_, i) => lists.getCell(i + 1, 1).value)).toEqual(SOURCES);
    // The user's sheet stays first, so it is what opens.
    expect(wb.worksheets[0].name).toBe('整改清单');
  });

  it('moves a list over 255 characters to the hidden sheet', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `在落实全面从严治党责任方面${i}`);
    const spec = rectificationSheet({ columns: [{ key: 'aspect', header: '方面', validation: { list: long } }], rows: [{ aspect: long[0] }], rowKey: undefined });
    const wb = await load(await buildWorkbook({ sheets: [spec] }));
    expect(wb.worksheets[0].getCell('A4').dataValidation.formulae[0]).toBe(`'${LISTS_SHEET_NAME}'!$A$1:$A$40`);
  });

  it('covers blank fill-in rows too, and writes no hidden sheet when not needed', async () => {
    const spec = rectificationSheet({
      rows: [],
      blankRows: 20,
      columns: [{ key: 'status', header: '整改状态', validation: { list: STATUSES } }],
      rowKey: undefined,
    });
    const wb = await load(await buildWorkbook({ sheets: [spec] }));
    const ws = wb.worksheets[0];
    expect(ws.getCell('A4').dataValidation?.type).toBe('list');
    expect(ws.getCell('A23').dataValidation?.type).toBe('list');
    expect(ws.getCell('A24').dataValidation).toBeUndefined();
    expect(ws.getCell('A23').border.bottom?.style).toBe('thin');
    expect(wb.getWorksheet(LISTS_SHEET_NAME)).toBeUndefined();
  });
});

describe('buildWorkbook formula injection', () => {
  it('stores formula-like text as a text cell, never a formula, in the Text format with quotePrefix', async () => {
    const buf = await buildWorkbook({ sheets: [rectificationSheet()] });
    const ws = (await load(buf)).worksheets[0];
    HOSTILE.forEach((text, i) => {
      const cell = ws.getCell(6 + i, 2);
      expect(cell.type, text).toBe(ExcelJS.ValueType.String);
      expect(cell.value, text).toBe(text);
      expect(cell.formula, text).toBeUndefined();
      expect(cell.numFmt, text).toBe('@');
    });
    const zip = await JSZip.loadAsync(buf);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(await rawStyleOf(buf, 'xl/worksheets/sheet1.xml', 'B6')).toMatch(/quotePrefix="1"/);
    // Ordinary text is not touched.
    expect(ws.getCell('B5').numFmt).not.toBe('@');
    expect(await rawStyleOf(buf, 'xl/worksheets/sheet1.xml', 'B5')).not.toMatch(/quotePrefix/);
  });

  it('keeps numbers as numbers, including negative ones', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    expect(ws.getCell('E6').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('E6').value).toBe(-5);
    expect(ws.getCell('A4').value).toBe(1);
  });

  it('never lets a non-string value through as a formula object', async () => {
    const sneaky = { formula: 'CMD()', result: 1 } as unknown as string;
    const spec = rectificationSheet({ rows: [{ no: NaN, problem: sneaky }], rowKey: undefined });
    const ws = (await load(await buildWorkbook({ sheets: [spec] }))).worksheets[0];
    expect(ws.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').value).toBeNull();
  });
});

describe('buildWorkbook text and names', () => {
  it('drops characters XML cannot hold and marks text cut at Excel’s cell limit', async () => {
    const long = '长'.repeat(EXCEL_MAX_CELL_CHARS + 10);
    const spec = rectificationSheet({ rows: [{ problem: 'a\u0001b\u0000c\r\nd' }, { problem: long }], rowKey: undefined });
    const ws = (await load(await buildWorkbook({ sheets: [spec] }))).worksheets[0];
    expect(ws.getCell('B4').value).toBe('abc\nd');
    const cut = ws.getCell('B5').value as string;
    expect(cut.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_CHARS);
    expect(cut).toMatch(/已截断/);
  });

  it('hides the record-id column and keeps its values for re-import', async () => {
    const ws = (await load(await buildWorkbook({ sheets: [rectificationSheet()] }))).worksheets[0];
    expect(ws.getColumn(6).hidden).toBe(true);
    expect(ws.getColumn(5).hidden).toBe(false);
    expect(ws.getCell('F4').value).toBe('item-1');
    expect(ws.getCell('F5').value).toBe('item-2');
  });

  it('hides columns marked hidden', async () => {
    const spec = rectificationSheet({ columns: [{ key: 'a', header: 'A' }, { key: 'b', header: 'B', hidden: true }, { key: 'c', header: 'C' }], rows: [] });
    const ws = (await load(await buildWorkbook({ sheets: [spec] }))).worksheets[0];
    expect(ws.getColumn(2).hidden).toBe(true);
  });

  it('cleans and de-duplicates sheet names and never takes the lists sheet name', async () => {
    const sheets = ['整改清单/班子', '整改清单/班子', LISTS_SHEET_NAME, 'x'.repeat(40), '[a]:*?\\'].map((name) =>
      rectificationSheet({ name }),
    );
    const wb = await load(await buildWorkbook({ sheets }));
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 5)).toEqual([
      '整改清单／班子',
      '整改清单／班子(2)',
      `${LISTS_SHEET_NAME}(2)`,
      'x'.repeat(31),
      '［a］：＊？＼',
    ]);
    expect(names[5]).toBe(LISTS_SHEET_NAME);
  });

  it('refuses a spec without sheets or columns', async () => {
    await expect(buildWorkbook({ sheets: [] })).rejects.toThrow();
    await expect(buildWorkbook({ sheets: [rectificationSheet({ columns: [] })] })).rejects.toThrow();
  });
});
