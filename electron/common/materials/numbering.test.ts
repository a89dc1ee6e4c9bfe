import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  circledNumeral,
  defaultStyleBelow,
  headingLevelOf,
  listMarker,
  parseChineseNumeral,
  parseCircledNumeral,
  sectionMarker,
} from './numbering';

describe('Chinese numerals', () => {
  it('writes 1–99 the way outlines number them', () => {
    expect([1, 2, 9, 10, 11, 12, 19, 20, 21, 30, 45, 99].map(chineseNumeral)).toEqual([
      '一', '二', '九', '十', '十一', '十二', '十九', '二十', '二十一', '三十', '四十五', '九十九',
    ]);
  });

  it('falls back to Arabic digits outside 1–99', () => {
    expect([0, 100, -1, 1.5].map(chineseNumeral)).toEqual(['0', '100', '-1', '1.5']);
  });

  it('reads back every numeral it writes', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n);
  });

  it('rejects malformed numerals', () => {
    for (const s of ['', '一一', '十十', '一十', '二十十', '十一二', '零', '百', '一二三四']) {
      expect(parseChineseNumeral(s)).toBeNull();
    }
  });

  it('writes and reads circled numbers ①–⑳', () => {
    expect(circledNumeral(1)).toBe('①');
    expect(circledNumeral(20)).toBe('⑳');
    expect(circledNumeral(21)).toBe('（21）');
    expect(parseCircledNumeral('⑳')).toBe(20);
    expect(parseCircledNumeral('⑴')).toBeNull();
    expect(parseCircledNumeral('1')).toBeNull();
  });
});

describe('markers', () => {
  it('generates every list style', () => {
    expect(sectionMarker(11)).toBe('十一、');
    const styles = ['cn-paren', 'arabic-dot', 'arabic-paren', 'cn-shi', 'cn-yao', 'cn-di', 'circled', 'none'] as const;
    expect(styles.map((s) => listMarker(s, 2))).toEqual(['（二）', '2.', '（2）', '二是', '二要', '第二，', '②', '']);
    expect(listMarker('cn-shi', 12)).toBe('十二是');
  });

  it('knows the heading levels (一、→（一）→1.→（1）) and what comes below each', () => {
    expect(['cn-paren', 'arabic-dot', 'arabic-paren', 'cn-shi'].map((s) => headingLevelOf(s as never))).toEqual([2, 3, 4, null]);
    expect([1, 2, 3, 4].map(defaultStyleBelow)).toEqual(['cn-paren', 'arabic-dot', 'arabic-paren', 'circled']);
  });
});
