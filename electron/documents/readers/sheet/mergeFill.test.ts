import { describe, expect, it } from 'vitest';
import { fillMerges, parseRange } from './mergeFill';
import type { SheetRow } from './types';

describe('fillMerges', () => {
  it('parses ranges in either corner order and rejects anything else', () => {
    expect(parseRange('B5:A2')).toEqual({ top: 2, left: 1, bottom: 5, right: 2 });
    expect(parseRange('$AA$1:$AB$2')).toEqual({ top: 1, left: 27, bottom: 2, right: 28 });
    expect(parseRange('A1')).toBeNull();
    expect(parseRange('A1:B2:C3')).toBeNull();
  });

  it('fills down and across, creating rows that were empty, without overwriting values', () => {
    const rows: SheetRow[] = [
      { rowNumber: 1, cells: ['a', null, 'keep'] },
      { rowNumber: 3, cells: ['z'] },
    ];
    expect(fillMerges(rows, ['A1:C2'], 100)).toBe(true);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['a', 'a', 'keep'] },
      { rowNumber: 2, cells: ['a', 'a', 'a'] },
      { rowNumber: 3, cells: ['z'] },
    ]);
  });

  it('stops when the budget is spent', () => {
    const rows: SheetRow[] = [{ rowNumber: 1, cells: ['a', null, null, null] }];
    expect(fillMerges(rows, ['A1:D1'], 2)).toBe(false);
  });
});
