/**
 * Printing a sheet the way it reads on screen: Excel neither auto-fits row heights when it opens a file nor wraps
 * text into rows one line high, and a sheet wider than the paper prints at whatever scale fits. So the widths are
 * brought to the page's width first (print scale about 100 %), the orientation follows the width, and every row is
 * given the height its wrapped text needs.
 */
import type { ResolvedColumn } from './layout';
import { displayWidth } from './layout';
import type { CellInput } from './types';
import { chineseDateText } from './writeCell';

const MM_PER_INCH = 25.4;
/** Excel's width unit is the maximum digit width of the default font: 7 px at 96 dpi, plus 5 px of padding a column. */
const PX_PER_UNIT = 7;
const PADDING_PX = 5;
const A4_MM = { short: 210, long: 297 };
/** No wrapping column is narrowed below this (in width units): four Chinese characters. */
const MIN_WRAP_WIDTH = 9;

/** Points a line of the body font (宋体 11 pt) takes in a row, and the row's top and bottom padding. */
export const BODY_LINE_PT = 14.5;
const ROW_PADDING_PT = 4;
/** Excel's largest row height. */
const MAX_ROW_PT = 409;

export function printableUnits(orientation: 'landscape' | 'portrait', marginsMm: { left: number; right: number }, columnCount: number): number {
  const paper = orientation === 'landscape' ? A4_MM.long : A4_MM.short;
  const px = ((paper - marginsMm.left - marginsMm.right) / MM_PER_INCH) * 96;
  return (px - PADDING_PX * columnCount) / PX_PER_UNIT;
}

/** Landscape when the columns are wider than a portrait page, unless the caller chose. */
export function chooseOrientation(columns: readonly ResolvedColumn[], chosen: 'landscape' | 'portrait' | undefined, margins: { left: number; right: number }): 'landscape' | 'portrait' {
  if (chosen) return chosen;
  const visible = columns.filter((c) => !c.hidden);
  const total = visible.reduce((sum, c) => sum + c.width, 0);
  return total > printableUnits('portrait', margins, visible.length) ? 'landscape' : 'portrait';
}

/**
 * Brings the visible columns to the page's width when they are wider. First every wrapping column wider than its content (plus a
 * margin) is narrowed to it, which loses nothing; then the wrapping columns give up width in proportion to what they
 * have above their floor: MIN_WRAP_WIDTH, or the longest date or number-like token in the column, so
 * 「2027年6月30日」 never wraps. Columns that do not wrap keep their width.
 */
export function fitWidths(columns: readonly ResolvedColumn[], budget: number, rows: readonly Readonly<Record<string, CellInput>>[] = []): ResolvedColumn[] {
  const sample = rows.slice(0, 500);
  // Widths that fit are the caller's to choose.
  if (columns.filter((c) => !c.hidden).reduce((sum, c) => sum + c.width, 0) <= budget) return [...columns];
  const tight = columns.map((c) => {
    if (c.hidden || !(c.wrap ?? true)) return c;
    const longest = sample.reduce((max, r) => Math.max(max, r[c.key] === null || r[c.key] === undefined ? 0 : displayWidth(chineseDateText(String(r[c.key])))), displayWidth(c.header));
    return { ...c, width: Math.max(MIN_WRAP_WIDTH, Math.min(c.width, longest + 2)) };
  });
  const visible = tight.filter((c) => !c.hidden);
  const total = visible.reduce((sum, c) => sum + c.width, 0);
  if (total <= budget) return tight;
  const floors = new Map(visible.map((c) => [c, Math.max(MIN_WRAP_WIDTH, tokenFloor(c, sample))]));
  const floor = (c: ResolvedColumn) => floors.get(c) ?? MIN_WRAP_WIDTH;
  const shrinkable = visible.filter((c) => (c.wrap ?? true) && c.width > floor(c));
  const slack = shrinkable.reduce((sum, c) => sum + (c.width - floor(c)), 0);
  if (slack <= 0) return tight;
  const ratio = Math.min(1, (total - budget) / slack);
  return tight.map((c) => (shrinkable.includes(c) ? { ...c, width: Math.floor((floor(c) + (c.width - floor(c)) * (1 - ratio)) * 10) / 10 } : c));
}

/** Width of the longest date in the column (they must not wrap), plus a unit of cell padding. */
function tokenFloor(column: ResolvedColumn, rows: readonly Readonly<Record<string, CellInput>>[]): number {
  let widest = 0;
  for (const r of rows) {
    const value = r[column.key];
    if (value === null || value === undefined) continue;
    for (const m of chineseDateText(String(value)).matchAll(/\d{4}年\d{1,2}月\d{1,2}日/g)) widest = Math.max(widest, displayWidth(m[0]) + 1);
  }
  return widest;
}

/** Lines a text takes in a column of `width` units when wrapped (CJK characters count two units). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(2, width - 1);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** Height in points of a row holding these values in these columns, at `linePt` a line. */
export function rowHeight(values: readonly { text: CellInput; width: number; wrap: boolean }[], linePt = BODY_LINE_PT): number {
  let lines = 1;
  for (const v of values) {
    if (v.text === null || v.text === undefined || v.text === '') continue;
    const text = chineseDateText(String(v.text));
    lines = Math.max(lines, v.wrap ? wrappedLines(text, v.width) : text.split('\n').length);
  }
  return Math.min(MAX_ROW_PT, Math.round((lines * linePt + ROW_PADDING_PT) * 4) / 4);
}
