/**
 * The 通报征求意见情况 paragraph and the 通报上年度整改落实情况 passage never state anything untrue: ≥ 500 generated
 * figure sets each, every sentence checked by an oracle written apart (paragraphOracles.ts). The same oracles check
 * these passages for meeting states built through the real handlers in report.property.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opinionsParagraph } from '../../common/opinions/paragraph';
import { OPINION_CHANNELS } from '../../common/opinions/vocab';
import { carryOverParagraphs } from '../../common/rectification/carryOver';
import { ITEM_STATUSES } from '../../common/rectification/model';
import { checkCarryOver, checkOpinionsParagraph, type CarryOverTruth } from './paragraphOracles';

const opinionFigures = fc
  .record({
    raw: fc.integer({ min: 0, max: 300 }),
    unsortedShare: fc.constantFrom(0, 0, 0.1, 0.5, 1),
    mergeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    teamShare: fc.double({ min: 0, max: 1, noNaN: true }),
    channels: fc.subarray([...OPINION_CHANNELS]),
    forms: fc.constantFrom([0, 0], [110, 63], [20, 20]),
  })
  .map((g) => {
    const unsorted = Math.floor(g.raw * g.unsortedShare);
    const sortedRaw = g.raw - unsorted;
    const merged = sortedRaw === 0 ? 0 : Math.max(1, Math.round(sortedRaw * g.mergeShare));
    const consolidated = merged + unsorted;
    const consolidatedToTeam = Math.floor(consolidated * g.teamShare);
    const rawToTeam = Math.floor(g.raw * g.teamShare);
    return {
      raw: g.raw,
      unsorted,
      consolidated,
      consolidatedToTeam,
      consolidatedToMembers: consolidated - consolidatedToTeam,
      rawToTeam,
      rawToMembers: g.raw - rawToTeam,
      channels: g.raw === 0 ? [] : g.channels,
      formsIssued: g.forms[0],
      formsReturned: g.forms[1],
    };
  });

const PROBLEMS = ['调查研究不够深入', '精文减会落实不到位；', '一线调研偏少。', '1.5亿元专项资金使用不规范'];
const carryOverTruth: fc.Arbitrary<CarryOverTruth> = fc
  .record({
    label: fc.constantFrom('2025年度民主生活会', '2025年6月10日召开的巡察整改专题民主生活会'),
    agreed: fc.boolean(),
    day: fc.constantFrom('2026-11-27', '2027-12-01'),
    items: fc.array(
      fc.record({
        problem: fc.constantFrom(...PROBLEMS),
        measures: fc.nat(3),
        status: fc.constantFrom(...ITEM_STATUSES),
        overdue: fc.boolean(),
        leaders: fc.subarray(['林向东', '周文华', '陈建国']),
        ownerPerson: fc.constantFrom('', '黄海峰', '  '),
        progress: fc.constantFrom('', '制度修订稿待县政府常务会审议', '已完成专项督查。', '  '),
        acceptor: fc.constantFrom('', '何静'),
      }),
      { maxLength: 8 },
    ),
  })
  .map((g) => ({
    ...g,
    items: g.items.map((i, k) => ({
      ...i,
      seq: k + 1,
      overdue: i.overdue && (i.status === 'not_started' || i.status === 'in_progress'),
      closedOn: i.status === 'closed' ? '2026-03-20' : null,
      acceptor: i.status === 'closed' ? i.acceptor : '',
    })),
  }));

describe('generated passages as properties', () => {
  it('通报征求意见情况: only figures the data supports, 梳理归纳 only once sorted (600 figure sets)', () => {
    fc.assert(
      fc.property(opinionFigures, (f) => {
        expect(checkOpinionsParagraph(opinionsParagraph(f), f)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('通报上年度整改落实情况: every item told once, as it stands, with its real progress (600 lists)', () => {
    fc.assert(
      fc.property(carryOverTruth, (t) => {
        const paragraphs = carryOverParagraphs({ meetingLabel: t.label, agreed: t.agreed, day: t.day, items: t.items });
        expect(checkCarryOver(paragraphs, t)).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });
});
