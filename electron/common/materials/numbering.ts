// Chinese outline numbering: numerals 1–99 and the markers used in official writing.
import type { ListStyle } from './model';

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const DIGIT_VALUE: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九. Outside 1–99 falls back to Arabic digits. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones];
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** Inverse of chineseNumeral for well-formed numerals (一 … 九十九); null for anything else (一一, 十十). */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (DIGIT_VALUE[s] ?? null) : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const before = s.slice(0, ten);
  const after = s.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 ? DIGIT_VALUE[before] : undefined;
  const ones = after === '' ? 0 : after.length === 1 ? DIGIT_VALUE[after] : undefined;
  if (tens === undefined || ones === undefined) return null;
  if (before === '一') return null; // 一十 is not used in outline numbering
  return tens * 10 + ones;
}

const CIRCLED_FIRST = 0x2460; // ①

/** ① … ⑳; beyond 20 there is no single character, so fall back to （21）. */
export function circledNumeral(n: number): string {
  if (Number.isInteger(n) && n >= 1 && n <= 20) return String.fromCodePoint(CIRCLED_FIRST + n - 1);
  return `（${n}）`;
}

/** Value of a circled digit ①–⑳, or null. */
export function parseCircledNumeral(ch: string): number | null {
  const cp = ch.codePointAt(0);
  if (cp === undefined || ch.length !== 1) return null;
  return cp >= CIRCLED_FIRST && cp < CIRCLED_FIRST + 20 ? cp - CIRCLED_FIRST + 1 : null;
}

/** Level-1 marker: 一、 */
export function sectionMarker(n: number): string {
  return `${chineseNumeral(n)}、`;
}

/** Marker text for the n-th child (1-based) numbered in `style`; '' for 'none'. */
export function listMarker(style: ListStyle, n: number): string {
  switch (style) {
    case 'cn-paren':
      return `（${chineseNumeral(n)}）`;
    case 'arabic-dot':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'cn-shi':
      return `${chineseNumeral(n)}是`;
    case 'cn-yao':
      return `${chineseNumeral(n)}要`;
    case 'cn-di':
      return `第${chineseNumeral(n)}，`;
    case 'circled':
      return circledNumeral(n);
    case 'none':
      return '';
  }
}

/** Outline level of a heading style (一、 is 1); null for inline enumerators and 'none'. */
export function headingLevelOf(style: ListStyle): number | null {
  switch (style) {
    case 'cn-paren':
      return 2;
    case 'arabic-dot':
      return 3;
    case 'arabic-paren':
      return 4;
    default:
      return null;
  }
}

/** Default heading style one level below `level` (the GB/T 9704 order 一、→（一）→1.→（1）). */
export function defaultStyleBelow(level: number): ListStyle {
  if (level <= 1) return 'cn-paren';
  if (level === 2) return 'arabic-dot';
  if (level === 3) return 'arabic-paren';
  return 'circled';
}
