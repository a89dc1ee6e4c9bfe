import type { SearchSegment } from '../../common/api/search';

/** Characters shown before the first hit and in all. */
const LEAD = 24;
const WIDTH = 110;
export const ELLIPSIS = '…';

/**
 * Folds one character for matching the way the trigram index does (case-insensitive) while keeping one folded unit
 * per original unit, so positions found in the folded text are positions in the original.
 */
function foldChars(chars: string[]): string[] {
  return chars.map((c) => {
    const lower = c.toLowerCase();
    return [...lower].length === 1 ? lower : c;
  });
}

/** Every [start, end) range (in code points) where one of the terms occurs, merged and sorted. */
export function hitRanges(text: string, terms: readonly string[]): [number, number][] {
  const chars = foldChars([...text]);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    const needle = foldChars([...term]);
    if (needle.length === 0) continue;
    outer: for (let i = 0; i + needle.length <= chars.length; i++) {
      for (let k = 0; k < needle.length; k++) if (chars[i + k] !== needle[k]) continue outer;
      ranges.push([i, i + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * A short excerpt of `text` around the first hit, as segments with the hits marked. Plain text only: the renderer shows
 * segments as text, so nothing in a record can ever become markup.
 */
export function buildSnippet(text: string, terms: readonly string[]): SearchSegment[] {
  const chars = [...text];
  const ranges = hitRanges(text, terms);
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD);
  const end = Math.min(chars.length, start + WIDTH);
  start = Math.max(0, Math.min(start, end - WIDTH));
  const segments: SearchSegment[] = [];
  const push = (from: number, to: number, hit: boolean) => {
    if (to > from) segments.push({ text: chars.slice(from, to).join(''), hit });
  };
  if (start > 0) segments.push({ text: ELLIPSIS, hit: false });
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start) continue;
    if (from >= end) break;
    push(at, Math.max(at, from), false);
    push(Math.max(at, from), Math.min(to, end), true);
    at = Math.min(to, end);
  }
  push(at, end, false);
  if (end < chars.length) segments.push({ text: ELLIPSIS, hit: false });
  return segments;
}
