import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { DEMO_ASPECTS, DEMO_MEMBERS } from '../../../seeds/demo/team';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
});
afterEach(() => app.close());

const base = (teamId: number) => ({
  teamId,
  kind: 'annual' as const,
  trigger: null,
  triggerReason: '',
  year: 2026,
  theme: '年度民主生活会主题',
  date: '2026-12-20',
  startTime: '09:00',
  place: '会议室',
  hostMemberId: null,
  recorder: '记录员',
  quorumRatio: 2 / 3,
  aspects: [{ label: '在政治建设方面' }],
  guests: [],
});

describe('meetings', () => {
  it('the demo holds a special meeting after inspection with its aspects, guests and attendance', async () => {
    const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
    expect(meeting).toMatchObject({ kind: 'special', trigger: 'inspection', date: '2026-12-09', status: 'preparing' });
    expect(meeting.aspects.map((a) => a.label)).toEqual(DEMO_ASPECTS);
    expect(meeting.guests.filter((g) => g.kind === 'supervisor')).toHaveLength(2);
    const attendance = await app.must('attendance.get', { meetingId: app.ids.meetingId });
    expect(attendance).toMatchObject({ expected: DEMO_MEMBERS.length, present: DEMO_MEMBERS.length - 1, quorumMet: true });
  });

  it('keeps the ids of aspects that stay when the meeting is edited', async () => {
    const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
    const [first, second] = meeting.aspects;
    const input = {
      ...base(meeting.teamId),
      kind: meeting.kind,
      trigger: meeting.trigger,
      aspects: [{ id: second.id, label: '改写后的方面' }, { id: first.id, label: first.label }, { label: '新增方面' }],
    };
    const updated = await app.must('meetings.update', { id: meeting.id, meeting: input });
    expect(updated.aspects.map((a) => a.id).slice(0, 2)).toEqual([second.id, first.id]);
    expect(updated.aspects.map((a) => a.label)).toEqual(['改写后的方面', first.label, '新增方面']);
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a date in another format', { date: '2026/12/20' }, 'date'],
    ['an empty theme', { theme: '  ' }, 'theme'],
    ['a special meeting without trigger', { kind: 'special', trigger: null }, 'trigger'],
    ['a start time of 25:00', { startTime: '25:00' }, 'startTime'],
    ['a quorum over 100 %', { quorumRatio: 1.5 }, 'quorumRatio'],
    ['an oversized place', { place: '室'.repeat(101) }, 'place'],
  ])('refuses %s and writes nothing', async (_label, patch, path) => {
    const before = app.counts();
    const result = await app.call('meetings.create', { ...base(app.ids.teamId), ...patch } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.map((f) => f.path)).toContain(path);
    expect(app.counts()).toEqual(before);
  });

  it('refuses a chair who is not a member of the team, writing nothing', async () => {
    const other = await app.must('teams.create', { name: '另一党组', organ: 'party_group', unit: '' });
    const stranger = await app.must('members.create', { teamId: other.id, name: '外人', position: '', role: 'member', portfolio: '' });
    const before = app.counts();
    const result = await app.call('meetings.create', { ...base(app.ids.teamId), hostMemberId: stranger.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(app.counts()).toEqual(before);
  });

  it('computes deadlines from the meeting date and the offsets in settings', async () => {
    const dashboard = await app.must('meetings.dashboard', { id: app.ids.meetingId, today: '2026-11-27' });
    const plan = dashboard.steps.find((s) => s.key === 'plan')!;
    expect(plan).toMatchObject({ due: '2026-11-24', status: 'overdue' });
    expect(dashboard.steps.find((s) => s.key === 'opinions')).toMatchObject({ due: '2026-11-29', status: 'due' });
    expect(dashboard.steps.find((s) => s.key === 'report')).toMatchObject({ due: '2026-12-24', status: 'upcoming' });
    await app.must('settings.update', { stepOffsets: { plan: -10 } });
    const moved = await app.must('meetings.dashboard', { id: app.ids.meetingId, today: '2026-11-27' });
    expect(moved.steps.find((s) => s.key === 'plan')).toMatchObject({ due: '2026-11-29', status: 'due' });
  });

  it('marks a step done by hand and undoes it', async () => {
    const done = await app.must('meetings.markStep', { id: app.ids.meetingId, step: 'plan', doneOn: '2026-11-20' });
    expect(done.steps.find((s) => s.key === 'plan')).toMatchObject({ status: 'done', doneOn: '2026-11-20' });
    const undone = await app.must('meetings.markStep', { id: app.ids.meetingId, step: 'plan', doneOn: null });
    expect(undone.steps.find((s) => s.key === 'plan')?.status).not.toBe('done');
  });

  it('checks the quorum against the meeting threshold', async () => {
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    for (const m of members.slice(0, 3)) {
      await app.must('attendance.set', { meetingId: app.ids.meetingId, memberId: m.id, present: false, absenceReason: 'leave', note: '' });
    }
    const attendance = await app.must('attendance.get', { meetingId: app.ids.meetingId });
    expect(attendance.present).toBe(4);
    expect(attendance.quorumMet).toBe(false);
    const noReason = await app.call('attendance.set', { meetingId: app.ids.meetingId, memberId: members[5].id, present: false, absenceReason: null, note: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
  });
});
