import { describe, expect, it } from 'vitest';
import { coverage, DEFAULT_RULES, personTimes, requiredPairs, suggestType, summarize, type PairMember, type PairPerson } from './pairs';

const members: PairMember[] = [
  { id: 1, name: '书记', role: 'secretary', status: 'active' },
  { id: 2, name: '甲', role: 'deputy', status: 'active' },
  { id: 3, name: '乙', role: 'member', status: 'active' },
  { id: 4, name: '丙', role: 'member', status: 'active' },
];
const people: PairPerson[] = [
  { id: 10, name: '财政局长', kind: 'department_head', overseerMemberId: 2 },
  { id: 11, name: '教育局长', kind: 'department_head', overseerMemberId: 3 },
  { id: 12, name: '群众代表', kind: 'other', overseerMemberId: null },
];
const ids = (pairs: { a: string; b: string }[]) => pairs.map((p) => `${p.a}|${p.b}`).sort();

describe('required pairs', () => {
  it('pairs the 书记 with each member, members with each other and members with their department heads', () => {
    const pairs = requiredPairs(members, people, DEFAULT_RULES);
    expect(ids(pairs)).toEqual(['m1|m2', 'm1|m3', 'm1|m4', 'm2|m3', 'm2|m4', 'm2|p10', 'm3|m4', 'm3|p11'].sort());
    expect(pairs.find((p) => p.a === 'm1' && p.b === 'm2')?.rules).toEqual(['secretary_members']);
    expect(pairs.find((p) => p.b === 'p10')?.rules).toEqual(['member_departments']);
  });

  it('follows the rule set: only the 书记 rule gives three pairs', () => {
    const pairs = requiredPairs(members, people, { ...DEFAULT_RULES, membersEachOther: false, memberDepartments: false });
    expect(ids(pairs)).toEqual(['m1|m2', 'm1|m3', 'm1|m4']);
  });

  it('leaves out members who left and the department heads they oversaw', () => {
    const left = members.map((m) => (m.id === 2 ? { ...m, status: 'left' as const } : m));
    const pairs = requiredPairs(left, people, DEFAULT_RULES);
    expect(ids(pairs)).toEqual(['m1|m3', 'm1|m4', 'm3|m4', 'm3|p11'].sort());
  });

  it('adds a custom rule for every member, merging with pairs other rules already require', () => {
    const pairs = requiredPairs(members, people, {
      ...DEFAULT_RULES,
      extras: [
        { label: '与党员群众代表谈话', memberId: null, otherMemberId: null, otherPersonId: 12 },
        { label: '书记与甲再谈', memberId: 1, otherMemberId: 2, otherPersonId: null },
      ],
    });
    expect(pairs.filter((p) => p.b === 'p12').map((p) => p.a)).toEqual(['m1', 'm2', 'm3', 'm4']);
    const merged = pairs.find((p) => p.a === 'm1' && p.b === 'm2');
    expect(merged).toMatchObject({ rules: ['secretary_members', 'custom'], customLabels: ['书记与甲再谈'] });
    expect(pairs).toHaveLength(12);
  });

  it('ignores a custom rule naming someone who left or does not exist', () => {
    const pairs = requiredPairs(members, people, { ...DEFAULT_RULES, membersEachOther: false, secretaryMembers: false, memberDepartments: false, extras: [{ label: 'x', memberId: 99, otherMemberId: 1, otherPersonId: null }, { label: 'y', memberId: 1, otherMemberId: null, otherPersonId: 77 }] });
    expect(pairs).toEqual([]);
  });
});

describe('coverage and 人次', () => {
  const pairs = requiredPairs(members, people, { ...DEFAULT_RULES, membersEachOther: false, memberDepartments: false });

  it('counts a pair regardless of who started the talk, and how often', () => {
    const result = coverage(pairs, [
      { id: 1, date: '2026-11-20', participants: ['m2', 'm1'] },
      { id: 2, date: '2026-11-18', participants: ['m1', 'm2'] },
      { id: 3, date: '2026-11-21', participants: ['m3', 'm1'] },
    ]);
    expect(result.find((p) => p.b === 'm2')).toMatchObject({ count: 2, talkIds: [1, 2], firstDate: '2026-11-18' });
    expect(result.find((p) => p.b === 'm3')).toMatchObject({ count: 1 });
    expect(result.find((p) => p.b === 'm4')).toMatchObject({ count: 0, firstDate: null });
    expect(summarize(result)).toEqual({ required: 3, covered: 2, completedOn: null });
  });

  it('a talk with several 谈话对象 covers the 谈话人 with each, not the 谈话对象 with each other', () => {
    const all = requiredPairs(members, people, { ...DEFAULT_RULES, memberDepartments: false });
    const result = coverage(all, [{ id: 1, date: '2026-11-20', participants: ['m1', 'm2', 'm3', 'm4'] }]);
    expect(result.filter((p) => p.count > 0).map((p) => `${p.a}|${p.b}`)).toEqual(['m1|m2', 'm1|m3', 'm1|m4']);
  });

  it('is complete on the day the last pair was first covered', () => {
    const result = coverage(pairs, [
      { id: 1, date: '2026-11-20', participants: ['m1', 'm2'] },
      { id: 2, date: '2026-11-25', participants: ['m4', 'm1'] },
      { id: 3, date: '2026-11-22', participants: ['m1', 'm3'] },
      { id: 4, date: '2026-11-28', participants: ['m1', 'm3'] },
    ]);
    expect(summarize(result)).toEqual({ required: 3, covered: 3, completedOn: '2026-11-25' });
  });

  it('is never complete when nothing is required', () => {
    expect(summarize(coverage([], []))).toEqual({ required: 0, covered: 0, completedOn: null });
  });

  it('counts 人次 as the 谈话对象 of each talk', () => {
    expect(personTimes([{ participants: ['m1', 'm2'] }, { participants: ['m1', 'm2', 'm3'] }, { participants: ['m2', 'p10'] }])).toBe(4);
    expect(personTimes([])).toBe(0);
  });

  it('suggests the talk type from the participants', () => {
    expect(suggestType(['m2', 'm1'], members, people)).toBe('secretary_member');
    expect(suggestType(['m2', 'm3'], members, people)).toBe('member_member');
    expect(suggestType(['m2', 'p10'], members, people)).toBe('member_department');
    expect(suggestType(['m2', 'p12'], members, people)).toBe('other');
  });
});
