import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTRY_TEXT_MAX, entryFields, entryFieldsFast } from './minutes';
import { contract } from '.';

const typical = {
  meetingId: 3,
  key: 'k_1a2b3c4d5e',
  revision: 7,
  agendaItemId: 4,
  type: 'criticism',
  fromMemberId: 5,
  fromGuest: '',
  toMemberId: 2,
  aspectId: null,
  text: '林向东同志在推进项目审批改革中，调查研究不够深入。',
  draft: true,
};

/** Values each field may take: the usual, the edge and the wrong. */
const pools: Record<keyof typeof typical, unknown[]> = {
  meetingId: [1, 3, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity, '3', null, undefined],
  key: ['k_1a2b3c4d5e', 'abcdefgh', 'short', 'x'.repeat(64), 'x'.repeat(65), 'has space1', '中文标识符号码码码', 7, null],
  revision: [1, 7, 0, 2.5, -3, Number.MAX_SAFE_INTEGER, '7', null],
  agendaItemId: [4, 0, null, 'a', 1e300],
  type: ['criticism', 'self_criticism', 'response', 'comment', 'report', 'host', 'other', 'Criticism', '', 5, null],
  fromMemberId: [5, 2, null, 0, '5', undefined],
  fromGuest: ['', ' ', '  张三 ', '王\u0000五', 'x'.repeat(51), null, 3],
  toMemberId: [2, 5, null, -2, undefined],
  aspectId: [null, 9, 0, 'x'],
  text: ['', '我对照检查如下', '  前后空格  ', 'a\u0000b', 'a\u202Eb', '\uD800半个', '表情😀', 'x'.repeat(ENTRY_TEXT_MAX), 'x'.repeat(ENTRY_TEXT_MAX + 1), null, 42],
  draft: [true, false, 'true', 0, null],
};
const fields = Object.keys(pools) as (keyof typeof typical)[];

const inputs = fc
  .tuple(
    // Mostly the usual value, so that many inputs are accepted and compared; any field may be wrong.
    fc.record(
      Object.fromEntries(fields.map((f) => [f, fc.oneof({ arbitrary: fc.constant(typical[f]), weight: 8 }, { arbitrary: fc.constantFrom(...pools[f]), weight: 1 })])) as Record<
        keyof typeof typical,
        fc.Arbitrary<unknown>
      >,
    ),
    fc.subarray(fields, { maxLength: 1 }),
    fc.option(fc.constantFrom('extra', '__proto__', 'toString'), { nil: undefined }),
  )
  .map(([values, dropped, extra]) => {
    const input: Record<string, unknown> = { ...values };
    for (const f of dropped) delete input[f];
    if (extra) Object.defineProperty(input, extra, { value: 1, enumerable: true, configurable: true, writable: true });
    return input;
  });

describe('the autosave fast path (minutes.saveEntry)', () => {
  it('is taken for the usual autosave, and gives exactly what the schema gives', () => {
    expect(contract['minutes.saveEntry'].fast).toBe(entryFieldsFast);
    const fast = entryFieldsFast(typical);
    expect(fast).not.toBeNull();
    expect(JSON.stringify(fast)).toBe(JSON.stringify(entryFields.parse(typical)));
  });

  it('never accepts what the schema refuses, and never parses differently (key order included)', () => {
    let compared = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const fast = entryFieldsFast(input);
        if (fast === null) return;
        compared++;
        const parsed = entryFields.safeParse(input);
        expect(parsed.success).toBe(true);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(parsed.data));
        expect(fast).toEqual(parsed.data);
      }),
      { numRuns: 3000 },
    );
    expect(compared).toBeGreaterThan(50);
  });

  it('leaves to the schema what it is not sure of: a guest name, a class instance, an array, a string', () => {
    expect(entryFieldsFast({ ...typical, fromMemberId: null, fromGuest: '列席人员', type: 'comment' })).toBeNull();
    expect(entryFieldsFast(Object.assign(Object.create({ inherited: 1 }), typical))).toBeNull();
    expect(entryFieldsFast([typical])).toBeNull();
    expect(entryFieldsFast('typical')).toBeNull();
    expect(entryFieldsFast(null)).toBeNull();
  });
});
