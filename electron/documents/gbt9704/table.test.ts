/**
 * Tables, above all the rectification list: full width, header repeated on every page, fonts set, large lists.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentBlock, TableBlock } from './blocks';
import { buildGbtDocument } from './build';
import { rectificationTable } from './fixtures';
import { columnWidths } from './table';
import { child, effectiveParagraphElement, effectiveRunFormat, find, findAll, readDocx, styleById, textOf, type XmlElement } from './testkit';

async function build(blocks: DocumentBlock[]) {
  return readDocx(await buildGbtDocument({ blocks, meta: { title: '整改清单' } }));
}

const rowsOf = (table: XmlElement) => findAll(table, 'w:tr');
const cellsOf = (row: XmlElement) => findAll(row, 'w:tc');
const hasHeaderFlag = (row: XmlElement) => {
  const trPr = child(row, 'w:trPr');
  const flag = trPr && child(trPr, 'w:tblHeader');
  return flag !== undefined && !['false', '0', 'off'].includes(flag.attrs['w:val']);
};

describe('tables', () => {
  it('repeat the header row on every page, and only the header row', async () => {
    const { document } = await build([rectificationTable(3)]);
    const rows = rowsOf(findAll(document, 'w:tbl')[0]);
    expect(rows).toHaveLength(4);
    expect(rows.map(hasHeaderFlag)).toEqual([true, false, false, false]);
  });

  it('can leave the header unrepeated', async () => {
    const { document } = await build([{ ...rectificationTable(2), headerRepeat: false }]);
    expect(rowsOf(findAll(document, 'w:tbl')[0]).some(hasHeaderFlag)).toBe(false);
  });

  it('fill the text width of a landscape section exactly, with fixed column widths', async () => {
    const { document } = await build([{ kind: 'section', orientation: 'landscape', blocks: [rectificationTable(2)] }]);
    const table = findAll(document, 'w:tbl')[0];
    const textWidth = 16838 - 1984 - 2098;
    const tblPr = child(table, 'w:tblPr')!;
    expect(child(tblPr, 'w:tblW')!.attrs).toMatchObject({ 'w:type': 'dxa', 'w:w': String(textWidth) });
    expect(child(tblPr, 'w:tblLayout')!.attrs['w:type']).toBe('fixed');
    const grid = findAll(table, 'w:gridCol').map((c) => Number(c.attrs['w:w']));
    expect(grid).toHaveLength(12);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(textWidth);
    const firstRowWidths = cellsOf(rowsOf(table)[1]).map((c) => Number(findAll(c, 'w:tcW')[0].attrs['w:w']));
    expect(firstRowWidths).toEqual(grid);
  });

  it('set the header in 黑体 and cells in 仿宋 at the requested size, every run with its East Asian font', async () => {
    const { document, styles } = await build([rectificationTable(2, 12)]);
    const [header, first] = rowsOf(findAll(document, 'w:tbl')[0]);
    const runsIn = (row: XmlElement) =>
      findAll(row, 'w:p').flatMap((paragraph) => findAll(paragraph, 'w:r').map((run) => effectiveRunFormat(run, paragraph, styles)));
    const every = { ascii: expect.any(String), hAnsi: expect.any(String), size: 24 };
    expect(runsIn(header).length).toBe(12);
    for (const run of runsIn(header)) expect(run).toMatchObject({ ...every, eastAsia: '黑体', ascii: '黑体', hAnsi: '黑体' });
    expect(runsIn(first).length).toBeGreaterThan(10);
    for (const run of runsIn(first)) expect(run).toMatchObject({ ...every, eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312' });
    for (const paragraph of [...findAll(header, 'w:p'), ...findAll(first, 'w:p')]) {
      expect(effectiveParagraphElement(paragraph, 'w:spacing', styles)!.attrs).toMatchObject({
        'w:line': '360',
        'w:lineRule': 'exact',
        'w:before': '0',
        'w:after': '0',
      });
    }
    // The header is centred; body cells follow their column (序号 and 整改时限 centred, the rest left).
    const alignment = (row: XmlElement) => cellsOf(row).map((cell) => effectiveParagraphElement(findAll(cell, 'w:p')[0], 'w:jc', styles)?.attrs['w:val']);
    expect(new Set(alignment(header))).toEqual(new Set(['center']));
    expect(alignment(first)).toEqual(['center', 'left', 'left', 'left', 'left', 'left', 'left', 'left', 'left', 'center', 'left', 'left']);
  });

  it('name every font slot with the East Asian hint in the cell styles, so Chinese never falls back to the theme font', async () => {
    const { document, styles } = await build([rectificationTable(1, 10.5), { ...rectificationTable(1, 12), headerRepeat: false }]);
    const used = new Set(findAll(document, 'w:pStyle').map((p) => p.attrs['w:val']));
    expect(used.size).toBe(4); // header and body for each of the two sizes
    for (const id of used) {
      const fonts = find(styleById(styles, id)!, 'w:rFonts')!.attrs;
      expect(fonts).toMatchObject({ 'w:eastAsia': fonts['w:ascii'], 'w:hAnsi': fonts['w:ascii'], 'w:cs': fonts['w:ascii'], 'w:hint': 'eastAsia' });
    }
  });

  it('break lines inside a cell where the text has newlines', async () => {
    const { document } = await build([rectificationTable(1)]);
    const problemCell = cellsOf(rowsOf(findAll(document, 'w:tbl')[0])[1])[2];
    expect(textOf(problemCell)).toBe('问题表现第1条：调查研究不够深入，\n解决实际问题办法不多。');
  });

  it('pad short rows with empty cells and refuse rows that would lose text', async () => {
    const table: TableBlock = { kind: 'table', columns: [{ title: '甲' }, { title: '乙' }], rows: [['1']] };
    const { document } = await build([table]);
    expect(cellsOf(rowsOf(findAll(document, 'w:tbl')[0])[1]).map(textOf)).toEqual(['1', '']);
    await expect(build([{ ...table, rows: [['1', '2', '3']] }])).rejects.toThrow(/row 1 has 3 cells/);
    await expect(build([{ ...table, columns: [] }])).rejects.toThrow(/at least one column/);
  });

  it('build a 1,000-row rectification list', async () => {
    const started = performance.now();
    const bytes = await buildGbtDocument({
      blocks: [{ kind: 'section', orientation: 'landscape', blocks: [{ kind: 'title', text: '整改清单' }, rectificationTable(1000)] }],
      meta: { title: '整改清单' },
    });
    const { document } = await readDocx(bytes);
    const rows = rowsOf(findAll(document, 'w:tbl')[0]);
    expect(rows).toHaveLength(1001);
    expect(textOf(cellsOf(rows[1000])[0])).toBe('1000');
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe('columnWidths', () => {
  it('scales shares that do not add up to 100 and gives rounding leftovers to the last column', () => {
    expect(columnWidths([{ title: 'a', widthPct: 1 }, { title: 'b', widthPct: 2 }], 1000)).toEqual([333, 667]);
  });

  it('splits what is left equally among columns without a share', () => {
    expect(columnWidths([{ title: 'a', widthPct: 40 }, { title: 'b' }, { title: 'c' }], 1000)).toEqual([400, 300, 300]);
    expect(columnWidths([{ title: 'a' }, { title: 'b' }], 1001)).toEqual([500, 501]);
  });

  it('still gives room to columns without a share when the others take 100 %', () => {
    const widths = columnWidths([{ title: 'a', widthPct: 100 }, { title: 'b' }], 1500);
    expect(widths[1]).toBeGreaterThan(0);
    expect(widths[0] + widths[1]).toBe(1500);
  });

  it('ignores nonsense shares', () => {
    expect(columnWidths([{ title: 'a', widthPct: -5 }, { title: 'b', widthPct: Number.NaN }], 100)).toEqual([50, 50]);
  });
});
