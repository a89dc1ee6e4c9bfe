/**
 * CSV export for data exchange (other systems, quick looks). Excel in China opens a CSV as GBK unless it starts with
 * a UTF-8 BOM, so the BOM is always written; CRLF and RFC 4180 quoting follow what Excel and WPS write themselves.
 */
import { cleanCellText, escapeCsvFormula, isStorableNumber } from './cellText';
import type { CellInput, ColumnSpec, RowInput } from './types';

const BOM = '\uFEFF';
const CRLF = '\r\n';
// Quote when RFC 4180 requires it (separator, quote, line break) and also for tab, semicolon and edge spaces, so
// that a reader guessing the separator, or trimming unquoted fields, cannot misread the value.
const NEEDS_QUOTES = /[",\r\n\t;]|^\s|\s$/;

function field(value: CellInput): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return isStorableNumber(value) ? String(value) : '';
  const text = escapeCsvFormula(cleanCellText(typeof value === 'string' ? value : String(value)));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line plus one line per row, UTF-8 with BOM, CRLF line ends. Every listed column is written,
 *  hidden ones included (CSV has no hiding), so a record-id column survives a round trip. */
export function buildCsv(columns: readonly Pick<ColumnSpec, 'key' | 'header'>[], rows: readonly RowInput[]): Buffer {
  const lines = [columns.map((c) => field(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(row[c.key])).join(','));
  return Buffer.from(BOM + lines.join(CRLF) + CRLF, 'utf8');
}
