/**
 * Public surface of the workbook module: every Excel/CSV export goes through buildWorkbook/buildCsv.
 * Readers live in ../readers (readXlsx, readCsv, mapRows).
 */
export { buildWorkbook, resolveSheetNames } from './buildWorkbook';
export { buildCsv } from './buildCsv';
export { ROW_KEY_HEADER, sheetLayout } from './layout';
export { LISTS_SHEET_NAME } from './validation';
export { sanitizeSheetName, uniqueSheetNames, MAX_SHEET_NAME_LENGTH } from './sheetNames';
export { looksLikeFormula, escapeCsvFormula, unescapeCsvFormula, EXCEL_MAX_CELL_CHARS } from './cellText';
export type {
  CellInput,
  ColumnSpec,
  ListValidation,
  MarginsMm,
  PrintSpec,
  RowInput,
  RowKeySpec,
  SheetLayout,
  SheetSpec,
  WorkbookSpec,
} from './types';
