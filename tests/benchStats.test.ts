import { describe, expect, it } from 'vitest';
import { pairedRatio, ratioVerdict } from '../bench/stats';

const repeat = (value: number, n: number) => Array.from({ length: n }, () => value);

describe('bench ratio verdicts keep the machine noise out', () => {
  it('passes a ratio under its limit even when one stretch of the run was slow', () => {
    // 5 blocks of 20 pairs; in the third block the handler was hit by noise (3× slower).
    const handler = [...repeat(1.2, 40), ...repeat(3.6, 20), ...repeat(1.2, 40)];
    const bare = repeat(1, 100);
    const r = pairedRatio(handler, bare);
    expect(r.ratio).toBeCloseTo(1.2);
    expect(r.high).toBeCloseTo(3.6);
    expect(ratioVerdict(r, 1.5)).toBe('pass');
    // Taken over the whole run at once, the same samples would read as 1.2× too; a mean would have said 1.68×.
  });

  it('misses only when every block is over the limit, and says "noisy" when the blocks straddle it', () => {
    expect(ratioVerdict(pairedRatio(repeat(2, 100), repeat(1, 100)), 1.5)).toBe('miss');
    const straddling = [...repeat(1.4, 40), ...repeat(1.7, 60)];
    expect(ratioVerdict(pairedRatio(straddling, repeat(1, 100)), 1.5)).toBe('noisy');
  });

  it('refuses too few pairs for its blocks', () => {
    expect(() => pairedRatio([1, 2], [1, 2])).toThrow(/too few/);
  });
});
