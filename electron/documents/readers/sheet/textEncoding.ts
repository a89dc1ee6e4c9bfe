/**
 * Decoding a text file whose encoding nobody told us. In Chinese offices a CSV is UTF-8 with a BOM (our exports,
 * Excel's "CSV UTF-8"), UTF-8 without (other software), UTF-16 (Excel's "Unicode text") or GBK/GB18030 (Excel's
 * plain "CSV" on a Chinese Windows, and WPS). GB18030 is a superset of GBK and GB2312, so it decodes all three.
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

export function decodeText(buf: Buffer): DecodedText {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: iconv.decode(buf.subarray(2), 'utf16-be'), encoding: 'utf-16be', bom: true };
  }
  try {
    // fatal: any byte sequence that is not valid UTF-8 throws, which is how GBK text is recognised (its two-byte
    // characters are almost never valid UTF-8 by accident, for any text longer than a word or two).
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf), encoding: 'utf-8', bom: false };
  } catch {
    return { text: iconv.decode(buf, 'gb18030', { stripBOM: false }), encoding: 'gb18030', bom: false };
  }
}
