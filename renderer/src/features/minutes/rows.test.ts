import { describe, expect, it } from 'vitest';
import { buildOffsets, estimateHeight, ROW_CSS, rowAt, segments } from './rows';

describe('the entry stream window', () => {
  const heights = [100, 50, 300, 20, 80];
  const offsets = buildOffsets(heights.length, (i) => heights[i]);

  it('places each row under the ones before it', () => {
    expect([...offsets]).toEqual([0, 100, 150, 450, 470, 550]);
  });

  it('finds the row at a height, the first and last rows at the ends', () => {
    expect([-10, 0, 99, 100, 149, 150, 449, 470, 549, 10_000].map((y) => rowAt(offsets, y))).toEqual([0, 0, 0, 1, 1, 2, 2, 4, 4, 4]);
    expect(rowAt(buildOffsets(0, () => 0), 50)).toBe(0);
  });

  it('draws the window and the kept rows, with spaces as tall as the rows between', () => {
    expect(segments(offsets, 1, 3, [])).toEqual([{ gap: 100, from: 0, to: 1 }, { row: 1 }, { row: 2 }, { gap: 100, from: 3, to: 5 }]);
    // The row being edited stays drawn far from the window; out-of-range and repeated rows are ignored.
    expect(segments(offsets, 0, 1, [4, 4, -1, 9])).toEqual([{ row: 0 }, { gap: 370, from: 1, to: 4 }, { row: 4 }]);
    expect(segments(offsets, 0, 5, [2])).toEqual([0, 1, 2, 3, 4].map((row) => ({ row })));
  });

  it('estimates a long speech by the lines it wraps into at the stream’s width', () => {
    const width = 400 + ROW_CSS.sideSpace; // 25 CJK characters a line
    const line = (chars: number) => estimateHeight('讲'.repeat(chars), width, { head: false, hints: 0 });
    expect(line(1)).toBe(ROW_CSS.frame + ROW_CSS.line);
    expect(line(25)).toBe(line(1));
    expect(line(26)).toBe(ROW_CSS.frame + 2 * ROW_CSS.line);
    expect(line(2000)).toBe(ROW_CSS.frame + 80 * ROW_CSS.line);
    // Paragraphs start new lines; Latin letters are narrower; a heading and hints add their room.
    expect(estimateHeight('讲\n讲\n讲', width, { head: false, hints: 0 })).toBe(ROW_CSS.frame + 3 * ROW_CSS.line);
    expect(estimateHeight('a'.repeat(44), width, { head: true, hints: 2 })).toBe(ROW_CSS.frame + ROW_CSS.line + ROW_CSS.head + 2 * ROW_CSS.hint);
  });
});
