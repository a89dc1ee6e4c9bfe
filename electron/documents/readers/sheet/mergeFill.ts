/**
 * Gives every cell of a merged range the value of its top-left cell.
 *
 * Hand-made 整改清单 merge 「方面」 down over the several problems it covers; Excel stores the value only in the
 * first row, so without this the other rows would lose their aspect. Done here rather than by exceljs because
 * exceljs expands merges over the whole declared range, which a hostile file can make astronomically large; here a
 * range is clipped to where content actually is and the work is capped by a cell budget.
 */
import type { PlainCell, SheetRow } from './types';

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B2:D5" → a range; null for anything else (a single cell is not a merge). */
export function parseRange(ref: string): Range | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7}):\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  const [a, b] = [
    { col: columnNumber(m[1]), row: Number(m[2]) },
    { col: columnNumber(m[3]), row: Number(m[4]) },
  ];
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Fills merged ranges in place (rows are re-sorted and may gain rows that were empty). Returns false when the
 * budget ran out and some ranges were left unfilled.
 */
export function fillMerges(rows: SheetRow[], refs: readonly string[], budget: number): boolean {
  if (refs.length === 0 || rows.length === 0) return true;
  const byNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  const lastRow = rows[rows.length - 1].rowNumber;
  const lastCol = Math.max(...rows.map((r) => r.cells.length));
  let left = budget;

  for (const ref of refs) {
    const range = parseRange(ref);
    if (!range) continue;
    const master: PlainCell = byNumber.get(range.top)?.cells[range.left - 1] ?? null;
    if (master === null) continue;
    const bottom = Math.min(range.bottom, lastRow);
    const right = Math.min(range.right, lastCol);
    for (let r = range.top; r <= bottom; r++) {
      let row = byNumber.get(r);
      for (let c = range.left; c <= right; c++) {
        if (r === range.top && c === range.left) continue;
        if (--left < 0) return false;
        if (!row) {
          row = { rowNumber: r, cells: [] };
          byNumber.set(r, row);
          rows.push(row);
        }
        while (row.cells.length < c) row.cells.push(null);
        if (row.cells[c - 1] === null) row.cells[c - 1] = master;
      }
    }
  }
  rows.sort((a, b) => a.rowNumber - b.rowNumber);
  return true;
}
