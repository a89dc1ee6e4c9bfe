import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME_LENGTH, sanitizeSheetName, uniqueSheetNames } from './sheetNames';

describe('sheet names', () => {
  it('replaces forbidden characters with their full-width forms', () => {
    expect(sanitizeSheetName('班子/个人:清单?')).toBe('班子／个人：清单？');
    expect(sanitizeSheetName("'引号'")).toBe('’引号’');
  });

  it('handles empty, reserved and overlong names', () => {
    expect(sanitizeSheetName('   ')).toBe('Sheet');
    expect(sanitizeSheetName('History')).toBe('History_');
    expect(sanitizeSheetName('多'.repeat(50))).toHaveLength(31);
    // A surrogate pair straddling the limit is not split.
    const name = sanitizeSheetName('a'.repeat(30) + '𠀀');
    expect(name).toBe('a'.repeat(30));
  });

  it('makes names unique the way Excel compares them', () => {
    expect(uniqueSheetNames(['Sheet', 'sheet', 'SHEET'])).toEqual(['Sheet', 'sheet(2)', 'SHEET(3)']);
    expect(uniqueSheetNames(['x'.repeat(31), 'x'.repeat(31)])[1]).toBe('x'.repeat(28) + '(2)');
  });

  it('always yields valid, unique names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), (raw) => {
        const names = uniqueSheetNames(raw, ['_lists']);
        const lower = names.map((n) => n.toLowerCase());
        expect(new Set(lower).size).toBe(names.length);
        expect(lower).not.toContain('_lists');
        for (const n of names) {
          expect(n.length).toBeGreaterThan(0);
          expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
          expect(n).not.toMatch(/[[\]:*?/\\]/);
          expect(n).not.toMatch(/^'|'$/);
        }
      }),
    );
  });
});
