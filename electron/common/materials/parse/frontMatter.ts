// Title, opening and closing: the parts of a material around its numbered sections.
import { matchInlineMarker } from './markers';
import type { SourceParagraph } from './paragraphs';

const SENTENCE_END = /[。;!?:,，]$/;
const TITLE_MAX = 60;
const SUBTITLE_MAX = 40;

/**
 * How many leading paragraphs form the title block: a short first line that is not a sentence
 * (关于…的对照检查材料), plus short non-sentence lines right after it (——副标题, （2024年1月）, 姓名).
 */
export function titleLength(front: SourceParagraph[]): number {
  const isTitleLine = (p: SourceParagraph, max: number) =>
    p.text.length <= max && !SENTENCE_END.test(p.nt.norm.trimEnd()) && !p.auto;
  if (front.length === 0 || !isTitleLine(front[0], TITLE_MAX)) return 0;
  let n = 1;
  while (n < front.length && isTitleLine(front[n], SUBTITLE_MAX)) n++;
  return n;
}

const CLOSING = /^(?:以上|上述).{0,8}?(?:对照检查|发言|检查|材料|汇报|剖析)|不妥之处|批评指正|^\(?\d{4}年\d{1,2}月(?:\d{1,2}日)?\)?$/;

/**
 * Index of the first paragraph of the closing (以上对照检查，不妥之处请批评指正 / signature / date),
 * or -1. Only paragraphs after the last marker-bearing paragraph qualify, so a measure that mentions
 * 批评指正 is not cut off.
 */
export function closingStart(paragraphs: SourceParagraph[], isHeading: (i: number) => boolean, from: number): number {
  let lastStructural = from - 1;
  paragraphs.forEach((p, i) => {
    if (i < from) return;
    const inline = matchInlineMarker(p.nt.norm, 0, true);
    if (isHeading(i) || (inline && !inline.cue) || p.auto) lastStructural = i;
  });
  for (let i = lastStructural + 1; i < paragraphs.length; i++) {
    if (CLOSING.test(paragraphs[i].nt.norm.trim())) return i;
  }
  return -1;
}
