/**
 * Where rows and columns go on a sheet. Kept apart from the writer so importers and tests can ask where the header
 * row is instead of hard-coding row numbers.
 */
import type { ColumnSpec, SheetLayout, SheetSpec } from './types';

/** Header of the hidden record-id column; mapRows callers alias their id field to it. */
export const ROW_KEY_HEADER = '内部编号（请勿修改）';

export interface ResolvedColumn extends ColumnSpec {
  /** 1-based column index on the sheet. */
  index: number;
  width: number;
  /** True for the appended record-id column. */
  isRowKey: boolean;
}

const MIN_WIDTH = 6;
const MAX_GUESSED_WIDTH = 40;
const WIDTH_SAMPLE_ROWS = 200;

export function sheetLayout(spec: Pick<SheetSpec, 'subtitle' | 'rows' | 'blankRows'>): SheetLayout {
  const titleRow = 1;
  const subtitleRow = spec.subtitle ? 2 : null;
  const headerRow = (subtitleRow ?? titleRow) + 1;
  const firstDataRow = headerRow + 1;
  const count = spec.rows.length + Math.max(0, Math.floor(spec.blankRows ?? 0));
  return { titleRow, subtitleRow, headerRow, firstDataRow, lastDataRow: firstDataRow + count - 1 };
}

/** Width of text in Excel character units: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
    longest = Math.max(longest, w);
  }
  return longest;
}

function guessWidth(column: ColumnSpec, rows: SheetSpec['rows']): number {
  let widest = displayWidth(column.header);
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    const value = row[column.key];
    if (value !== null && value !== undefined) widest = Math.max(widest, displayWidth(String(value)));
  }
  return Math.min(MAX_GUESSED_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/** The spec's columns plus, when asked for, the hidden record-id column, always last so the title merge and
 *  printing never start on a hidden column. */
export function resolveColumns(spec: SheetSpec): ResolvedColumn[] {
  const columns: ResolvedColumn[] = spec.columns.map((c, i) => ({
    ...c,
    index: i + 1,
    width: c.width ?? guessWidth(c, spec.rows),
    isRowKey: false,
  }));
  if (spec.rowKey) {
    columns.push({
      key: spec.rowKey.key,
      header: spec.rowKey.header ?? ROW_KEY_HEADER,
      hidden: true,
      wrap: false,
      index: columns.length + 1,
      width: 24,
      isRowKey: true,
    });
  }
  return columns;
}
