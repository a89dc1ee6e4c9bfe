/**
 * Text → w:r elements. Every run of body text carries its full font and size rather than relying on the document
 * defaults: WPS and older Word versions resolve the defaults for East Asian fonts inconsistently (theme fonts), and
 * direct formatting is what reviewers see when they click into the text. Table cells are the exception: their
 * paragraphs name a style that sets every font slot itself (see table.ts), and their runs carry no properties.
 */
import { Tab, TextRun, type IRunOptions } from 'docx';
import { runFonts } from './fonts';
import { splitLinesAndTabs } from './text';
import { ptToHalfPoints } from './units';

export interface RunStyle {
  readonly font: string;
  readonly sizePt: number;
  readonly bold?: boolean;
  readonly underline?: boolean;
}

/** docx run properties for a style; also used for the paragraph mark so empty lines keep the body height. */
export function runProperties(style: RunStyle): Pick<IRunOptions, 'font' | 'size' | 'bold' | 'underline'> {
  return {
    font: runFonts(style.font),
    size: ptToHalfPoints(style.sizePt),
    ...(style.bold ? { bold: true } : {}),
    ...(style.underline ? { underline: {} } : {}),
  };
}

/**
 * One run per line of text; lines after the first start with w:br so "\n" becomes a line break inside the
 * paragraph, and tabs become w:tab instead of a raw tab character, which some viewers drop.
 */
export function textRuns(text: string, style?: RunStyle): TextRun[] {
  const properties = style ? runProperties(style) : {};
  return splitLinesAndTabs(text).map((pieces, lineIndex) => {
    const children: (string | Tab)[] = [];
    pieces.forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) children.push(new Tab());
      if (piece !== '') children.push(piece);
    });
    // An empty line still needs a run to hold the break and the fonts.
    return new TextRun({ ...properties, children: children.length > 0 ? children : [''], break: lineIndex > 0 ? 1 : undefined });
  });
}
