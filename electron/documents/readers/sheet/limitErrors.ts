/**
 * The errors for files that are too big to import, shared by the .xlsx and .csv readers so the user reads the same
 * words whichever format they chose.
 */
import { ReaderError } from '../errors';

/** Default row limit for imports: far above any real list (a 整改清单 has tens of items), far below trouble. */
export const DEFAULT_MAX_ROWS = 20_000;
/** Default cell limit: bounds memory (exceljs needs a few hundred bytes per cell) whatever the row count. */
export const DEFAULT_MAX_CELLS = 500_000;

export function tooManyRows(max: number, sheet?: string): ReaderError {
  const where = sheet ? `工作表「${sheet}」的` : '';
  const whereEn = sheet ? ` in sheet "${sheet}"` : '';
  return new ReaderError(
    'file.tooManyRows',
    `${where}数据超过 ${max} 行，无法导入。请删除多余的行或拆分文件后分批导入。`,
    `There are more than ${max} rows of data${whereEn}. Remove extra rows or split the file and import in parts.`,
  );
}

export function tooManyCells(max: number): ReaderError {
  return new ReaderError(
    'file.tooManyCells',
    `有内容的单元格超过 ${max} 个，无法导入。请删除无关的列或拆分文件。`,
    `More than ${max} cells hold content. Remove unneeded columns or split the file.`,
  );
}
