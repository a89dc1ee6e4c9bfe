/**
 * Table blocks → w:tbl. Fixed layout with explicit twip widths: Word, WPS and LibreOffice then agree on the column
 * widths (percentage widths are ignored by some), and a 1,000-row rectification list lays out without Word
 * measuring every cell's content first.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TableBlock, TableColumn } from './blocks';
import type { FontSet } from './fonts';
import { runProperties, textRuns, type RunStyle } from './runs';
import type { PageSettings } from './settings';
import { FONT_SIZE_PT, ptToTwips } from './units';

export interface TableContext {
  readonly settings: PageSettings;
  readonly fonts: FontSet;
  /** Width between the margins of the section the table sits in. */
  readonly textWidth: number;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

export function renderTable(block: TableBlock, context: TableContext): Table {
  if (block.columns.length === 0) throw new Error('a table needs at least one column');
  const widths = columnWidths(block.columns, context.textWidth);
  const sizePt = clampOr(block.fontSizePt, 7.5, 22, FONT_SIZE_PT.size3);
  const lineTwips = ptToTwips(clampOr(block.lineSpacingPt, sizePt, 40, defaultLineSpacingPt(sizePt, context.settings)));
  const headerStyle: RunStyle = { font: context.fonts.heading1, sizePt };
  const bodyStyle: RunStyle = { font: context.fonts.body, sizePt };

  const cell = (text: string, style: RunStyle, alignment: (typeof CELL_ALIGNMENT)[keyof typeof CELL_ALIGNMENT], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment,
          spacing: { line: lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          run: runProperties(style),
          children: textRuns(text, style),
        }),
      ],
    });

  const header = new TableRow({
    // Repeating the header on every page is what makes a multi-page list readable on paper.
    ...(block.headerRepeat === false ? {} : { tableHeader: true }),
    children: block.columns.map((column, i) => cell(column.title, headerStyle, AlignmentType.CENTER, widths[i])),
  });
  const rows = block.rows.map((row, rowIndex) => {
    if (row.length > block.columns.length) {
      throw new Error(`table row ${rowIndex + 1} has ${row.length} cells but the table has ${block.columns.length} columns`);
    }
    return new TableRow({
      children: block.columns.map((column, i) =>
        cell(row[i] ?? '', bodyStyle, CELL_ALIGNMENT[column.align ?? 'left'], widths[i]),
      ),
    });
  });

  return new Table({
    rows: [header, ...rows],
    width: { size: context.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

/**
 * Column widths in twips that add up exactly to the text width. Columns without a share split the rest equally;
 * shares are then scaled so callers may give weights that do not sum to 100. Rounding error goes to the last
 * column so the table's right border meets the margin.
 */
export function columnWidths(columns: readonly TableColumn[], textWidth: number): number[] {
  const valid = (pct: number | undefined): pct is number => pct !== undefined && Number.isFinite(pct) && pct > 0;
  const given = columns.reduce((sum, column) => sum + (valid(column.widthPct) ? column.widthPct : 0), 0);
  const missing = columns.filter((column) => !valid(column.widthPct)).length;
  const remaining = 100 - given;
  // When the given shares already fill 100 %, columns without one still need room: give them an average width.
  const share = missing === 0 ? 0 : remaining > 0 ? remaining / missing : 100 / columns.length;
  const weights = columns.map((column) => (valid(column.widthPct) ? column.widthPct : share));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.floor((weight / total) * textWidth));
  widths[widths.length - 1] += textWidth - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

/** 三号 tables use the body spacing; smaller type would look lost in 28 pt lines, so it gets 1.5 lines. */
function defaultLineSpacingPt(sizePt: number, settings: PageSettings): number {
  return sizePt >= FONT_SIZE_PT.size3 ? settings.lineSpacingPt : Math.round(sizePt * 1.5 * 2) / 2;
}

function clampOr(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
