/**
 * Reads an .xlsx import into plain rows. Order of defence: zipGuard checks the container from its directory; every
 * part is then inflated once as a stream (sizes and checksums proven, worksheet rows counted, so an oversized file is
 * refused before anything big is built); only then does exceljs parse it, with the parts it can be made to choke
 * on (data validations, merges, conditional formats) switched off.
 */
import ExcelJS from 'exceljs';
import { toPlainCell } from './sheet/cellValue';
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_ROWS, tooManyCells, tooManyRows } from './sheet/limitErrors';
import { fillMerges } from './sheet/mergeFill';
import { SheetScanner } from './sheet/sheetScan';
import type { PlainCell, ReadNote, ReadSheet, SheetRow } from './sheet/types';
import { parseSheetParts, type SheetPart } from './sheet/workbookParts';
import { ReaderError } from './errors';
import { guardZip, inflateEntry, verifyZip, type ZipEntry, type ZipLimits } from './zipGuard';

export { mapRows } from './sheet/mapRows';
export type { MapRowsOptions, MappedRow, MappedSheet, RowIssue, Issue } from './sheet/mapRows';
export type { PlainCell, ReadNote, ReadSheet, SheetRow } from './sheet/types';

export interface ReadXlsxOptions {
  /** Rows holding data, per sheet; default 20,000. */
  maxRows?: number;
  /** Cells holding content, whole workbook; default 500,000. */
  maxCells?: number;
  /** Overrides of the ZIP limits (file size, entry count, expanded size, ratio). */
  zipLimits?: Partial<ZipLimits>;
  /** Return sheets hidden in Excel too (never needed for our own exports); default false. */
  includeHiddenSheets?: boolean;
  /** Copy a merged range's value into all its cells; default true. */
  fillMergedCells?: boolean;
}

export interface XlsxBook {
  sheets: ReadSheet[];
}

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const MAX_WORKBOOK_XML_BYTES = 5 * 1024 * 1024;

// Worksheet parts exceljs should not build: we do not need them, and some (validations, merges, conditional
// formats) it expands cell by cell over whatever range the file declares.
const IGNORED_NODES = [
  'sheetViews',
  'cols',
  'mergeCells',
  'dataValidations',
  'conditionalFormatting',
  'hyperlinks',
  'autoFilter',
  'rowBreaks',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'headerFooter',
  'drawing',
  'picture',
  'tableParts',
  'sheetProtection',
  'extLst',
];

const partName = (entry: ZipEntry): string => entry.name.replace(/^\/+/, '');

function notXlsx(entries: readonly ZipEntry[]): ReaderError {
  const isWord = entries.some((e) => partName(e) === 'word/document.xml');
  return new ReaderError(
    'file.notXlsx',
    isWord ? '这是 Word 文档（.docx），不是 Excel 表格。' : '文件不是 Excel 表格（.xlsx）。',
    isWord ? 'This is a Word document (.docx), not an Excel workbook.' : 'The file is not an Excel workbook (.xlsx).',
  );
}

function unreadable(): ReaderError {
  return new ReaderError(
    'file.corrupt',
    '无法读取该 Excel 文件，文件可能已损坏。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。',
    'The Excel file could not be read and may be damaged. Open it in Excel/WPS, save as .xlsx, and retry.',
  );
}

async function readPartText(buf: Buffer, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return '';
  if (entry.uncompressedSize > MAX_WORKBOOK_XML_BYTES) throw unreadable();
  const chunks: Buffer[] = [];
  await inflateEntry(buf, entry, (c) => chunks.push(Buffer.from(c)));
  return Buffer.concat(chunks).toString('utf8');
}

interface Scanned {
  parts: SheetPart[];
  merges: Map<string, { refs: string[]; truncated: boolean }>;
  cells: number;
}

/**
 * Proves every part's real size and checksum and counts worksheet rows and cells while inflating, throwing as soon
 * as a limit is passed, so a 50,000-row sheet is refused after 20,001 rows have streamed by.
 */
