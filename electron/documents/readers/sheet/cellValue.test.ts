import { describe, expect, it } from 'vitest';
import { decodeOoxmlEscapes, formatExcelDate, toPlainCell } from './cellValue';

describe('formatExcelDate', () => {
  it('writes dates, date-times and times as Excel showed them', () => {
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 5, 9, 30)))).toBe('2026-01-05 09:30');
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 5, 9, 30, 15)))).toBe('2026-01-05 09:30:15');
    // Float noise from Excel's day fractions is rounded away.
    expect(formatExcelDate(new Date(Date.UTC(2026, 0, 5, 8, 59, 59, 999)))).toBe('2026-01-05 09:00');
    // Day 0 is a pure time.
    expect(formatExcelDate(new Date(Date.UTC(1899, 11, 30, 14, 0)))).toBe('14:00');
    expect(formatExcelDate(new Date(NaN))).toBeNull();
  });
});

describe('decodeOoxmlEscapes', () => {
  it('decodes _xHHHH_ escapes, including the escaped underscore', () => {
    expect(decodeOoxmlEscapes('a_x000D_b')).toBe('a\rb');
    expect(decodeOoxmlEscapes('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeOoxmlEscapes('plain_x')).toBe('plain_x');
  });
});

describe('toPlainCell', () => {
  it('unwraps hyperlinks whose text is rich text', () => {
    expect(toPlainCell({ text: { richText: [{ text: '佐证' }, { text: '材料' }] }, hyperlink: 'x' } as never).value).toBe('佐证材料');
  });

  it('turns formula results that are dates or errors into plain values', () => {
    expect(toPlainCell({ formula: 'TODAY()', result: new Date(Date.UTC(2026, 0, 5)) } as never).value).toBe('2026-01-05');
    const err = toPlainCell({ formula: 'NA()', result: { error: '#N/A' } } as never);
    expect(err.value).toBeNull();
    expect(err.note?.code).toBe('cell.error');
  });

  it('never returns objects or non-finite numbers', () => {
    expect(toPlainCell({ foo: 1 } as never)).toMatchObject({ value: null, note: { code: 'cell.unsupported' } });
    expect(toPlainCell(Infinity).value).toBeNull();
  });
});
