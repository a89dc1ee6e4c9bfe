/**
 * The single entry point for every Excel export. Features pass a declarative spec; this module owns styling,
 * printing, dropdowns and formula-injection safety, so no feature talks to exceljs directly.
 */
import ExcelJS from 'exceljs';
import { applyQuotePrefix } from './quotePrefix';
import { uniqueSheetNames } from './sheetNames';
import type { WorkbookSpec } from './types';
import { LISTS_SHEET_NAME, ListRegistry } from './validation';
import { writeSheet } from './writeSheet';

/** Final sheet names for a spec, after Excel's rules and de-duplication, in spec order. */
export function resolveSheetNames(spec: Pick<WorkbookSpec, 'sheets'>): string[] {
  return uniqueSheetNames(
    spec.sheets.map((s) => s.name),
    [LISTS_SHEET_NAME],
  );
}

export async function buildWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  if (spec.sheets.length === 0) throw new Error('buildWorkbook: a workbook needs at least one sheet');
  const workbook = new ExcelJS.Workbook();
  const created = spec.created ?? new Date();
  workbook.creator = spec.creator ?? '镜鉴';
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = created;
  workbook.modified = created;

  const names = resolveSheetNames(spec);
  const registry = new ListRegistry();
  spec.sheets.forEach((sheet, i) => writeSheet(workbook, names[i], sheet, registry));
  // Written last so that the user's sheets keep their positions (the first sheet is what opens).
  registry.writeTo(workbook);

  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  return applyQuotePrefix(written);
}
