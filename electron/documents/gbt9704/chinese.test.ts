import { describe, expect, it } from 'vitest';
import { chineseNumeral, formatChineseDate } from './chinese';

describe('formatChineseDate', () => {
  it('writes Arabic digits without leading zeros, as GB/T 9704 wants', () => {
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatChineseDate('2025-12-31')).toBe('2025年12月31日');
  });

  it('takes the date part of a date-time as written, so no time zone moves the day', () => {
    expect(formatChineseDate('2026-01-05T23:30:00+08:00')).toBe('2026年1月5日');
    expect(formatChineseDate('2026-01-05T00:10:00Z')).toBe('2026年1月5日');
  });

  it('rejects text that is not a real date', () => {
    expect(() => formatChineseDate('2026/01/05')).toThrow(RangeError);
    expect(() => formatChineseDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatChineseDate('2026-13-01')).toThrow(RangeError);
    expect(formatChineseDate('2024-02-29')).toBe('2024年2月29日');
    expect(() => formatChineseDate('2100-02-29')).toThrow(RangeError);
  });
});

describe('chineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [15, '十五'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [2025, '二千零二十五'],
    [10000, '一万'],
    [10010, '一万零一十'],
    [100000, '十万'],
    [120000, '十二万'],
    [1100500, '一百一十万零五百'],
  ])('%i → %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected);
  });

  it('rejects numbers it cannot write', () => {
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
    expect(() => chineseNumeral(100_000_000)).toThrow(RangeError);
  });
});
