// Text copied from a PDF (or a PDF converted to Word) arrives as one line per printed line. A reader
// re-joins such lines from evidence, paragraph by paragraph, and so does this module:
// - the text is hard-wrapped at all: many lines that end mid-sentence share one (dominant) width,
//   and hardly any line is wider than that;
// - a line continues on the next one when it is (nearly) as wide as the dominant width, does not end
//   a sentence (。！？；： possibly followed by a closing quote), and the next line starts neither a
//   heading (一、 （二） 3.) nor an indented paragraph.
// Page furniture (page numbers, running titles) is removed before any of this (furniture.ts).

/** Display width: CJK and full-width characters 1, ASCII and half-width 0.5. */
export function displayWidth(line: string): number {
  const text = line.trimEnd();
  let w = 0;
  // By code unit (a loop over code points allocates a string per character); a surrogate pair is one wide character.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    w += unit < 0x2e80 || (unit >= 0xff61 && unit <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

/** Width of the leading white space (an ideographic space counts 1, a space 0.5). */
export function indentWidth(line: string): number {
  let w = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3000) w += 1;
    else if (c === 0x20 || c === 0xa0) w += 0.5;
    else if (c === 0x09) w += 2;
    else break;
  }
  return w;
}

const WRAP_MIN = 18; // GB/T 9704 prints 28 characters a line; copies seen in practice wrap at 24–40
const WRAP_MAX = 60;
const TOLERANCE = 3; // kinsoku shifts and narrow digits make full lines up to ~3 characters shorter
const OVERHANG = 2; // a line may hang one punctuation mark (and a half-width digit) past the width

// Normalised text: ！？；：（） are !?;:() here. A closing quote or bracket after the sentence end
// still ends the sentence (……。” / ……。）).
const TERMINAL = /[。!?;:](?:[”’」』)》】〕\]\s]*)$/;

export function endsSentence(norm: string): boolean {
  // What TERMINAL finds, read from the end (the unanchored pattern tries every position of the line): past the
  // closing quotes and brackets, a sentence end. No sentence end is itself a closing mark.
  const text = norm.trimEnd();
  let i = text.length - 1;
  while (i >= 0 && isClosing(text.charCodeAt(i))) i--;
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0x3a;
}

/** The pattern's TERMINAL definition, kept for the property test that checks endsSentence against it. */
export const endsSentenceByPattern = (norm: string) => TERMINAL.test(norm.trimEnd());

/** The white space of \s (and of trim). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** ”’」』)》】〕] or white space (\s). */
function isClosing(c: number): boolean {
  switch (c) {
    case 0x201d:
    case 0x2019:
    case 0x300d:
    case 0x300f:
    case 0x29:
    case 0x300b:
    case 0x3011:
    case 0x3015:
    case 0x5d:
      return true;
    default:
      return isSpace(c);
  }
}

export interface WrapLine {
  norm: string;
  /** Display width without the common left margin. */
  width: number;
}

export interface Wrap {
  /** The dominant line width. */
  width: number;
}

/**
 * The dominant width of a hard-wrapped text, or null when the text is not hard-wrapped. Only lines
 * that end mid-sentence vote (a paragraph's last line is short, a heading has no full stop but is
 * rarely as wide as a body line); a text with several lines wider than the candidate width is made
 * of unwrapped paragraphs.
 */
export function detectWrap(lines: WrapLine[]): Wrap | null {
  const counts = new Map<number, number>();
  let nonEmpty = 0;
  for (const l of lines) {
    if (l.width === 0) continue;
    nonEmpty++;
    if (endsSentence(l.norm)) continue;
    const w = Math.floor(l.width);
    if (w >= WRAP_MIN && w <= WRAP_MAX) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best = -1;
  let bestCount = 0;
  for (let w = WRAP_MIN; w <= WRAP_MAX; w++) {
    let c = 0;
    for (let k = w - TOLERANCE; k <= w; k++) c += counts.get(k) ?? 0;
    if (c > 0 && c >= bestCount) {
      best = w;
      bestCount = c;
    }
  }
  if (best < 0) return null;
  // The window was chosen by count; the width is the widest line inside it.
  let width = 0;
  for (let k = best - TOLERANCE; k <= best; k++) if (counts.has(k)) width = k;
  if (bestCount < (nonEmpty <= 6 ? 2 : 3)) return null;
  let overlong = 0;
  for (const l of lines) if (isOverlong(l.width, { width })) overlong++;
  if (overlong > Math.max(1, nonEmpty * 0.05)) return null;
  return { width };
}

/** Wider than the dominant width allows: a line that was not wrapped there (a title, a table row). */
export function isOverlong(width: number, wrap: Wrap): boolean {
  return width > wrap.width + OVERHANG;
}

/** Whether a line of width `width` fills the line (up to kinsoku and narrow digits). */
export function isFullLine(width: number, wrap: Wrap): boolean {
  return width >= wrap.width - TOLERANCE;
}

/** Whether a line of width `width` ending as `norm` is a wrapped fragment of a longer paragraph. */
export function isWrappedLine(norm: string, width: number, wrap: Wrap): boolean {
  return isFullLine(width, wrap) && !endsSentence(norm);
}

/** Glue for two wrapped fragments: nothing between Chinese, a space between two Latin words. */
export function joinGlue(before: string, after: string): string {
  return /[A-Za-z]$/.test(before.trimEnd()) && /^[A-Za-z]/.test(after.trimStart()) ? ' ' : '';
}
