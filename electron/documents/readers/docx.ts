// .docx import: Buffer → paragraphs with Word's automatic numbering and outline levels, ready for
// parseOutline. Only document.xml, numbering.xml and styles.xml are read; hostile archives are
// refused by the shared zip guard before anything large is inflated (see docx/parts.ts).
import type { OutlineParagraph } from '../../common/materials/outlineTypes';
import { readDocumentParagraphs } from './docx/document';
import { Numbering } from './docx/numbering';
import { readDocxParts, type DocxLimits } from './docx/parts';
import { StyleSheet } from './docx/styles';

export { DEFAULT_DOCX_LIMITS, type DocxLimits } from './docx/parts';
export type { OutlineParagraph } from '../../common/materials/outlineTypes';

const BODY_TEXT_LEVEL = 9; // w:outlineLvl 9 means "body text"

/**
 * Throws ReaderError: file.empty, file.tooLarge, file.legacyFormat (.doc, or a password-protected
 * .docx), file.notZip, file.corrupt, file.encrypted, file.unsupported, file.zipBomb, file.notDocx.
 */
export async function readDocx(data: Uint8Array, limits: Partial<DocxLimits> = {}): Promise<OutlineParagraph[]> {
  const parts = await readDocxParts(data, limits);
  const styles = StyleSheet.parse(parts.styles);
  const numbering = Numbering.parse(parts.numbering, styles);

  const out: OutlineParagraph[] = [];
  for (const raw of readDocumentParagraphs(parts.document)) {
    const style = styles.resolve(raw.styleId);
    // Counters advance for every numbered paragraph, even one we do not keep, as in Word.
    const numId = raw.numId ?? style.numId;
    const number = numId !== undefined && numId !== '0' ? numbering.next(numId, raw.ilvl ?? style.ilvl ?? 0) : null;
    if (style.isToc) continue; // a table of contents is page furniture
    const paragraph: OutlineParagraph = { text: raw.text };
    if (number && number.text !== '') paragraph.numbering = number;
    const outline = raw.outlineLvl ?? style.outlineLevel;
    if (outline !== undefined && outline >= 0 && outline < BODY_TEXT_LEVEL) paragraph.outlineLevel = outline;
    out.push(paragraph);
  }
  return out;
}
