/**
 * What the readers hand to features: plain values only, so an import preview never sees exceljs objects, formulas
 * or encodings.
 */

export type PlainCell = string | number | boolean | null;

export interface SheetRow {
  /** The row number the user sees in Excel/WPS (for CSV: the record number), for error messages. */
  rowNumber: number;
  /** Index 0 is column A. Trailing empty cells may be omitted. */
  cells: PlainCell[];
}

/** Something about one cell the user may need to know (a formula error, a value that could not be read). */
export interface ReadNote {
  rowNumber: number;
  /** 1-based column (A = 1). */
  column: number;
  code: string;
  message: string;
  messageEn: string;
}

export interface ReadSheet {
  name: string;
  /** True for sheets hidden in Excel; only returned when asked for. */
  hidden: boolean;
  /** Rows that hold at least one value, in order. Empty rows are left out but keep their numbering. */
  rows: SheetRow[];
  notes: ReadNote[];
}
