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
  | 'lines-joined';

export interface OutlineWarning {
  code: OutlineWarningCode;
  /** 'info' reports what the parser did; 'warning' asks the user to check. */
  severity: 'info' | 'warning';
  message: { zh: string; en: string };
  /** Node the warning is about, when there is one. */
  nodeId?: NodeId;
  /** 1-based line of the text input, or 1-based paragraph of a paragraph list. */
  line?: number;
}

export interface ParseOutlineResult {
  material: Material;
  warnings: OutlineWarning[];
}

export interface ParseOutlineOptions {
  /** Id generator for new nodes; defaults to a counter (n1, n2, …) per call. */
  newId?: () => NodeId;
}
