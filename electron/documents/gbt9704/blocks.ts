/**
 * The declarative vocabulary of an exported document. Callers describe what each piece of text is; the format
 * (fonts, sizes, indents, outline levels) follows from the kind, so every export looks the same.
 *
 * Numbering is always literal text written by the caller (「一、」「（一）」「1.」): Word's automatic numbering is
 * not used, because it does not survive copy-paste into other documents and WPS renders it differently.
 * Text may contain "\n" (a line break inside the paragraph) and "\t"; invalid XML characters are dropped.
 */
import type { FontRole } from './fonts';
import type { Orientation } from './layout';

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/** 2号 小标宋, centred. Several lines: put "\n" between them. */
export interface TitleBlock {
  readonly kind: 'title';
  readonly text: string;
}

/** 3号 楷体, centred: a subtitle (「——在……上的发言」) or the author's name line under the title. */
export interface SubtitleBlock {
  readonly kind: 'subtitle' | 'author';
  readonly text: string;
}

/** 「一、存在的主要问题」: 3号 黑体 on its own line, outline level 1 in Word (w:outlineLvl 0). */
export interface Heading1Block {
  readonly kind: 'heading1';
  readonly text: string;
}

/**
 * 「（一）在……方面。」: 3号 楷体, outline level 2. With `body` the heading is run in: the heading sentence in 楷体,
 * the body in 仿宋, one paragraph.
 */
export interface Heading2Block {
  readonly kind: 'heading2';
  readonly heading: string;
  readonly body?: string;
}

/** 「1.」: 3号 仿宋 (bold when the unit's settings say so), outline level 3, optionally run in. */
export interface Heading3Block {
  readonly kind: 'heading3';
  readonly heading: string;
  readonly body?: string;
}

/** 「（1）」: 3号 仿宋, outline level 4, optionally run in. */
export interface Heading4Block {
  readonly kind: 'heading4';
  readonly heading: string;
  readonly body?: string;
}

/** A piece of a body paragraph with its own look, e.g. a 楷体 lead-in or a bold phrase. */
export interface TextSpan {
  readonly text: string;
  /** Typeface role; body (仿宋) when absent. */
  readonly font?: FontRole;
  readonly bold?: boolean;
  readonly underline?: boolean;
}

/** Body text: 3号 仿宋, justified, first line indented two characters. */
export type ParagraphBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly runs: readonly TextSpan[] };

/**
 * Text without the first-line indent: signature and date lines (right-aligned, GB/T 9704 puts the date four
 * characters from the right margin: rightIndentChars 4), 「主送：」 lines, table captions.
 */
export interface PlainBlock {
  readonly kind: 'plain';
  readonly text: string;
  /** Default left. */
  readonly align?: Alignment;
  readonly leftIndentChars?: number;
  readonly rightIndentChars?: number;
  /** Typeface role; body (仿宋) when absent. */
  readonly font?: FontRole;
  readonly bold?: boolean;
}

/** An empty line of body height, e.g. the blank line GB/T 9704 leaves between title and body. */
export interface BlankLineBlock {
  readonly kind: 'blankLine';
}

export interface TableColumn {
  /** Header text; "\n" breaks it where a narrow column should (「责任\n领导」). */
  readonly title: string;
  /**
   * Share of the width left once every column has its minimum. Missing shares split what is left equally; all
   * shares are scaled to fill 100 %.
   */
  readonly widthPct?: number;
  /**
   * Narrowest the column may be, in characters of the table's size (a Latin letter or digit counts half): a name,
   * a date or a status must sit whole on one line. See minCharsFor() to measure it from the cells. Columns without
   * one only take their share.
   */
  readonly minChars?: number;
  /** Alignment of body cells; header cells are always centred. Default left. */
  readonly align?: 'left' | 'center' | 'right';
}

/**
 * A cell: text, or parts stacked in the cell with a rule between them (责任领导 / 责任单位 / 具体责任人 in one column,
 * as a 督导组 台账 prints them).
 */
export type TableCell = string | { readonly stack: readonly string[] };

/**
 * A full-width table with a 黑体 header row. Rows shorter than the columns are padded with empty cells; a row with
 * more cells than columns is an error, since dropping text silently is never acceptable. Rows may break across
 * pages, never leaving a single line of a cell alone on a page (widow and orphan control).
 */
export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Repeat the header row at the top of every page (w:tblHeader). Default true. */
  readonly headerRepeat?: boolean;
  /** Default 16 (三号); 12 (小四) or 10.5 (五号) for dense tables such as the rectification list. */
  readonly fontSizePt?: number;
  /** Exact line spacing in cells; default the body spacing for 三号, otherwise 1.5 × the font size. */
  readonly lineSpacingPt?: number;
}

/**
 * The next block starts on a new page. Implemented as w:pageBreakBefore on the next paragraph, so no empty line is
 * left at the top of the new page. Ignored at the start or end of a section, which begin on a new page anyway.
 */
export interface PageBreakBlock {
  readonly kind: 'pageBreak';
}

/**
 * 「附件1」: 3号 黑体 at the top left of a new page. It starts a new page by itself unless it opens a section.
 */
export interface AttachmentLabelBlock {
  readonly kind: 'attachmentLabel';
  readonly text: string;
}

export type BodyBlock =
  | TitleBlock
  | SubtitleBlock
  | Heading1Block
  | Heading2Block
  | Heading3Block
  | Heading4Block
  | ParagraphBlock
  | PlainBlock
  | BlankLineBlock
  | TableBlock
  | PageBreakBlock
  | AttachmentLabelBlock;

/**
 * A run of blocks on pages of their own orientation (e.g. the landscape rectification list). It starts on a new
 * page; page numbers continue. Blocks outside any section block go into portrait sections.
 */
export interface SectionBlock {
  readonly kind: 'section';
  readonly orientation: Orientation;
  readonly blocks: readonly BodyBlock[];
}

export type DocumentBlock = BodyBlock | SectionBlock;