async function verifyAndScan(buf: Buffer, entries: ZipEntry[], maxRows: number, maxCells: number): Promise<Scanned> {
  const byName = new Map(entries.map((e) => [partName(e), e]));
  const workbookEntry = byName.get(WORKBOOK_PART);
  if (!workbookEntry || !byName.has('[Content_Types].xml')) throw notXlsx(entries);
  const parts = parseSheetParts(
    await readPartText(buf, workbookEntry),
    await readPartText(buf, byName.get(WORKBOOK_RELS)),
  );
  const nameOfPart = new Map(parts.filter((p) => p.path).map((p) => [p.path as string, p.name]));

  const scanners = new Map<ZipEntry, SheetScanner>();
  // Cells in worksheets already fully streamed; parts are inflated one after another.
  let finishedCells = 0;
  let current: SheetScanner | undefined;
  const rest = entries.filter((e) => e !== workbookEntry && partName(e) !== WORKBOOK_RELS);
  await verifyZip(buf, rest, (entry, chunk) => {
    if (!WORKSHEET_PART.test(partName(entry))) return;
    let scanner = scanners.get(entry);
    if (!scanner) {
      if (current) finishedCells += current.counts.cells;
      scanner = new SheetScanner();
      scanners.set(entry, scanner);
      current = scanner;
    }
    scanner.push(chunk);
    if (scanner.counts.rows > maxRows) throw tooManyRows(maxRows, nameOfPart.get(partName(entry)));
    if (finishedCells + scanner.counts.cells > maxCells) throw tooManyCells(maxCells);
  });

  const merges = new Map<string, { refs: string[]; truncated: boolean }>();
  let cells = 0;
  for (const [entry, scanner] of scanners) {
    const result = scanner.finish();
    if (result.rows > maxRows) throw tooManyRows(maxRows, nameOfPart.get(partName(entry)));
    cells += result.cells;
    merges.set(partName(entry), { refs: result.merges, truncated: result.mergesTruncated });
  }
  if (cells > maxCells) throw tooManyCells(maxCells);
  return { parts, merges, cells };
}

function convertSheet(ws: ExcelJS.Worksheet): { rows: SheetRow[]; notes: ReadNote[] } {
  const rows: SheetRow[] = [];
  const notes: ReadNote[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: PlainCell[] = [];
    let hasValue = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const { value, note } = toPlainCell(cell.value);
      if (note) notes.push({ rowNumber, column, ...note });
      const plain = value === '' ? null : value;
      while (cells.length < column - 1) cells.push(null);
      cells[column - 1] = plain;
      if (plain !== null) hasValue = true;
    });
    if (hasValue) rows.push({ rowNumber, cells });
  });
  return { rows, notes };
}

export async function readXlsx(data: Uint8Array, options: ReadXlsxOptions = {}): Promise<XlsxBook> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;

  const entries = guardZip(buf, options.zipLimits);
  const scanned = await verifyAndScan(buf, entries, maxRows, maxCells);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's load options are untyped beyond base64; ignoreNodes is read by its worksheet parser.
    await workbook.xlsx.load(buf as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  } catch {
    throw unreadable();
  }

  const sheets: ReadSheet[] = [];
  for (const part of scanned.parts) {
    if (part.hidden && !options.includeHiddenSheets) continue;
    // Chart sheets and other non-grid sheets have nothing to import.
    if (part.path !== null && !WORKSHEET_PART.test(part.path)) continue;
    const ws = workbook.worksheets.find((w) => w.name === part.name);
    if (!ws) {
      sheets.push({
        name: part.name,
        hidden: part.hidden,
        rows: [],
        notes: [
          {
            rowNumber: 0,
            column: 0,
            code: 'sheet.unreadable',
            message: `工作表「${part.name}」无法读取，已跳过。`,
            messageEn: `Sheet "${part.name}" could not be read and was skipped.`,
          },
        ],
      });
      continue;
    }
    const { rows, notes } = convertSheet(ws);
    const merge = part.path ? scanned.merges.get(part.path) : undefined;
    if ((options.fillMergedCells ?? true) && merge) {
      const complete = fillMerges(rows, merge.refs, Math.max(0, maxCells - scanned.cells));
      if (!complete || merge.truncated) {
        notes.push({
          rowNumber: 0,
          column: 0,
          code: 'sheet.mergesSkipped',
          message: '合并单元格过多，部分合并单元格只在首格保留内容。',
          messageEn: 'Too many merged cells: some merged ranges keep their value in the first cell only.',
        });
      }
    }
    sheets.push({ name: part.name, hidden: part.hidden, rows, notes });
  }
  return { sheets };
}
