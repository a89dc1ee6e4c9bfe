/**
 * Page settings a unit can edit. Defaults follow GB/T 9704-2012; limits keep a mistyped value from producing a
 * document Word refuses or a page with no room for text.
 */
import { FONT_PROFILE_IDS, type FontProfile } from './fonts';

/** 'outer': odd pages right, even pages left, as printed double-sided; 'center': every page centred (drafts). */
export type PageNumberStyle = 'outer' | 'center';

export interface PageSettings {
  readonly marginTopMm: number;
  readonly marginBottomMm: number;
  readonly marginLeftMm: number;
  readonly marginRightMm: number;
  /** Fixed (exact) line spacing of body text; 28 pt is the usual way to get 22 lines a page, some units use 29. */
  readonly lineSpacingPt: number;
  readonly fontProfile: FontProfile;
  readonly pageNumberStyle: PageNumberStyle;
  /** Some units set level-3 headings (「1.」) in bold 仿宋. */
  readonly heading3Bold: boolean;
}

export const DEFAULT_PAGE_SETTINGS: Readonly<PageSettings> = Object.freeze({
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  lineSpacingPt: 28,
  fontProfile: 'gb2312',
  pageNumberStyle: 'outer',
  heading3Bold: false,
});

export const PAGE_SETTINGS_LIMITS = Object.freeze({
  marginMm: Object.freeze({ min: 10, max: 60 }),
  lineSpacingPt: Object.freeze({ min: 16, max: 40 }),
});

const PAGE_NUMBER_STYLES: readonly PageNumberStyle[] = ['outer', 'center'];

/**
 * Turns whatever was stored or typed (partial, stale, hand-edited JSON) into complete settings. It never throws:
 * an export must not fail on a bad preference, so unknown values fall back to the default and numbers are clamped.
 * Lengths are rounded to 0.1 mm / 0.5 pt, the precision the settings form offers.
 */
export function normalizePageSettings(input?: unknown): PageSettings {
  const raw = isRecord(input) ? input : {};
  const d = DEFAULT_PAGE_SETTINGS;
  const margin = (value: unknown, fallback: number): number =>
    clampNumber(value, fallback, PAGE_SETTINGS_LIMITS.marginMm.min, PAGE_SETTINGS_LIMITS.marginMm.max, 10);
  return {
    marginTopMm: margin(raw.marginTopMm, d.marginTopMm),
    marginBottomMm: margin(raw.marginBottomMm, d.marginBottomMm),
    marginLeftMm: margin(raw.marginLeftMm, d.marginLeftMm),
    marginRightMm: margin(raw.marginRightMm, d.marginRightMm),
    lineSpacingPt: clampNumber(
      raw.lineSpacingPt,
      d.lineSpacingPt,
      PAGE_SETTINGS_LIMITS.lineSpacingPt.min,
      PAGE_SETTINGS_LIMITS.lineSpacingPt.max,
      2,
    ),
    fontProfile: oneOf(raw.fontProfile, FONT_PROFILE_IDS, d.fontProfile),
    pageNumberStyle: oneOf(raw.pageNumberStyle, PAGE_NUMBER_STYLES, d.pageNumberStyle),
    heading3Bold: typeof raw.heading3Bold === 'boolean' ? raw.heading3Bold : d.heading3Bold,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `stepsPerUnit` 10 rounds to tenths, 2 to halves. */
function clampNumber(value: unknown, fallback: number, min: number, max: number, stepsPerUnit: number): number {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) return fallback;
  const rounded = Math.round(parsed * stepsPerUnit) / stepsPerUnit;
  return Math.min(max, Math.max(min, rounded));
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}
