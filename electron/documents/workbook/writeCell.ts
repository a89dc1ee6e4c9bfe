/**
 * Puts one value into one cell, the only place where values meet exceljs. Text is cleaned and, when it looks like
 * a formula, stored as text in the Text format (see quotePrefix.ts); numbers stay numbers.
 */
import type { Cell } from 'exceljs';
import { isStorableNumber, looksLikeFormula, toXlsxText } from './cellText';
import { TEXT_NUM_FMT } from './styles';
import type { CellInput } from './types';

export function writeCellValue(cell: Cell, value: CellInput): void {
  if (value === null || value === undefined) {
    cell.value = null;
    return;
  }
  if (typeof value === 'number') {
    cell.value = isStorableNumber(value) ? value : null;
    return;
  }
  // Rows may come over IPC from untyped code: anything that is not a string is stringified, because exceljs would
  // turn an object such as { formula: '…' } into a live formula.
  const raw = typeof value === 'string' ? value : String(value);
  const text = toXlsxText(chineseDateText(raw));
  // A plain JS string is always written as a string cell (t="s"), never as <f>; the format guards later edits.
  cell.value = text;
  // A copy of the style: the cell may share its style object with the rest of its column (writeSheet.ts).
  if (looksLikeFormula(raw) || looksLikeFormula(text)) cell.style = { ...cell.style, numFmt: TEXT_NUM_FMT };
}

/**
 * One date format in every workbook, the GB/T 9704 one (「2026年12月3日」): a cell holding just an ISO date is
 * written that way, so 整改时限 and 销号日期 read alike. Every importer reads this form back.
 */
export function chineseDateText(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : text;
}
