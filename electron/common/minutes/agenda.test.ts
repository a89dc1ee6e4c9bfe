import { describe, expect, it } from 'vitest';
import { entryAddress, entryDefaults, generateAgenda, plannedSpeakers } from './agenda';
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

  it('types the host’s opening and summary 主持, and addresses nobody with a self-criticism or a response', () => {
    for (const kind of ['opening', 'summary'] as const) {
      const [host] = plannedSpeakers({ kind, memberId: null }, context);
      expect(entryDefaults({ kind, memberId: null }, host)).toEqual({ type: 'host', fromMemberId: 10, fromGuest: '', toMemberId: null });
    }
    const round = plannedSpeakers({ kind: 'member_round', memberId: 12 }, context);
    expect(entryDefaults({ kind: 'member_round', memberId: 12 }, round[0])).toMatchObject({ type: 'self_criticism', fromMemberId: 12, toMemberId: null });
    expect(entryDefaults({ kind: 'member_round', memberId: 12 }, round.at(-1)!)).toMatchObject({ type: 'response', fromMemberId: 12, toMemberId: null });
  });

  it('types the words under an extra 通报 item (this year’s rules) 通报, and other added items 其他', () => {
    const notice = { kind: 'other' as const, memberId: null, title: '通报中央八项规定精神学习教育整改整治情况' };
    const [reporter] = plannedSpeakers(notice, context);
    expect(entryDefaults(notice, reporter)).toEqual({ type: 'report', fromMemberId: 10, fromGuest: '', toMemberId: null });
    const added = { kind: 'other' as const, memberId: null, title: '传达上级有关精神' };
    expect(entryDefaults(added, plannedSpeakers(added, context)[0])).toMatchObject({ type: 'other', fromMemberId: 10 });
  });
});

describe('what the composer says the entry will be', () => {
  const names: Record<number, string> = { 10: '林向东', 11: '周明华', 12: '王建国' };
  const nameOf = (id: number | null) => (id === null ? '' : (names[id] ?? ''));
  const round = { kind: 'member_round' as const, memberId: 12 };
  const say = (entry: Parameters<typeof entryAddress>[0], item: Parameters<typeof entryAddress>[1] = round) =>
    entryAddress(entry, item, nameOf).map((p) => `${p.role}:${p.name || p.what}`);

  it('a response names the responder and the criticisms of his round, never 被批评人 himself', () => {
    expect(say({ type: 'response', fromMemberId: 12, fromGuest: '', toMemberId: null })).toEqual(['responder:王建国', 'answers:round']);
    // Entries stored before data version 12 addressed the response to the responder: still not a person criticising himself.
    expect(say({ type: 'response', fromMemberId: 12, fromGuest: '', toMemberId: 12 })).toEqual(['responder:王建国', 'answers:round']);
    expect(say({ type: 'response', fromMemberId: 11, fromGuest: '', toMemberId: null }, { kind: 'pledge', memberId: null })).toEqual(['responder:周明华']);
  });

  it('a criticism reads 批评人 → 被批评人; a self-criticism, a report and the host’s words name the speaker only', () => {
    expect(say({ type: 'criticism', fromMemberId: 10, fromGuest: '', toMemberId: 12 })).toEqual(['from:林向东', 'to:王建国']);
    // Nobody criticises himself: the chip asks for the 被批评人 instead.
    expect(say({ type: 'criticism', fromMemberId: 12, fromGuest: '', toMemberId: 12 })).toEqual(['from:王建国', 'to:choose']);
    expect(say({ type: 'self_criticism', fromMemberId: 12, fromGuest: '', toMemberId: 12 })).toEqual(['selfCritic:王建国']);
    expect(say({ type: 'report', fromMemberId: 10, fromGuest: '', toMemberId: null }, { kind: 'last_year', memberId: null })).toEqual(['reporter:林向东']);
    expect(say({ type: 'host', fromMemberId: 10, fromGuest: '', toMemberId: null }, { kind: 'opening', memberId: null })).toEqual(['host:林向东']);
    expect(say({ type: 'comment', fromMemberId: null, fromGuest: '吴国平', toMemberId: 12 })).toEqual(['commenter:吴国平', 'about:王建国']);
  });
});

describe('criticism matrix', () => {
  it('counts criticisms with text per pair, per person and in total, and flags the rounds in which nobody criticised their member', () => {
    // Rounds: 10 in item 1, 11 in item 2, 12 in item 3; item 9 is the 班子 对照检查.
    const m = criticismMatrix(
      [
        { agendaItemId: 3, type: 'criticism', fromMemberId: 10, toMemberId: 12, text: '一' },
        { agendaItemId: 3, type: 'criticism', fromMemberId: 10, toMemberId: 12, text: '二' },
        { agendaItemId: 3, type: 'criticism', fromMemberId: 11, toMemberId: 12, text: '三' },
        { agendaItemId: 1, type: 'criticism', fromMemberId: 12, toMemberId: 10, text: '   ' },
        { agendaItemId: 3, type: 'self_criticism', fromMemberId: 12, toMemberId: 12, text: '自查' },
        // Criticised outside his own round, and by a guest: counted as received, but his round stays silent.
        { agendaItemId: 9, type: 'criticism', fromMemberId: 12, toMemberId: 11, text: '四' },
        { agendaItemId: 2, type: 'criticism', fromMemberId: null, toMemberId: 10, text: '督导组：五' },
      ],
      [
        { itemId: 1, memberId: 10 },
        { itemId: 2, memberId: 11 },
        { itemId: 3, memberId: 12 },
      ],
    );
    expect(m.cells).toEqual({ '10>12': 2, '11>12': 1, '12>11': 1 });
    expect(m.received).toEqual({ 10: 1, 11: 1, 12: 3 });
    expect(m.receivedFromMembers).toEqual({ 11: 1, 12: 3 });
    expect(m.given).toEqual({ 10: 2, 11: 1, 12: 1 });
    expect(m.total).toBe(5);
    // 「相互提出」 counts members only; the 督导组's is apart.
    expect(m.mutual).toBe(4);
    expect(m.fromGuests).toBe(1);
    expect(m.selfCriticisms).toBe(1);
    expect(m.roundReceived).toEqual({ 1: 0, 2: 0, 3: 3 });
    expect(m.silentRounds).toEqual([
      { itemId: 1, memberId: 10 },
      { itemId: 2, memberId: 11 },
    ]);
  });

  it('does not count a round as heard when only a guest criticised, nor a member criticising himself', () => {
    const m = criticismMatrix(
      [
        { agendaItemId: 1, type: 'criticism', fromMemberId: null, toMemberId: 10, text: '督导组：批评一' },
        { agendaItemId: 1, type: 'criticism', fromMemberId: 10, toMemberId: 10, text: '自己批评自己' },
        { agendaItemId: 2, type: 'criticism', fromMemberId: 10, toMemberId: 11, text: '批评二' },
      ],
      [
        { itemId: 1, memberId: 10 },
        { itemId: 2, memberId: 11 },
      ],
    );
    expect(m.total).toBe(3);
    expect(m.mutual).toBe(1);
    expect(m.fromGuests).toBe(1);
    expect(m.roundReceived).toEqual({ 1: 0, 2: 1 });
    expect(m.silentRounds).toEqual([{ itemId: 1, memberId: 10 }]);
  });
});
