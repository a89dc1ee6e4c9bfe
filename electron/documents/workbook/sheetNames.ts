/**
 * Sheet tab names under Excel's rules. A name that breaks them (a 「/」 in 「班子/个人」, 32 characters, a duplicate)
 * makes Excel refuse or "repair" the file, so every name goes through here.
 */
import { cleanCellText } from './cellText';

export const MAX_SHEET_NAME_LENGTH = 31;

// Forbidden ASCII characters mapped to their full-width forms, which Excel accepts and Chinese readers expect.
const REPLACEMENTS: Record<string, string> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
  // Excel forbids a leading or trailing apostrophe, and exceljs writes names unescaped inside 'quoted' references
  // (print titles), where an inner apostrophe would break them: the typographic one reads the same.
  "'": '’',
};

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** One name cleaned to Excel's rules; uniqueness is handled by uniqueSheetNames. */
export function sanitizeSheetName(name: string): string {
  const cleaned = cleanCellText(name)
    .replace(/[[\]:*?/\\']/g, (ch) => REPLACEMENTS[ch] ?? '_')
    .replace(/\s+/g, ' ')
    .trim();
  const base = cut(cleaned, MAX_SHEET_NAME_LENGTH).trim();
  if (base === '') return 'Sheet';
  // "History" is reserved by Excel for change tracking.
  return base.toLowerCase() === 'history' ? 'History_' : base;
}

/**
 * Cleans every name and makes them unique the way Excel compares them (case-insensitively), appending 「(2)」,
 * 「(3)」… and shortening the base to stay within 31 characters. `reserved` names are taken first (e.g. the
 * hidden lists sheet) so a user's sheet never collides with them.
 */
export function uniqueSheetNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  return names.map((raw) => {
    const base = sanitizeSheetName(raw);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = cut(base, MAX_SHEET_NAME_LENGTH - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
