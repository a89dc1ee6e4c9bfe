import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildWorkbook } from '../workbook/buildWorkbook';
import { ROW_KEY_HEADER } from '../workbook/layout';
import { deflatedZeros, makeZip } from '../workbook/testing/zipFixtures';
import { LISTS_SHEET_NAME } from '../workbook/validation';
import { ReaderError } from './errors';
import { mapRows, readXlsx } from './xlsx';

async function xlsxOf(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ReaderError);
    expect((err as ReaderError).messageEn).toMatch(/[a-z]/);
    return (err as ReaderError).code;
  }
  return undefined;
}

/** Replaces one part of an .xlsx, to craft files exceljs would never write. */
async function withPart(xlsx: Buffer, path: string, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.file(path, edit(await zip.file(path)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const excelLoad = () => vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => unknown }, 'load');

afterEach(() => vi.restoreAllMocks());

describe('readXlsx round trip', () => {
  const aliases = {
    no: ['序号'],
    aspect: ['方面'],
    problem: ['问题表现', '存在问题'],
    leader: ['责任领导'],
    deadline: ['整改时限'],
    status: ['整改状态'],
    id: [ROW_KEY_HEADER],
  };

  it('reads back an export and maps it to fields, matching rows by the hidden id', async () => {
    const rows = [
      { no: 1, aspect: '政治建设', problem: '理论学习不够深入。\n比如，学习缺乏系统性。', leader: '张三', deadline: '2026-06-30', status: '推进中', id: 'r-101' },
      { no: 2, aspect: '作风建设', problem: '=1+1', leader: '李四', deadline: '立行立改', status: '未启动', id: 'r-102' },
      { no: 3, aspect: '作风建设', problem: '-2+3', leader: null, deadline: '长期坚持', status: null, id: 'r-103' },
    ];
    const buf = await buildWorkbook({
      sheets: [
        {
          name: '整改清单',
          title: '某某领导班子民主生活会整改清单',
          subtitle: '填报日期：2026年1月5日',
          columns: [
            { key: 'no', header: '序号' },
            { key: 'aspect', header: '方面', validation: { list: ['政治建设', '作风建设', '含,逗号'] } },
            { key: 'problem', header: '问题表现' },
            { key: 'leader', header: '责任领导' },
            { key: 'deadline', header: '整改时限' },
            { key: 'status', header: '整改状态', validation: { list: ['未启动', '推进中', '已销号'] } },
          ],
          rows,
          rowKey: { key: 'id' },
        },
      ],
    });

    const book = await readXlsx(buf);
    // The hidden dropdown sheet is not offered for import.
    expect(book.sheets.map((s) => s.name)).toEqual(['整改清单']);
    expect((await readXlsx(buf, { includeHiddenSheets: true })).sheets.map((s) => s.name)).toEqual([
      '整改清单',
      LISTS_SHEET_NAME,
    ]);

    const mapped = mapRows(book.sheets[0].rows, { headerAliases: aliases, requiredFields: ['problem', 'leader'], uniqueFields: ['id'] });
    expect(mapped.errors).toEqual([]);
    expect(mapped.headerRowNumber).toBe(3);
    expect(mapped.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    // Every workbook writes its dates one way (「2026年6月30日」, writeCell.ts); the importer reads that form back.
    expect(mapped.rows.map((r) => r.values)).toEqual(rows.map((row) => (row.deadline === '2026-06-30' ? { ...row, deadline: '2026年6月30日' } : row)));
    expect(mapped.rows[2].errors.map((e) => [e.code, e.field])).toEqual([['row.required', 'leader']]);
  });

  it('returns plain values with Excel row numbers and no empty rows', async () => {
    const buf = await xlsxOf((ws) => {
      ws.getCell('B2').value = '标题';
      ws.getCell('A5').value = 3.5;
      ws.getCell('C5').value = true;
      ws.getCell('A7').value = '';
    });
    const [sheet] = (await readXlsx(buf)).sheets;
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: [null, '标题'] },
      { rowNumber: 5, cells: [3.5, null, true] },
    ]);
  });
});

describe('readXlsx cell values', () => {
  it('uses cached formula results and never evaluates', async () => {
    const buf = await xlsxOf((ws) => {
      ws.getCell('A1').value = 3;
      ws.getCell('B1').value = 4;
      ws.getCell('C1').value = { formula: 'A1+B1', result: 7 };
      // A deliberately wrong cache proves nothing is recomputed.
      ws.getCell('D1').value = { formula: 'A1*B1', result: 999 };
      ws.getCell('E1').value = { formula: 'CONCATENATE("责任","领导")', result: '责任领导' };
      ws.getCell('F1').value = { formula: 'A1/0', result: { error: '#DIV/0!' } };
      ws.getCell('G1').value = { formula: 'A1-B1' };
      ws.getCell('A2').value = { formula: 'A1*2', result: 6 };
      ws.getCell('B2').value = { sharedFormula: 'A2', result: 8 };
      ws.getCell('C2').value = { error: '#N/A' };
    });
    const [sheet] = (await readXlsx(buf)).sheets;
    expect(sheet.rows[0].cells).toEqual([3, 4, 7, 999, '责任领导', null, null]);
    expect(sheet.rows[1].cells).toEqual([6, 8, null]);
    expect(sheet.notes.map((n) => [n.rowNumber, n.column, n.code])).toEqual([
      [1, 6, 'cell.error'],
      [1, 7, 'cell.formulaNoValue'],
      [2, 3, 'cell.error'],
    ]);
    expect(sheet.notes[1].message).toContain('=A1-B1');
  });

  it('turns dates into ISO text, rich text and hyperlinks into their text', async () => {
    const buf = await xlsxOf((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2026, 0, 5));
      ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('B1').value = new Date(Date.UTC(2026, 0, 5, 9, 30));
      ws.getCell('C1').value = { richText: [{ text: '整改', font: { bold: true } }, { text: '措施' }] };
      ws.getCell('D1').value = { text: '佐证材料', hyperlink: 'http://example.invalid/x' };
      ws.getCell('E1').value = '第一行_x000D_\n第二行';
    });
    const [sheet] = (await readXlsx(buf)).sheets;
    expect(sheet.rows[0].cells).toEqual(['2026-01-05', '2026-01-05 09:30', '整改措施', '佐证材料', '第一行\r\n第二行']);
  });

  it('copies a merged value into every merged cell (aspects merged down)', async () => {
    const buf = await xlsxOf((ws) => {
      ws.addRow(['方面', '问题表现']);
      ws.addRow(['政治建设', '问题一']);
      ws.addRow([null, '问题二']);
      ws.addRow([null, '问题三']);
      ws.addRow(['作风建设', '问题四']);
      ws.mergeCells('A2:A4');
    });
    const [sheet] = (await readXlsx(buf)).sheets;
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(['方面', '政治建设', '政治建设', '政治建设', '作风建设']);
    const [plain] = (await readXlsx(buf, { fillMergedCells: false })).sheets;
    expect(plain.rows.map((r) => r.cells[0])).toEqual(['方面', '政治建设', null, null, '作风建设']);
  });
});

