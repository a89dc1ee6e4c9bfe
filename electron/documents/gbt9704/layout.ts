/**
 * Page geometry of a section: paper, margins, footer position and the document grid, all in twips.
 */
import type { PageSettings } from './settings';
import { A4_TWIPS, FONT_SIZE_PT, mmToTwips, ptToTwips } from './units';

export type Orientation = 'portrait' | 'landscape';

/** GB/T 9704: 22 lines of 28 characters on a page. */
export const GRID_LINES_PER_PAGE = 22;
export const GRID_CHARS_PER_LINE = 28;

/** GB/T 9704 puts the page number 7 mm below the text block. */
const PAGE_NUMBER_GAP_MM = 7;
const HEADER_DISTANCE_MM = 15;
const MIN_FOOTER_DISTANCE_MM = 5;

export interface SectionGeometry {
  readonly orientation: Orientation;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Width between the margins, which tables fill. */
  readonly textWidth: number;
  readonly grid: { readonly linePitch: number };
}

export function sectionGeometry(settings: PageSettings, orientation: Orientation): SectionGeometry {
  const top = mmToTwips(settings.marginTopMm);
  const bottom = mmToTwips(settings.marginBottomMm);
  const left = mmToTwips(settings.marginLeftMm);
  const right = mmToTwips(settings.marginRightMm);
  const grid = documentGrid(settings);
  if (orientation === 'portrait') {
    return {
      orientation,
      pageWidth: A4_TWIPS.width,
      pageHeight: A4_TWIPS.height,
      margin: { top, right, bottom, left, header: mmToTwips(HEADER_DISTANCE_MM), footer: footerDistance(bottom) },
      textWidth: A4_TWIPS.width - left - right,
      grid,
    };
  }
  // Read a landscape page as the portrait sheet turned a quarter clockwise: its top is the sheet's bound left edge,
  // where GB/T 9704 §10.1 wants the head of a landscape table on odd pages. Each margin therefore keeps its place on
  // the paper (portrait left → top, top → right, right → bottom, bottom → left) and the text block stays
  // 156 × 225 mm, so the pages bind and file like the portrait ones.
  const landscapeBottom = right;
  return {
    orientation,
    pageWidth: A4_TWIPS.height,
    pageHeight: A4_TWIPS.width,
    margin: {
      top: left,
      right: top,
      bottom: landscapeBottom,
      left: bottom,
      header: mmToTwips(HEADER_DISTANCE_MM),
      footer: footerDistance(landscapeBottom),
    },
    textWidth: A4_TWIPS.height - bottom - top,
    grid,
  };
}

/**
 * The 22 × 28 grid, written so Word, WPS and LibreOffice lay out the same page.
 *
 * Lines: a line grid (w:docGrid type "lines") of the height that fits 22 lines in the text block (579 twips =
 * 28.95 pt for 225 mm); the paragraphs' exact spacing (28 pt) still sets the line height, and 22 of them fit.
 *
 * Characters: 28 三号 characters need a pitch of 156 mm / 28 = 15.79 pt, a little less than the 16 pt a character is
 * wide. Word honours a character grid (type "linesAndChars" with a negative charSpace) by squeezing each character
 * into its cell, but LibreOffice only ever widens characters to a grid cell (a cell narrower than the font makes each
 * character take two cells: 14 to 18 characters a line). So no character grid: instead every run is condensed by the
 * few twips that make 28 characters fit (w:spacing -5 for the standard margins), which all three suites honour.
 */
export function documentGrid(settings: PageSettings): { linePitch: number } {
  const textHeight = A4_TWIPS.height - mmToTwips(settings.marginTopMm) - mmToTwips(settings.marginBottomMm);
  return { linePitch: Math.floor(textHeight / GRID_LINES_PER_PAGE) };
}

/**
 * Character spacing (twips, w:spacing on runs) that sets GRID_CHARS_PER_LINE 三号 characters on a line of the
 * portrait text width: negative (condensed) when the width is a little short of 28 × 16 pt, as with the standard
 * 156 mm. Clamped so an odd margin setting never squeezes or spreads text beyond a readable 2 pt.
 */
export function bodyCharacterSpacing(settings: PageSettings): number {
  const textWidth = A4_TWIPS.width - mmToTwips(settings.marginLeftMm) - mmToTwips(settings.marginRightMm);
  const spacing = Math.floor(textWidth / GRID_CHARS_PER_LINE) - ptToTwips(FONT_SIZE_PT.size3);
  return Math.min(40, Math.max(-40, spacing));
}

/**
 * Word measures the footer from the paper's bottom edge to the footer's last line; we want the top of the page
 * number 7 mm under the text block, so subtract the gap and one 四号 line from the bottom margin.
 */
function footerDistance(bottomMargin: number): number {
  const distance = bottomMargin - mmToTwips(PAGE_NUMBER_GAP_MM) - ptToTwips(FONT_SIZE_PT.size4);
  return Math.max(mmToTwips(MIN_FOOTER_DISTANCE_MM), distance);
}
