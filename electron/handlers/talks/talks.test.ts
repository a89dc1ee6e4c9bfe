import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { collectFacts } from '../meetings/facts';
import { collectSources } from '../meetings/sources';

let app: TestApp & { ids: DemoIds };
let members: { id: number; name: string }[];
beforeEach(async () => {
  app = await openDemoApp();
  members = await app.must('members.list', { teamId: app.ids.teamId });
});
afterEach(() => app.close());

const talk = (a: number, b: number, patch: Record<string, unknown> = {}) => ({
  date: '2026-11-26',
  place: '县政府小会议室',
  type: 'member_member' as const,
  topic: '交心谈心',
  agreed: '互相监督整改',
  recorder: '郭文静',
  participants: [
    { memberId: a, personId: null, points: `${a}提出的意见` },
    { memberId: b, personId: null, points: `${b}提出的意见` },
  ],
  ...patch,
});

describe('talks on the demo meeting', () => {
  it('shows the demo coverage with a few required pairs missing and the step not done', async () => {
    const c = await app.must('talks.coverage', { meetingId: app.ids.meetingId });
    // 8 members: 7 书记 pairs + 21 member pairs + 3 department heads.
    expect(c.required).toBe(31);
    expect(c.covered).toBe(27);
    expect(c.personTimes).toBe(27);
    const dashboard = await app.must('meetings.dashboard', { id: app.ids.meetingId });
    expect(dashboard.steps.find((s) => s.key === 'talks')).toMatchObject({ derived: true, progress: '27/31' });
    expect(dashboard.steps.find((s) => s.key === 'talks')?.status).not.toBe('done');
    expect(dashboard.steps.find((s) => s.key === 'study')).toMatchObject({ status: 'done', progress: '3' });
  });

  it('turns the step done when the missing pairs are talked, whoever starts the talk', async () => {
    const c = await app.must('talks.coverage', { meetingId: app.ids.meetingId });
    for (const pair of c.pairs.filter((p) => p.count === 0)) {
      const keys = [pair.b, pair.a]; // the later one starts the talk
      const participants = keys.map((k) => ({ memberId: k[0] === 'm' ? Number(k.slice(1)) : null, personId: k[0] === 'p' ? Number(k.slice(1)) : null, points: '' }));
      await app.must('talks.create', { meetingId: app.ids.meetingId, talk: { ...talk(0, 0), date: '2026-11-27', participants } });
    }
    const done = await app.must('meetings.dashboard', { id: app.ids.meetingId });
    expect(done.steps.find((s) => s.key === 'talks')).toMatchObject({ status: 'done', progress: '31/31', doneOn: '2026-11-27' });
    const facts = await collectFacts(app.ctx, app.ids.meetingId);
    expect(facts.talks).toEqual({ talks: 31, personTimes: 31, requiredPairs: 31, coveredPairs: 31 });
    expect(facts.study).toEqual({ sessions: 3, byForm: [{ form: 'center_group', count: 1 }, { form: 'seminar', count: 1 }, { form: 'lecture', count: 1 }] });
  });

  it('drops pairs of a member who left and counts a custom rule', async () => {
    const zhao = members[4];
    await app.must('members.setStatus', { id: zhao.id, status: 'left', leftOn: '2026-11-20' });
    let c = await app.must('talks.coverage', { meetingId: app.ids.meetingId });
    expect(c.required).toBe(31 - 7);
    expect(c.pairs.some((p) => p.a === `m${zhao.id}` || p.b === `m${zhao.id}`)).toBe(false);
    expect(c.talks).toBe(27); // his talks stay on record
    const rep = await app.must('talkPeople.create', { teamId: app.ids.teamId, person: { kind: 'other', name: '党员群众代表', department: '', position: '', overseerMemberId: null } });
    c = await app.must('talks.setRules', {
      meetingId: app.ids.meetingId,
      rules: { secretaryMembers: true, membersEachOther: false, memberDepartments: false, extras: [{ label: '与党员群众代表谈话', memberId: null, otherMemberId: null, otherPersonId: rep.id }] },
    });
    expect(c.required).toBe(6 + 7);
    expect(c.rules.extras).toMatchObject([{ label: '与党员群众代表谈话', otherPersonId: rep.id }]);
    expect(c.pairs.filter((p) => p.rules.includes('custom'))).toHaveLength(7);
  });

  it('edits and deletes a talk', async () => {
    const created = await app.must('talks.create', { meetingId: app.ids.meetingId, talk: talk(members[4].id, members[5].id) });
    expect(created.participants.map((p) => p.name)).toEqual([members[4].name, members[5].name]);
    const updated = await app.must('talks.update', { id: created.id, talk: talk(members[5].id, members[4].id, { topic: '改过的主题' }) });
    expect(updated).toMatchObject({ topic: '改过的主题', participants: [{ memberId: members[5].id }, { memberId: members[4].id }] });
    await app.must('talks.delete', { id: created.id });
    expect(await app.call('talks.delete', { id: created.id })).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('offers talk points as rectification sources, verbatim', async () => {
    const sources = (await collectSources(app.ctx, app.ids.meetingId)).filter((s) => s.type === 'talk');
    expect(sources.length).toBe(27 * 2);
    const first = sources[0];
    expect(first.origin).toMatch(/^谈心谈话·.+→.+$/);
    expect(first.memberId).not.toBeNull();
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, 'talk.date'],
    ['a talk with one person', { participants: [{ memberId: 1, personId: null, points: '' }] }, 'talk.participants'],
    ['the same person twice', { participants: [{ memberId: 1, personId: null, points: '' }, { memberId: 1, personId: null, points: '' }] }, 'talk.participants'],
    ['a participant who is neither member nor person', { participants: [{ memberId: null, personId: null, points: '' }, { memberId: 1, personId: null, points: '' }] }, 'talk.participants.0'],
    ['an unknown type', { type: 'chat' }, 'talk.type'],
    ['oversized points', { participants: [{ memberId: 1, personId: null, points: '话'.repeat(5001) }, { memberId: 2, personId: null, points: '' }] }, 'talk.participants.0.points'],
  ])('refuses %s and writes nothing', async (_label, patch, path) => {
    const before = app.counts();
    const result = await app.call('talks.create', { meetingId: app.ids.meetingId, talk: talk(members[0].id, members[1].id, patch) } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields?.map((f) => f.path)).toContain(path);
    expect(app.counts()).toEqual(before);
  });

  it('refuses unknown or foreign member ids and people, writing nothing', async () => {
    const other = await app.must('teams.create', { name: '另一党组', organ: 'party_group', unit: '' });
    const stranger = await app.must('members.create', { teamId: other.id, name: '外人', position: '', role: 'member', portfolio: '' });
    const foreignHead = await app.must('talkPeople.create', { teamId: other.id, person: { kind: 'department_head', name: '外部局长', department: '外局', position: '', overseerMemberId: stranger.id } });
    const before = app.counts();
    for (const participants of [
      [{ memberId: members[0].id, personId: null, points: '' }, { memberId: 99999, personId: null, points: '' }],
      [{ memberId: members[0].id, personId: null, points: '' }, { memberId: stranger.id, personId: null, points: '' }],
      [{ memberId: members[0].id, personId: null, points: '' }, { memberId: null, personId: foreignHead.id, points: '' }],
    ]) {
      expect(await app.call('talks.create', { meetingId: app.ids.meetingId, talk: talk(0, 0, { participants }) })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    }
    expect(await app.call('talks.create', { meetingId: 99999, talk: talk(members[0].id, members[1].id) })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await app.call('talks.setRules', { meetingId: app.ids.meetingId, rules: { secretaryMembers: true, membersEachOther: true, memberDepartments: true, extras: [{ label: 'x', memberId: stranger.id, otherMemberId: members[0].id, otherPersonId: null }] } })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await app.call('talkPeople.create', { teamId: app.ids.teamId, person: { kind: 'department_head', name: '某局长', department: '', position: '', overseerMemberId: stranger.id } })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(app.counts()).toEqual(before);
  });

  it('keeps an outside person who appears in a talk, and deletes one who does not', async () => {
    const people = await app.must('talkPeople.list', { teamId: app.ids.teamId });
    expect(people.map((p) => p.department)).toEqual(['县财政局', '县教育局', '县农业农村局']);
    const before = app.counts();
    expect(await app.call('talkPeople.delete', { id: people[0].id })).toMatchObject({ ok: false, error: { code: 'talkPeople.inUse' } });
    expect(app.counts()).toEqual(before);
    await app.must('talkPeople.delete', { id: people[2].id });
    const c = await app.must('talks.coverage', { meetingId: app.ids.meetingId });
    expect(c.required).toBe(30);
    expect(c.covered).toBe(27);
  });

  it('the file itself refuses impossible dates, talks with nobody and study sessions of 30 hours', () => {
    const db = app.connection.sqlite;
    const before = app.counts();
    const at = '2026-11-27T00:00:00Z';
    expect(() => db.prepare("INSERT INTO talks (meeting_id, date, type, created_at, updated_at) VALUES (?, '2026-02-30', 'other', ?, ?)").run(app.ids.meetingId, at, at)).toThrow(/CHECK/);
    const talkId = (db.prepare('SELECT id FROM talks LIMIT 1').get() as { id: number }).id;
    expect(() => db.prepare('INSERT INTO talk_participants (talk_id, sort_order, member_id, person_id) VALUES (?, 9, NULL, NULL)').run(talkId)).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO study_sessions (meeting_id, date, form, topic, hours, created_at, updated_at) VALUES (?, '2026-11-20', 'seminar', '研讨', 30, ?, ?)").run(app.ids.meetingId, at, at)).toThrow(/CHECK/);
    expect(app.counts()).toEqual(before);
  });
});
