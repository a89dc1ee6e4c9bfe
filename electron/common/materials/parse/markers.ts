// Recognising numbering markers in normalised text (see normalize.ts: （一） is "(一)" here, １． is "1.").
import type { ListStyle } from '../model';
import { parseChineseNumeral } from '../numbering';

const CN = '[一二三四五六七八九十]';

/** A heading marker at the start of a paragraph. */
export interface HeadingMarker {
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）. */
  level: number;
  value: number;
  /** 'section' for level 1, otherwise the list style it is written in. */
  style: ListStyle | 'section';
  /** Offset in the normalised text where the heading text starts (marker and spaces skipped). */
  end: number;
}

const L1 = new RegExp(`^(${CN}{1,3}) *[、.] *`);
const L1_PART = new RegExp(`^第(${CN}{1,3})部分[ 、.:]*`);
const L2 = new RegExp(`^\\( *(${CN}{1,3}) *\\) *[、.]? *`);
const L3 = /^(\d{1,2})(?!\d) *[.、](?!\d) */;
const L4 = /^(?:\( *(\d{1,2}) *\)|(\d{1,2})\)) *[、.]? */;
const MARKER_START = new Set([...'一二三四五六七八九十第(0123456789'].map((ch) => ch.charCodeAt(0)));

// 一、二季度 / 一、二、三产业 / 一、二类 and 1、2季度 list numbers; they are not headings.
const CN_ENUMERATION = new RegExp(`^${CN}+ *(?:、|季度|产业|类|级|等|档|批|期|届|轮|线|号|星|年级)`);
const DIGIT_ENUMERATION = /^\d+ *(?:、|季度|产业|类|级|等|档|批|期|届|轮|线|号|星|年级)/;

/** Heading marker at the very start of `norm`, or null. */
export function matchHeadingMarker(norm: string): HeadingMarker | null {
  // Every marker starts with a Chinese numeral, 第, ( or a digit; most lines start with none (no pattern tried).
  return MARKER_START.has(norm.charCodeAt(0)) ? headingMarkerPattern(norm) : null;
}

/** The patterns themselves, tried on every paragraph (the reference the shortcut above is tested against). */
export function headingMarkerPattern(norm: string): HeadingMarker | null {
  let m = L1.exec(norm) ?? L1_PART.exec(norm);
  if (m) {
    const value = parseChineseNumeral(m[1]);
    if (value !== null && !CN_ENUMERATION.test(norm.slice(m[0].length))) {
      return { level: 1, value, style: 'section', end: m[0].length };
    }
  }
  m = L2.exec(norm);
  if (m) {
    const value = parseChineseNumeral(m[1]);
    if (value !== null) return { level: 2, value, style: 'cn-paren', end: m[0].length };
  }
  m = L3.exec(norm);
  if (m && !DIGIT_ENUMERATION.test(norm.slice(m[0].length))) {
    const value = Number(m[1]);
    if (value > 0) return { level: 3, value, style: 'arabic-dot', end: m[0].length };
  }
  m = L4.exec(norm);
  if (m) {
    const value = Number(m[1] ?? m[2]);
    if (value > 0) return { level: 4, value, style: 'arabic-paren', end: m[0].length };
  }
  return null;
}

/** Word cues that enumerate without numbers; they stay in the item text. */
export type WordCue = 'first' | 'next' | 'oneSide' | 'otherSide';

/** An inline enumerator (一是, 一要, 第一，, ①) or word cue (首先/其次, 一方面/另一方面). */
export interface InlineMarker {
  pos: number;
  /** Length of the marker to strip (0 for word cues, which are kept in the text). */
  length: number;
  style: ListStyle;
  value: number;
  cue?: WordCue;
}

