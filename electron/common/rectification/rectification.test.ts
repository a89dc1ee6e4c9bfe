import { describe, expect, it } from 'vitest';
import { deadlineText, groupItems, isOverdue, listStats, scopeItems, statusFromLabel, type Deadline, type ItemStatus } from './index';

const d = (kind: Deadline['kind'], date: string | null = null): Deadline => ({ kind, date });

describe('overdue is derived', () => {
  it.each([
    [d('date', '2027-03-31'), 'in_progress', '2027-03-31', false],
    [d('date', '2027-03-31'), 'in_progress', '2027-04-01', true],
    [d('date', '2027-03-31'), 'not_started', '2028-01-01', true],
    [d('date', '2027-03-31'), 'done_pending', '2027-05-01', false],
    [d('date', '2027-03-31'), 'closed', '2027-05-01', false],
    [d('immediate'), 'not_started', '2030-01-01', false],
    [d('immediate', '2027-01-15'), 'not_started', '2027-01-16', true],
    [d('ongoing', '2027-01-15'), 'ongoing', '2030-01-01', false],
  ] as [Deadline, ItemStatus, string, boolean][])('%o %s on %s → %s', (deadline, status, today, expected) => {
    expect(isOverdue({ deadline, status }, today)).toBe(expected);
  });
});

describe('stats, labels and grouping', () => {
  it('counts completion as 销号 over everything but 长期坚持', () => {
    const items = [
      { deadline: d('date', '2027-01-01'), status: 'closed' as const },
      { deadline: d('date', '2027-01-01'), status: 'in_progress' as const },
      { deadline: d('date', '2027-01-01'), status: 'done_pending' as const },
      { deadline: d('ongoing'), status: 'ongoing' as const },
    ];
    expect(listStats(items, '2027-02-01')).toMatchObject({ total: 4, overdue: 1, completionRate: 33.3 });
    expect(listStats([], '2027-02-01').completionRate).toBeNull();
  });

  it('writes deadlines the GB/T 9704 way and reads status labels back', () => {
    expect(deadlineText(d('date', '2027-01-05'))).toBe('2027年1月5日');
    expect(deadlineText(d('immediate'))).toBe('立行立改');
    expect(deadlineText(d('immediate', '2027-01-15'))).toBe('立行立改（2027年1月15日前）');
    expect(statusFromLabel(' 已销号 ')).toBe('closed');
    expect(statusFromLabel('基本完成')).toBeNull();
  });

  it('groups by leader (an item under each of its leaders) and scopes to the team or one member', () => {
    const base = { aspectId: 1, aspectLabel: '方面一', unit: '办公室' };
    const items = [
      { ...base, id: 1, seq: 1, memberId: null, leaders: [{ memberId: 7, name: '周' }, { memberId: 5, name: '林' }] },
      { ...base, id: 2, seq: 2, memberId: 7, leaders: [{ memberId: 7, name: '周' }], aspectId: 2, aspectLabel: '方面二' },
      { ...base, id: 3, seq: 3, memberId: null, leaders: [], unit: '' },
    ];
    const byLeader = groupItems(items, 'leader', { members: [5, 7] });
    expect(byLeader.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['林', [1]],
      ['周', [1, 2]],
      ['（未归类）', [3]],
    ]);
    expect(groupItems(items, 'aspect', { aspects: [2, 1] }).map((g) => g.label)).toEqual(['方面二', '方面一']);
    expect(scopeItems(items, 'team').map((i) => i.id)).toEqual([1, 3]);
    expect(scopeItems(items, 7).map((i) => i.id)).toEqual([2]);
  });
});
