// Winnowing (Schleimer, Wilkerson, Aiken 2003): hash every SHINGLE-character substring of the normalised text, and
// keep the smallest hash of every WINDOW consecutive ones. Two texts that share a run of SHINGLE + WINDOW − 1
// characters are guaranteed to share a kept fingerprint at the corresponding positions, and a text keeps only about
// 2 / (WINDOW + 1) of its shingles, which keeps the inverted index small.
import { SHINGLE, WINDOW } from './vocab';

export interface Fingerprint {
  hash: number;
  pos: number;
}

/** 32-bit polynomial hash of every shingle (signed, as SQLite stores it). */
export function shingleHashes(chars: string, k = SHINGLE): Int32Array {
  const n = chars.length - k + 1;
  if (n <= 0) return new Int32Array(0);
  const out = new Int32Array(n);
  const B = 0x01000193;
  let pow = 1;
  for (let i = 0; i < k - 1; i++) pow = Math.imul(pow, B);
  let h = 0;
  for (let i = 0; i < k; i++) h = (Math.imul(h, B) + chars.charCodeAt(i)) | 0;
  out[0] = mix(h);
  for (let i = 1; i < n; i++) {
    h = (h - Math.imul(chars.charCodeAt(i - 1), pow)) | 0;
    h = (Math.imul(h, B) + chars.charCodeAt(i + k - 1)) | 0;
    out[i] = mix(h);
  }
  return out;
}

/** Spreads the bits so the window minimum is not biased towards low code points. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function winnow(chars: string, k = SHINGLE, w = WINDOW): Fingerprint[] {
  const hashes = shingleHashes(chars, k);
  const out: Fingerprint[] = [];
  if (hashes.length === 0) return out;
  if (hashes.length <= w) {
    let best = 0;
    for (let i = 1; i < hashes.length; i++) if (hashes[i] <= hashes[best]) best = i;
    out.push({ hash: hashes[best], pos: best });
    return out;
  }
  let last = -1;
  for (let start = 0; start + w <= hashes.length; start++) {
    let best = start;
    // Rightmost minimum: a window that slides past the previous choice picks a new one deterministically.
    if (last >= start) {
      const incoming = start + w - 1;
      best = hashes[incoming] <= hashes[last] ? incoming : last;
    } else {
      for (let i = start + 1; i < start + w; i++) if (hashes[i] <= hashes[best]) best = i;
    }
    if (best !== last) {
      out.push({ hash: hashes[best], pos: best });
      last = best;
    }
  }
  return out;
}
