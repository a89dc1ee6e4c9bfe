// Which paragraphs are headings, at which level. Word's own numbering and outline level come first
// (an auto-numbered 一、 is not in the text); the regex markers only look at the paragraph start.
import type { ListStyle } from '../model';
import { defaultStyleBelow, parseChineseNumeral } from '../numbering';
import type { OutlineWarning } from '../outlineTypes';
import { matchHeadingMarker, matchInlineMarker } from './markers';
import { normalizeForMatching } from './normalize';
import type { SourceParagraph } from './paragraphs';
import { warn } from './warnings';

export interface HeadingInfo {
  /** 1 = 一、 … 4 = （1）, after any level shift. */
  level: number;
  /** The number as written; 0 for an unnumbered heading (Word outline level only). */
  value: number;
  style: ListStyle | 'section';
  /** Normalised offset where the heading text starts (after a typed marker). */
  contentStart: number;
}

const MAX_LEVEL = 4;

function styleForLevel(level: number): ListStyle | 'section' {
  return level <= 1 ? 'section' : defaultStyleBelow(level - 1);
}

/** Heading info of one paragraph, or null for body text. */
export function detectHeading(p: SourceParagraph, warnings: OutlineWarning[]): HeadingInfo | null {
  if (p.auto && p.auto.format !== 'bullet' && p.auto.format !== 'none') {
    const numberText = normalizeForMatching(p.auto.text.trim()).norm;
    const m = matchHeadingMarker(numberText);
    if (m && m.end >= numberText.trimEnd().length) {
      return { level: m.level, value: m.value, style: m.style, contentStart: 0 };
    }
    const inline = matchInlineMarker(numberText, 0, true);
    if (inline && !inline.cue) return null; // an auto-numbered 一是: body text with a marker in front
    const level = Math.min(p.auto.level + 1, MAX_LEVEL);
    warnings.push(warn.numberingUnrecognised(p.auto.text, { line: p.line }));
    return { level, value: numberValue(numberText), style: styleForLevel(level), contentStart: 0 };
  }
  const m = matchHeadingMarker(p.nt.norm);
  if (m) return { level: m.level, value: m.value, style: m.style, contentStart: m.end };
  // Word outline level without a visible number (a Heading 1 style). A lead-in such as
  // 现对照检查如下： is never a heading, whatever its style.
  if (p.outlineLevel !== undefined && !p.nt.norm.trimEnd().endsWith(':')) {
    const level = Math.min(p.outlineLevel + 1, MAX_LEVEL);
    return { level, value: 0, style: styleForLevel(level), contentStart: 0 };
  }
  return null;
}

function numberValue(numberText: string): number {
  const digits = /\d{1,2}/.exec(numberText);
  if (digits) return Number(digits[0]);
  const cn = /[一二三四五六七八九十]{1,3}/.exec(numberText);
  return cn ? (parseChineseNumeral(cn[0]) ?? 0) : 0;
}

/**
 * Without any 一、 heading, the shallowest level in use acts as level 1 (a material written with
 * （一） at the top, or a pasted fragment); deeper headings keep their own level, so 1. under a
 * top-level （一） is still an item. Returns the shift applied to the top level.
 */
export function shiftLevels(headings: Array<HeadingInfo | null>): number {
  let min = Infinity;
  for (const h of headings) if (h) min = Math.min(min, h.level);
  if (!Number.isFinite(min) || min === 1) return 0;
  for (const h of headings) {
    if (!h || h.level !== min) continue;
    h.level = 1;
    if (h.value === 0) h.style = 'section';
  }
  return min - 1;
}
