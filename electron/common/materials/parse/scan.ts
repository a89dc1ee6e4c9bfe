// Bracket- and quote-aware scanning of a normalised paragraph. Markers and run-in heading ends are
// only recognised outside 「“”‘’《》（）」, so 《规定》第七条（二） or a quoted “一是一、二是二”
// never split a sentence.
//
// Character classes are switch statements on char codes: these loops see every character of a
// 1 MB paste several times.

/** +1 for an opening bracket or quote, -1 for a closing one, 0 otherwise (normalised text). */
function bracketDelta(c: number): number {
  switch (c) {
    case 0x201c: // “
    case 0x2018: // ‘
    case 0x300c: // 「
    case 0x300e: // 『
    case 0x300a: // 《
    case 0x28: // (
    case 0x5b: // [
    case 0x3010: // 【
    case 0x3014: // 〔
    case 0x3008: // 〈
      return 1;
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x300b: // 》
    case 0x29: // )
    case 0x5d: // ]
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0x3009: // 〉
      return -1;
    default:
      return 0;
  }
}

// The two classes above as one table by code unit (the loops below see every character of a 1 MB paste several
// times; a table read is cheaper than the switch): 1 opening, 2 closing, 4 sentence boundary.
const OPENING = 1;
const CLOSING = 2;
const BOUNDARY = 4;
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const d = bracketDelta(c);
  CLASS[c] = (d > 0 ? OPENING : d < 0 ? CLOSING : 0) | (isSentenceBoundary(c) ? BOUNDARY : 0);
}

/** +1, -1 or 0 as bracketDelta, from the table. */
function delta(c: number): number {
  const k = CLASS[c];
  return k & OPENING ? 1 : k & CLOSING ? -1 : 0;
}

/** A sentence end or a closing quote/bracket, after which an item marker may start. */
function isSentenceBoundary(c: number): boolean {
  switch (c) {
    case 0x3002: // 。
    case 0x3b: // ; (；)
    case 0x21: // ! (！)
    case 0x3f: // ? (？)
    case 0x3a: // : (：)
    case 0x201d: // ”
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x29: // ) (）)
    case 0x3011: // 】
    case 0x3015: // 〕
      return true;
    default:
      return false;
  }
}

/** 。！？： end a run-in heading. */
function isHeadingEnd(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3a;
}

const SPACE = 0x20;
const COMMA = 0x2c; // ， after NFKC
const IDEOGRAPHIC_COMMA = 0x3001; // 、

/**
 * True when the brackets of norm[from, to) never close more than they open and all close again.
 * With a stray opener (a typo) bracket tracking would hide every later marker in the paragraph, so
 * callers fall back to ignoring brackets there.
 */
function bracketsBalanced(norm: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const d = delta(norm.charCodeAt(i));
    if (d > 0) depth++;
    else if (d < 0 && depth > 0) depth--;
  }
  return depth === 0;
}

/**
 * Calls `visit(pos, strong)` at every position of norm[from, to) that is outside brackets and either
 * at `from` or right after a sentence boundary (strong = true), or right after ，/、 (strong = false;
 * only unambiguous markers such as ① may start there). `visit` returns the length of a marker found
 * at `pos` (the scan resumes after it) or 0.
 */
export function scanAtBoundaries(
  norm: string,
  from: number,
  to: number,
  visit: (pos: number, strong: boolean) => number,
): void {
  const useBrackets = bracketsBalanced(norm, from, to);
  let depth = 0;
  let prev = -1; // char code of the last non-space character, -1 at the start
  let i = from;
  while (i < to) {
    const c = norm.charCodeAt(i);
    if (depth === 0 && c !== SPACE) {
      const strong = prev < 0 || (CLASS[prev] & BOUNDARY) !== 0;
      if (strong || prev === COMMA || prev === IDEOGRAPHIC_COMMA) {
        const len = visit(i, strong);
        if (len > 0) {
          prev = norm.charCodeAt(i + len - 1);
          i += len;
          continue;
        }
      }
    }
    if (useBrackets) {
      const d = delta(c);
      if (d > 0) depth++;
      else if (d < 0 && depth > 0) depth--;
    }
    if (c !== SPACE) prev = c;
    i++;
  }
}

/**
 * End (exclusive) of a run-in heading that starts at `from`: just after the first 。！？： outside
 * brackets and quotes, or -1 when the paragraph has none (the whole paragraph is the heading).
 */
export function runInHeadingEnd(norm: string, from: number, to: number): number {
  const useBrackets = bracketsBalanced(norm, from, to);
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = norm.charCodeAt(i);
    if (depth === 0 && isHeadingEnd(c)) return i + 1;
    if (useBrackets) {
      const d = delta(c);
      if (d > 0) depth++;
      else if (d < 0 && depth > 0) depth--;
    }
  }
  return -1;
}

