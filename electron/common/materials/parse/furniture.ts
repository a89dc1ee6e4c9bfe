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

/**
 * Whether a normalised, trimmed line is page furniture. Bare numbers ("3") only count in
 * hard-wrapped text, where they are page numbers; elsewhere a lone number could be content.
 */
export function isPageFurniture(original: string, norm: string, hardWrapped: boolean): boolean {
  const t = norm.trim();
  if (t === '') return false;
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
export function runningTitles(lines: FurnitureLine[]): number[] {
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
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      if (nearPageNumber(i) || (indexes.length >= 3 && i !== indexes[0])) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}
