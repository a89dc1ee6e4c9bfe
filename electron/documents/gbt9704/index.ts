/**
 * GB/T 9704-2012 Word export. Every .docx the app writes goes through buildGbtDocument.
 */
export { buildGbtDocument, type GbtDocumentInput, type GbtDocumentMeta } from './build';
export type {
  Alignment,
  AttachmentLabelBlock,
  BlankLineBlock,
  BodyBlock,
  DocumentBlock,
  Heading1Block,
  Heading2Block,
  Heading3Block,
  Heading4Block,
  PageBreakBlock,
  ParagraphBlock,
  PlainBlock,
  SectionBlock,
  SubtitleBlock,
  TableBlock,
  TableCell,
  TableColumn,
  TextSpan,
  TitleBlock,
} from './blocks';
export { FONT_PROFILES, FONT_PROFILE_IDS, fontSetFor, type FontProfile, type FontRole, type FontSet } from './fonts';
export {
  DEFAULT_PAGE_SETTINGS,
  PAGE_SETTINGS_LIMITS,
  normalizePageSettings,
  type PageNumberStyle,
  type PageSettings,
} from './settings';
export { GRID_CHARS_PER_LINE, GRID_LINES_PER_PAGE, sectionGeometry, type Orientation } from './layout';
export { chineseNumeral, formatChineseDate } from './chinese';
export { minCharsFor, textWidthChars, TABLE_CELL_MARGIN_TWIPS } from './table';
export { breakTitle } from './titleBreak';
export { sanitizeText } from './text';
export { FONT_SIZE_PT, mmToTwips } from './units';
