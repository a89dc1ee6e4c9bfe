import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing';

let app: TestApp;
let meetingId: number;
let memberIds: number[];
beforeEach(async () => {
  app = await openTestApp();
  const team = await app.must('teams.create', { name: '中共某局党组', organ: 'party_group', unit: '' });
  memberIds = [];
  for (const [name, role] of [['甲', 'secretary'], ['乙', 'member']] as const) memberIds.push((await app.must('members.create', { teamId: team.id, name, position: '', role, portfolio: '' })).id);
  const meeting = await app.must('meetings.create', {
    teamId: team.id, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '主题', date: '2026-12-20', startTime: '', place: '', hostMemberId: null, recorder: '', quorumRatio: 2 / 3, aspects: [], guests: [],
  });
  meetingId = meeting.id;
});
afterEach(() => app.close());

const session = (patch: Record<string, unknown> = {}) => ({ date: '2026-12-01', form: 'center_group' as const, topic: '集中学习', hours: 2.5, notes: '', attendeeIds: memberIds, ...patch });

describe('study sessions', () => {
  it('records, edits and deletes a session; the dashboard step follows', async () => {
    let dashboard = await app.must('meetings.dashboard', { id: meetingId });
    expect(dashboard.steps.find((s) => s.key === 'study')?.status).not.toBe('done');
    const created = await app.must('study.create', { meetingId, session: session() });
    expect(created).toMatchObject({ form: 'center_group', hours: 2.5, attendeeNames: ['甲', '乙'] });
    dashboard = await app.must('meetings.dashboard', { id: meetingId });
    expect(dashboard.steps.find((s) => s.key === 'study')).toMatchObject({ status: 'done', doneOn: '2026-12-01', progress: '1' });
    const updated = await app.must('study.update', { id: created.id, session: session({ form: 'self_study', attendeeIds: [memberIds[1]], hours: null }) });
    expect(updated).toMatchObject({ form: 'self_study', hours: null, attendeeIds: [memberIds[1]] });
    await app.must('study.delete', { id: created.id });
    expect(await app.must('study.list', { meetingId })).toEqual([]);
  });

  it.each([
    ['an impossible date', { date: '2026-13-01' }],
    ['an empty topic', { topic: ' ' }],
    ['an unknown form', { form: 'party' }],
    ['30 hours', { hours: 30 }],
    ['an unknown attendee', { attendeeIds: [99999] }],
  ])('refuses %s and writes nothing', async (_label, patch) => {
    const before = app.counts();
    const result = await app.call('study.create', { meetingId, session: session(patch) } as never);
    expect(result.ok).toBe(false);
    expect(app.counts()).toEqual(before);
  });
});
