/**
 * Table blocks → w:tbl. Fixed layout with explicit twip widths: Word, WPS and LibreOffice then agree on the column
 * widths (percentage widths are ignored by some), and a 1,000-row rectification list lays out without Word
 * measuring every cell's content first.
 *
 * Cell paragraphs take their fonts, size and exact line spacing from a paragraph style (one per header/body look),
 * not from properties repeated on every paragraph and run: a 1,000-row list has 13,000 cells, and repeating the
 * full run and paragraph properties in each made the file several times larger and its export several times slower.
 * The style names every font slot with the eastAsia hint itself, so nothing falls back to the theme font.
 */
import { AlignmentType, FileChild, LineRuleType, type IParagraphStyleOptions, type IXmlableObject } from 'docx';
import type { DocumentBlock, TableBlock, TableCell, TableColumn } from './blocks';
import type { FontSet } from './fonts';
import { runProperties, type RunStyle } from './runs';
import { splitLinesAndTabs } from './text';
import type { PageSettings } from './settings';
import { FONT_SIZE_PT, ptToTwips } from './units';

export interface TableContext {
  readonly settings: PageSettings;
  readonly fonts: FontSet;
  /** Width between the margins of the section the table sits in. */
  readonly textWidth: number;
}

export function renderTable(block: TableBlock, context: TableContext): TableXml {
  if (block.columns.length === 0) throw new Error('a table needs at least one column');
  const format = cellFormat(block, context.settings);
  const widths = columnWidths(block.columns, context.textWidth, format.sizePt);
  const { header: headerStyle, body: bodyStyle } = cellStyleIds(format);
  const bodyAlignment = block.columns.map((column) => (column.align && column.align !== 'left' ? column.align : undefined));
  const attr = (values: Record<string, string | number>) => ({ _attr: values });
  const border = attr({ 'w:val': 'single', 'w:color': '000000', 'w:sz': 4 });

  // Text only: fonts, size and spacing come from the style. The header style is centred, the body style left-aligned.
  const para = (text: string, style: string, alignment: string | undefined, ruleAbove: boolean): Xml => ({
    'w:p': [
      {
        'w:pPr': [
          { 'w:pStyle': attr({ 'w:val': style }) },
          // A cell that breaks across pages keeps at least two lines on each side.
          { 'w:widowControl': {} },
          // A stacked part opens with a rule across the cell, so 责任领导 / 责任单位 / 责任人 read as three boxes.
          ...(ruleAbove ? [{ 'w:pBdr': [{ 'w:top': attr({ 'w:val': 'single', 'w:color': '000000', 'w:sz': 4, 'w:space': 1 }) }] }] : []),
          // No extra space between Chinese and digits (「2027年6月30日」 stays as narrow as measured), and no snapping
          // to the section's 28.95 pt line grid, which LibreOffice would apply to every line of a 五号 cell.
          { 'w:autoSpaceDE': attr({ 'w:val': 0 }) },
          { 'w:autoSpaceDN': attr({ 'w:val': 0 }) },
          { 'w:snapToGrid': attr({ 'w:val': 0 }) },
          ...(alignment ? [{ 'w:jc': attr({ 'w:val': alignment }) }] : []),
        ],
      },
      ...(text === '' ? [] : cellRuns(text)),
    ],
  });
  const cell = (content: TableCell, style: string, alignment: string | undefined, width: number): Xml => {
    const parts = typeof content === 'string' ? [content] : content.stack.length > 0 ? content.stack : [''];
    return {
      'w:tc': [
        { 'w:tcPr': [{ 'w:tcW': attr({ 'w:type': 'dxa', 'w:w': width }) }, { 'w:vAlign': attr({ 'w:val': 'center' }) }] },
        ...parts.map((part, i) => para(part, style, alignment, i > 0)),
      ],
    };
  };

  const header: Xml = {
    'w:tr': [
      // Repeating the header on every page is what makes a multi-page list readable on paper.
      ...(block.headerRepeat === false ? [] : [{ 'w:trPr': [{ 'w:tblHeader': {} }] }]),
      ...block.columns.map((column, i) => cell(column.title, headerStyle, undefined, widths[i])),
    ],
  };
  const rows = block.rows.map((row, rowIndex): Xml => {
    if (row.length > block.columns.length) {
      throw new Error(`table row ${rowIndex + 1} has ${row.length} cells but the table has ${block.columns.length} columns`);
    }
    return { 'w:tr': block.columns.map((_, i) => cell(row[i] ?? '', bodyStyle, bodyAlignment[i], widths[i])) };
  });

  return new TableXml({
    'w:tbl': [
      {
        'w:tblPr': [
          { 'w:tblW': attr({ 'w:type': 'dxa', 'w:w': context.textWidth }) },
          { 'w:jc': attr({ 'w:val': 'center' }) },
          { 'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => ({ [side]: border })) },
          { 'w:tblLayout': attr({ 'w:type': 'fixed' }) },
          {
            'w:tblCellMar': [
              { 'w:left': attr({ 'w:w': TABLE_CELL_MARGIN_TWIPS, 'w:type': 'dxa' }) },
              { 'w:right': attr({ 'w:w': TABLE_CELL_MARGIN_TWIPS, 'w:type': 'dxa' }) },
            ],
          },
        ],
      },
      { 'w:tblGrid': widths.map((width) => ({ 'w:gridCol': attr({ 'w:w': width }) })) },
      header,
      ...rows,
    ],
  });
}

/**
 * A table written as WordprocessingML directly rather than through docx's Table, TableRow, TableCell, Paragraph and
 * TextRun objects: a 1,000-row list has 13,000 cells, and building and serialising five objects with their property
 * objects per cell took most of the export's time. docx still escapes the text and writes the XML.
 */
export class TableXml extends FileChild {
  constructor(private readonly xml: Xml) {
    super('w:tbl');
  }

  override prepForXml(): IXmlableObject {
    return this.xml as IXmlableObject;
  }
}

type Xml = Record<string, unknown>;

/** The runs of one cell, as textRuns writes them (w:br between lines, w:tab for tabs), with no run properties. */
function cellRuns(text: string): Xml[] {
  return splitLinesAndTabs(text).map((pieces, lineIndex) => {
    const children: Xml[] = lineIndex > 0 ? [{ 'w:br': {} }] : [];
    pieces.forEach((piece, pieceIndex) => {
      if (pieceIndex > 0) children.push({ 'w:tab': {} });
      if (piece !== '') children.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, piece] });
    });
    // An empty line still needs a run to hold the break.
    if (!children.some((child) => 'w:t' in child || 'w:tab' in child)) children.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, ''] });
    return { 'w:r': children };
  });
}