describe('readXlsx hostile input', () => {
  it('refuses empty files, random bytes and truncated workbooks', async () => {
    const good = await xlsxOf((ws) => ws.addRow(['a']));
    expect(await codeOf(readXlsx(Buffer.alloc(0)))).toBe('file.empty');
    const noise = randomBytes(8192);
    noise[0] = 0;
    expect(await codeOf(readXlsx(noise))).toBe('file.notZip');
    expect(await codeOf(readXlsx(good.subarray(0, Math.floor(good.length / 2))))).toBe('file.corrupt');
  });

  it('tells a Word document or an arbitrary zip from a workbook', async () => {
    const docx = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    let err: ReaderError | undefined;
    await readXlsx(docx).catch((e: ReaderError) => (err = e));
    expect(err?.code).toBe('file.notXlsx');
    expect(err?.message).toContain('Word');
    expect(await codeOf(readXlsx(makeZip([{ name: 'readme.txt', data: Buffer.from('hi') }])))).toBe('file.notXlsx');
  });

  it('refuses a workbook carrying a zip bomb', async () => {
    const good = await xlsxOf((ws) => ws.addRow(['a']));
    const zip = await JSZip.loadAsync(good);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async('nodebuffer') })),
    );
    const bomb = makeZip([...parts, { name: 'xl/media/image1.png', compressed: await deflatedZeros(300 * 1024 * 1024) }]);
    const load = excelLoad();
    expect(await codeOf(readXlsx(bomb))).toBe('file.zipBomb');
    expect(load).not.toHaveBeenCalled();
  });

  it('refuses damaged sheet XML with a clear message', async () => {
    const good = await xlsxOf((ws) => ws.addRow(['a']));
    const bad = await withPart(good, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<sheetData>', '<sheetData><row r="1"><c r="A1"><v>1</c>'));
    expect(await codeOf(readXlsx(bad))).toBe('file.corrupt');
  });

  it('refuses 50,000 rows before exceljs builds anything', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('意见汇总');
    for (let i = 0; i < 50_000; i++) ws.addRow([i + 1, `意见${i}`]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());

    const load = excelLoad();
    let err: ReaderError | undefined;
    await readXlsx(buf).catch((e: ReaderError) => (err = e));
    expect(err).toBeInstanceOf(ReaderError);
    expect(err?.code).toBe('file.tooManyRows');
    expect(err?.message).toContain('意见汇总');
    expect(err?.message).toContain('20000');
    expect(err?.messageEn).toContain('20000');
    expect(load).not.toHaveBeenCalled();
  }, 60_000);

  it('counts only rows with content towards the limit', async () => {
    const buf = await xlsxOf((ws) => {
      for (let r = 1; r <= 300; r++) ws.getCell(r, 1).border = { top: { style: 'thin' } };
      ws.getCell('A1').value = 'x';
      ws.getCell('A300').value = 'y';
    });
    expect((await readXlsx(buf, { maxRows: 2 })).sheets[0].rows).toHaveLength(2);
    expect(await codeOf(readXlsx(buf, { maxRows: 1 }))).toBe('file.tooManyRows');
  });

  it('refuses too many cells', async () => {
    const buf = await xlsxOf((ws) => {
      for (let r = 1; r <= 10; r++) ws.addRow(Array.from({ length: 50 }, (_, c) => c));
    });
    expect(await codeOf(readXlsx(buf, { maxCells: 400 }))).toBe('file.tooManyCells');
    expect((await readXlsx(buf, { maxCells: 600 })).sheets[0].rows).toHaveLength(10);
  });

  it('survives validations and merges declared over the whole sheet', async () => {
    const good = await xlsxOf((ws) => {
      ws.addRow(['方面', '问题']);
      ws.addRow(['政治建设', '问题一']);
    });
    // exceljs alone would expand these range by range into 17 billion cells.
    const hostile = await withPart(good, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        '</sheetData>',
        '</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576"/></mergeCells>' +
          '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
      ),
    );
    const started = Date.now();
    const [sheet] = (await readXlsx(hostile)).sheets;
    expect(Date.now() - started).toBeLessThan(5000);
    // The merge is clipped to where content is.
    expect(sheet.rows).toEqual([
      { rowNumber: 1, cells: ['方面', '问题'] },
      { rowNumber: 2, cells: ['政治建设', '问题一'] },
    ]);
  });
});
