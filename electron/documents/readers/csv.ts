/**
 * Reads a .csv (or tab-separated .txt) import into the same shape as one sheet of readXlsx, so features handle
 * both with one preview. Detects the encoding and the separator, enforces size and row limits, and refuses files
 * that are not text at all with a message saying what they are.
 */
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_ROWS } from './sheet/limitErrors';
import { detectDelimiter, parseCsv, type CsvDelimiter } from './sheet/csvParse';
import { decodeText, type TextEncodingName } from './sheet/textEncoding';
import type { ReadSheet } from './sheet/types';
import { ReaderError } from './errors';

export type { CsvDelimiter } from './sheet/csvParse';
export type { TextEncodingName } from './sheet/textEncoding';

export interface ReadCsvOptions {
  /** Default 20 MB. */
  maxBytes?: number;
  /** Rows holding data; default 20,000. */
  maxRows?: number;
  /** Non-empty and empty fields together; default 500,000. */
  maxCells?: number;
  /** Force a separator instead of detecting it from the header line. */
  delimiter?: CsvDelimiter;
  /** Name given to the returned sheet (e.g. the file name); default 「CSV」. */
  name?: string;
  /** Remove the apostrophe that buildCsv (and other tools) put before formula-like text; default true. */
  unescapeFormulas?: boolean;
}

export interface CsvSheet extends ReadSheet {
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const MB = 1024 * 1024;
// More than this share of C0 control characters means binary data, not text someone typed.
const MAX_CONTROL_SHARE = 0.01;

function refuseNonText(buf: Buffer): void {
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    throw new ReaderError(
      'file.isWorkbook',
      '这是 Excel/Word 文件（.xlsx/.docx），不是 CSV。请选择对应的导入方式。',
      'This is an Excel/Word file (.xlsx/.docx), not a CSV. Import it as such.',
    );
  }
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new ReaderError(
      'file.legacyFormat',
      '这是旧版 Excel 文件（.xls），不是 CSV。请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入。',
      'This is a legacy Excel file (.xls), not a CSV. Save it as .xlsx or CSV and import again.',
    );
  }
}

function notText(detailZh: string, detailEn: string): ReaderError {
  return new ReaderError(
    'file.notText',
    `文件不是文本格式的 CSV（${detailZh}），无法导入。`,
    `The file is not a text CSV (${detailEn}) and cannot be imported.`,
  );
}

function checkIsText(text: string): void {
  if (text.includes('\u0000')) throw notText('含有空字符', 'it contains NUL characters');
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) controls++;
  }
  if (controls > 8 && controls > text.length * MAX_CONTROL_SHARE) {
    throw notText('内容像是二进制数据', 'its content looks binary');
  }
}

export function readCsv(data: Uint8Array, options: ReadCsvOptions = {}): CsvSheet {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length === 0) throw new ReaderError('file.empty', '文件是空的（0 字节）。', 'The file is empty (0 bytes).');
  if (buf.length > maxBytes) {
    const size = `${Math.round((buf.length / MB) * 10) / 10} MB`;
    const limit = `${Math.round((maxBytes / MB) * 10) / 10} MB`;
    throw new ReaderError(
      'file.tooLarge',
      `文件过大（${size}），上限为 ${limit}。`,
      `The file is too large (${size}); the limit is ${limit}.`,
    );
  }
  refuseNonText(buf);
  const { text, encoding } = decodeText(buf);
  checkIsText(text);

  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows = parseCsv(text, {
    delimiter,
    maxRows: options.maxRows ?? DEFAULT_MAX_ROWS,
    maxCells: options.maxCells ?? DEFAULT_MAX_CELLS,
    unescapeFormulas: options.unescapeFormulas ?? true,
  });
  return { name: options.name ?? 'CSV', hidden: false, rows, notes: [], encoding, delimiter };
}
