import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { demoEvidencePdf } from '../../../seeds/demo/evidencePdf';
import type { SourceCandidate } from '../meetings/sources';
import type { Input } from '../../common/api';

let app: TestApp & { ids: DemoIds };
let offered: SourceCandidate[] = [];

beforeEach(async () => {
  app = await openDemoApp();
  // Start from an empty list: the demo's draft items are covered by the demo test.
  for (const item of (await app.must('rectification.get', { meetingId: app.ids.meetingId })).items) await app.must('rectification.deleteItem', { itemId: item.id });
  offered = [];
  // One more provider on this context proves the wiring without depending on the other features' tables.
  app.ctx.providers.sources.push(async (_ctx, meetingId) => (meetingId === app.ids.meetingId ? offered : []));
});
afterEach(async () => {
  await app.close();
});

type ItemInput = Input<'rectification.createItem'>['item'];
const item = (patch: Partial<ItemInput> = {}): ItemInput => ({
  aspectId: null,
  memberId: null,
  problem: '调查研究不够深入，到基层蹲点调研少',
  target: '全年每名班子成员蹲点调研不少于2次',
  measures: ['制定班子成员年度调研计划'],
  leaderIds: [],
  unit: '县政府办公室',
  ownerPerson: '',
  deadline: { kind: 'date', date: '2027-03-31' },
  note: '',
  ...patch,
});

async function members() {
  return app.must('members.list', { teamId: app.ids.teamId });
}

async function agreedList() {
  const [head, deputy] = await members();
  const list = await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ leaderIds: [head.id], ownerPerson: '黄海峰' }), sources: [] });
  await app.must('rectification.createItem', {
    meetingId: app.ids.meetingId,
    item: item({ problem: '=HYPERLINK("http://x","点我")', leaderIds: [deputy.id], ownerPerson: '财政局 李明', deadline: { kind: 'immediate', date: null } }),
    sources: [],
  });
  await app.must('rectification.agree', { meetingId: app.ids.meetingId, agreedOn: '2026-11-26', agreedBy: '林向东' });
  return list;
}

