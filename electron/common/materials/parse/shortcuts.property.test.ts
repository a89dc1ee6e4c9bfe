// The parser's shortcuts for a 1 MB paste (issue 20 §4) against the straightforward code they stand in for: the same
// answer for any text, including what makes them bail out (composing marks, surrogates, expansions such as …).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCircledNumeral } from '../numbering';
import { parseOutline } from '../outline';
import { furniturePattern, isPageFurniture } from './furniture';
import { displayWidth, endsSentence, endsSentenceByPattern, indentWidth } from './hardWrap';
import { exampleCuePattern, headingMarkerPattern, isExampleCue, matchHeadingMarker, matchInlineMarker, strongMarkerPattern } from './markers';
import { excerpt, excerptByPattern } from './warnings';
import { normalizeForMatching, normalizeOnly, normalizeOnlyByLine, normalizeWithMap, originalOffset } from './normalize';

// Units the text is built from: plain text, what NFKC changes one for one (，（ U+3000 NBSP ｱ), what it expands (…
// ﬁ ⑽ ㈠) or composes (e + U+0301, ｶ + ﾞ, ᄀ + ᅡ), surrogates (whole and lone), tabs, form feeds, markers and the
// characters the patterns look for.
const UNITS = [
  ...'abcZ 019.,;:!?()[]-~/', ...'的问题学习一二三四五六七八九十第页录目首其再最另比例譬又特是要如先次方面',
  ...'，。；：！？（）“”‘’「」《》【】〔〕、—–─…·　\u00a0\t\f', '０', '９', '．', 'ｱ', 'ｶ', 'ﾞ', 'ﬁ', '⑽', '㈠', '①', '⑳',
  '另一方面', '一方面', '首先', '其次', '再次', '最后', '比如', '例如', '譬如', '又如', '再如', '特别是', '一是', '十二要', '第一，', '（一）', '1.', '(2)', '— 3 —', '第 3 页', '目 录',
  '\u0301', '\u1100', '\u1161', '\u302a', '\u2028', '\ufeff', '𠀀', '\ud800', '\udc00', '\u0007', '\u3099', 'ﾟ', '\u2026\u2026',
];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((a) => a.join(''));
const RUNS = { numRuns: 4000, seed: 2026_12_04 };

function referenceWidth(line: string): number {
  let w = 0;
  for (const ch of line.trimEnd()) {
    const cp = ch.codePointAt(0)!;
    w += cp < 0x2e80 || (cp >= 0xff61 && cp <= 0xffdc) ? 0.5 : 1;
  }
  return w;
}

function referenceIndent(line: string): number {
  let w = 0;
  for (const ch of line) {
    if (ch === '\u3000') w += 1;
    else if (ch === ' ' || ch === '\u00a0') w += 0.5;
    else if (ch === '\t') w += 2;
    else break;
  }
  return w;
}

describe('the parser shortcuts give what the plain code gives', () => {
  it('normalizeForMatching: the same copy, and every offset back into the original the same', () => {
    fc.assert(
      fc.property(text, (s) => {
        const fast = normalizeForMatching(s);
        const plain = normalizeWithMap(s);
        expect(fast.norm).toBe(plain.norm);
        for (let i = 0; i <= plain.norm.length; i++) expect(originalOffset(fast, i)).toBe(plain.map![i]);
      }),
      RUNS,
    );
  });

  it('normalizeOnly: NFKC by unit equals NFKC of the whole line', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(normalizeOnly(s)).toBe(normalizeOnlyByLine(s));
      }),
      RUNS,
    );
    // Cases that must not be taken apart: a voiced mark after a half-width kana, a jamo pair, a combining accent.
    for (const s of ['ｶﾞ问题', '\u1100\u1161学习', 'e\u0301，', '（一）ﾊﾟ']) expect(normalizeOnly(s)).toBe(s.normalize('NFKC'));
  });

  it("displayWidth, endsSentence and a warning's excerpt read by code unit as the patterns and code-point loops did", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(displayWidth(s)).toBe(referenceWidth(s));
        expect(indentWidth(s)).toBe(referenceIndent(s));
        expect(endsSentence(s)).toBe(endsSentenceByPattern(s));
        expect(excerpt(s)).toBe(excerptByPattern(s));
      }),
      RUNS,
    );
  });

  it('page furniture, heading, inline and example markers: the first-character filters hide no match', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, wrapped) => {
        const norm = normalizeOnly(s);
        const t = norm.trim();
        if (t !== '') expect(isPageFurniture(s, norm, wrapped)).toBe(furniturePattern(s, t, wrapped));
        expect(matchHeadingMarker(norm)).toEqual(headingMarkerPattern(norm));
        for (let pos = 0; pos < norm.length; pos++) {
          const value = parseCircledNumeral(norm[pos]);
          const circled = value === null ? null : { pos, length: 1, style: 'circled', value };
          expect(matchInlineMarker(norm, pos, false)).toEqual(circled);
          expect(matchInlineMarker(norm, pos, true)).toEqual(circled ?? strongMarkerPattern(norm, pos));
          expect(isExampleCue(norm, pos)).toBe(exampleCuePattern(norm, pos));
        }
      }),
      RUNS,
    );
  });

  it('page furniture that the filter must let through', () => {
    for (const line of ['— 3 —', '-3-', '第3页', '第3页,', '第 3 页 /', '共9页 第3页', '3/9', 'Page 3 of 9', '12', '目 录', '一、问题……3', '学习\t3'])
      expect(isPageFurniture(line, normalizeOnly(line), true), line).toBe(true);
  });

  it('paragraph offsets of joined lines survive the identity shortcut', () => {
    // A hard-wrapped paste whose joined paragraphs mix 1:1 units (，) and expansions (……): the joins land where they did.
    const line = (n: number) => `${'学习'.repeat(12)}${n % 2 ? '……' : '，'}${'问题'.repeat(2)}`;
    const input = ['一、存在的问题', ...Array.from({ length: 12 }, (_, i) => line(i))].join('\n');
    const { joins } = parseOutline(input);
    expect(joins.length).toBeGreaterThan(0);
    for (const join of joins) expect(join.nodeId).toBeDefined();
  });
});
