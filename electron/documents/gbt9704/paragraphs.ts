/**
 * Paragraph blocks → w:p, with the GB/T 9704 format of each kind.
 */
import { AlignmentType, LineRuleType, Paragraph, type IParagraphOptions, type TextRun } from 'docx';
import type {
  Alignment,
  AttachmentLabelBlock,
  BlankLineBlock,
  Heading1Block,
  Heading2Block,
  Heading3Block,
  Heading4Block,
  ParagraphBlock,
  PlainBlock,
  SubtitleBlock,
  TextSpan,
  TitleBlock,
} from './blocks';
import type { FontSet } from './fonts';
import { runProperties, textRuns, type RunStyle } from './runs';
import type { PageSettings } from './settings';
import { breakTitle } from './titleBreak';
import { FONT_SIZE_PT, ptToTwips } from './units';

export type ParagraphLikeBlock =
  | TitleBlock
  | SubtitleBlock
  | Heading1Block
  | Heading2Block
  | Heading3Block
  | Heading4Block
  | ParagraphBlock
  | PlainBlock
  | BlankLineBlock
  | AttachmentLabelBlock;

export interface ParagraphContext {
  readonly settings: PageSettings;
  readonly fonts: FontSet;
  /** Set when a pageBreak block (or an attachment label) asks this paragraph to open a new page. */
  readonly pageBreakBefore: boolean;
  /** Width between the margins, in twips: how many title characters fit a line. */
  readonly textWidth: number;
  /**
   * The next block is a heading of the same or a higher level without text of its own: this heading is an item of a
   * list, not the head of text, and keeping it with the next one would chain the whole list to the next page.
   */
  readonly nextIsSibling?: boolean;
}

/** One 三号 character, the unit of GB/T 9704 indents (空二字 = 640 twips). */
const CHAR_TWIPS = ptToTwips(FONT_SIZE_PT.size3);

/**
 * Outline levels as WordprocessingML counts them (0 = Word's "Level 1"); they make the navigation pane and a
 * table of contents (TOC \u) work without using Word's Heading styles, whose fonts and colours we would fight.
 */
export const OUTLINE_LEVEL = { heading1: 0, heading2: 1, heading3: 2, heading4: 3 } as const;

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function renderParagraphBlock(block: ParagraphLikeBlock, context: ParagraphContext): Paragraph {
  const { fonts, settings } = context;
  const body: RunStyle = { font: fonts.body, sizePt: FONT_SIZE_PT.size3 };
  switch (block.kind) {
    case 'title': {
      const perLine = Math.floor(context.textWidth / ptToTwips(FONT_SIZE_PT.size2));
      // Explicit breaks between words, lines balanced, kept together on one page.
      return paragraph(context, { align: 'center', keepLines: true }, textRuns(breakTitle(block.text, perLine), { font: fonts.title, sizePt: FONT_SIZE_PT.size2 }));
    }
    case 'subtitle':
    case 'author':
      return paragraph(context, { align: 'center' }, textRuns(block.text, { font: fonts.heading2, sizePt: FONT_SIZE_PT.size3 }));
    case 'heading1':
      return paragraph(
        context,
        { indented: true, outlineLevel: OUTLINE_LEVEL.heading1, keepNext: true },
        textRuns(block.text, { font: fonts.heading1, sizePt: FONT_SIZE_PT.size3 }),
      );
    case 'heading2':
      return runInHeading(context, OUTLINE_LEVEL.heading2, block, { font: fonts.heading2, sizePt: FONT_SIZE_PT.size3 }, body);
    case 'heading3':
      return runInHeading(
        context,
        OUTLINE_LEVEL.heading3,
        block,
        { font: fonts.body, sizePt: FONT_SIZE_PT.size3, bold: settings.heading3Bold },
        body,
      );
    case 'heading4':
      return runInHeading(context, OUTLINE_LEVEL.heading4, block, body, body);
    case 'paragraph': {
      const spans: readonly TextSpan[] = 'runs' in block ? block.runs : [{ text: block.text }];
      const runs = spans.flatMap((span) =>
        textRuns(span.text, { font: fonts[span.font ?? 'body'], sizePt: FONT_SIZE_PT.size3, bold: span.bold, underline: span.underline }),
      );
      return paragraph(context, { indented: true }, runs);
    }
    case 'plain':
      return paragraph(
        context,
        {
          align: block.align ?? 'left',
          leftIndent: (block.leftIndentChars ?? 0) * CHAR_TWIPS,
          rightIndent: (block.rightIndentChars ?? 0) * CHAR_TWIPS,
        },
        textRuns(block.text, { font: fonts[block.font ?? 'body'], sizePt: FONT_SIZE_PT.size3, bold: block.bold }),
      );
    case 'blankLine':
      return paragraph(context, { align: 'left' }, textRuns('', body));
    case 'attachmentLabel':
      // GB/T 9704 §8: 「附件」 and its number in 3号 黑体 at the left margin of the attachment's first line.
      return paragraph(context, { align: 'left' }, textRuns(block.text, { font: fonts.heading1, sizePt: FONT_SIZE_PT.size3 }));
  }
}

