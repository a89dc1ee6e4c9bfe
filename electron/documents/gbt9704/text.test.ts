import { describe, expect, it } from 'vitest';
import { sanitizeText, splitLinesAndTabs } from './text';

describe('sanitizeText', () => {
  it('drops control characters XML cannot hold and keeps the words', () => {
    expect(sanitizeText('学习\u0000不\u0001够\u0008\u001F深入\u007F\u0090')).toBe('学习不够深入');
  });

  it('drops non-characters and lone surrogate halves but keeps real astral characters', () => {
    expect(sanitizeText('a\uFFFEb\uFFFFc')).toBe('abc');
    expect(sanitizeText('x\uD800y\uDC00z')).toBe('xyz');
    expect(sanitizeText('𠀀')).toBe('𠀀');
  });

  it('turns every line-break convention into \\n', () => {
    expect(sanitizeText('a\r\nb\rc\u000Bd\u000Ce\u2028f\u2029g\u0085h')).toBe('a\nb\nc\nd\ne\nf\ng\nh');
  });

  it('keeps tabs, quotes and the ordinary punctuation untouched', () => {
    const text = '“六稳”“六保”\t《规定》第七条（二）<&>';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('splitLinesAndTabs', () => {
  it('splits into lines and tab-separated pieces', () => {
    expect(splitLinesAndTabs('a\tb\nc')).toEqual([['a', 'b'], ['c']]);
    expect(splitLinesAndTabs('')).toEqual([['']]);
  });
});
