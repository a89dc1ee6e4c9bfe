// Text as the similarity check compares it: letters and digits only (punctuation, spaces and line breaks removed),
// full-width Latin letters and digits folded to ASCII, lower case. Each kept character remembers where it came from
// (segment and offset), so a passage found in the normalised text is shown as written.

/** A piece of a document as written: a node of a material (nodeId) or a paragraph of a library file (nodeId null). */
export interface TextSegment {
  nodeId: string | null;
  text: string;
}

export interface NormalText {
  chars: string;
  /** For each normalised character: its segment index. */
  seg: Int32Array;
  /** For each normalised character: its offset (UTF-16) in that segment's text. */
  off: Int32Array;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function fold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0; // full-width ASCII
  if (code >= 0x41 && code <= 0x5a) code += 0x20;
  return code;
}

function kept(code: number, ch: string): boolean {
  if (code >= 0x4e00 && code <= 0x9fff) return true; // the common CJK block, the usual case
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if ((code >= 0x2000 && code <= 0x206f) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xff65)) return false; // punctuation, spaces
  return LETTER_OR_DIGIT.test(ch);
}

export function normalise(segments: readonly TextSegment[]): NormalText {
  const total = segments.reduce((n, s) => n + s.text.length, 0);
  const out: number[] = [];
  const seg = new Int32Array(total);
  const off = new Int32Array(total);
  let n = 0;
  segments.forEach((s, si) => {
    const t = s.text;
    for (let i = 0; i < t.length; i++) {
      let code = t.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        i++; // astral characters (rare 生僻字) are kept as one unit by their high surrogate's position
        out.push(code);
        seg[n] = si;
        off[n++] = i - 1;
        continue;
      }
      code = fold(code);
      if (!kept(code, t[i])) continue;
      out.push(code);
      seg[n] = si;
      off[n++] = i;
    }
  });
  let chars = '';
  for (let i = 0; i < out.length; i += 8192) chars += String.fromCharCode(...out.slice(i, i + 8192));
  return { chars, seg: seg.subarray(0, n), off: off.subarray(0, n) };
}

/** The written text between two normalised positions [from, to), cut per segment (a passage may span paragraphs). */
export function writtenSpan(segments: readonly TextSegment[], norm: NormalText, from: number, to: number): { nodeId: string | null; text: string; start: number; end: number }[] {
  const parts: { nodeId: string | null; text: string; start: number; end: number }[] = [];
  let i = from;
  while (i < to) {
    const si = norm.seg[i];
    let j = i;
    while (j + 1 < to && norm.seg[j + 1] === si) j++;
    const start = norm.off[i];
    const end = norm.off[j] + 1;
    parts.push({ nodeId: segments[si].nodeId, text: segments[si].text.slice(start, end), start, end });
    i = j + 1;
  }
  return parts;
}
