/**
 * Unit conversions for WordprocessingML, which counts lengths in twips (1/20 pt) and font sizes in half-points.
 */

const POINTS_PER_INCH = 72;
const MM_PER_INCH = 25.4;

/**
 * Millimetres to twips, the way Word converts a length typed in its dialogs: it keeps the value in points rounded to
 * 0.1 pt, then stores twips. That is why the GB/T 9704 templates Word writes carry left 28 mm as 1588 and bottom
 * 35 mm as 1984, where the exact product would round to 1587 and 1984.3; matching Word keeps our files identical to
 * the templates reviewers compare against.
 */
export function mmToTwips(mm: number): number {
  const points = Math.round((mm / MM_PER_INCH) * POINTS_PER_INCH * 10) / 10;
  return Math.round(points * 20);
}

export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Chinese font sizes (字号) in points, as Word and WPS define them. */
export const FONT_SIZE_PT = {
  /** 二号: document title. */
  size2: 22,
  /** 三号: body text and headings. */
  size3: 16,
  /** 四号: page numbers. */
  size4: 14,
  /** 小四: dense tables. */
  small4: 12,
  /** 五号: very dense tables. */
  size5: 10.5,
} as const;

/** A4 paper in twips, the values Word writes (210 × 297 mm). */
export const A4_TWIPS = { width: mmToTwips(210), height: mmToTwips(297) } as const;
