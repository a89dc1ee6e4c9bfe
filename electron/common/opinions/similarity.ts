/**
 * Likely duplicates among opinions, by character bigrams (Dice coefficient): Chinese has no spaces, and two people
 * describing the same problem share most two-character words. Suggestions only; merging is always the secretary's act.
 */
const CONTENT = /[\p{Script=Han}\p{L}\p{N}]/u;

export function bigrams(text: string): Set<string> {
  const chars = [...text].filter((c) => CONTENT.test(c)).map((c) => c.toLowerCase());
  const grams = new Set<string>();
  if (chars.length === 1) grams.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function similarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b));
}

export interface SimilarPair {
  a: number;
  b: number;
  score: number;
}

/**
 * Pairs of items at or above `threshold`. An inverted index over bigrams limits comparisons to items that share at
 * least one bigram, so a few thousand opinions stay fast; very common bigrams (in more than `maxPosting` items)
 * are not used to find candidates.
 */
export function similarPairs(items: readonly { id: number; text: string }[], threshold = 0.5, maxPosting = 400): SimilarPair[] {
  const grams = items.map((item) => bigrams(item.text));
  const index = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  const pairs: SimilarPair[] = [];
  grams.forEach((set, i) => {
    const seen = new Set<number>();
    for (const g of set) {
      const list = index.get(g)!;
      if (list.length > maxPosting) continue;
      for (const j of list) if (j > i) seen.add(j);
    }
    for (const j of seen) {
      const score = dice(set, grams[j]);
      if (score >= threshold) pairs.push({ a: items[i].id, b: items[j].id, score });
    }
  });
  return pairs.sort((x, y) => y.score - x.score);
}

/** Groups pairs into clusters (connected components), largest score first. */
export function clusterPairs(pairs: readonly SimilarPair[]): { ids: number[]; score: number }[] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const p of pairs) {
    if (!parent.has(p.a)) parent.set(p.a, p.a);
    if (!parent.has(p.b)) parent.set(p.b, p.b);
    const ra = find(p.a);
    const rb = find(p.b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const clusters = new Map<number, { ids: number[]; score: number }>();
  for (const id of parent.keys()) {
    const root = find(id);
    const c = clusters.get(root) ?? { ids: [], score: 0 };
    c.ids.push(id);
    clusters.set(root, c);
  }
  for (const p of pairs) {
    const c = clusters.get(find(p.a))!;
    c.score = Math.max(c.score, p.score);
  }
  return [...clusters.values()].map((c) => ({ ids: c.ids.sort((x, y) => x - y), score: c.score })).sort((x, y) => y.score - x.score);
}
