/**
 * Font names per role. GB/T 9704 names fonts that are not installed everywhere (方正小标宋简体 is never on Windows by
 * default; 仿宋_GB2312 and 楷体_GB2312 are legacy), so a unit chooses a profile. We only write names: font files are
 * never shipped, since most cannot be redistributed.
 */

export type FontProfile = 'gb2312' | 'system';

/** What a run of text is in the document, which decides its typeface. */
export type FontRole = 'title' | 'heading1' | 'heading2' | 'body' | 'pageNumber';

export type FontSet = Readonly<Record<FontRole, string>>;

export const FONT_PROFILES: Readonly<Record<FontProfile, FontSet>> = {
  // The names the standard and most provincial templates use; looks right on machines with the 方正/GB2312 fonts.
  gb2312: {
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    body: '仿宋_GB2312',
    pageNumber: '宋体',
  },
  // Names that Windows, Office and WPS install; 华文中宋 is the usual stand-in for 小标宋 in office instructions.
  system: {
    title: '华文中宋',
    heading1: '黑体',
    heading2: '楷体',
    body: '仿宋',
    pageNumber: '宋体',
  },
};

export const FONT_PROFILE_IDS: readonly FontProfile[] = ['gb2312', 'system'];

export function fontSetFor(profile: FontProfile): FontSet {
  return FONT_PROFILES[profile];
}

/**
 * The w:rFonts value for one typeface. Every slot is filled and the hint is eastAsia: without w:eastAsia Word falls
 * back to the theme font (等线) for Chinese, and without the hint ambiguous characters such as “ ” — … are drawn in
 * the Latin font at half width.
 */
export function runFonts(name: string): {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  cs: string;
  hint: 'eastAsia';
} {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' };
}
