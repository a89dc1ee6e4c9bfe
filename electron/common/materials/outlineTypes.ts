// Input and output types of the outline parser (shared with the .docx reader).
import type { Material, NodeId } from './model';

/**
 * One paragraph as a word processor sees it. `numbering` is Word's automatic numbering, which is
 * not part of `text` (an auto-numbered 「一、」 exists only in numbering.xml); `outlineLevel` is
 * Word's outline level (0 = Heading 1).
 */
export interface OutlineParagraph {
  text: string;
  numbering?: {
    /** w:ilvl, 0-based. */
    level: number;
    /** w:numFmt, e.g. chineseCounting, decimal. */
    format: string;
    /** The number as Word displays it, e.g. 「一、」「（一）」「1.」. */
    text: string;
  };
  outlineLevel?: number;
}

export type OutlineWarningCode =
  | 'empty-input'
  | 'no-sections'
  | 'levels-shifted'
  | 'section-unclassified'
  | 'numbering-gap'
  | 'numbering-duplicate'
  | 'numbering-unrecognised'
  | 'page-furniture-removed'
  | 'lines-joined'
  | 'guess-lead-in'
  | 'guess-problem'
  | 'guess-run-in'
  | 'guess-continuation';

/**
 * What the parser chose where it had to guess, and the alternative the preview offers in one click:
 * - 'lead-in': a summary paragraph kept as the block's lead-in (alternative: make it a problem);
 * - 'problem': an unnumbered paragraph taken as a problem (alternative: make it a lead-in);
 * - 'run-in': text after the aspect in a block heading kept in the heading (alternative: make it the
 *   block's first problem);
 * - 'continuation': an unnumbered paragraph among numbered problems kept as the text of the problem
 *   before it (alternative: make it a problem of its own).
 */
export type OutlineGuess = 'lead-in' | 'problem' | 'run-in' | 'continuation';

export interface OutlineWarning {
  code: OutlineWarningCode;
  /** 'info' reports what the parser did; 'warning' asks the user to check. */
  severity: 'info' | 'warning';
  message: { zh: string; en: string };
  /** Node the warning is about, when there is one. */
  nodeId?: NodeId;
  /** 1-based line of the text input, or 1-based paragraph of a paragraph list. */
  line?: number;
  /** Set on the guess-* warnings: what was chosen (the row's one-click alternative is the other). */
  guess?: OutlineGuess;
  /** For 'continuation': which paragraph of the item's text ('\n'-separated, 0-based) was the guess. */
  part?: number;
}

/** A line break the parser removed because the text looked hard-wrapped. */
export interface OutlineJoin {
  /** 1-based line of the text (or piece of the paragraph list) that was joined onto the one before; keepBreaks takes it. */
  at: number;
  /** 1-based line (text) or paragraph (list), as in warnings. */
  line: number;
  /** The end of the text before the break and the start of the joined line, to show where it was. */
  before: string;
  after: string;
  /** The node whose text now holds the joined line, when it is in the tree (not the title or opening). */
  nodeId?: NodeId;
}

export interface ParseOutlineResult {
  material: Material;
  warnings: OutlineWarning[];
  /** Every line break removed as a hard wrap, in input order. */
  joins: OutlineJoin[];
}

export interface ParseOutlineOptions {
  /** Id generator for new nodes; defaults to a counter (n1, n2, …) per call. */
  newId?: () => NodeId;
  /** Lines (OutlineJoin.at) that must not be joined onto the line before: joins the user undid. */
  keepBreaks?: readonly number[];
}