type Alignment = typeof AlignmentType.LEFT | typeof AlignmentType.CENTER;

interface CellFormat {
  readonly sizePt: number;
  readonly lineTwips: number;
}

function cellFormat(block: TableBlock, settings: PageSettings): CellFormat {
  const sizePt = clampOr(block.fontSizePt, 7.5, 22, FONT_SIZE_PT.size3);
  return { sizePt, lineTwips: ptToTwips(clampOr(block.lineSpacingPt, sizePt, 40, defaultLineSpacingPt(sizePt, settings))) };
}

/** Style ids for one size and spacing, so tables of different sizes in one document each get their own pair. */
function cellStyleIds(format: CellFormat): { header: string; body: string } {
  const key = `${Math.round(format.sizePt * 2)}L${format.lineTwips}`;
  return { header: `JJTableHeader${key}`, body: `JJTableCell${key}` };
}

/**
 * The paragraph styles the tables among `blocks` refer to: header cells in 黑体, body cells in 仿宋, both at the
 * table's size with exact spacing and no space before or after. The paragraph-mark run properties of the style
 * also keep an empty cell exactly one line high.
 */
export function tableCellStyles(blocks: readonly DocumentBlock[], settings: PageSettings, fonts: FontSet): IParagraphStyleOptions[] {
  const styles = new Map<string, IParagraphStyleOptions>();
  const visit = (list: readonly DocumentBlock[]) => {
    for (const block of list) {
      if (block.kind === 'section') visit(block.blocks);
      if (block.kind !== 'table') continue;
      const format = cellFormat(block, settings);
      const ids = cellStyleIds(format);
      if (styles.has(ids.body)) continue;
      const spacing = { line: format.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
      const style = (id: string, name: string, run: RunStyle, alignment: Alignment): IParagraphStyleOptions => ({
        id,
        name,
        quickFormat: true,
        // Cells are not on the body's 28-character line: no condensed spacing inherited from the defaults.
        run: { ...runProperties(run), characterSpacing: 0 },
        paragraph: { alignment, spacing },
      });
      styles.set(ids.header, style(ids.header, `表头 ${format.sizePt}pt`, { font: fonts.heading1, sizePt: format.sizePt }, AlignmentType.CENTER));
      styles.set(ids.body, style(ids.body, `表格正文 ${format.sizePt}pt`, { font: fonts.body, sizePt: format.sizePt }, AlignmentType.LEFT));
    }
  };
  visit(blocks);
  return [...styles.values()];
}

/** Left and right cell margin: 1 mm rather than Word's 1.9 mm, so dense lists keep their width for text. */
export const TABLE_CELL_MARGIN_TWIPS = 57;
const CELL_PADDING_TWIPS = 2 * TABLE_CELL_MARGIN_TWIPS;

/**
 * Column widths in twips that add up exactly to the text width. Every column first gets its minimum (minChars at
 * the table's size, plus the cell margins); the width left is shared by the shares (widthPct, equal when missing).
 * When the minimums alone exceed the width they are scaled down together. Rounding error goes to the last column
 * so the table's right border meets the margin.
 */
export function columnWidths(columns: readonly TableColumn[], textWidth: number, sizePt: number = FONT_SIZE_PT.size3): number[] {
  const valid = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n) && n > 0;
  const given = columns.reduce((sum, column) => sum + (valid(column.widthPct) ? column.widthPct : 0), 0);
  const missing = columns.filter((column) => !valid(column.widthPct)).length;
  const remaining = 100 - given;
  // When the given shares already fill 100 %, columns without one still need room: give them an average width.
  const share = missing === 0 ? 0 : remaining > 0 ? remaining / missing : 100 / columns.length;
  const weights = columns.map((column) => (valid(column.widthPct) ? column.widthPct : share));
  const minimums = columns.map((column) => (valid(column.minChars) ? Math.ceil(column.minChars * ptToTwips(sizePt) + CELL_PADDING_TWIPS) : 0));
  const minimumTotal = minimums.reduce((sum, w) => sum + w, 0);
  let widths: number[];
  if (minimumTotal >= textWidth) {
    widths = minimums.map((w) => Math.floor((w / minimumTotal) * textWidth));
  } else {
    // Share out the width, then lift columns under their minimum and take it back from the others by weight.
    widths = planShares(weights, minimums, textWidth);
  }
  widths[widths.length - 1] += textWidth - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

function planShares(weights: number[], minimums: number[], textWidth: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const free = textWidth - [...fixed].reduce((sum, i) => sum + minimums[i], 0);
    const weightTotal = weights.reduce((sum, w, i) => sum + (fixed.has(i) ? 0 : w), 0);
    const widths = weights.map((w, i) => (fixed.has(i) ? minimums[i] : weightTotal > 0 ? Math.floor((w / weightTotal) * free) : 0));
    const under = widths.findIndex((w, i) => !fixed.has(i) && w < minimums[i]);
    if (under < 0) return widths;
    // Fix every column under its minimum at once, then share again.
    widths.forEach((w, i) => {
      if (!fixed.has(i) && w < minimums[i]) fixed.add(i);
    });
  }
}

