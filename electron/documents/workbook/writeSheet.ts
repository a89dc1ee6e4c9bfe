/**
 * Lays out one sheet: title, optional subtitle, header, data and fill-in rows, dropdowns, frozen header, filter and
 * print setup.
 */
import type { Style, Workbook, Worksheet } from 'exceljs';
import { chooseOrientation, fitWidths, printableUnits, rowHeight } from './fit';
import { displayWidth, resolveColumns, sheetLayout, type ResolvedColumn } from './layout';
import { applyPrintSetup, DEFAULT_MARGINS_MM } from './print';
import {
  bodyFont,
  dataAlignment,
  headerAlignment,
  headerFill,
  headerFont,
  subtitleAlignment,
  subtitleFont,
  SUBTITLE_ROW_HEIGHT,
  thinBorders,
  titleAlignment,
  titleFont,
  TITLE_ROW_HEIGHT,
} from './styles';
import type { SheetLayout, SheetSpec } from './types';
import { addListValidation, type ListRegistry } from './validation';
import { writeCellValue } from './writeCell';

/** The title's 16 pt characters are this much wider than the 11 pt the width unit is measured in. */
const TITLE_TO_BODY = 16 / 11;
const TITLE_LINE_PT = 21;

/** Writes a merged banner row (title or subtitle) over the visible columns. */
function writeBanner(
  sheet: Worksheet,
  row: number,
  text: string,
  span: { first: number; last: number },
  style: { font: typeof titleFont; alignment: typeof titleAlignment; height: number },
): void {
  const cell = sheet.getCell(row, span.first);
  writeCellValue(cell, text);
  cell.font = style.font;
  cell.alignment = style.alignment;
  if (span.last > span.first) sheet.mergeCells(row, span.first, row, span.last);
  sheet.getRow(row).height = style.height;
}

function visibleSpan(columns: readonly ResolvedColumn[]): { first: number; last: number } {
  const visible = columns.filter((c) => !c.hidden);
  // A sheet whose columns are all hidden still gets its title in column A.
  if (visible.length === 0) return { first: 1, last: 1 };
  return { first: visible[0].index, last: visible[visible.length - 1].index };
}

function writeHeader(sheet: Worksheet, columns: readonly ResolvedColumn[], layout: SheetLayout): void {
  const visible = columns.filter((c) => !c.hidden);
  // Header text wraps in narrow columns too; bold is a little wider, hence the extra points a line.
  sheet.getRow(layout.headerRow).height = rowHeight(visible.map((c) => ({ text: c.header, width: c.width, wrap: true })), 15);
  for (const column of columns) {
    const cell = sheet.getCell(layout.headerRow, column.index);
    writeCellValue(cell, column.header);
    cell.font = headerFont;
    cell.fill = headerFill;
    cell.border = thinBorders;
    cell.alignment = headerAlignment;
  }
}

function writeBody(sheet: Worksheet, spec: SheetSpec, columns: readonly ResolvedColumn[], layout: SheetLayout): void {
  const styles: Partial<Style>[] = columns.map((column) => ({ font: bodyFont, border: thinBorders, alignment: dataAlignment(column.align ?? 'left', column.wrap ?? true) }));
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    // Rows past the data are the blank fill-in rows: styled, empty.
    const data = spec.rows[r - layout.firstDataRow];
    // Excel does not fit row heights to wrapped text when it opens a file: set them, or rows print one line high.
    const row = sheet.getRow(r);
    if (data) row.height = rowHeight(columns.filter((c) => !c.hidden).map((c) => ({ text: data[c.key], width: c.width, wrap: c.wrap ?? true })));
    columns.forEach((column, i) => {
      const cell = row.getCell(column.index);
      // One style object for the whole column: exceljs recognises a style it has seen by identity when it writes the
      // file, instead of serialising the font, borders and alignment of each of thousands of cells to compare them.
      cell.style = styles[i];
      if (data) writeCellValue(cell, data[column.key]);
    });
  }
}

export function writeSheet(workbook: Workbook, name: string, spec: SheetSpec, registry: ListRegistry): Worksheet {
  if (spec.columns.length === 0) throw new Error(`buildWorkbook: sheet "${spec.name}" has no columns`);
  const layout = sheetLayout(spec);
  const margins = { ...DEFAULT_MARGINS_MM, ...spec.print?.margins };
  const resolved = resolveColumns(spec);
  const orientation = chooseOrientation(resolved, spec.print?.orientation, margins);
  const columns = fitWidths(resolved, printableUnits(orientation, margins, resolved.filter((c) => !c.hidden).length), spec.rows);
  const span = visibleSpan(columns);
  const freeze = spec.freezeHeader ?? true;

  const sheet = workbook.addWorksheet(name, {
    views: freeze
      ? [{ state: 'frozen', xSplit: 0, ySplit: layout.headerRow, topLeftCell: `A${layout.firstDataRow}` }]
      : [],
  });

  for (const column of columns) {
    const col = sheet.getColumn(column.index);
    col.width = column.width;
    if (column.hidden) col.hidden = true;
  }

  // The title is merged across the table and wraps there: its row grows by a line for each line it needs.
  const tableWidth = columns.filter((c) => !c.hidden).reduce((sum, c) => sum + c.width, 0);
  const titleLines = Math.max(1, Math.ceil((displayWidth(spec.title) * TITLE_TO_BODY) / Math.max(1, tableWidth - 2)));
  writeBanner(sheet, layout.titleRow, spec.title, span, {
    font: titleFont,
    alignment: titleAlignment,
    height: TITLE_ROW_HEIGHT + (titleLines - 1) * TITLE_LINE_PT,
  });
  if (layout.subtitleRow !== null && spec.subtitle) {
    writeBanner(sheet, layout.subtitleRow, spec.subtitle, span, {
      font: subtitleFont,
      alignment: subtitleAlignment,
      height: SUBTITLE_ROW_HEIGHT,
    });
  }
  writeHeader(sheet, columns, layout);
  writeBody(sheet, spec, columns, layout);

  for (const column of columns) {
    if (column.validation) {
      addListValidation(sheet, registry, column.index, layout.firstDataRow, layout.lastDataRow, column.validation);
    }
  }

  if (spec.autoFilter ?? true) {
    sheet.autoFilter = {
      from: { row: layout.headerRow, column: span.first },
      to: { row: layout.headerRow, column: span.last },
    };
  }
  applyPrintSetup(sheet, { ...spec.print, orientation }, layout.headerRow);
  return sheet;
}
