import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCsvFormula, looksLikeFormula, unescapeCsvFormula } from './cellText';

describe('looksLikeFormula', () => {
  it.each(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x', '  =1', '\u3000=1'])(
    'flags %j',
    (text) => expect(looksLikeFormula(text)).toBe(true),
  );
  it.each(['', '理论学习不够深入', '1+1', 'a=b', "'=1", '２０２６', '（一）在…方面'])('leaves %j alone', (text) =>
    expect(looksLikeFormula(text)).toBe(false),
  );
});

describe('CSV formula escaping', () => {
  it('prefixes an apostrophe only where needed', () => {
    expect(escapeCsvFormula('=1+1')).toBe("'=1+1");
    expect(escapeCsvFormula('-2+3')).toBe("'-2+3");
    expect(escapeCsvFormula("'=1")).toBe("''=1");
    expect(escapeCsvFormula("'abc")).toBe("'abc");
    expect(escapeCsvFormula('普通文字')).toBe('普通文字');
  });

  it('is exactly undone by unescapeCsvFormula for any text', () => {
    const alphabet = fc.constantFrom("'", '=', '+', '-', '@', '\t', ' ', 'a', '中', '＝');
    const text = fc.oneof(fc.string(), fc.string({ unit: alphabet }));
    fc.assert(
      fc.property(text, (s) => {
        const escaped = escapeCsvFormula(s);
        expect(unescapeCsvFormula(escaped)).toBe(s);
        // And whatever was escaped no longer starts with a trigger.
        expect(looksLikeFormula(escaped)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
