import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDateProblem } from './dates';

describe('parseTypedDate', () => {
  it.each([
    ['2026-12-18', '2026-12-18'],
    ['2026.12.18', '2026-12-18'],
    ['2026/1/5', '2026-01-05'],
    ['20261218', '2026-12-18'],
    ['2026年1月5日', '2026-01-05'],
    ['２０２６年１２月１８日', '2026-12-18'],
    [' 2024-02-29 ', '2024-02-29'],
  ])('reads %s', (text, iso) => expect(parseTypedDate(text)).toBe(iso));

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '20260230', '12/18/2026', '明天', '', '2026-12'])('refuses %s', (text) =>
    expect(parseTypedDate(text)).toBeNull(),
  );
});

describe('typedDateProblem', () => {
  it('tells a day that does not exist from a date written wrongly', () => {
    expect(typedDateProblem('2026-02-30')).toBe('nonexistent');
    expect(typedDateProblem('2026年2月30日')).toBe('nonexistent');
    expect(typedDateProblem('2026-13-01')).toBe('nonexistent');
    expect(typedDateProblem('下周三')).toBe('format');
    expect(typedDateProblem('2026/2')).toBe('format');
    expect(typedDateProblem('2026-02-28')).toBeNull();
    expect(typedDateProblem('  ')).toBeNull();
  });
});
