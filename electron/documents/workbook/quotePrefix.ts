/**
 * Adds Excel's quotePrefix flag to text-formatted cell styles after exceljs has written the file.
 *
 * exceljs has no quotePrefix option, but quotePrefix is what Excel itself sets when a user types '=1+1: the cell is
 * marked "text that merely looks like a formula", so pressing F2 and Enter in Excel or WPS keeps it text. The writer
 * gives escaped cells (and only those, plus dropdown items) the built-in Text format (numFmtId 49), which alone
 * already stops evaluation on edit; this pass adds the flag on exactly those styles.
 */
import JSZip from 'jszip';

const STYLES_PART = 'xl/styles.xml';
/** Built-in number format id of "@" (Text). */
const TEXT_FORMAT_ID = '49';

/** Rewrites <cellXfs> so that every style using the Text format carries quotePrefix="1". Pure, for testing. */
export function addQuotePrefixToTextStyles(stylesXml: string): string {
  return stylesXml.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (tag: string, attrs: string, selfClose: string) => {
      if (!new RegExp(`\\bnumFmtId="${TEXT_FORMAT_ID}"`).test(attrs) || /\bquotePrefix=/.test(attrs)) return tag;
      return `<xf${attrs} quotePrefix="1"${selfClose}>`;
    }),
  );
}

export async function applyQuotePrefix(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = zip.file(STYLES_PART);
  if (!part) return xlsx;
  const before = await part.async('string');
  const after = addQuotePrefixToTextStyles(before);
  if (after === before) return xlsx;
  zip.file(STYLES_PART, after);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
