// Matching runs on an NFKC-normalised copy of each paragraph (full-width digits and brackets become
// ASCII, U+3000 and NBSP become spaces), while storage keeps the original. `map` turns an offset in
// the normalised copy back into an offset in the original, so any slice found by matching can be
// cut from the original text verbatim.

export interface NormalizedText {
  /** The normalised copy used for matching. */
  norm: string;
  /** map[i] = offset in the original of normalised offset i; map[norm.length] = original.length. */
  map: Int32Array;
}

// Per-code-point results are cached: Chinese text uses a few thousand distinct characters, and
// String.prototype.normalize per character dominates the cost of a 1 MB paste otherwise.
const cache = new Map<number, string>();

function normalizeCodePoint(cp: number, ch: string): string {
  // ASCII and CJK ideographs are NFKC-stable; they are most of the text.
  if ((cp >= 0x20 && cp < 0x7f) || (cp >= 0x4e00 && cp <= 0x9fff)) return ch;
  // Circled digits ①–⑳ would become bare digits under NFKC ("①加强" → "1加强"), losing the fact
  // that they are markers; keep them.
  if (cp >= 0x2460 && cp <= 0x2473) return ch;
  if (cp === 0x3000 || cp === 0xa0 || cp === 0x09) return ' ';
  let out = cache.get(cp);
  if (out === undefined) {
    out = ch.normalize('NFKC');
    cache.set(cp, out);
  }
  return out;
}

// The normalised copy is written as UTF-16 code units and decoded once: appending character by
// character to a string allocates a rope node per character.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

export function normalizeForMatching(original: string): NormalizedText {
  let units = new Uint16Array(original.length + 8);
  let map = new Int32Array(original.length + 8);
  let n = 0;
  let i = 0;
  // Room for `count` more units and the closing map entry.
  const reserve = (count: number) => {
    if (n + count + 1 <= map.length) return;
    const size = map.length * 2 + count;
    const grownMap = new Int32Array(size);
    grownMap.set(map);
    map = grownMap;
    const grownUnits = new Uint16Array(size);
    grownUnits.set(units);
    units = grownUnits;
  };
  while (i < original.length) {
    const unit = original.charCodeAt(i);
    // Most of the text maps to itself or to a space (the first rules of normalizeCodePoint): written straight into
    // the buffer, without a one-character string per character for the collector.
    const same = (unit >= 0x20 && unit < 0x7f) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x2460 && unit <= 0x2473);
    if (same || unit === 0x3000 || unit === 0xa0 || unit === 0x09) {
      reserve(1);
      units[n] = same ? unit : 0x20;
      map[n++] = i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const out = normalizeCodePoint(cp, width === 1 ? original[i] : original.slice(i, i + 2));
    reserve(out.length);
    for (let k = 0; k < out.length; k++) {
      units[n] = out.charCodeAt(k);
      map[n++] = i;
    }
    i += width;
  }
  map[n] = original.length;
  return { norm: utf16.decode(units.subarray(0, n)), map: map.subarray(0, n + 1) };
}

/** The normalised copy only (no offset map), for quick per-line checks. */
export function normalizeOnly(original: string): string {
  // Lines of Chinese text: String.prototype.normalize over the whole line is much cheaper than
  // per character. Circled digits (kept as they are) and tabs need the per-character rule.
  if (!KEEP_OR_TAB.test(original)) return original.normalize('NFKC');
  let norm = '';
  for (const ch of original) norm += normalizeCodePoint(ch.codePointAt(0)!, ch);
  return norm;
}

const KEEP_OR_TAB = /[\u2460-\u2473\t]/;

/** Cut the original text that corresponds to normalised [start, end). */
export function sliceOriginal(original: string, nt: NormalizedText, start: number, end: number): string {
  return original.slice(nt.map[start], nt.map[end]);
}
