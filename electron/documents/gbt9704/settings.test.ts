import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SETTINGS, PAGE_SETTINGS_LIMITS, normalizePageSettings } from './settings';
import { A4_TWIPS, mmToTwips } from './units';

describe('mmToTwips', () => {
  it('matches the twips Word writes for the GB/T 9704 margins and A4', () => {
    expect(mmToTwips(37)).toBe(2098);
    expect(mmToTwips(28)).toBe(1588);
    expect(mmToTwips(26)).toBe(1474);
    expect(mmToTwips(35)).toBe(1984);
    expect(A4_TWIPS).toEqual({ width: 11906, height: 16838 });
  });
});

describe('normalizePageSettings', () => {
  it('defaults to GB/T 9704', () => {
    expect(normalizePageSettings()).toEqual({
      marginTopMm: 37,
      marginBottomMm: 35,
      marginLeftMm: 28,
      marginRightMm: 26,
      lineSpacingPt: 28,
      fontProfile: 'gb2312',
      pageNumberStyle: 'outer',
      heading3Bold: false,
    });
    expect(normalizePageSettings({})).toEqual(DEFAULT_PAGE_SETTINGS);
  });

  it('keeps valid unit choices', () => {
    const settings = normalizePageSettings({
      marginTopMm: 35,
      lineSpacingPt: 29,
      fontProfile: 'system',
      pageNumberStyle: 'center',
      heading3Bold: true,
    });
    expect(settings).toMatchObject({
      marginTopMm: 35,
      lineSpacingPt: 29,
      fontProfile: 'system',
      pageNumberStyle: 'center',
      heading3Bold: true,
    });
  });

  it('clamps out-of-range numbers instead of failing the export', () => {
    const settings = normalizePageSettings({ marginTopMm: 500, marginLeftMm: -3, lineSpacingPt: 2 });
    expect(settings.marginTopMm).toBe(PAGE_SETTINGS_LIMITS.marginMm.max);
    expect(settings.marginLeftMm).toBe(PAGE_SETTINGS_LIMITS.marginMm.min);
    expect(settings.lineSpacingPt).toBe(PAGE_SETTINGS_LIMITS.lineSpacingPt.min);
  });

  it('falls back to defaults for junk, and reads numeric strings from old JSON', () => {
    const settings = normalizePageSettings({
      marginTopMm: 'abc',
      marginBottomMm: Number.NaN,
      marginRightMm: '30',
      fontProfile: 'comic',
      pageNumberStyle: 7,
      heading3Bold: 'yes',
    });
    expect(settings).toEqual({ ...DEFAULT_PAGE_SETTINGS, marginRightMm: 30 });
    expect(normalizePageSettings(null)).toEqual(DEFAULT_PAGE_SETTINGS);
    expect(normalizePageSettings([1, 2])).toEqual(DEFAULT_PAGE_SETTINGS);
  });

  it('rounds to the precision of the settings form', () => {
    expect(normalizePageSettings({ marginTopMm: 37.04, lineSpacingPt: 28.3 })).toMatchObject({
      marginTopMm: 37,
      lineSpacingPt: 28.5,
    });
  });
});
