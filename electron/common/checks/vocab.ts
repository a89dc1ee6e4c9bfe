// Thresholds of the honesty checks (issue 17, domain.md §10). Advice only: nothing here blocks, scores or leaves the machine.

/** Shingle length in normalised characters (Chinese: about three words). */
export const SHINGLE = 6;
/** Winnowing window (in shingles): any common run of SHINGLE + WINDOW − 1 = 10 normalised characters shares a fingerprint. */
export const WINDOW = 5;
/**
 * Shortest passage that counts, in normalised characters (punctuation and spaces removed): 18 is about 20 characters
 * as written, the "from about 20 characters".
 */
export const MIN_PASSAGE = 18;
/** A passage counts when its edit-distance similarity to the source is at least this. */
export const MIN_SIMILARITY = 0.9;
/** Warn when more than this share of a material repeats one source (or the author's own earlier materials together). */
export const WARN_SHARE = 0.3;
/** Two talk records of one talker are near-identical when this share of the shorter one repeats the other. */
export const TALK_NEAR_IDENTICAL = 0.8;

export type SourceKind = 'own' | 'colleague' | 'library';
