/**
 * Text going into a spreadsheet cell: cleaning and formula-injection escaping, shared by the .xlsx and .csv writers
 * so both follow one rule.
 *
 * Why escaping matters here: opinions are typed by anyone (意见箱, 网络征求意见) and end up in files a secretary opens
 * in Excel or WPS. A cell reading 「=HYPERLINK(...)」 or 「-2+3」 must be shown as the words someone wrote, never
 * evaluated. Numbers passed as numbers are not text and are never touched.
 */
import { sanitizeText } from '../gbt9704/text';

/** Excel's hard limit on the characters in one cell; longer text makes it "repair" the file and drop content. */
export const EXCEL_MAX_CELL_CHARS = 32767;
const TRUNCATION_MARK = '…【超出 Excel 单元格 32767 字上限，以下已截断 / truncated】';

// Characters that make Excel, WPS or LibreOffice treat a typed or imported value as a formula (OWASP's list plus
// the full-width forms, which WPS accepts). Leading spaces do not protect: some importers trim them first.
const STARTS_WITH_CONTROL = /^[\t\r]/;
const STARTS_WITH_OPERATOR = /^\s*[=+\-@＝＋－＠]/;

/** True when text, written as-is, could be evaluated as a formula by a spreadsheet. */
export function looksLikeFormula(text: string): boolean {
  return STARTS_WITH_CONTROL.test(text) || STARTS_WITH_OPERATOR.test(text);
}

/** Text that is a dangerous string behind any number of leading apostrophes. */
function needsApostrophe(text: string): boolean {
  return looksLikeFormula(text.replace(/^'+/, ''));
}

/**
 * For CSV, where no cell type exists: prefixes an apostrophe, which spreadsheets treat as "this is text".
 * Text that already starts with apostrophes before a dangerous character gets one more, so that
 * unescapeCsvFormula can always undo exactly what was done (buildCsv → readCsv gives back the original).
 */
export function escapeCsvFormula(text: string): string {
  return needsApostrophe(text) ? `'${text}` : text;
}

/** Inverse of escapeCsvFormula. */
export function unescapeCsvFormula(text: string): string {
  return text.startsWith("'") && needsApostrophe(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Cleans text for a cell: characters XML and Excel cannot store are removed and line breaks become "\n" (Excel's
 * in-cell line break), via the same sanitizer the .docx writer uses. Never rewrites the author's words otherwise.
 */
export function cleanCellText(text: string): string {
  return sanitizeText(text);
}

/** cleanCellText plus Excel's length limit, marked visibly rather than cut silently. */
export function toXlsxText(text: string): string {
  const clean = cleanCellText(text);
  if (clean.length <= EXCEL_MAX_CELL_CHARS) return clean;
  let cut = EXCEL_MAX_CELL_CHARS - TRUNCATION_MARK.length;
  // Never split a surrogate pair: half a character is invalid XML.
  const code = clean.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return clean.slice(0, cut) + TRUNCATION_MARK;
}

/** Numbers that Excel cannot store (NaN, ±Infinity) become empty cells instead of corrupting the file. */
export function isStorableNumber(value: number): boolean {
  return Number.isFinite(value);
}