describe('rectification list', () => {
  it('links many sources to one item and one source to many items, keeping a verbatim snapshot', async () => {
    offered = [
      { type: 'opinion', id: 900011, text: '班子成员下基层调研偏少 ', aspectId: null, memberId: null, origin: '征求意见·座谈会' },
      { type: 'criticism', id: 900021, text: '周明华→林向东：调研“走马观花”', aspectId: null, memberId: null, origin: '周明华→林向东' },
    ];
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item(), sources: [{ type: 'opinion', id: 900011 }, { type: 'criticism', id: 900021 }] });
    const list = await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ problem: '另一问题' }), sources: [{ type: 'opinion', id: 900011 }] });
    expect(list.items[0].sources.map((s) => s.text)).toEqual(['班子成员下基层调研偏少 ', '周明华→林向东：调研“走马观花”']);
    expect(list.items[1].sources.map((s) => `${s.type}:${s.id}`)).toEqual(['opinion:900011']);
    const options = await app.must('rectification.sources', { meetingId: app.ids.meetingId });
    expect(options.find((o) => o.type === 'opinion' && o.id === 900011)?.usedBy).toEqual([1, 2]);
    // The source is later edited: the item keeps what was linked.
    offered[0] = { ...offered[0], text: '改写后的意见' };
    const again = await app.must('rectification.get', { meetingId: app.ids.meetingId });
    expect(again.items[0].sources[0].text).toBe('班子成员下基层调研偏少 ');
  });

  it('offers what the meeting marked 转为整改事项 first, flagged, whichever feature offers it', async () => {
    offered = [
      { type: 'opinion', id: 900031, text: '意见在前', aspectId: null, memberId: null, origin: '征求意见·座谈会' },
      { type: 'criticism', id: 900032, text: '会上批评，未转', aspectId: null, memberId: null, origin: '周明华→林向东' },
      { type: 'criticism', id: 900033, text: '会上批评，已转', aspectId: null, memberId: null, origin: '周明华→林向东', promoted: true },
    ];
    const options = (await app.must('rectification.sources', { meetingId: app.ids.meetingId })).filter((o) => o.id >= 900031 && o.id <= 900033);
    expect(options.map((o) => [o.id, o.promoted])).toEqual([[900033, true], [900031, false], [900032, false]]);
  });

  it('builds an item from a raw opinion, which its provider offers under a negative id', async () => {
    offered = [{ type: 'opinion', id: -125281983953407, text: '有的部署停留在转发文件', aspectId: null, memberId: null, origin: '征求意见·座谈会' }];
    const list = await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item(), sources: [{ type: 'opinion', id: -125281983953407 }] });
    expect(list.items[0].sources).toEqual([{ type: 'opinion', id: -125281983953407, text: '有的部署停留在转发文件', origin: '征求意见·座谈会' }]);
    const zero = await app.call('rectification.createItem', { meetingId: app.ids.meetingId, item: item(), sources: [{ type: 'opinion', id: 0 }] });
    expect(zero).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });

  it('marks a criticism promoted in the minutes adopted while an item uses it, and releases it when the item goes', async () => {
    const meetingId = app.ids.meetingId;
    let state = await app.must('minutes.prepare', { meetingId });
    const round = state.agenda.find((a) => a.kind === 'member_round')!;
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'item', itemId: round.id } });
    for (let i = 0; i < 5 && state.cursor.speech?.role !== 'criticism'; i++) state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    const saved = await app.must('minutes.saveEntry', {
      meetingId, key: 'adopt0000001', revision: 1, agendaItemId: round.id, type: 'criticism', fromMemberId: state.cursor.speech!.memberId, fromGuest: '',
      toMemberId: round.memberId, aspectId: null, text: '调查研究多是“打招呼”式的安排', draft: false,
    });
    await app.must('minutes.promote', { entryId: saved.id, promoted: true });
    const list = await app.must('rectification.createItem', { meetingId, item: item(), sources: [{ type: 'criticism', id: saved.id }] });
    expect(await app.call('minutes.promote', { entryId: saved.id, promoted: false })).toMatchObject({ ok: false, error: { code: 'minutes.promotionAdopted' } });
    await app.must('rectification.deleteItem', { itemId: list.items[0].id });
    expect((await app.must('minutes.promote', { entryId: saved.id, promoted: false })).promotedAt).toBeNull();
  });

  it('merges several items into one and splits one into several', async () => {
    offered = [{ type: 'opinion', id: 900005, text: '意见甲', aspectId: null, memberId: null, origin: '意见箱' }];
    const [head, deputy] = await members();
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ problem: '问题甲', leaderIds: [head.id] }), sources: [{ type: 'opinion', id: 900005 }] });
    const two = await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ problem: '问题乙', measures: ['措施乙'], leaderIds: [deputy.id] }), sources: [] });
    const merged = await app.must('rectification.merge', { itemIds: two.items.map((i) => i.id) });
    expect(merged.items).toHaveLength(1);
    expect(merged.items[0]).toMatchObject({ seq: 1, problem: '问题甲\n问题乙', measures: ['制定班子成员年度调研计划', '措施乙'] });
    expect(merged.items[0].leaders.map((l) => l.name)).toEqual([head.name, deputy.name]);
    const split = await app.must('rectification.split', { itemId: merged.items[0].id, problems: ['问题甲', '问题乙'] });
    expect(split.items.map((i) => [i.seq, i.problem, i.sources.length])).toEqual([
      [1, '问题甲', 1],
      [2, '问题乙', 1],
    ]);
  });

  it('refuses to agree while an item lacks a leader or a person in charge, naming the items, and writes nothing', async () => {
    const [head] = await members();
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ leaderIds: [head.id], ownerPerson: '张三' }), sources: [] });
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ ownerPerson: '' }), sources: [] });
    const before = app.counts();
    const result = await app.call('rectification.agree', { meetingId: app.ids.meetingId, agreedOn: '2026-11-26', agreedBy: '林向东' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rectification.missingOwners' } });
    if (!result.ok) {
      expect(result.error.message).toContain('第2项（缺责任领导、具体责任人）');
      expect(result.error.message).not.toContain('第1项');
    }
    expect(app.counts()).toEqual(before);
  });

  it('refuses an agreement date after today (in the user’s time zone), bilingual, and writes nothing', async () => {
    const [head] = await members();
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ leaderIds: [head.id], ownerPerson: '张三' }), sources: [] });
    const before = app.counts();
    // The test clock is 2026-11-27 09:00 in Beijing (01:00 UTC): the meeting day 12-09 has not come.
    const future = await app.call('rectification.agree', { meetingId: app.ids.meetingId, agreedOn: '2026-12-09', agreedBy: '林向东' });
    expect(future).toMatchObject({ ok: false, error: { code: 'rectification.agreedInFuture' } });
    if (!future.ok) {
      expect(future.error.message).toContain('2026年12月9日');
      expect(future.error.message).toContain('2026年11月27日');
      expect(future.error.messageEn).toContain('after today');
    }
    expect(app.counts()).toEqual(before);
    // Today is the user's: where it is still 26 November (Honolulu, 15:00 the day before), the 27th is refused too.
    await app.must('settings.update', { timeZone: 'Pacific/Honolulu' });
    expect(await app.call('rectification.agree', { meetingId: app.ids.meetingId, agreedOn: '2026-11-27', agreedBy: '林向东' })).toMatchObject({ ok: false, error: { code: 'rectification.agreedInFuture' } });
    expect(await app.call('settings.update', { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    await app.must('settings.update', { timeZone: 'Asia/Shanghai' });
    const agreed = await app.must('rectification.agree', { meetingId: app.ids.meetingId, agreedOn: '2026-11-27', agreedBy: '林向东' });
    expect(agreed.status).toBe('agreed');
  });

  it('refuses to agree an item without a measure or with its deadline not chosen (未定), naming the items, and writes nothing', async () => {
    const [head] = await members();
    const owners = { leaderIds: [head.id], ownerPerson: '张三' };
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item(owners), sources: [] });
    await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ ...owners, measures: [] }), sources: [] });
    // A draft may hold 未定 (限期 without a date): built from sources, nothing is chosen for the secretary.
    const draft = await app.must('rectification.createItem', { meetingId: app.ids.meetingId, item: item({ ...owners, deadline: { kind: 'date', date: null } }), sources: [] });
    expect(draft.items[2].deadline).toEqual({ kind: 'date', date: null });
    const before = app.counts();
    const result = await app.call('rectification.agree', { meetingId: app.ids.meetingId, agreedOn: '2026-11-26', agreedBy: '林向东' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rectification.missingOwners' } });
    if (!result.ok) {
      expect(result.error.message).toContain('第2项（缺整改措施）');
      expect(result.error.message).toContain('第3项（缺整改时限）');
      expect(result.error.message).not.toContain('第1项');
      expect(result.error.messageEn).toContain('#3 (deadline)');
    }
    expect(app.counts()).toEqual(before);
  });

  it('keeps the agreed version and logs who changed what and why afterwards', async () => {
    await agreedList();
    const list = await app.must('rectification.get', { meetingId: app.ids.meetingId });
    const first = list.items[0];
    const noReason = await app.call('rectification.updateItem', { itemId: first.id, patch: { deadline: { kind: 'date', date: '2027-06-30' } } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'rectification.reasonRequired' } });
    // Fields outside the agreed core change freely.
    await app.must('rectification.updateItem', { itemId: first.id, patch: { note: '已列入年度计划' } });
    await app.must('rectification.updateItem', { itemId: first.id, patch: { deadline: { kind: 'date', date: '2027-06-30' }, problem: first.problem }, change: { by: '郭文静', reason: '省里调研安排推迟' } });
    const history = await app.must('rectification.history', { itemId: first.id });
    expect(history.changes).toHaveLength(1);
    expect(history.changes[0]).toMatchObject({ by: '郭文静', reason: '省里调研安排推迟', field: 'deadline', before: '2027年3月31日', after: '2027年6月30日' });
    expect(history.agreed?.deadline).toEqual({ kind: 'date', date: '2027-03-31' });
    const agreed = await app.must('rectification.agreedVersion', { meetingId: app.ids.meetingId });
    expect(agreed?.items[0].deadline.date).toBe('2027-03-31');
    const deleted = await app.call('rectification.deleteItem', { itemId: first.id });
    expect(deleted).toMatchObject({ ok: false, error: { code: 'rectification.agreed' } });
  });

  it('derives overdue from the deadline and today, and counts completion on the dashboard', async () => {
    await agreedList();
    const early = await app.must('rectification.get', { meetingId: app.ids.meetingId, today: '2027-03-31' });
    expect(early.items.map((i) => i.overdue)).toEqual([false, false]);
    const late = await app.must('rectification.get', { meetingId: app.ids.meetingId, today: '2027-04-01' });
    expect(late.items.map((i) => i.overdue)).toEqual([true, false]);
    expect(late.stats).toMatchObject({ total: 2, overdue: 1, completionRate: 0 });
    await app.must('rectification.addProgress', { itemId: late.items[0].id, date: '2027-04-02', kind: 'progress', text: '调研计划已印发', by: '郭文静', statusTo: 'done_pending', acceptor: '', evidence: [{ name: '调研计划.pdf', file: demoEvidencePdf('plan') }] });
    const pending = await app.must('rectification.get', { meetingId: app.ids.meetingId, today: '2027-04-03' });
    expect(pending.items[0]).toMatchObject({ overdue: false, status: 'done_pending', progress: '调研计划已印发' });
    const closed = await app.must('rectification.addProgress', { itemId: late.items[0].id, date: '2027-04-10', kind: 'review', text: '验收合格', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [] });
    expect(closed.items[0]).toMatchObject({ status: 'closed', closedOn: '2027-04-10', acceptor: '何静' });
    expect(closed.stats.completionRate).toBe(50);
    const dashboard = await app.must('meetings.dashboard', { id: app.ids.meetingId });
    expect(dashboard.steps.find((s) => s.key === 'rectification')).toMatchObject({ status: 'done', doneOn: '2026-11-26' });
    const history = await app.must('rectification.history', { itemId: late.items[0].id });
    expect(history.progress.map((p) => [p.statusFrom, p.statusTo])).toEqual([
      ['not_started', 'done_pending'],
      ['done_pending', 'closed'],
    ]);
    expect(history.progress[0].evidence[0].name).toBe('调研计划.pdf');
  });

  it.each([
    ['closing without an acceptor', { statusTo: 'closed', acceptor: '' }],
    ['an impossible date', { date: '2027-02-30' }],
    ['an oversized text', { text: '字'.repeat(4001) }],
    ['an unknown status', { statusTo: 'finished' }],
    ['an unknown item', { itemId: 999999 }],
  ])('refuses progress with %s and writes nothing', async (_label, patch) => {
    await agreedList();
    const list = await app.must('rectification.get', { meetingId: app.ids.meetingId });
    const before = app.counts();
    const result = await app.call('rectification.addProgress', { itemId: list.items[0].id, date: '2027-01-05', kind: 'progress', text: '进展', by: '', statusTo: null, acceptor: '', evidence: [], ...patch } as never);
    expect(result.ok).toBe(false);
    expect(app.counts()).toEqual(before);
  });

  it.each([
    ['an empty problem', { problem: '   ' }],
    ['a leader from another team', { leaderIds: [999999] }],
    ['an aspect of another meeting', { aspectId: 999999 }],
  ])('refuses an item with %s and writes nothing', async (_label, patch) => {
    const before = app.counts();
    const result = await app.call('rectification.createItem', { meetingId: app.ids.meetingId, item: item(patch as Partial<ItemInput>), sources: [] });
    expect(result.ok).toBe(false);
    expect(app.counts()).toEqual(before);
  });

  it('refuses an unknown source and writes nothing', async () => {
    const before = app.counts();
    const result = await app.call('rectification.createItem', { meetingId: app.ids.meetingId, item: item(), sources: [{ type: 'opinion', id: 4242 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'rectification.unknownSource' } });
    expect(app.counts()).toEqual(before);
  });
});

