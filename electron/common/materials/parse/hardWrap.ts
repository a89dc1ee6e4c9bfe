// Text pasted from a PDF arrives as fixed-width lines. Re-joining them needs to know the line width:
// a line is only a wrapped fragment when it is (nearly) full. Short lines — titles, own-line
// headings, the last line of a paragraph — are never joined, whatever they end with.

/** Display width: CJK and full-width characters 1, ASCII and half-width 0.5. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line.trimEnd()) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x2e80 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

const WRAP_MIN = 20; // a PDF body line holds 28 characters in GB/T 9704; anything narrower is not a wrap
const WRAP_MAX = 60;
const TOLERANCE = 3; // kinsoku shifts and narrow digits make full lines up to ~3 characters shorter

const TERMINAL = /[。!?;:”)」』]$/; // normalised: ！？；：） become !?;:)

/**
 * The line width at which the text was hard-wrapped, or null when it was not: many lines share
 * (nearly) one width and most of those end mid-sentence.
 */
export function detectWrapWidth(lines: { norm: string; width: number }[]): number | null {
  const counts = new Map<number, number>();
  let nonEmpty = 0;
  for (const l of lines) {
    if (l.width === 0) continue;
    nonEmpty++;
    const w = Math.floor(l.width);
    if (w >= WRAP_MIN && w <= WRAP_MAX) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (let w = WRAP_MIN; w <= WRAP_MAX; w++) {
    let c = 0;
    for (let k = w - TOLERANCE; k <= w; k++) c += counts.get(k) ?? 0;
    if (c >= bestCount && c > 0) {
      best = w;
      bestCount = c;
    }
  }
  if (best === null || bestCount < Math.max(3, nonEmpty * 0.3)) return null;
  // The window was chosen by count; the wrap width is the widest line inside it.
  let widest = 0;
  for (let k = best - TOLERANCE; k <= best; k++) if (counts.has(k)) widest = k;
  best = widest;
  // Wide lines that end a sentence are paragraphs of an unwrapped text, not wrapped fragments.
  let midSentence = 0;
  let full = 0;
  for (const l of lines) {
    if (l.width >= best - TOLERANCE && l.width <= best + 1) {
      full++;
      if (!TERMINAL.test(l.norm.trimEnd())) midSentence++;
    }
  }
  return midSentence * 2 >= full ? best : null;
}

/** Whether a line of width `width` ending as `norm` continues on the next line. */
export function continuesOnNextLine(norm: string, width: number, wrapWidth: number): boolean {
  return width >= wrapWidth - TOLERANCE && !TERMINAL.test(norm.trimEnd());
}

/** Glue for two wrapped fragments: nothing between Chinese, a space between two Latin words. */
export function joinGlue(before: string, after: string): string {
  return /[A-Za-z]$/.test(before.trimEnd()) && /^[A-Za-z]/.test(after.trimStart()) ? ' ' : '';
}
