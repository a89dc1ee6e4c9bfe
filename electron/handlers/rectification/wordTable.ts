/**
 * The 整改清单 as a Word table a 督导组 reads like a 台账: widths planned from the content (a name, a date or a status
 * always whole on one line; the long-text columns share the rest), 责任领导/责任单位/具体责任人 stacked in one 责任
 * column in the working version, 整改状态 with 逾期 and 销号 in one, and the columns the user chose.
 */
import { chineseDate } from '../../common/rectification/model';
import { normalizePrintColumns, type PrintColumnKey } from '../../common/rectification/printColumns';
import { minCharsFor, TABLE_CELL_MARGIN_TWIPS, type TableBlock, type TableCell, type TableColumn } from '../../documents/gbt9704';
import type { ExportTable } from './table';

type Row = Record<string, string | number>;

interface PlannedColumn {
  readonly title: string;
  /** Share of what is left once every column has its minimum; 0 for columns that only need their minimum. */
  readonly share: number;
  /** Fixed minimum in characters, or measured from the cells (whole lines) up to `cap`. */
  readonly min: number | { readonly cap: number };
  readonly center?: boolean;
  readonly cell: (row: Row) => TableCell;
}

const text = (row: Row, key: string) => String(row[key] ?? '');
/** One name (or unit) a line, so no line break can fall inside a name. */
const lines = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');

const COMMON: Record<'seq' | 'aspect' | 'problem' | 'source' | 'target' | 'measures' | 'deadline' | 'note', PlannedColumn> = {
  seq: { title: '序号', share: 0, min: { cap: 3 }, center: true, cell: (r) => text(r, 'seq') },
  aspect: { title: '方面', share: 9, min: 3, cell: (r) => text(r, 'aspect') },
  problem: { title: '问题表现', share: 22, min: 6, cell: (r) => text(r, 'problem') },
  source: { title: '问题\n来源', share: 0, min: { cap: 5 }, center: true, cell: (r) => lines(text(r, 'source'), /[、\n]/) },
  target: { title: '整改目标', share: 11, min: 4, cell: (r) => text(r, 'target') },
  measures: { title: '整改措施', share: 22, min: 6, cell: (r) => text(r, 'measures') },
  deadline: { title: '整改\n时限', share: 0, min: { cap: 9 }, center: true, cell: (r) => text(r, 'deadline') },
  note: { title: '备注', share: 4, min: 2, cell: (r) => text(r, 'note') },
};

const WORKING: Record<PrintColumnKey, PlannedColumn> = {
  ...COMMON,
  responsibility: {
    title: '责任领导\n责任单位\n具体责任人',
    share: 0,
    min: { cap: 8 },
    center: true,
    cell: (r) => ({ stack: [lines(text(r, 'leaders'), /、/), lines(text(r, 'unit'), /、/), lines(text(r, 'ownerPerson'), /\s+/)] }),
  },
  progress: { title: '整改进展', share: 16, min: 5, cell: (r) => text(r, 'progress') },
  status: {
    title: '整改状态\n销号情况',
    share: 0,
    min: { cap: 9 },
    center: true,
    cell: (r) => {
      const closing = [r.closedOn ? `${chineseDate(text(r, 'closedOn'))}销号` : '', r.acceptor ? `验收人：${text(r, 'acceptor')}` : '', text(r, 'noEvidence')].filter(Boolean);
      return { stack: [[text(r, 'status'), r.overdue ? '已逾期' : ''].filter(Boolean).join('\n'), ...(closing.length ? [closing.join('\n')] : [])] };
    },
  },
  evidence: { title: '佐证\n材料', share: 6, min: 3, cell: (r) => text(r, 'evidence') },
};

/** The agreed version keeps the 11 columns it was adopted with, 责任 in three columns. */
const AGREED: PlannedColumn[] = [
  COMMON.seq,
  COMMON.aspect,
  COMMON.problem,
  COMMON.source,
  COMMON.target,
  COMMON.measures,
  { title: '责任\n领导', share: 0, min: { cap: 4 }, center: true, cell: (r) => lines(text(r, 'leaders'), /、/) },
  { title: '责任\n单位', share: 4, min: { cap: 4 }, cell: (r) => lines(text(r, 'unit'), /、/) },
  { title: '具体\n责任人', share: 0, min: { cap: 4 }, center: true, cell: (r) => lines(text(r, 'ownerPerson'), /\s+/) },
  COMMON.deadline,
  COMMON.note,
];

/** Characters a row holds in the column on average. */
function contentWeight(cells: TableCell[][], index: number): number {
  if (cells.length === 0) return 0;
  const chars = cells.reduce((sum, row) => {
    const cell = row[index];
    return sum + (typeof cell === 'string' ? cell : cell.stack.join('')).length;
  }, 0);
  return chars / cells.length;
}

/** 五号 when the minimums fit the landscape line at that size, else 小五: never a name broken across lines. */
const SIZES_PT = [10.5, 9];
/** Landscape type area (225 mm) in characters of `size`, less the cell margins. */
const lineChars = (textWidthTwips: number, sizePt: number, columns: number) => (textWidthTwips - columns * CELL_MARGINS_TWIPS) / (sizePt * 20);
const CELL_MARGINS_TWIPS = 2 * TABLE_CELL_MARGIN_TWIPS;

export function rectificationWordTable(table: ExportTable, chosen: readonly PrintColumnKey[] | undefined, textWidthTwips: number): TableBlock {
  const planned = table.version === 'agreed' ? AGREED : normalizePrintColumns(chosen).map((key) => WORKING[key]);
  const cells = table.rows.map((row) => planned.map((column) => column.cell(row)));
  const minimums = planned.map((column, i) => {
    const header = minCharsFor([column.title], 8);
    const content = typeof column.min === 'number' ? column.min : minCharsFor(cells.map((row) => row[i]), column.min.cap);
    return Math.max(header, content);
  });
  const total = minimums.reduce((sum, m) => sum + m, 0);
  const fontSizePt = SIZES_PT.find((size) => total <= lineChars(textWidthTwips, size, planned.length)) ?? SIZES_PT[SIZES_PT.length - 1];
  const columns: TableColumn[] = planned.map((column, i) => ({
    title: column.title,
    // Long-text columns share the rest by how much they hold (rows then come out about as tall in every column),
    // never below their share of an empty list. A share of 0 keeps a column at its minimum (a token weight, since
    // a missing one would mean an equal share).
    widthPct: column.share > 0 ? (cells.length > 0 ? Math.max(1, contentWeight(cells, i)) : column.share) : 0.001,
    minChars: minimums[i],
    align: column.center ? 'center' : 'left',
  }));
  return { kind: 'table', fontSizePt, columns, rows: cells };
}
