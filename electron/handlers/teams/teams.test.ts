import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(() => app.close());

describe('teams and members', () => {
  it('creates a team and members in order, with one secretary only', async () => {
    const team = await app.must('teams.create', { name: ' 中共某县人民政府党组 ', organ: 'party_group', unit: '某县人民政府' });
    expect(team.name).toBe('中共某县人民政府党组');
    const a = await app.must('members.create', { teamId: team.id, name: '甲', position: '县长', role: 'secretary', portfolio: '' });
    const b = await app.must('members.create', { teamId: team.id, name: '乙', position: '副县长', role: 'member', portfolio: '教育' });
    expect([a.sortOrder, b.sortOrder]).toEqual([1, 2]);
    const second = await app.call('members.create', { teamId: team.id, name: '丙', position: '', role: 'secretary', portfolio: '' });
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.error.code).toBe('members.secretaryExists');
      expect(second.error.message).toContain('甲');
      expect(second.error.messageEn).toContain('secretary');
    }
    expect((await app.must('teams.list', {}))[0].memberCount).toBe(2);
  });

  it('reorders members and keeps those who left out of the active list', async () => {
    const team = await app.must('teams.create', { name: '党组', organ: 'party_group', unit: '' });
    const ids: number[] = [];
    for (const name of ['甲', '乙', '丙']) ids.push((await app.must('members.create', { teamId: team.id, name, position: '', role: 'member', portfolio: '' })).id);
    await app.must('members.reorder', { teamId: team.id, order: [ids[2], ids[0], ids[1]] });
    expect((await app.must('members.list', { teamId: team.id })).map((m) => m.name)).toEqual(['丙', '甲', '乙']);
    await app.must('members.setStatus', { id: ids[0], status: 'left', leftOn: '2026-10-01' });
    expect((await app.must('members.list', { teamId: team.id })).map((m) => m.name)).toEqual(['丙', '乙']);
    const all = await app.must('members.list', { teamId: team.id, includeLeft: true });
    expect(all.find((m) => m.id === ids[0])).toMatchObject({ status: 'left', leftOn: '2026-10-01' });
  });

  it('refuses a reorder that names a member of another team, changing nothing', async () => {
    const t1 = await app.must('teams.create', { name: '党组一', organ: 'party_group', unit: '' });
    const t2 = await app.must('teams.create', { name: '党组二', organ: 'party_group', unit: '' });
    const m1 = await app.must('members.create', { teamId: t1.id, name: '甲', position: '', role: 'member', portfolio: '' });
    const m2 = await app.must('members.create', { teamId: t2.id, name: '乙', position: '', role: 'member', portfolio: '' });
    const result = await app.call('members.reorder', { teamId: t1.id, order: [m2.id, m1.id] });
    expect(result).toMatchObject({ ok: false, error: { code: 'members.badOrder' } });
  });

  it.each([
    ['an empty name', { name: '   ', organ: 'party_group', unit: '' }, 'name'],
    ['a name over 100 characters', { name: '党'.repeat(101), organ: 'party_group', unit: '' }, 'name'],
    ['an unknown organ', { name: '党组', organ: 'club', unit: '' }, 'organ'],
    ['a number for a name', { name: 42, organ: 'party_group', unit: '' }, 'name'],
    ['an extra field', { name: '党组', organ: 'party_group', unit: '', admin: true }, ''],
  ])('refuses %s with a bilingual message and writes nothing', async (_label, input, path) => {
    const before = app.counts();
    const result = await app.call('teams.create', input as never);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalidInput');
      expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(result.error.messageEn).toMatch(/[a-z]/i);
      expect(result.error.fields?.some((f) => f.path === path)).toBe(true);
    }
    expect(app.counts()).toEqual(before);
  });

  it('answers unknown ids and unknown channels with clear errors', async () => {
    expect(await app.call('members.list', { teamId: 999 })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await app.call('teams.drop' as never, {} as never)).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
  });
});

describe('dispatch', () => {
  it('undoes every write of a call that fails halfway', async () => {
    const meeting = await app.must('meetings.create', {
      teamId: (await app.must('teams.create', { name: '党组', organ: 'party_group', unit: '' })).id,
      kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '主题', date: '2026-12-20', startTime: '', place: '',
      hostMemberId: null, recorder: '', quorumRatio: 0.7, aspects: [], guests: [],
    });
    const before = app.counts();
    // Stepping back before the meeting has started: the console prepares its agenda (writes), then refuses.
    const result = await app.call('minutes.advance', { meetingId: meeting.id, to: { mode: 'previousSpeaker' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'minutes.notStarted' } });
    expect(app.counts()).toEqual(before);
  });

  it('loads the demo in one call from the first-run screen, and refuses a second time', async () => {
    const first = await app.call('app.loadDemo', {});
    expect(first.ok).toBe(true);
    const before = app.counts();
    expect(await app.call('app.loadDemo', {})).toMatchObject({ ok: false, error: { code: 'demo.notEmpty' } });
    expect(app.counts()).toEqual(before);
  });

  it('runs calls made at the same moment one after another, each complete', async () => {
    const team = await app.must('teams.create', { name: '党组', organ: 'party_group', unit: '' });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => app.call('members.create', { teamId: team.id, name: `成员${i}`, position: '', role: 'member', portfolio: '' })));
    expect(results.every((r) => r.ok)).toBe(true);
    const orders = (await app.must('members.list', { teamId: team.id })).map((m) => m.sortOrder);
    expect(new Set(orders).size).toBe(20);
  });
});
