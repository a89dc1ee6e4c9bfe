// Matching runs on an NFKC-normalised copy of each paragraph (full-width digits and brackets become
// ASCII, U+3000 and NBSP become spaces), while storage keeps the original. `map` turns an offset in
// the normalised copy back into an offset in the original, so any slice found by matching can be
// cut from the original text verbatim.

export interface NormalizedText {
  /** The normalised copy used for matching. */
  norm: string;
  /**
   * map[i] = offset in the original of normalised offset i; map[norm.length] = original.length. Null when every
   * unit of the original became one unit of the copy (most paragraphs): the offsets are then the same.
   */
  map: Int32Array | null;
}

/** The offset in the original of normalised offset `i`. */
export function originalOffset(nt: NormalizedText, i: number): number {
  return nt.map === null ? i : nt.map[i];
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

// normalizeCodePoint of a code unit that is not a surrogate, by unit in an array: no one-character string and no Map
// lookup for every punctuation mark of a paste.
const unitNormalized: Array<string | undefined> = new Array(0x10000).fill(undefined);

function normalizeUnit(unit: number): string {
  let out = unitNormalized[unit];
  if (out === undefined) {
    out = normalizeCodePoint(unit, String.fromCharCode(unit));
    unitNormalized[unit] = out;
  }
  return out;
}

// The normalised copy is written as UTF-16 code units and decoded once: appending character by
// character to a string allocates a rope node per character.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

export function normalizeForMatching(original: string): NormalizedText {
  // Most paragraphs change at most a unit here and there (，→, （→( U+3000→space): the copy is the original's runs
  // with those units put in, and its offsets are the original's. Anything longer or shorter takes the mapped path.
  let norm = '';
  let from = 0;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    if ((unit >= 0x20 && unit < 0x7f) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x2460 && unit <= 0x2473)) continue;
    let out: string;
    if (unit === 0x3000 || unit === 0xa0 || unit === 0x09) out = ' ';
    else if (unit >= 0xd800 && unit <= 0xdfff) return normalizeWithMap(original);
    else {
      out = normalizeUnit(unit);
      if (out.length !== 1) return normalizeWithMap(original);
      if (out.charCodeAt(0) === unit) continue;
    }
    norm += original.slice(from, i) + out;
    from = i + 1;
  }
  return { norm: from === 0 ? original : norm + original.slice(from), map: null };
}

/**
 * The copy with its offset map, for text where a unit becomes several (…… → ......) or none, or a surrogate pair;
 * for any text the reference the shortcut above is tested against.
 */
export function normalizeWithMap(original: string): NormalizedText {
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
  // Circled digits (kept as they are) and tabs need the per-character rule.
  if (KEEP_OR_TAB.test(original)) {
    let norm = '';
    for (const ch of original) norm += normalizeCodePoint(ch.codePointAt(0)!, ch);
    return norm;
  }
  // NFKC of the whole line, without String.prototype.normalize where no unit could compose with another: each unit
  // normalised on its own (cached), and the line kept as it is when none changed. A unit whose normalised form is
  // not plainly stable (a combining mark, a half-width voiced mark, a jamo, a surrogate…) takes the whole-line call.
  let norm = '';
  let from = 0;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    if ((unit >= 0x20 && unit < 0x7f) || (unit >= 0x4e00 && unit <= 0x9fff)) continue;
    if (unit >= 0xd800 && unit <= 0xdfff) return original.normalize('NFKC');
    const out = nfkcUnit(unit);
    if (out === null) return original.normalize('NFKC');
    if (out.length === 1 && out.charCodeAt(0) === unit) continue;
    norm += original.slice(from, i) + out;
    from = i + 1;
  }
  return from === 0 ? original : norm + original.slice(from);
}

/** The whole-line path for every line (the reference the per-unit path is tested against). */
export function normalizeOnlyByLine(original: string): string {
  if (!KEEP_OR_TAB.test(original)) return original.normalize('NFKC');
  let norm = '';
  for (const ch of original) norm += normalizeCodePoint(ch.codePointAt(0)!, ch);
  return norm;
}

// NFKC of one code unit, or null when it is not made only of starters that nothing composes with (ASCII, CJK
// ideographs, CJK symbols 〇「」《》【】 and general punctuation “”—…): only then is a line's NFKC the concatenation
// of its units' NFKC.
// By code unit in an array (read for every punctuation mark of a paste, faster than a Map).
const unitCache: Array<string | null | undefined> = new Array(0x10000).fill(undefined);

function nfkcUnit(unit: number): string | null {
  let out = unitCache[unit];
  if (out === undefined) {
    const normalized = String.fromCharCode(unit).normalize('NFKC');
    out = isInert(unit) && [...normalized].every((ch) => isInert(ch.charCodeAt(0))) ? normalized : null;
    unitCache[unit] = out;
  }
  return out;
}

/** A starter that no canonical composition takes as either part. */
function isInert(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303f) || (c >= 0x2010 && c <= 0x205e) || (c >= 0xff01 && c <= 0xff5e) || c === 0xa0 || c === 0xb7;
}

const KEEP_OR_TAB = /[\u2460-\u2473\t]/;

/** Cut the original text that corresponds to normalised [start, end). */
export function sliceOriginal(original: string, nt: NormalizedText, start: number, end: number): string {
  return original.slice(originalOffset(nt, start), originalOffset(nt, end));
}
