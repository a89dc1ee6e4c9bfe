// Comparing two texts held in memory (talk records, tests): the same fingerprints and passage verification as the
// indexed check in main, without the index.
import { winnow, type Fingerprint } from './fingerprints';
import type { NormalText } from './normalize';
import { covered, passagesBetween, type Passage } from './passages';

export function seedsBetween(query: readonly Fingerprint[], source: readonly Fingerprint[]): [number, number][] {
  const at = new Map<number, number[]>();
  for (const f of source) {
    const list = at.get(f.hash);
    if (list) list.push(f.pos);
    else at.set(f.hash, [f.pos]);
  }
  const seeds: [number, number][] = [];
  for (const f of query) for (const pos of at.get(f.hash) ?? []) seeds.push([f.pos, pos]);
  return seeds;
}

export function compareTexts(query: NormalText, source: NormalText): Passage[] {
  return passagesBetween(query.chars, source.chars, seedsBetween(winnow(query.chars), winnow(source.chars)));
}

/** Share (0–1) of the query's normalised characters that the passages cover. */
export function shareOf(query: NormalText, passages: readonly Passage[], masked?: Uint8Array): number {
  return query.chars.length === 0 ? 0 : covered(query.chars.length, passages, masked) / query.chars.length;
}