/**
 * Width of text in characters of its size: CJK and full-width characters 1; Latin letters, digits and spaces a
 * little over half (0.55 em in the common Chinese fonts' Latin glyphs); and a quarter for each change between the
 * two, where office suites may add their automatic space (「2027 年 6 月」).
 */
export function textWidthChars(text: string): number {
  let width = 0;
  let previousWide: boolean | null = null;
  for (const ch of text) {
    const wide = (ch.codePointAt(0) ?? 0) >= 0x2e80;
    width += wide ? 1 : 0.55;
    if (previousWide !== null && previousWide !== wide && ch !== ' ') width += 0.25;
    previousWide = wide;
  }
  return Math.round(width * 100) / 100;
}

/**
 * The minChars that keeps every line of every given cell text whole (names, dates, statuses), at most `cap`: a
 * longer line is allowed to wrap, as a long unit name would.
 */
export function minCharsFor(texts: readonly TableCell[], cap: number): number {
  let widest = 0;
  for (const cell of texts) {
    const parts = typeof cell === 'string' ? [cell] : cell.stack;
    for (const part of parts) for (const line of part.split('\n')) widest = Math.max(widest, textWidthChars(line));
  }
  return Math.min(cap, widest);
}

/** 三号 tables use the body spacing; smaller type would look lost in 28 pt lines, so it gets 1.5 lines. */
function defaultLineSpacingPt(sizePt: number, settings: PageSettings): number {
  return sizePt >= FONT_SIZE_PT.size3 ? settings.lineSpacingPt : Math.round(sizePt * 1.5 * 2) / 2;
}

function clampOr(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
