// From shared fingerprints to verified passages. Each seed (a fingerprint found at position q of the checked text
// and d of a source) is extended to the longest exact common run around it; neighbouring runs on nearly the same
// diagonal are then joined as long as the joined stretch stays at least MIN_SIMILARITY similar (edit distance, so a
// changed name, figure or word inside a copied paragraph keeps it one passage). Stretches shorter than MIN_PASSAGE
// are dropped.
import { MIN_PASSAGE, MIN_SIMILARITY, SHINGLE } from './vocab';

export interface Passage {
  /** [qFrom, qTo) in the checked text, [sFrom, sTo) in the source, normalised positions. */
  qFrom: number;
  qTo: number;
  sFrom: number;
  sTo: number;
  similarity: number;
}

/** Largest gap (normalised characters) bridged between two exact runs. */
const MAX_GAP = 24;

/** 1 − edit distance / longer length; 0 as soon as the result must fall below `floor` (banded, so it stays linear). */
export function similarity(a: string, b: string, floor = MIN_SIMILARITY): number {
  const la = a.length;
  const lb = b.length;
  const longer = Math.max(la, lb);
  if (longer === 0) return 1;
  const budget = Math.floor((1 - floor) * longer + 1e-9);
  if (Math.abs(la - lb) > budget) return 0;
  const band = budget;
  const INF = longer + 1;
  let prev = new Int32Array(lb + 1).fill(INF);
  let cur = new Int32Array(lb + 1).fill(INF);
  for (let j = 0; j <= Math.min(lb, band); j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(lb, i + band);
    cur.fill(INF);
    if (i <= band) cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > budget) return 0;
    [prev, cur] = [cur, prev];
  }
  const dist = prev[lb];
  return dist > budget ? 0 : 1 - dist / longer;
}

/** Plain edit distance, for the short gaps between runs. */
export function editDistance(a: string, b: string): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    prev = cur;
  }
  return prev[b.length];
}

interface Run {
  qs: number;
  qe: number;
  ds: number;
  de: number;
}

/** Seeds are [q, d] pairs whose shingles hash alike; a hash collision is caught by the extension (no equal run). */
export function passagesBetween(q: string, s: string, seeds: ReadonlyArray<readonly [number, number]>, min = MIN_PASSAGE, k = SHINGLE): Passage[] {
  const sorted = [...seeds].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Run[] = [];
  const seen = new Map<number, number>(); // diagonal → end of the last run found on it
  for (const [qp, dp] of sorted) {
    const diag = dp - qp;
    const end = seen.get(diag);
    if (end !== undefined && qp < end) continue;
    let qs = qp;
    let ds = dp;
    while (qs > 0 && ds > 0 && q.charCodeAt(qs - 1) === s.charCodeAt(ds - 1)) {
      qs--;
      ds--;
    }
    let qe = qp;
    let de = dp;
    while (qe < q.length && de < s.length && q.charCodeAt(qe) === s.charCodeAt(de)) {
      qe++;
      de++;
    }
    seen.set(diag, qe);
    if (qe - qp < Math.min(k, q.length - qp)) continue; // collision: the shingles differ
    runs.push({ qs, qe, ds, de });
  }
  runs.sort((a, b) => a.qs - b.qs || a.ds - b.ds);

  const out: Passage[] = [];
  const used = new Uint8Array(runs.length);
  for (let i = 0; i < runs.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const cur = { ...runs[i], edits: 0 };
    for (let j = i + 1; j < runs.length; j++) {
      const r = runs[j];
      if (r.qs - cur.qe > MAX_GAP) break;
      if (used[j] || r.qe <= cur.qe || r.de <= cur.de) continue;
      // Where r continues past cur on both sides (a run may start inside cur on one side).
      const shift = Math.max(0, cur.qe - r.qs, cur.de - r.ds);
      const qs = r.qs + shift;
      const ds = r.ds + shift;
      if (qs >= r.qe || ds - cur.de > MAX_GAP) continue;
      // Edits of the joined stretch ≤ edits so far + edits of the gap: a lower bound of its similarity, computed on
      // the gap alone, so joining stays linear in the passage's length.
      const edits = cur.edits + editDistance(q.slice(cur.qe, qs), s.slice(cur.de, ds));
      const longer = Math.max(r.qe - cur.qs, r.de - cur.ds);
      if (1 - edits / longer >= MIN_SIMILARITY) {
        cur.qe = r.qe;
        cur.de = r.de;
        cur.edits = edits;
        used[j] = 1;
      }
    }
    if (cur.qe - cur.qs >= min) {
      const sim = cur.edits === 0 ? 1 : similarity(q.slice(cur.qs, cur.qe), s.slice(cur.ds, cur.de), 0);
      out.push({ qFrom: cur.qs, qTo: cur.qe, sFrom: cur.ds, sTo: cur.de, similarity: Math.round(sim * 1000) / 1000 });
    }
  }
  // Keep the longest passage where two overlap in the checked text (a phrase the source repeats).
  out.sort((a, b) => b.qTo - b.qFrom - (a.qTo - a.qFrom) || a.qFrom - b.qFrom);
  const kept: Passage[] = [];
  for (const p of out) if (!kept.some((o) => p.qFrom < o.qTo && o.qFrom < p.qTo && overlap(p, o) > (p.qTo - p.qFrom) / 2)) kept.push(p);
  return kept.sort((a, b) => a.qFrom - b.qFrom);
}

function overlap(a: Passage, b: Passage): number {
  return Math.min(a.qTo, b.qTo) - Math.max(a.qFrom, b.qFrom);
}

/** How many positions of a text of `length` characters the passages cover (overlaps counted once), minus `masked`. */
export function covered(length: number, passages: readonly Passage[], masked?: Uint8Array): number {
  const mark = new Uint8Array(length);
  for (const p of passages) mark.fill(1, p.qFrom, p.qTo);
  let n = 0;
  for (let i = 0; i < length; i++) if (mark[i] && !masked?.[i]) n++;
  return n;
}