/**
 * A numbered heading that may run into its text. Only the heading sentence takes the heading font; the rest is body
 * 仿宋 in the same paragraph, as GB/T 9704 prescribes for 「（一）……。」 followed by text. A heading without text
 * stays with the next paragraph so it is never stranded at the foot of a page.
 */
function runInHeading(
  context: ParagraphContext,
  outlineLevel: number,
  block: { readonly heading: string; readonly body?: string },
  headingStyle: RunStyle,
  bodyStyle: RunStyle,
): Paragraph {
  const hasBody = block.body !== undefined && block.body !== '';
  const runs = [...textRuns(block.heading, headingStyle), ...(hasBody ? textRuns(block.body ?? '', bodyStyle) : [])];
  // A heading alone is set flush left: justified, a long one that wraps before an unbreakable end (「（09:00—10:40）」,
  // a figure) stretched its first line across the gap. Run in, it is body text and stays justified.
  return paragraph(context, { indented: true, outlineLevel, keepNext: !hasBody && !context.nextIsSibling, align: hasBody ? 'justify' : 'left' }, runs);
}

interface ParagraphFormat {
  readonly align?: Alignment;
  /** First line indented two characters (空二字), as for all body text and numbered headings. */
  readonly indented?: boolean;
  readonly leftIndent?: number;
  readonly rightIndent?: number;
  readonly outlineLevel?: number;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
}

function paragraph(context: ParagraphContext, format: ParagraphFormat, runs: TextRun[]): Paragraph {
  const { fonts, settings } = context;
  const indent = {
    ...(format.indented ? { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 } : {}),
    ...(format.leftIndent ? { left: format.leftIndent } : {}),
    ...(format.rightIndent ? { right: format.rightIndent } : {}),
  };
  const options: IParagraphOptions = {
    children: runs,
    alignment: ALIGNMENT[format.align ?? 'justify'],
    // No single line of a paragraph alone at the foot or the head of a page.
    widowControl: true,
    spacing: { line: ptToTwips(settings.lineSpacingPt), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    // firstLineChars is what Word and WPS show as 「首行缩进 2 字符」 and keeps the indent on the character grid;
    // firstLine is the same indent in twips for readers that ignore the character form.
    ...(Object.keys(indent).length > 0 ? { indent } : {}),
    // The paragraph mark carries the body font too, so an empty paragraph is exactly one body line high.
    run: runProperties({ font: fonts.body, sizePt: FONT_SIZE_PT.size3 }),
    ...(format.outlineLevel !== undefined ? { outlineLevel: format.outlineLevel } : {}),
    ...(format.keepNext ? { keepNext: true } : {}),
    ...(format.keepLines ? { keepLines: true } : {}),
    ...(context.pageBreakBefore ? { pageBreakBefore: true } : {}),
  };
  return new Paragraph(options);
}
