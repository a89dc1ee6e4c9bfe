// Page furniture: page numbers and table-of-contents lines that PDF copy/paste drags into the text.
// They are not the author's words, so they are dropped (and reported as info warnings).

const PAGE_DASHED = /^[-—–─~]{1,2} *\d{1,3} *[-—–─~]{1,2}$/; // — 3 —, -3-
const PAGE_CN = /^(?:第 *\d{1,3} *页 *[,/]? *(?:共 *\d{1,3} *页)?|共 *\d{1,3} *页 *[,/]? *第 *\d{1,3} *页)$/;
const PAGE_SLASH = /^\d{1,3} *\/ *\d{1,3}$/;
const PAGE_EN = /^page *\d{1,3}(?: *(?:of|\/) *\d{1,3})?$/i;
const PAGE_BARE = /^\d{1,3}$/;
const TOC_TITLE = /^目 *录$/;
// Dot leaders (…… is "......" after NFKC), then a page number.
const TOC_ENTRY = /[.·・]{4,} *\d{1,3}$/;
// A Word TOC entry copied as text: heading, tab, page number (tabs become spaces in the normalised copy).
const TOC_TAB_ENTRY = /\S\t+ *\d{1,3}$/;
const FURNITURE_END = new Set([...'0123456789-—–─~页录,/'].map((ch) => ch.charCodeAt(0)));
const endsWithDigit = (s: string) => s.length > 0 && s.charCodeAt(s.length - 1) >= 0x30 && s.charCodeAt(s.length - 1) <= 0x39;

/**
 * Whether a normalised, trimmed line is page furniture. Bare numbers ("3") only count in
 * hard-wrapped text, where they are page numbers; elsewhere a lone number could be content.
 */
export function isPageFurniture(original: string, norm: string, hardWrapped: boolean): boolean {
  const t = norm.trim();
  if (t === '') return false;
  // Every pattern ends with a digit, a dash or tilde, 页 (or 页, / before nothing), or 录: other lines (nearly all)
  // need no pattern tried.
  if (!FURNITURE_END.has(t.charCodeAt(t.length - 1)) && !endsWithDigit(original.trimEnd())) return false;
  return furniturePattern(original, t, hardWrapped);
}

/** The patterns themselves, tried on every line (the reference the shortcut above is tested against). */
export function furniturePattern(original: string, t: string, hardWrapped: boolean): boolean {
  return (
    PAGE_DASHED.test(t) ||
    PAGE_CN.test(t) ||
    PAGE_SLASH.test(t) ||
    PAGE_EN.test(t) ||
    TOC_TITLE.test(t) ||
    TOC_ENTRY.test(t) ||
    TOC_TAB_ENTRY.test(original.trimEnd()) ||
    (hardWrapped && PAGE_BARE.test(t))
  );
}

interface FurnitureLine {
  norm: string;
  blank: boolean;
  furniture: boolean;
}

/**
 * Indexes of running titles (页眉): a short line repeated at page breaks, next to a page number, or
 * three times or more. The first occurrence is kept when it is not at a page break: it is the
 * document's own title.
 */
export function runningTitles<L extends FurnitureLine>(lines: L[], wrapped: (line: L) => boolean): number[] {
  const byText = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = l.norm.trim();
    if (l.blank || l.furniture || t.length > 40 || /^[(（]?[一二三四五六七八九十\d]/.test(t)) return;
    const list = byText.get(t);
    if (list) list.push(i);
    else byText.set(t, [i]);
  });
  const nearPageNumber = (i: number) => {
    for (const step of [-1, 1]) {
      let seen = 0;
      for (let j = i + step; j >= 0 && j < lines.length && seen < 3; j += step) {
        if (lines[j].furniture) return true;
        if (!lines[j].blank) seen++;
      }
    }
    return false;
  };
  const out: number[] = [];
  for (const indexes of byText.values()) {
    if (indexes.length < 2) {
      // Once only (a two-page copy): a title-like line right after a page number, shorter than a
      // full line or in the middle of a sentence that went on from the page before.
      const i = indexes[0];
      if (!contentBefore(lines, i)) continue;
      if (TITLE_WORDS.test(lines[i].norm) && afterPageNumber(lines, i) && (!wrapped(lines[i]) || midSentence(lines, i, wrapped))) out.push(i);
      continue;
    }
    for (const i of indexes) {
      if (i === indexes[0] && !contentBefore(lines, i)) continue; // the document's own title
      if (nearPageNumber(i) || (indexes.length >= 3 && i !== indexes[0])) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}

const TITLE_WORDS = /(?:材料|发言|报告|剖析|提纲|讲话)\s*$/;

function contentBefore(lines: FurnitureLine[], i: number): boolean {
  for (let j = 0; j < i; j++) if (!lines[j].blank && !lines[j].furniture) return true;
  return false;
}

function afterPageNumber(lines: FurnitureLine[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (lines[j].furniture) return true;
    if (!lines[j].blank) return false;
  }
  return false;
}

/** The last content line before the page break is a wrapped fragment (the sentence goes on). */
function midSentence<L extends FurnitureLine>(lines: L[], i: number, wrapped: (line: L) => boolean): boolean {
  for (let j = i - 1; j >= 0; j--) if (!lines[j].blank && !lines[j].furniture) return wrapped(lines[j]);
  return false;
}
