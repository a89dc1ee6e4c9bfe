// The three XML parts a .docx import needs, read through the shared zip guard: the archive's shape
// is checked from its central directory before anything is inflated, and each part is inflated as
// a stream that stops the moment it outgrows its declared size (zip bombs, lying headers).
import { ReaderError } from '../errors';
import { guardZip, inflateEntry, type ZipEntry, type ZipLimits } from '../zipGuard';

export interface DocxLimits extends ZipLimits {
  /** Most bytes inflated for document.xml, numbering.xml and styles.xml together (default 64 MB). */
  maxXmlBytes: number;
}

export const DEFAULT_DOCX_LIMITS: Readonly<Partial<DocxLimits>> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxXmlBytes: 64 * 1024 * 1024,
});

const DEFAULT_MAX_XML_BYTES = 64 * 1024 * 1024;

export interface DocxParts {
  document: string;
  numbering: string | null;
  styles: string | null;
}

export async function readDocxParts(data: Uint8Array, limits: Partial<DocxLimits> = {}): Promise<DocxParts> {
  const { maxXmlBytes = DEFAULT_MAX_XML_BYTES, ...zipLimits } = { ...DEFAULT_DOCX_LIMITS, ...limits };
  const entries = guardZip(data, zipLimits);
  const find = (name: string) => entries.find((e) => e.name === name);
  const document = find('word/document.xml');
  if (!document) {
    throw new ReaderError(
      'file.notDocx',
      '这不是有效的 Word 文档（缺少正文 word/document.xml），可能是其他格式的压缩文件。',
      'This is not a valid Word document (word/document.xml is missing); it may be another kind of archive.',
    );
  }
  const numbering = find('word/numbering.xml');
  const styles = find('word/styles.xml');
  // guardZip bounds each entry's declared size and inflateEntry stops at it, so checking the
  // declared sizes here bounds what is really inflated.
  const declared = [document, numbering, styles].reduce((n, e) => n + (e?.uncompressedSize ?? 0), 0);
  if (declared > maxXmlBytes) {
    const mb = Math.round(maxXmlBytes / 1024 / 1024);
    throw new ReaderError(
      'file.zipBomb',
      `文档正文过大（解压后超过 ${mb} MB），已拒绝打开。`,
      `The document body is too large (over ${mb} MB uncompressed) and was refused.`,
    );
  }
  return {
    document: await inflateText(data, document),
    numbering: numbering ? await inflateText(data, numbering) : null,
    styles: styles ? await inflateText(data, styles) : null,
  };
}

async function inflateText(data: Uint8Array, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  await inflateEntry(data, entry, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
