/**
 * exceljs cell values turned into plain values. Formulas are never evaluated: only the result Excel/WPS saved with
 * the file is used, which is what the user saw on screen.
 */
import type { CellValue } from 'exceljs';
import type { PlainCell } from './types';

export interface CellNote {
  code: string;
  message: string;
  messageEn: string;
}

export interface PlainResult {
  value: PlainCell;
  note?: CellNote;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes a CR inside a cell as _x000D_, a literal
 * "_x" as _x005F_x). exceljs leaves these escapes in place; decoding them gives the text the user saw.
 */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * exceljs builds dates so that their UTC fields equal what Excel displays. Dates without a time give yyyy-mm-dd,
 * with a time yyyy-mm-dd HH:mm[:ss], and pure times (Excel's day 0) HH:mm[:ss].
 */
export function formatExcelDate(date: Date): string | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  // Excel stores times as fractions of a day; round away the float noise (08:59:59.999 is 09:00).
  const d = new Date(Math.round(ms / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const time = `${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
  if (day === '1899-12-30') return time;
  return h || m || s ? `${day} ${time}` : day;
}

function richTextToString(value: { richText: readonly { text?: unknown }[] }): string {
  return value.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
}

const formulaNoValue = (formula: string): CellNote => ({
  code: 'cell.formulaNoValue',
  message: `公式「=${formula}」没有保存计算结果，无法读取。请在 Excel/WPS 中打开并保存后再导入。`,
  messageEn: `The formula "=${formula}" has no saved result and cannot be read. Open and save the file in Excel/WPS, then import again.`,
});

/**
 * The text of a formula that is nothing but text (="…", or "…"&"…", CONCATENATE("…","…")), which a program may save
 * without a cached result; null for anything that needs evaluating.
 */
export function literalFormulaText(formula: string): string | null {
  const literal = /^\s*"((?:[^"]|"")*)"\s*$/;
  const body = formula.trim().replace(/^=/, '');
  const concat = /^CONCATENATE\((.*)\)$/i.exec(body);
  const parts = concat ? splitArgs(concat[1], ',') : splitArgs(body, '&');
  if (!parts) return null;
  const texts = parts.map((p) => literal.exec(p)?.[1]);
  return texts.every((t) => t !== undefined) ? texts.map((t) => (t as string).replace(/""/g, '"')).join('') : null;
}

/** Splits at `separator` outside double quotes; null when the quotes do not balance. */
function splitArgs(text: string, separator: string): string[] | null {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (quoted) return null;
  parts.push(current);
  return parts;
}

const cellError = (error: string): CellNote => ({
  code: 'cell.error',
  message: `单元格显示错误值 ${error}，已按空白处理。`,
  messageEn: `The cell shows the error ${error} and was read as empty.`,
});

const unsupported: CellNote = {
  code: 'cell.unsupported',
  message: '无法识别该单元格的内容，已按空白处理。',
  messageEn: 'The content of this cell could not be read and was treated as empty.',
};

export function toPlainCell(value: CellValue | undefined): PlainResult {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string') return { value: decodeOoxmlEscapes(value) };
  if (typeof value === 'number') return { value: Number.isFinite(value) ? value : null };
  if (typeof value === 'boolean') return { value };
  if (value instanceof Date) {
    const text = formatExcelDate(value);
    return text === null ? { value: null, note: unsupported } : { value: text };
  }
  if (typeof value !== 'object') return { value: null, note: unsupported };

  if ('richText' in value && Array.isArray(value.richText)) {
    return { value: decodeOoxmlEscapes(richTextToString(value)) };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    const formula = String(('formula' in value && value.formula) || ('sharedFormula' in value && value.sharedFormula) || '');
    if (result === undefined || result === null) {
      const literal = literalFormulaText(formula);
      return literal !== null ? { value: literal } : { value: null, note: formulaNoValue(formula) };
    }
    return toPlainCell(result as CellValue);
  }
  if ('hyperlink' in value && 'text' in value) {
    return toPlainCell(value.text as CellValue);
  }
  if ('error' in value) return { value: null, note: cellError(String(value.error)) };
  return { value: null, note: unsupported };
}