const SHI = new RegExp(`(${CN}{1,3})是`, 'y');
const SHI_IDIOM = new RegExp(`${CN}[、,]`, 'y'); // 一是一、二是二 / 一是一，二是二
const YAO = new RegExp(`(${CN}{1,3})要`, 'y');
const DI = new RegExp(`第(${CN}{1,3}) *[,、:] *`, 'y');
const WORD = /首先|其次|再次|最后|另一方面|一方面/y;
const CIRCLED_FIRST = 0x2460; // ①
const INLINE_START = new Set([...'一二三四五六七八九十第首其再最另'].map((ch) => ch.charCodeAt(0)));

function execAt(re: RegExp, norm: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(norm);
}

/**
 * Inline marker starting exactly at `pos`. `strong` is true at a paragraph start or after a
 * sentence end; after ，/、 only the unambiguous circled digits count.
 */
export function matchInlineMarker(norm: string, pos: number, strong: boolean): InlineMarker | null {
  // ①–⑳ (parseCircledNumeral), read by code unit: no one-character string at every position visited.
  const unit = norm.charCodeAt(pos);
  if (unit >= CIRCLED_FIRST && unit < CIRCLED_FIRST + 20) return { pos, length: 1, style: 'circled', value: unit - CIRCLED_FIRST + 1 };
  if (!strong) return null;
  // Every other marker starts with a Chinese numeral, 第 or a cue word's first character (首其再最另; 一 is a numeral):
  // most positions start with none (no pattern tried).
  return INLINE_START.has(unit) ? strongMarkerPattern(norm, pos) : null;
}

/** The patterns of a marker at a strong position, tried at every one (the reference of the shortcut above). */
export function strongMarkerPattern(norm: string, pos: number): InlineMarker | null {
  let m = execAt(SHI, norm, pos);
  if (m) {
    const value = parseChineseNumeral(m[1]);
    SHI_IDIOM.lastIndex = pos + m[0].length;
    if (value !== null && !SHI_IDIOM.test(norm)) return { pos, length: m[0].length, style: 'cn-shi', value };
  }
  m = execAt(YAO, norm, pos);
  if (m) {
    const value = parseChineseNumeral(m[1]);
    if (value !== null) return { pos, length: m[0].length, style: 'cn-yao', value };
  }
  m = execAt(DI, norm, pos);
  if (m) {
    const value = parseChineseNumeral(m[1]);
    if (value !== null) return { pos, length: m[0].length, style: 'cn-di', value };
  }
  m = execAt(WORD, norm, pos);
  if (m) {
    const cue: WordCue =
      m[0] === '首先' ? 'first' : m[0] === '一方面' ? 'oneSide' : m[0] === '另一方面' ? 'otherSide' : 'next';
    return { pos, length: 0, style: 'none', value: 0, cue };
  }
  return null;
}

const EXAMPLE = /比如|例如|譬如|又如|再如|特别是/y;
const EXAMPLE_START = new Set([...'比例譬又再特'].map((ch) => ch.charCodeAt(0)));

/** Whether an example cue (比如/例如/譬如/又如/再如/特别是) starts at `pos`. */
export function isExampleCue(norm: string, pos: number): boolean {
  return EXAMPLE_START.has(norm.charCodeAt(pos)) && exampleCuePattern(norm, pos);
}

export function exampleCuePattern(norm: string, pos: number): boolean {
  return execAt(EXAMPLE, norm, pos) !== null;
}

/** 主要是/突出表现在/具体表现为…: the text that follows is one problem, not an introduction. */
export const SINGLE_ITEM_CUE = /^(?:主要是|(?:主要|突出|具体)?表现(?:在|为))/;

/** Whether a marker-less paragraph leads into a list (ends with ：). */
export function endsWithColon(norm: string): boolean {
  return norm.trimEnd().endsWith(':');
}

/**
 * A line that starts with a heading marker; a hard-wrapped line is never joined onto the line
 * before such a line. (An item marker such as 一是 may be joined: after a line that does not end a
 * sentence it could not be a marker anyway, e.g. 统 / 一是.)
 */
export function startsWithHeadingMarker(norm: string): boolean {
  return matchHeadingMarker(norm.trimStart()) !== null;
}