describe('demo', () => {
  it("holds last year's agreed list followed up for a year, and this year's draft that cannot be agreed until every item has its owners", async () => {
    const fresh = await openDemoApp();
    try {
      const meetings = await fresh.must('meetings.list', { teamId: fresh.ids.teamId });
      const lastYear = meetings.find((m) => m.id !== fresh.ids.meetingId)!;
      const last = await fresh.must('rectification.get', { meetingId: lastYear.id });
      expect(last).toMatchObject({ status: 'agreed', stats: { total: 8, overdue: 1, byStatus: { closed: 4, done_pending: 1, ongoing: 1, in_progress: 2, not_started: 0 } } });
      expect(last.items.every((i) => i.leaders.length > 0 && i.ownerPerson !== '' && i.measures.length > 0)).toBe(true);
      expect(last.items.filter((i) => i.status === 'closed').every((i) => i.closedOn && i.acceptor)).toBe(true);
      // Built from the criticisms promoted in last year's minutes.
      const minutes = await fresh.must('minutes.console', { meetingId: lastYear.id });
      const promoted = minutes.entries.filter((e) => e.promotedAt).map((e) => e.id);
      expect(last.items.flatMap((i) => i.sources.filter((s) => s.type === 'criticism').map((s) => s.id))).toEqual(promoted);
      const changed = last.items.find((i) => i.changes > 0)!;
      expect((await fresh.must('rectification.history', { itemId: changed.id })).changes[0]).toMatchObject({ field: 'deadline', by: '郭文静' });
      const overdue = last.items.find((i) => i.overdue)!;
      expect((await fresh.must('rectification.history', { itemId: overdue.id })).progress.map((p) => p.kind)).toContain('supervision');

      const list = await fresh.must('rectification.get', { meetingId: fresh.ids.meetingId });
      expect(list.status).toBe('draft');
      expect(list.items).toHaveLength(5);
      const carried = list.items.find((i) => i.sources.some((s) => s.type === 'last_year'))!;
      expect(carried).toMatchObject({ problem: overdue.problem, overdue: false });
      const report = await fresh.must('rectification.carryOver', { meetingId: fresh.ids.meetingId });
      expect(report.paragraphs[0]).toBe(`${lastYear.year}年度民主生活会共查摆问题8个，制定整改措施16条。截至2026年11月27日，已完成整改并销号4项，已完成待验收1项，需长期坚持1项，正在推进2项。`);
      expect(report.paragraphs.join('')).not.toContain('。。');
      expect(report.open.find((o) => o.id === overdue.id)?.carried).toBe(true);
      const refused = await fresh.call('rectification.agree', { meetingId: fresh.ids.meetingId, agreedOn: '2026-11-26', agreedBy: '林向东' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'rectification.missingOwners' } });
    } finally {
      await fresh.close();
    }
  });
});
