/** Import preview: pasted text, a .txt (UTF-8, GB18030/GBK, UTF-16) or a .docx (Word numbering included) → tree + warnings. */
import { MAX_CONTENT_CHARS, type MaterialParsePreview } from '../../common/api/materials';
import { charCount, parseOutline, type OutlineParagraph } from '../../common/materials';
import { AppError } from '../../common/result';
import { readDocx } from '../../documents/readers/docx';
import { ReaderError } from '../../documents/readers/errors';
import { readTextWithEncoding } from '../../documents/readers/text';

type ParseInput = ({ source: 'text'; text: string } | { source: 'file'; name: string; bytes: Uint8Array }) & { keepBreaks?: number[] };

const isZip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;

export async function parseMaterial(input: ParseInput): Promise<MaterialParsePreview> {
  let source: string | OutlineParagraph[];
  let format: MaterialParsePreview['format'] = 'text';
  let encoding: string | null = null;
  try {
    if (input.source === 'text') {
      source = input.text;
    } else if (/\.docx$/i.test(input.name) || isZip(input.bytes)) {
      source = await readDocx(input.bytes);
      format = 'docx';
    } else {
      const decoded = readTextWithEncoding(input.bytes);
      source = decoded.text;
      encoding = decoded.encoding;
      format = 'txt';
    }
  } catch (error) {
    if (error instanceof ReaderError) throw new AppError(`materials.${error.code}`, error.message, error.messageEn);
    throw error;
  }
  const { material, warnings, joins } = parseOutline(source, input.keepBreaks ? { keepBreaks: input.keepBreaks } : {});
  return { material, warnings, joins, format, encoding, charCount: charCount(material), tooLarge: JSON.stringify(material).length > MAX_CONTENT_CHARS };
}
