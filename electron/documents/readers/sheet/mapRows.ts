/**
 * Turns the rows of a read sheet into records keyed by field, for an import preview: finds the header row, maps
 * columns to fields by their header text, and reports per-row and per-sheet problems instead of throwing, so the
 * user sees every issue at once and can fix the file.
 */
import { normalizeHeader, withoutNote } from './headerText';
import type { PlainCell, SheetRow } from './types';

export interface MapRowsOptions<K extends string> {
  /** For each field, the header texts that mean it; the first is used in messages. */
  headerAliases: Readonly<Record<K, readonly string[]>>;
  requiredFields?: readonly K[];
  /** Fields whose values must not repeat (e.g. the hidden record id): later repeats get a row error. */
  uniqueFields?: readonly K[];
  /** How many non-empty rows from the top may hold the header; default 10 (title and subtitle come first). */
  headerSearchRows?: number;
  /** Distinct fields a row must name to count as the header; default 2 (1 when only one field is known). */
  minHeaderMatches?: number;
  /** Trim spaces (including 全角空格) around text values; default true. Inner text is never changed. */
  trim?: boolean;
}

export interface Issue {
  code: string;
  message: string;
  messageEn: string;
}

export interface RowIssue<K extends string> extends Issue {
  /** The field concerned, or null for the row as a whole. */
  field: K | null;
}

export interface MappedRow<K extends string> {
  rowNumber: number;
  values: Record<K, PlainCell>;
  errors: RowIssue<K>[];
}

export interface MappedSheet<K extends string> {
  /** Row number of the header as the user sees it; null when no header was found. */
  headerRowNumber: number | null;
  /** 1-based column of each field that was found. */
  columns: Partial<Record<K, number>>;
  /** Headers that matched no field, so the preview can say 「以下列未导入」. */
  unknownHeaders: { column: number; text: string }[];
  rows: MappedRow<K>[];
  errors: Issue[];
}

type Lookup<K extends string> = { exact: Map<string, K>; loose: Map<string, K> };

function buildLookup<K extends string>(aliases: Readonly<Record<K, readonly string[]>>): Lookup<K> {
  const exact = new Map<string, K>();
  const loose = new Map<string, K>();
  for (const field of Object.keys(aliases) as K[]) {
    for (const alias of aliases[field]) {
      const n = normalizeHeader(alias);
      if (n === '') continue;
      if (!exact.has(n)) exact.set(n, field);
      if (!loose.has(withoutNote(n))) loose.set(withoutNote(n), field);
    }
  }
  return { exact, loose };
}

interface HeaderMatch<K extends string> {
  columns: Partial<Record<K, number>>;
  unknown: { column: number; text: string }[];
  duplicates: { field: K; column: number }[];
}

/** Maps one candidate header row: exact matches first, then matches ignoring bracketed notes. */
function matchHeader<K extends string>(row: SheetRow, lookup: Lookup<K>): HeaderMatch<K> {
  const columns: Partial<Record<K, number>> = {};
  const duplicates: { field: K; column: number }[] = [];
  const pending: { column: number; text: string; norm: string }[] = [];
  row.cells.forEach((cell, i) => {
    if (cell === null || cell === '') return;
    const text = String(cell);
    const norm = normalizeHeader(text);
    if (norm !== '') pending.push({ column: i + 1, text, norm });
  });
  const assign = (field: K, column: number): void => {
    if (columns[field] === undefined) columns[field] = column;
    else duplicates.push({ field, column });
  };
  const unmatched = pending.filter((p) => {
    const field = lookup.exact.get(p.norm);
    if (field !== undefined) assign(field, p.column);
    return field === undefined;
  });
  const unknown = unmatched
    .filter((p) => {
      const field = lookup.loose.get(withoutNote(p.norm));
      if (field !== undefined) assign(field, p.column);
      return field === undefined;
    })
    .map(({ column, text }) => ({ column, text }));
  return { columns, unknown, duplicates };
}

function fieldLabel<K extends string>(aliases: Readonly<Record<K, readonly string[]>>, field: K): string {
  return aliases[field][0] ?? field;
}

function cleanValue(cell: PlainCell | undefined, trim: boolean): PlainCell {
  if (cell === undefined || cell === null) return null;
  if (typeof cell !== 'string') return cell;
  const text = trim ? cell.trim() : cell;
  return text.trim() === '' ? null : text;
}

