/**
 * Suggested duplicates across sources (domain.md §9: 巡察 feedback and the 民主生活会 often raise the same problem in
 * their own words). Two problem texts are compared as sets of character bigrams of the normalised text (the honesty
 * checks' normalisation and shingle hashes), each bigram weighted by its rarity in the ledger looked at (IDF), so the
 * words every item shares (「问题」「工作」「落实」) count for little and the distinctive ones (「公务用车」「中心组」)
 * for much. The score is the weighted Dice coefficient of the two sets. Only a suggestion: links are made by the user.
 */
import { normalise } from '../checks/normalize';
import { shingleHashes } from '../checks/fingerprints';

/** Two problems at least this similar are suggested as one. */
// Calibrated on pairs worded by different sources (中心组学习流于形式 / 以读代学、流于形式: 0.3; 公务用车: 0.25) against
// unrelated items sharing only the usual words (≤ 0.17).
export const DUPLICATE_THRESHOLD = 0.22;
/** At most this many suggestions are offered at once (the most similar first). */
export const MAX_SUGGESTIONS = 50;

export interface DuplicateCandidate {
  id: number;
  problem: string;
  /** Where it was raised (its origin kind and name; the list, for a meeting's own items): pairs need two sources. */
  source: string;
  /** The link group it already belongs to; null when not linked. */
  group: number | null;
  /** Whether it belongs to the list looked at (a suggestion needs at least one such item). */
  here: boolean;
}

export interface DuplicatePair {
  a: number;
  b: number;
  /** Weighted Dice similarity, 0–1, rounded to two decimals. */
  score: number;
}

/** The distinct bigram hashes of a text as the checks normalise it. */
export function bigrams(text: string): Int32Array {
  const hashes = shingleHashes(normalise([{ nodeId: null, text }]).chars, 2);
  return Int32Array.from(new Set(hashes));
}

/**
 * Pairs of items from different sources (one of them in the list looked at, not linked together yet) whose problems
 * read alike, the most similar first. Runs through an inverted index, so a ledger of thousands of items is compared
 * without looking at every pair.
 */
export function suggestDuplicates(items: readonly DuplicateCandidate[], options: { threshold?: number; limit?: number; skip?: (a: number, b: number) => boolean } = {}): DuplicatePair[] {
  const { threshold = DUPLICATE_THRESHOLD, limit = MAX_SUGGESTIONS, skip } = options;
  const grams = items.map((i) => bigrams(i.problem));
  const df = new Map<number, number>();
  for (const g of grams) for (const h of g) df.set(h, (df.get(h) ?? 0) + 1);
  const n = items.length;
  const idf = (h: number) => Math.log((n + 1) / (df.get(h) ?? 1));
  const mass = grams.map((g) => g.reduce((s, h) => s + idf(h), 0));
  // Postings of the items of the list looked at only: every pair needs one of them.
  const postings = new Map<number, number[]>();
  items.forEach((item, index) => {
    if (!item.here) return;
    for (const h of grams[index]) {
      const list = postings.get(h);
      if (list) list.push(index);
      else postings.set(h, [index]);
    }
  });
  const pairs: DuplicatePair[] = [];
  const dot = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const other = items[j];
    const touched: number[] = [];
    for (const h of grams[j]) {
      const list = postings.get(h);
      if (!list) continue;
      const w = idf(h);
      for (const i of list) {
        // Each pair once: an item of the list pairs with a later item of the list, or with any item outside it.
        if (other.here && i >= j) continue;
        if (dot[i] === 0) touched.push(i);
        dot[i] += w;
      }
    }
    for (const i of touched) {
      const score = shared(dot[i], mass[i], mass[j]);
      dot[i] = 0;
      const a = items[i];
      if (score < threshold || a.source === other.source) continue;
      if (a.group !== null && a.group === other.group) continue;
      if (skip?.(a.id, other.id)) continue;
      pairs.push({ a: a.id, b: other.id, score: Math.round(score * 100) / 100 });
    }
  }
  return pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b).slice(0, limit);
}

/**
 * The weight two texts share over the weight of the shorter one, tempered by the longer one (the harmonic mean of
 * both containments, a weighted Dice): a short 巡察 sentence inside a longer meeting item scores high, two long texts
 * sharing one phrase do not.
 */
function shared(common: number, a: number, b: number): number {
  if (a <= 0 || b <= 0) return 0;
  return (2 * common) / (a + b);
}
