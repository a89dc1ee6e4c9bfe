/**
 * Tells what a 佐证材料 file really is before it is stored (domain.md §5): Word, PDF, an image or Excel, judged by its
 * bytes, never by its name alone. Office files go through the same ZIP guard as every import (sizes, entries, ratio,
 * then one counted inflation), so a bomb is refused here and never reaches the user's Word later.
 */
import { ReaderError } from './errors';
import { guardZip, verifyZip } from './zipGuard';

export type EvidenceFormat = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'png' | 'jpeg' | 'gif' | 'bmp';

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

/** The extensions a format may carry (lower case, without the dot). */
export const EVIDENCE_EXTENSIONS: Record<EvidenceFormat, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  doc: ['doc'],
  xlsx: ['xlsx'],
  xls: ['xls'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  bmp: ['bmp'],
};

const starts = (buf: Uint8Array, magic: readonly number[], at = 0) => buf.length >= at + magic.length && magic.every((b, i) => buf[at + i] === b);
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const refuse = (zh: string, en: string) => new ReaderError('evidence.unsupported', zh, en);
const ACCEPTED_ZH = '只能上传 Word（.docx/.doc）、PDF、图片（.jpg/.png/.gif/.bmp）或 Excel（.xlsx/.xls）文件';
const ACCEPTED_EN = 'Only Word (.docx/.doc), PDF, image (.jpg/.png/.gif/.bmp) or Excel (.xlsx/.xls) files can be attached';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format of a file, checked against its bytes and its name; throws ReaderError with a bilingual message. */
export async function identifyEvidence(bytes: Uint8Array, name: string): Promise<EvidenceFormat> {
  if (bytes.byteLength === 0) throw new ReaderError('file.empty', `「${name}」是空文件（0 字节）。`, `"${name}" is empty (0 bytes).`);
  if (bytes.byteLength > EVIDENCE_MAX_BYTES) {
    throw new ReaderError('file.tooLarge', `「${name}」超过 20 MB，请压缩或拆分后再上传。`, `"${name}" is larger than 20 MB; compress or split it first.`);
  }
  const ext = extensionOf(name);
  let format: EvidenceFormat | null = null;
  if (starts(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) format = 'pdf';
  else if (starts(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) format = 'png';
  else if (starts(bytes, [0xff, 0xd8, 0xff])) format = 'jpeg';
  else if (starts(bytes, [0x47, 0x49, 0x46, 0x38])) format = 'gif';
  else if (starts(bytes, [0x42, 0x4d]) && ext === 'bmp') format = 'bmp';
  else if (starts(bytes, OLE2)) {
    // Legacy Word and Excel share the OLE2 container; the name tells which, and nothing inside is ever parsed here.
    if (ext === 'doc' || ext === 'xls') format = ext;
    else throw refuse(`「${name}」是旧版 Office 文件或设置了密码的文件，请以 .doc 或 .xls 为扩展名上传，或另存为 .docx/.xlsx/PDF。`, `"${name}" is a legacy or password-protected Office file; name it .doc or .xls, or save it as .docx/.xlsx/PDF.`);
  } else if (starts(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const entries = guardZip(bytes, { maxFileBytes: EVIDENCE_MAX_BYTES });
    await verifyZip(bytes, entries);
    const names = new Set(entries.map((e) => e.name));
    if (names.has('word/document.xml')) format = 'docx';
    else if (names.has('xl/workbook.xml')) format = 'xlsx';
    else throw refuse(`「${name}」是压缩包，不是 Word 或 Excel 文件。${ACCEPTED_ZH}。`, `"${name}" is a ZIP archive, not a Word or Excel file. ${ACCEPTED_EN}.`);
  }
  if (!format) throw refuse(`「${name}」的格式无法识别。${ACCEPTED_ZH}。`, `The format of "${name}" is not recognised. ${ACCEPTED_EN}.`);
  if (!EVIDENCE_EXTENSIONS[format].includes(ext)) {
    const want = EVIDENCE_EXTENSIONS[format].map((e) => `.${e}`).join('/');
    throw refuse(`「${name}」的内容是 ${want} 文件，但扩展名不符，请改正文件名后再上传。`, `"${name}" holds a ${want} file but its extension does not match; correct the name and try again.`);
  }
  return format;
}