export function mapRows<K extends string>(rows: readonly SheetRow[], options: MapRowsOptions<K>): MappedSheet<K> {
  const { headerAliases } = options;
  const fields = Object.keys(headerAliases) as K[];
  const lookup = buildLookup(headerAliases);
  const searchRows = options.headerSearchRows ?? 10;
  const minMatches = options.minHeaderMatches ?? Math.min(2, Math.max(1, fields.length));
  const trim = options.trim ?? true;

  // The header is the row naming the most fields among the first rows; ties go to the earliest.
  let header: { row: SheetRow; match: HeaderMatch<K>; count: number } | null = null;
  for (const row of rows.slice(0, searchRows)) {
    const match = matchHeader(row, lookup);
    const count = Object.keys(match.columns).length;
    if (count >= minMatches && (header === null || count > header.count)) header = { row, match, count };
  }

  if (rows.length === 0) {
    return {
      headerRowNumber: null,
      columns: {},
      unknownHeaders: [],
      rows: [],
      errors: [{ code: 'sheet.empty', message: '表格中没有数据。', messageEn: 'The sheet contains no data.' }],
    };
  }
  if (header === null) {
    const expected = fields.map((f) => fieldLabel(headerAliases, f)).join('、');
    return {
      headerRowNumber: null,
      columns: {},
      unknownHeaders: [],
      rows: [],
      errors: [
        {
          code: 'header.notFound',
          message: `在前 ${searchRows} 行中找不到表头。表头应包含以下列名：${expected}。`,
          messageEn: `No header row found in the first ${searchRows} rows. Expected column names: ${expected}.`,
        },
      ],
    };
  }

  const { columns, unknown, duplicates } = header.match;
  const errors: Issue[] = [];
  const missing = (options.requiredFields ?? []).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    const names = missing.map((f) => fieldLabel(headerAliases, f)).join('、');
    errors.push({
      code: 'header.missingRequired',
      message: `缺少必需的列：${names}。`,
      messageEn: `Required columns are missing: ${names}.`,
    });
  }
  for (const d of duplicates) {
    const name = fieldLabel(headerAliases, d.field);
    errors.push({
      code: 'header.duplicate',
      message: `「${name}」列出现了多次，第 ${d.column} 列已忽略。`,
      messageEn: `The column "${name}" appears more than once; column ${d.column} was ignored.`,
    });
  }

  const headerTexts = new Map<number, string>();
  header.row.cells.forEach((c, i) => headerTexts.set(i + 1, normalizeHeader(String(c ?? ''))));
  const seen = new Map<K, Map<string, number>>((options.uniqueFields ?? []).map((f) => [f, new Map()]));
  const mapped: MappedRow<K>[] = [];

  for (const row of rows) {
    if (row.rowNumber <= header.row.rowNumber) continue;
    const values = {} as Record<K, PlainCell>;
    let filled = 0;
    let repeatsHeader = 0;
    for (const field of fields) {
      const column = columns[field];
      const value = column === undefined ? null : cleanValue(row.cells[column - 1], trim);
      values[field] = value;
      if (value !== null) {
        filled++;
        if (column !== undefined && normalizeHeader(String(value)) === headerTexts.get(column)) repeatsHeader++;
      }
    }
    // Skip rows with nothing to import, and header rows repeated further down (lists pasted page by page).
    if (filled === 0 || (repeatsHeader === filled && filled >= minMatches)) continue;

    const rowErrors: RowIssue<K>[] = [];
    for (const field of options.requiredFields ?? []) {
      if (columns[field] !== undefined && values[field] === null) {
        const name = fieldLabel(headerAliases, field);
        rowErrors.push({
          field,
          code: 'row.required',
          message: `第 ${row.rowNumber} 行「${name}」不能为空。`,
          messageEn: `Row ${row.rowNumber}: "${name}" must not be empty.`,
        });
      }
    }
    for (const [field, firstSeen] of seen) {
      const value = values[field];
      if (value === null) continue;
      const key = String(value);
      const first = firstSeen.get(key);
      if (first === undefined) {
        firstSeen.set(key, row.rowNumber);
      } else {
        const name = fieldLabel(headerAliases, field);
        rowErrors.push({
          field,
          code: 'row.duplicate',
          message: `第 ${row.rowNumber} 行「${name}」与第 ${first} 行重复。`,
          messageEn: `Row ${row.rowNumber}: "${name}" repeats row ${first}.`,
        });
      }
    }
    mapped.push({ rowNumber: row.rowNumber, values, errors: rowErrors });
  }

  return { headerRowNumber: header.row.rowNumber, columns, unknownHeaders: unknown, rows: mapped, errors };
}
