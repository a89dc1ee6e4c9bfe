// Reading a .txt file for import: Windows offices still produce GBK files, Notepad writes UTF-8 with
// a BOM or UTF-16, and users sometimes pick a file that is not text at all.
import iconv from 'iconv-lite';
import { decodeText, type TextEncodingName } from './sheet/textEncoding';
import { ReaderError } from './errors';

export type { TextEncodingName } from './sheet/textEncoding';

export interface DecodedTextFile {
  /** The text, BOM removed, line endings untouched. */
  text: string;
  encoding: TextEncodingName;
}

export interface TextReaderOptions {
  /** Largest accepted file in bytes (default 5 MB: a material is tens of kilobytes). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MB = 1024 * 1024;

/**
 * Decode a .txt file. Throws ReaderError: file.tooLarge, file.isOfficeFile (.docx/.xlsx),
 * file.isPdf, file.legacyFormat (.doc/.wps), file.notText (binary data).
 */
export function readText(data: Uint8Array, options: TextReaderOptions = {}): string {
  return readTextWithEncoding(data, options).text;
}

/** Like readText, and reports the detected encoding (for the import preview). */
export function readTextWithEncoding(data: Uint8Array, options: TextReaderOptions = {}): DecodedTextFile {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length > maxBytes) {
    const size = `${Math.round((buf.length / MB) * 10) / 10} MB`;
    const limit = `${Math.round((maxBytes / MB) * 10) / 10} MB`;
    throw new ReaderError(
      'file.tooLarge',
      `文件过大（${size}），上限为 ${limit}，无法作为文本导入。`,
      `The file is too large (${size}) to import as text; the limit is ${limit}.`,
    );
  }
  refuseKnownBinary(buf);
  const utf16 = guessBomlessUtf16(buf);
  const decoded = utf16 ? { text: iconv.decode(buf, utf16), encoding: utf16 } : decodeText(buf);
  refuseJunk(decoded.text);
  return { text: decoded.text, encoding: decoded.encoding };
}

// UTF-16 without a BOM: 8-bit text never contains a NUL byte, UTF-16 nearly always does (ASCII
// characters, and ideographs such as 一 U+4E00). The byte order is the one that decodes to
// plausible characters.
function guessBomlessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4 || buf.length % 2 !== 0 || buf.indexOf(0) < 0) return null;
  const sample = buf.subarray(0, Math.min(buf.length, 8192));
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = iconv.decode(sample, encoding);
    let plausible = 0;
    for (let i = 0; i < text.length; i++) if (isPlausible(text.charCodeAt(i))) plausible++;
    if (plausible >= text.length * 0.9) return encoding;
  }
  return null;
}

function isPlausible(c: number): boolean {
  return (
    c === 0x09 || c === 0x0a || c === 0x0d ||
    (c >= 0x20 && c < 0x7f) ||
    (c >= 0x2000 && c < 0x2070) || // general punctuation: “” ‘’ — …
    (c >= 0x3000 && c < 0x3040) || // CJK punctuation: 。、《》「」
    (c >= 0x4e00 && c < 0xa000) || // CJK ideographs
    (c >= 0xff00 && c < 0xfff0) // full-width forms: （）：，
  );
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

function refuseKnownBinary(buf: Buffer): void {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    throw new ReaderError(
      'file.isOfficeFile',
      '这是 Word/Excel 文件（.docx/.xlsx）或其他压缩文件，不是纯文本。Word 文档请选择“导入 Word 文档”。',
      'This is a Word/Excel file (.docx/.xlsx) or another archive, not plain text. Import Word documents as such.',
    );
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) {
    throw new ReaderError(
      'file.isPdf',
      '暂不支持直接导入 PDF。请在 PDF 阅读器中复制文字后粘贴。',
      'PDF files cannot be imported directly. Copy the text in a PDF reader and paste it.',
    );
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ReaderError(
      'file.legacyFormat',
      '这是旧版 Word/WPS 文件（.doc/.wps），请先另存为 .docx 或 .txt 后再导入。',
      'This is a legacy Word/WPS file (.doc/.wps). Save it as .docx or .txt first.',
    );
  }
}

// Decoding never fails, so binary data is recognised by what it decodes to: NULs, control
// characters, replacement characters and private-use code points do not occur in typed text.
function refuseJunk(text: string): void {
  let bad = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    total++;
    if (c === 0) {
      bad = Infinity;
      break;
    }
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0);
    if (control || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) bad++;
  }
  if (bad > Math.max(2, total * 0.01)) {
    throw new ReaderError(
      'file.notText',
      '文件内容不是可识别的文字（可能是图片、压缩包或其他二进制文件），无法导入。',
      'The file does not contain readable text (it may be an image, an archive or another binary file).',
    );
  }
}
