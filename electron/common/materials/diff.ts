// Side-by-side comparison of two versions of a material: paragraphs are matched by a longest common
// subsequence, and within a changed paragraph the changed characters are marked the same way, so a
// reviewer sees at a glance what the author rewrote after a 退回修改.
import type { Material } from './model';
import { lineText, toLines } from './toText';

export interface DiffSegment {
  text: string;
  /** True for characters that differ from the other side. */
  changed: boolean;
}

export type DiffKind = 'same' | 'changed' | 'added' | 'removed';

/** One row of the side-by-side view: the paragraph on the left (older) and on the right (newer). */
export interface DiffRow {
  kind: DiffKind;
  left: DiffSegment[] | null;
  right: DiffSegment[] | null;
}

export interface DiffSummary {
  same: number;
  changed: number;
  added: number;
  removed: number;
}

/** Above this many cells (n × m) a comparison gives up on finer matching instead of freezing the screen. */
const MAX_CELLS = 4_000_000;
/** Two paragraphs sharing less than this share of characters are shown as one removed and one added. */
const MIN_SIMILARITY = 0.3;

/** Compares two materials paragraph by paragraph, as they print (numbering included). */
export function diffMaterials(older: Material, newer: Material): DiffRow[] {
  return diffParagraphs(toLines(older).map(lineText), toLines(newer).map(lineText));
}

export function diffParagraphs(older: readonly string[], newer: readonly string[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    rows.push(...pairHunk(removed, added));
    removed = [];
    added = [];
  };
  for (const op of lcsOps(older, newer)) {
    if (op.kind === 'same') {
      flush();
      rows.push({ kind: 'same', left: [{ text: op.a, changed: false }], right: [{ text: op.b, changed: false }] });
    } else if (op.kind === 'removed') removed.push(op.a);
    else added.push(op.b);
  }
  flush();
  return rows;
}

export function summarize(rows: readonly DiffRow[]): DiffSummary {
  const out: DiffSummary = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const r of rows) out[r.kind]++;
  return out;
}

/** Character-level comparison of two paragraphs. */
export function diffChars(a: string, b: string): { left: DiffSegment[]; right: DiffSegment[] } {
  const left: DiffSegment[] = [];
  const right: DiffSegment[] = [];
  for (const op of lcsOps(Array.from(a), Array.from(b))) {
    if (op.kind !== 'added') push(left, op.a, op.kind !== 'same');
    if (op.kind !== 'removed') push(right, op.b, op.kind !== 'same');
  }
  return { left, right };
}

function push(segments: DiffSegment[], text: string, changed: boolean): void {
  const last = segments[segments.length - 1];
  if (last && last.changed === changed) last.text += text;
  else segments.push({ text, changed });
}

/**
 * Lines removed and added between two matches: paired in order while they resemble each other
 * (an edited paragraph), the rest shown as removed or added.
 */
function pairHunk(removed: string[], added: string[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < removed.length && j < added.length) {
    const chars = diffChars(removed[i], added[j]);
    if (similarity(chars.left, removed[i], added[j]) >= MIN_SIMILARITY) {
      rows.push({ kind: 'changed', left: chars.left, right: chars.right });
      i++;
      j++;
    } else if (removed.length - i >= added.length - j) {
      rows.push({ kind: 'removed', left: [{ text: removed[i++], changed: true }], right: null });
    } else {
      rows.push({ kind: 'added', left: null, right: [{ text: added[j++], changed: true }] });
    }
  }
  while (i < removed.length) rows.push({ kind: 'removed', left: [{ text: removed[i++], changed: true }], right: null });
  while (j < added.length) rows.push({ kind: 'added', left: null, right: [{ text: added[j++], changed: true }] });
  return rows;
}

function similarity(left: DiffSegment[], a: string, b: string): number {
  const kept = left.filter((s) => !s.changed).reduce((n, s) => n + Array.from(s.text).length, 0);
  const longest = Math.max(Array.from(a).length, Array.from(b).length);
  return longest === 0 ? 1 : kept / longest;
}

type Op<T> = { kind: 'same'; a: T; b: T } | { kind: 'removed'; a: T } | { kind: 'added'; b: T };

/** Edit script of a longest common subsequence; common prefix and suffix are matched first. */
function lcsOps<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op<T>[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: 'same', a: a[k], b: b[k] });
  ops.push(...middleOps(a.slice(start, endA), b.slice(start, endB)));
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: 'same', a: a[endA + k], b: b[endB + k] });
  return ops;
}

function middleOps<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [...a.map((x): Op<T> => ({ kind: 'removed', a: x })), ...b.map((y): Op<T> => ({ kind: 'added', b: y }))];
  }
  // lengths[i][j]: LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const ops: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', a: a[i++], b: b[j++] });
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      ops.push({ kind: 'removed', a: a[i++] });
    } else {
      ops.push({ kind: 'added', b: b[j++] });
    }
  }
  while (i < n) ops.push({ kind: 'removed', a: a[i++] });
  while (j < m) ops.push({ kind: 'added', b: b[j++] });
  return ops;
}
