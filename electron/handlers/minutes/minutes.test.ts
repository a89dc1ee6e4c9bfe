import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import type { MinutesConsole } from '../../common/api/minutes';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { collectFacts } from '../meetings/facts';
import { collectSources } from '../meetings/sources';

let app: TestApp & { ids: DemoIds };
let meetingId: number;
let counter = 0;
beforeEach(async () => {
  app = await openDemoApp();
  meetingId = app.ids.meetingId;
});
afterEach(() => app.close());

const key = () => `k${String(++counter).padStart(10, '0')}`;
const current = (state: MinutesConsole) => state.agenda.find((a) => a.id === state.cursor.itemId)!;
const speaker = (state: MinutesConsole) => current(state).speakers[state.cursor.speakerIndex];
const roundOf = (state: MinutesConsole, name: string) => state.agenda.find((a) => a.kind === 'member_round' && a.memberId === state.members.find((m) => m.name === name)!.id)!;

async function goToRound(state: MinutesConsole, name: string) {
  return app.must('minutes.advance', { meetingId, to: { mode: 'item', itemId: roundOf(state, name).id } });
}

function entry(state: MinutesConsole, patch: Record<string, unknown> = {}) {
  const s = speaker(state);
  const item = current(state);
  return {
    meetingId,
    key: key(),
    revision: 1,
    agendaItemId: item.id,
    type: s?.role === 'self' ? ('self_criticism' as const) : ('criticism' as const),
    fromMemberId: s?.memberId ?? null,
    fromGuest: '',
    toMemberId: item.memberId,
    aspectId: null,
    text: '批评意见',
    draft: false,
    ...patch,
  };
}

