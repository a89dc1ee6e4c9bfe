import { describe, expect, it } from 'vitest';
import { entryDefaults, generateAgenda, plannedSpeakers } from './agenda';
import { criticismMatrix } from './matrix';
import type { MinutesMember } from './types';

const members: MinutesMember[] = [
  { id: 11, name: '周明华', position: '', role: 'deputy', present: true },
  { id: 10, name: '林向东', position: '', role: 'secretary', present: true },
  { id: 12, name: '陈晓燕', position: '', role: 'member', present: true },
  { id: 13, name: '赵立新', position: '', role: 'member', present: false },
];

describe('agenda generation', () => {
  it('follows the standard order with the 书记 first among the rounds, then team order', () => {
    const agenda = generateAgenda({ kind: 'annual', members });
    expect(agenda.map((a) => a.kind)).toEqual(['opening', 'last_year', 'opinions', 'inquiries', 'team_check', 'member_round', 'member_round', 'member_round', 'member_round', 'supervisor', 'pledge', 'summary']);
    expect(agenda.filter((a) => a.kind === 'member_round').map((a) => a.memberId)).toEqual([10, 11, 12, 13]);
    expect(agenda[5].title).toContain('林向东同志（书记）');
    expect(agenda[4].memberId).toBe(10);
  });

  it('leaves out 通报谈话函询情况 for a special meeting', () => {
    expect(generateAgenda({ kind: 'special', members }).some((a) => a.kind === 'inquiries')).toBe(false);
  });

  it('still builds an agenda for a team without a 书记', () => {
    const agenda = generateAgenda({ kind: 'special', members: members.filter((m) => m.role !== 'secretary') });
    expect(agenda.filter((a) => a.kind === 'member_round')).toHaveLength(3);
  });
});

describe('speaker flow', () => {
  const context = { members, hostMemberId: 10, supervisors: ['吴国平', '郑美玲'] };
  it('plans a round: self-criticism, the 书记 then others criticise, the member responds; absent members skipped', () => {
    const speakers = plannedSpeakers({ kind: 'member_round', memberId: 12 }, context);
    expect(speakers.map((s) => `${s.memberId}:${s.role}`)).toEqual(['12:self', '10:criticism', '11:criticism', '12:response']);
  });

  it('plans no speaker for the round of an absent member, and the supervisors by name', () => {
    expect(plannedSpeakers({ kind: 'member_round', memberId: 13 }, context)).toEqual([]);
    expect(plannedSpeakers({ kind: 'supervisor', memberId: null }, context).map((s) => s.guestName)).toEqual(['吴国平', '郑美玲']);
  });

  it('defaults a criticism to the current round target', () => {
    const speaker = plannedSpeakers({ kind: 'member_round', memberId: 12 }, context)[1];
    expect(entryDefaults({ kind: 'member_round', memberId: 12 }, speaker)).toEqual({ type: 'criticism', fromMemberId: 10, fromGuest: '', toMemberId: 12 });
  });
});

describe('criticism matrix', () => {
  it('counts criticisms with text per pair, per person and in total, and flags rounds without criticism', () => {
    const m = criticismMatrix(
      [
        { type: 'criticism', fromMemberId: 10, toMemberId: 12, text: '一' },
        { type: 'criticism', fromMemberId: 10, toMemberId: 12, text: '二' },
        { type: 'criticism', fromMemberId: 11, toMemberId: 12, text: '三' },
        { type: 'criticism', fromMemberId: 12, toMemberId: 10, text: '   ' },
        { type: 'self_criticism', fromMemberId: 12, toMemberId: 12, text: '自查' },
      ],
      [10, 11, 12],
    );
    expect(m.cells).toEqual({ '10>12': 2, '11>12': 1 });
    expect(m.received).toEqual({ 12: 3 });
    expect(m.given).toEqual({ 10: 2, 11: 1 });
    expect(m.total).toBe(3);
    expect(m.selfCriticisms).toBe(1);
    expect(m.uncriticised).toEqual([10, 11]);
  });
});
