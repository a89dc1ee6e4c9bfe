/**
 * The arithmetic of the entry stream's window (EntryStream.vue): a fourteen-hour meeting holds 600 entries and 50,000
 * characters, so only the rows near the visible part are in the DOM, and the rest are spaces of their height. A row's
 * height is measured once it has been drawn; until then it is estimated from its text, as it will wrap.
 */

/** The stream's CSS in numbers (EntryStream.vue's styles): what a row adds around its text. */
export const ROW_CSS = {
  /** .stream padding left + right, .entry padding left + right, .entry border-left. */
  sideSpace: 12 * 2 + 8 * 2 + 3,
  /** .text: 16 px at line-height 1.75. */
  line: 28,
  /** .entry padding top + bottom, margin-bottom, .meta's line, .text margin-top. */
  frame: 6 * 2 + 4 + 24 + 4,
  /** The agenda item's heading above an item's first entry (with its margins and border). */
  head: 14 + 20 + 6 + 4 + 1,
  /** One 辣味 hint line under a criticism. */
  hint: 20,
  /** Width of a CJK character at 16 px, and the average of other characters. */
  wide: 16,
  narrow: 9,
} as const;

/** The height a row is expected to take before it is drawn: its text wrapped at the stream's width. */
export function estimateHeight(text: string, streamWidth: number, extra: { head: boolean; hints: number }): number {
  const width = Math.max(80, streamWidth - ROW_CSS.sideSpace);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let w = 0;
    for (let i = 0; i < paragraph.length; i++) w += paragraph.charCodeAt(i) > 0x2e7f ? ROW_CSS.wide : ROW_CSS.narrow;
    lines += Math.max(1, Math.ceil(w / width));
  }
  return ROW_CSS.frame + lines * ROW_CSS.line + (extra.head ? ROW_CSS.head : 0) + extra.hints * ROW_CSS.hint;
}

/** offsets[i] = the top of row i, offsets[n] = the height of all rows. */
export function buildOffsets(n: number, heightOf: (i: number) => number): Float64Array {
  const offsets = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + heightOf(i);
  return offsets;
}

/** The row at height y (the last row whose top is at or above y), 0 for an empty stream. */
export function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type Segment = { row: number } | { gap: number; from: number; to: number };

/**
 * What the stream draws: rows start..end-1, the rows that must stay drawn wherever they are (the one being edited,
 * the one with the keyboard), and between them spaces as tall as the rows they stand for.
 */
export function segments(offsets: Float64Array, start: number, end: number, keep: readonly number[]): Segment[] {
  const n = offsets.length - 1;
  const rows = new Set<number>();
  for (let i = Math.max(0, start); i < Math.min(n, end); i++) rows.add(i);
  for (const i of keep) if (i >= 0 && i < n) rows.add(i);
  const sorted = [...rows].sort((a, b) => a - b);
  const out: Segment[] = [];
  let next = 0;
  for (const i of sorted) {
    if (i > next) out.push({ gap: offsets[i] - offsets[next], from: next, to: i });
    out.push({ row: i });
    next = i + 1;
  }
  if (next < n) out.push({ gap: offsets[n] - offsets[next], from: next, to: n });
  return out;
}
