/**
 * Dropdown lists (data validation) for columns such as 方面, 问题来源 or 整改状态.
 *
 * Excel stores a short list inline ("a,b,c"), but an inline list cannot hold commas or quotes and is capped at 255
 * characters; longer lists must point at cells. Those go to one hidden sheet, one column per distinct list.
 */
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { cleanCellText } from './cellText';
import { bodyFont, TEXT_NUM_FMT } from './styles';
import type { ListValidation } from './types';

/** Name of the hidden sheet holding long dropdown lists; user sheets never take it. */
export const LISTS_SHEET_NAME = '_lists';
const INLINE_MAX_CHARS = 255;

// exceljs keeps a sheet's validations in an untyped container keyed by address or range.
interface WithDataValidations {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

/** 1 → A, 27 → AA. */
export function columnLetters(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cleanItems(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of list) {
    const item = cleanCellText(raw);
    if (item.trim() === '' || seen.has(item)) continue;
    seen.add(item);
    items.push(item);
  }
  return items;
}

function canInline(items: readonly string[]): boolean {
  // Excel trims and splits inline items itself, so anything with separators, quotes or edge spaces must use cells.
  const safe = items.every((i) => !/[,"\n]/.test(i) && i === i.trim());
  return safe && items.join(',').length <= INLINE_MAX_CHARS;
}

/** Collects the lists that need cells and writes them to the hidden sheet once all sheets are built. */
export class ListRegistry {
  private readonly lists: string[][] = [];
  private readonly byKey = new Map<string, number>();

  /** The formula1 of a list validation: inline when possible, otherwise a reference into the hidden sheet. */
  formulaFor(items: readonly string[]): string {
    if (canInline(items)) return `"${items.join(',')}"`;
    const key = JSON.stringify(items);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.lists.length;
      this.lists.push([...items]);
      this.byKey.set(key, index);
    }
    const col = columnLetters(index + 1);
    return `'${LISTS_SHEET_NAME}'!$${col}$1:$${col}$${items.length}`;
  }

  get needed(): boolean {
    return this.lists.length > 0;
  }

  /** Writes the hidden sheet; 'veryHidden' so it cannot be unhidden and edited by accident from the tab menu. */
  writeTo(workbook: Workbook): void {
    if (!this.needed) return;
    const sheet = workbook.addWorksheet(LISTS_SHEET_NAME, { state: 'veryHidden' });
    this.lists.forEach((items, c) => {
      items.forEach((item, r) => {
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = item;
        // Items are literal choices: stored as text so 「-」 or 「=」 can never become a formula.
        cell.numFmt = TEXT_NUM_FMT;
        cell.font = bodyFont;
      });
    });
  }
}

/** Adds a dropdown over rows first..last of one column. No-op when the range or the list is empty. */
export function addListValidation(
  sheet: Worksheet,
  registry: ListRegistry,
  column: number,
  firstRow: number,
  lastRow: number,
  validation: ListValidation,
): void {
  const items = cleanItems(validation.list);
  if (items.length === 0 || lastRow < firstRow) return;
  const col = columnLetters(column);
  const strict = validation.strict ?? true;
  const dv: DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [registry.formulaFor(items)],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: '输入值不在列表中',
    error: strict
      ? '请从下拉列表中选择。Please choose a value from the list.'
      : '该值不在下拉列表中，确定保留吗？This value is not in the list. Keep it?',
  };
  if (validation.prompt) {
    dv.showInputMessage = true;
    dv.prompt = validation.prompt;
  }
  (sheet as unknown as WithDataValidations).dataValidations.add(`${col}${firstRow}:${col}${lastRow}`, dv);
}
