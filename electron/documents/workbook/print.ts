/**
 * Print setup: lists are printed, signed and filed, so every export prints on A4 across one page width, with the
 * column header repeated on each page and page numbers in the footer.
 */
import type { Worksheet } from 'exceljs';
import type { MarginsMm, PrintSpec } from './types';

const MM_PER_INCH = 25.4;
/** A4 in the OOXML paper-size enumeration. */
export const PAPER_A4 = 9;

export const DEFAULT_MARGINS_MM: Readonly<MarginsMm> = Object.freeze({
  top: 20,
  bottom: 20,
  left: 15,
  right: 15,
  header: 10,
  footer: 10,
});

const inches = (mm: number): number => Math.round((mm / MM_PER_INCH) * 1000) / 1000;

export function applyPrintSetup(sheet: Worksheet, print: PrintSpec | undefined, headerRow: number): void {
  const m = { ...DEFAULT_MARGINS_MM, ...print?.margins };
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: PAPER_A4,
    orientation: print?.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    // 0 = as many pages tall as needed: only the width is squeezed, never the text height.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: {
      top: inches(m.top),
      bottom: inches(m.bottom),
      left: inches(m.left),
      right: inches(m.right),
      header: inches(m.header),
      footer: inches(m.footer),
    },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  if (print?.pageNumbers ?? true) {
    sheet.headerFooter.oddFooter = '&C第 &P 页，共 &N 页';
  }
}
