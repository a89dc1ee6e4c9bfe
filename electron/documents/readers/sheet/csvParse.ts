/**
 * RFC 4180 parsing, lenient where Excel is lenient (a stray quote inside an unquoted field is kept as text; text
 * after a closing quote is kept) and strict where leniency would silently swallow data (an unclosed quote).
 */
import { ReaderError } from '../errors';
import { unescapeCsvFormula } from '../../workbook/cellText';
import { tooManyCells, tooManyRows } from './limitErrors';
import type { SheetRow } from './types';

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvParseOptions {
  delimiter: CsvDelimiter;
  maxRows: number;
  maxCells: number;
  /** Undo the apostrophe our CSV writer puts before formula-like text (see escapeCsvFormula). */
  unescapeFormulas: boolean;
}

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];
const DETECT_WINDOW = 64 * 1024;

/**
 * Guesses the separator from the first record only, counting separators outside quotes. The first record is the
 * header in every file we expect, and data rows (free text full of commas and semicolons) would only mislead.
 * Ties and no separator at all mean comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  const end = Math.min(text.length, DETECT_WINDOW);
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, (counts.get(ch as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function unclosedQuote(record: number): ReaderError {
  return new ReaderError(
    'csv.unclosedQuote',
    `第 ${record} 行有未闭合的引号，文件可能不完整或格式有误。`,
    `Row ${record} has an unclosed quote; the file may be incomplete or malformed.`,
  );
}

/** Returns the index just past the field's end and its text. `i` is at the first character of the field. */
function readField(text: string, i: number, delimiter: string, record: number): [number, string] {
  const n = text.length;
  const stopAt = (from: number): number => {
    let k = from;
    while (k < n) {
      const c = text[k];
      if (c === delimiter || c === '\n' || c === '\r') break;
      k++;
    }
    return k;
  };
  if (text[i] !== '"') {
    const end = stopAt(i);
    return [end, text.slice(i, end)];
  }
  let value = '';
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) throw unclosedQuote(record);
    value += text.slice(j, q);
    if (text[q + 1] === '"') {
      value += '"';
      j = q + 2;
    } else {
      j = q + 1;
      break;
    }
  }
  const end = stopAt(j);
  return [end, value + text.slice(j, end)];
}

/**
 * Parses decoded text into rows. Row numbers count records the way Excel numbers rows when it opens the file
 * (a quoted line break stays inside its cell); rows with no value are left out but keep their numbers.
 */
export function parseCsv(text: string, options: CsvParseOptions): SheetRow[] {
  const { delimiter, maxRows, maxCells, unescapeFormulas } = options;
  const rows: SheetRow[] = [];
  const n = text.length;
  let i = 0;
  let record = 0;
  let cellCount = 0;
  while (i < n) {
    record++;
    const fields: string[] = [];
    for (;;) {
      const [end, value] = readField(text, i, delimiter, record);
      fields.push(value);
      if (++cellCount > maxCells) throw tooManyCells(maxCells);
      i = end;
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      // End of record: CRLF, LF or a lone CR.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      break;
    }
    if (fields.every((f) => f === '')) continue;
    if (rows.length >= maxRows) throw tooManyRows(maxRows);
    rows.push({
      rowNumber: record,
      cells: fields.map((f) => (f === '' ? null : unescapeFormulas ? unescapeCsvFormula(f) : f)),
    });
  }
  return rows;
}
