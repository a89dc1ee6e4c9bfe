// parseOutline: plain text or Word paragraphs → Material tree + warnings (domain.md §6).
//
// Pipeline: paragraphs (re-join hard wraps, drop page furniture) → heading detection (Word numbering
// first, then markers at the paragraph start) → title / opening / closing → tree builder.
import type { Material } from './model';
import { createIdGenerator } from './ids';
import type { OutlineParagraph, OutlineWarning, ParseOutlineOptions, ParseOutlineResult } from './outlineTypes';
import { OutlineBuilder } from './parse/builder';
import { closingStart, titleLength } from './parse/frontMatter';
import { detectHeading, shiftLevels } from './parse/headings';
import { paragraphsFromList, paragraphsFromText } from './parse/paragraphs';
import { reviewGuesses } from './parse/guesses';
import { warn } from './parse/warnings';

export type { OutlineGuess, OutlineJoin, OutlineParagraph, OutlineWarning, ParseOutlineOptions, ParseOutlineResult } from './outlineTypes';

export function parseOutline(
  input: string | OutlineParagraph[],
  options: ParseOutlineOptions = {},
): ParseOutlineResult {
  const warnings: OutlineWarning[] = [];
  const newId = options.newId ?? createIdGenerator();
  const material: Material = { title: '', opening: '', sections: [] };

  const paragraphOptions = { keepBreaks: new Set(options.keepBreaks ?? []) };
  const { paragraphs, joins } =
    typeof input === 'string' ? paragraphsFromText(input, warnings, paragraphOptions) : paragraphsFromList(input, warnings, paragraphOptions);
  if (paragraphs.length === 0) {
    warnings.push(warn.emptyInput());
    return { material, warnings, joins };
  }

  const headings = paragraphs.map((p) => detectHeading(p, warnings));
  // The title block is never a heading, even when Word gave its first line an outline level.
  const titleLen = titleLength(paragraphs.slice(0, firstHeading(headings)));
  for (let i = 0; i < titleLen; i++) headings[i] = null;
  const shift = shiftLevels(headings);
  if (shift > 0) warnings.push(warn.levelsShifted(['一、', '（一）', '1.', '（1）'][shift] ?? ''));

  const bodyStart = headings.findIndex((h) => h !== null && h.level === 1);
  const frontEnd = bodyStart < 0 ? paragraphs.length : bodyStart;
  material.title = paragraphs
    .slice(0, titleLen)
    .map((p) => p.text)
    .join('\n');
  material.opening = paragraphs
    .slice(titleLen, frontEnd)
    .map((p) => (p.auto ? p.auto.text + p.text : p.text))
    .join('\n');
  if (bodyStart < 0) {
    warnings.push(warn.noSections());
    return { material, warnings, joins };
  }

  const closing = closingStart(paragraphs, (i) => headings[i] !== null, bodyStart);
  const builder = new OutlineBuilder(material, warnings, newId);
  for (let i = bodyStart; i < paragraphs.length; i++) {
    builder.add(paragraphs[i], headings[i], closing >= 0 && i >= closing);
  }
  for (let i = bodyStart; i < paragraphs.length; i++) builder.locateBreaks(paragraphs[i]);
  reviewGuesses(material, builder, warnings, newId);
  return { material, warnings, joins };
}

/**
 * Index of the first heading; the title may sit before it. A first paragraph that is a heading only
 * by its Word outline level (no number) can still be the title.
 */
function firstHeading(headings: ReturnType<typeof detectHeading>[]): number {
  const i = headings.findIndex((h, index) => h !== null && (h.value > 0 || index > 0));
  return i < 0 ? headings.length : i;
}