describe('minutes console', () => {
  it('prepares the agenda in the standard order once, without the inquiries item for a special meeting', async () => {
    const state = await app.must('minutes.prepare', { meetingId });
    expect(state.agenda[0].kind).toBe('opening');
    expect(state.agenda.some((a) => a.kind === 'inquiries')).toBe(false);
    expect(state.agenda.filter((a) => a.kind === 'member_round')).toHaveLength(state.members.length);
    const again = await app.must('minutes.prepare', { meetingId });
    expect(again.agenda.map((a) => a.id)).toEqual(state.agenda.map((a) => a.id));
    expect(state.cursor.itemId).toBeNull();
  });

  it('moves speaker by speaker, records speech times and marks the meeting in progress', async () => {
    await app.must('minutes.prepare', { meetingId });
    let state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    expect(current(state).kind).toBe('opening');
    expect(state.status).toBe('in_progress');
    state = await goToRound(state, '周明华');
    const target = current(state).memberId;
    expect(speaker(state)).toMatchObject({ memberId: target, role: 'self' });
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    expect(speaker(state)).toMatchObject({ role: 'criticism', memberId: state.members.find((m) => m.role === 'secretary')!.id });
    expect(state.speeches.filter((s) => s.endedAt !== null).length).toBeGreaterThanOrEqual(2);
    expect(state.cursor.speech).toMatchObject({ agendaItemId: current(state).id, endedAt: null });
    // The absent 赵立新 does not criticise: the round has self + the present others + response.
    const absent = state.members.filter((m) => !m.present).length;
    expect(current(state).speakers).toHaveLength(state.members.length - absent - 1 + 2);
    const dashboard = await app.must('meetings.dashboard', { id: meetingId });
    expect(dashboard.meeting.status).toBe('in_progress');
  });

  it('skips the round of an absent member and passes to the next item at the end of a round', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    const absentRound = roundOf(state, '赵立新');
    const before = state.agenda[state.agenda.indexOf(absentRound) - 1];
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'item', itemId: before.id } });
    for (let i = 0; i < before.speakers.length; i++) state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    expect(current(state).id).toBe(state.agenda[state.agenda.findIndex((a) => a.id === absentRound.id) + 1].id);
    expect(state.agenda.find((a) => a.id === before.id)!.endedAt).not.toBeNull();
  });

  it('upserts an entry by key; an older revision arriving late never overwrites newer text', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    state = await goToRound(state, '陈晓燕');
    const e = entry(state, { type: 'self_criticism', text: '我' });
    const first = await app.must('minutes.saveEntry', e);
    await app.must('minutes.saveEntry', { ...e, revision: 3, text: '我对照检查如下' });
    const late = await app.must('minutes.saveEntry', { ...e, revision: 2, text: '我对照' });
    expect(late).toMatchObject({ id: first.id, stale: true, revision: 3 });
    const after = await app.must('minutes.console', { meetingId });
    expect(after.entries.find((x) => x.id === first.id)).toMatchObject({ text: '我对照检查如下', revision: 3, speechId: after.cursor.speech!.id });
    // The usual autosave (the text alone, typed on) sets and clears the composer's draft mark like any save.
    await app.must('minutes.saveEntry', { ...e, revision: 4, text: '我对照检查如下：一是', draft: true });
    expect((await app.must('minutes.console', { meetingId })).cursor.draftEntryId).toBe(first.id);
    expect(await app.must('minutes.saveEntry', { ...e, revision: 4, text: '晚到的一次保存', draft: true })).toMatchObject({ stale: true, revision: 4 });
    await app.must('minutes.saveEntry', { ...e, revision: 5, text: '我对照检查如下：一是学习不够', draft: false });
    const saved = await app.must('minutes.console', { meetingId });
    expect(saved.cursor.draftEntryId).toBeNull();
    expect(saved.entries.find((x) => x.id === first.id)).toMatchObject({ text: '我对照检查如下：一是学习不够', revision: 5 });
    // The same key under another meeting is not this entry: refused, whatever path the save takes.
    expect(await app.call('minutes.saveEntry', { ...e, meetingId: meetingId + 1000, revision: 6, text: '别处' })).toMatchObject({ ok: false });
    expect((await app.must('minutes.console', { meetingId })).entries.find((x) => x.id === first.id)?.text).toBe('我对照检查如下：一是学习不够');
  });

  it('stores a change of type or addressee of a saved entry along with its text, and the draft mark follows', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    state = await goToRound(state, '陈晓燕');
    const e = entry(state, { type: 'comment', text: '一点看法', draft: true });
    const first = await app.must('minutes.saveEntry', e);
    expect((await app.must('minutes.console', { meetingId })).cursor.draftEntryId).toBe(first.id);
    // 陈晓燕 has the floor: a criticism of herself is refused (a self-criticism or a response is what she means).
    const herself = state.members.find((m) => m.name === '陈晓燕')!.id;
    const self = await app.call('minutes.saveEntry', { ...e, revision: 2, type: 'criticism', toMemberId: herself, text: '一点批评意见', draft: false });
    expect(self).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    if (!self.ok) expect(`${self.error.message} ${self.error.messageEn}`).toMatch(/不能是同一人.*cannot criticise/);
    const addressee = state.members.find((m) => m.name === '周明华')!.id;
    await app.must('minutes.saveEntry', { ...e, revision: 2, type: 'criticism', toMemberId: addressee, text: '一点批评意见', draft: false });
    const after = await app.must('minutes.console', { meetingId });
    expect(after.entries.find((x) => x.id === first.id)).toMatchObject({ type: 'criticism', toMemberId: addressee, text: '一点批评意见', revision: 2 });
    expect(after.cursor.draftEntryId).toBeNull();
  });

  it('keeps text verbatim, reorders, edits and deletes entries', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    await goToRound(state, '陈晓燕');
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    const a = await app.must('minutes.saveEntry', entry(state, { text: '  第一条，有空格  ' }));
    const b = await app.must('minutes.saveEntry', entry(state, { text: '第二条' }));
    const moved = await app.must('minutes.moveEntry', { id: b.id, direction: 'up' });
    expect(moved.map((x) => x.id)).toEqual([b.id, a.id]);
    expect(moved[1].text).toBe('  第一条，有空格  ');
    await app.must('minutes.deleteEntry', { id: b.id });
    const after = await app.must('minutes.console', { meetingId });
    expect(after.entries.map((x) => x.id)).toEqual([a.id]);
  });

  it('counts criticisms for the facts and offers promoted entries to the rectification sources', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    await goToRound(state, '陈晓燕');
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    const c1 = await app.must('minutes.saveEntry', entry(state, { text: '调查研究不够深入' }));
    await app.must('minutes.saveEntry', entry(state, { text: '抓落实的韧劲不足' }));
    await app.must('minutes.saveEntry', entry(state, { text: '' }));
    const promoted = await app.must('minutes.promote', { entryId: c1.id, promoted: true });
    expect(promoted.promotedAt).not.toBeNull();
    const facts = await collectFacts(app.ctx, meetingId);
    expect(facts.minutes).toMatchObject({ criticisms: 2, finalized: false });
    // Per member: given and received, in his or her own round, and which one is the 书记 (domain.md §10).
    const of = (name: string) => facts.minutes!.members.find((m) => m.name === name);
    expect(of('林向东')).toMatchObject({ secretary: true, given: 2, received: 0, receivedFromMembers: 0, inOwnRound: 0 });
    expect(of('陈晓燕')).toMatchObject({ secretary: false, given: 0, received: 2, receivedFromMembers: 2, inOwnRound: 2 });
    expect(facts.minutes!.members.filter((m) => m.secretary)).toHaveLength(1);
    const sources = (await collectSources(app.ctx, meetingId)).filter((s) => s.type === 'criticism');
    expect(sources[0]).toMatchObject({ id: c1.id, text: '调查研究不够深入', origin: '林向东→陈晓燕', promoted: true });
    expect(sources).toHaveLength(2);
    // The counter on 整改清单: promoted and not yet in an item; building an item from it clears it.
    expect(await app.must('minutes.pendingPromotions', { meetingId })).toEqual({ pending: 1 });
    const item = { aspectId: null, memberId: null, problem: '调查研究不够深入', target: '', measures: ['每季度蹲点调研'], leaderIds: [], unit: '', ownerPerson: '', deadline: { kind: 'ongoing' as const, date: null }, note: '' };
    await app.must('rectification.createItem', { meetingId, item, sources: [{ type: 'criticism', id: c1.id }] });
    expect(await app.must('minutes.pendingPromotions', { meetingId })).toEqual({ pending: 0 });
  });

  it('finalises read-only, refuses writes, and reopens only with a recorded reason', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    state = await goToRound(state, '陈晓燕');
    const e = entry(state, { type: 'self_criticism', text: '自我批评' });
    await app.must('minutes.saveEntry', e);
    state = await app.must('minutes.finalize', { meetingId, hostConfirmed: '林向东', recorderConfirmed: '郭文静' });
    expect(state.finalization.finalizedAt).not.toBeNull();
    expect(state.status).toBe('held');
    expect((await app.must('meetings.dashboard', { id: meetingId })).steps.find((s) => s.key === 'meeting')?.status).toBe('done');
    const before = app.counts();
    expect(await app.call('minutes.saveEntry', { ...e, revision: 2, text: '改动' })).toMatchObject({ ok: false, error: { code: 'minutes.finalized' } });
    expect(await app.call('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } })).toMatchObject({ ok: false, error: { code: 'minutes.finalized' } });
    expect(await app.call('minutes.reopen', { meetingId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(app.counts()).toEqual(before);
    state = await app.must('minutes.reopen', { meetingId, reason: '督导组要求补记点评内容' });
    expect(state.finalization).toMatchObject({ finalizedAt: null, reopenLog: [{ reason: '督导组要求补记点评内容' }] });
    expect(state.status).toBe('in_progress');
    await app.must('minutes.saveEntry', { ...e, revision: 2, text: '改动' });
  });

  it.each([
    ['oversized text', { text: '字'.repeat(20001) }, 'invalidInput'],
    ['an unknown entry type', { type: 'praise' }, 'invalidInput'],
    ['a criticism without 被批评人', { type: 'criticism', toMemberId: null }, 'invalidInput'],
    ['a bad key', { key: 'x' }, 'invalidInput'],
    ['a revision of zero', { revision: 0 }, 'invalidInput'],
    ['a member of another team', { fromMemberId: 99999 }, 'notFound'],
    ['an agenda item of no meeting', { agendaItemId: 99999 }, 'notFound'],
    ['an aspect of no meeting', { aspectId: 99999 }, 'notFound'],
  ])('refuses %s and writes nothing', async (_label, patch, code) => {
    let state = await app.must('minutes.prepare', { meetingId });
    state = await goToRound(state, '陈晓燕');
    const before = app.counts();
    const result = await app.call('minutes.saveEntry', entry(state, patch) as never);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(app.counts()).toEqual(before);
  });

  it('refuses to remove an agenda item that holds entries, and edits the agenda otherwise', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    state = await goToRound(state, '陈晓燕');
    await app.must('minutes.saveEntry', entry(state, { type: 'self_criticism', text: '内容' }));
    const items = state.agenda.map((a) => ({ id: a.id, kind: a.kind, title: a.title, memberId: a.memberId, plannedMinutes: null }));
    const before = app.counts();
    const refused = await app.call('minutes.saveAgenda', { meetingId, items: items.filter((i) => i.id !== current(state).id) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'minutes.itemHasEntries' } });
    expect(app.counts()).toEqual(before);
    const edited = await app.must('minutes.saveAgenda', { meetingId, items: [...items.slice(1), { kind: 'other', title: '传达上级有关精神', memberId: null, plannedMinutes: 10 }] });
    expect(edited.agenda.at(-1)).toMatchObject({ title: '传达上级有关精神', plannedMinutes: 10 });
    expect(edited.agenda).toHaveLength(items.length);
  });

  it('restores the console to the same speaker and the composer draft after the app is closed abruptly', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    await goToRound(state, '孙丽娟');
    await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    const draft = await app.must('minutes.saveEntry', entry(state, { text: '正在记录的半句话', draft: true }));
    const where = { itemId: state.cursor.itemId, speakerIndex: state.cursor.speakerIndex, speech: state.cursor.speech!.id };
    // No orderly close: reopen the same file with a fresh connection, as after a crash.
    const copy = `${app.dir}/copy.sqlite`;
    app.connection.sqlite.pragma('wal_checkpoint(PASSIVE)');
    fs.copyFileSync(app.connection.file, copy);
    for (const ext of ['-wal', '-shm']) if (fs.existsSync(app.connection.file + ext)) fs.copyFileSync(app.connection.file + ext, copy + ext);
    const reopened = await openDatabase({ file: copy });
    const { createContext } = await import('../compose');
    const { dispatch } = await import('../dispatch');
    const ctx2 = createContext(reopened, { files: app.ctx.files });
    const result = await dispatch(ctx2, 'minutes.console', { meetingId });
    await reopened.close();
    if (!result.ok) throw new Error(result.error.message);
    const restored = result.value as MinutesConsole;
    expect({ itemId: restored.cursor.itemId, speakerIndex: restored.cursor.speakerIndex, speech: restored.cursor.speech?.id }).toEqual(where);
    expect(restored.cursor.draftEntryId).toBe(draft.id);
    expect(restored.entries.find((x) => x.id === draft.id)?.text).toBe('正在记录的半句话');
  });

  it('exports the minutes as .docx and plain text with the header, the criticisms received and the total', async () => {
    let state = await app.must('minutes.prepare', { meetingId });
    await goToRound(state, '陈晓燕');
    state = await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    await app.must('minutes.saveEntry', entry(state, { text: '对分管领域风险隐患研判不够' }));
    const txt = await app.must('minutes.export', { meetingId, format: 'txt' });
    const text = fs.readFileSync(txt.path!, 'utf8');
    for (const part of ['会议记录', '应到8人，实到7人', '赵立新（出差', '列席人员', '一、会议议程', '陈晓燕同志收到的批评意见（共1条）', '林向东→陈晓燕：对分管领域风险隐患研判不够', '相互提出批评意见1条', '记录人（签字）']) {
      expect(text).toContain(part);
    }
    const docx = await app.must('minutes.export', { meetingId, format: 'docx' });
    expect(docx.saved).toBe(true);
    expect(fs.readFileSync(docx.path!).subarray(0, 2).toString()).toBe('PK');
    const log = await app.must('exportLog.list', {});
    expect(log.map((l) => l.kind)).toEqual(expect.arrayContaining(['minutes.txt', 'minutes.docx']));
  });
});

describe('the demo', () => {
  it('holds last year’s 年度 meeting with finalised minutes and dozens of criticisms', async () => {
    const meetings = await app.must('meetings.list', { teamId: app.ids.teamId });
    const past = meetings.find((m) => m.kind === 'annual' && m.date < '2026-01-01')!;
    expect(past).toMatchObject({ status: 'held', date: '2025-12-12', year: 2025 });
    const state = await app.must('minutes.console', { meetingId: past.id });
    expect(state.finalization.finalizedAt).not.toBeNull();
    const facts = await collectFacts(app.ctx, past.id);
    expect(facts.minutes!.criticisms).toBeGreaterThan(30);
    expect(state.entries.filter((e) => e.promotedAt)).toHaveLength(3);
    // 刘志强 was on sick leave: no round of his in the record, and he criticised no one.
    const liu = state.members.find((m) => m.name === '刘志强')!;
    expect(state.entries.some((e) => e.fromMemberId === liu.id)).toBe(false);
  });
});
