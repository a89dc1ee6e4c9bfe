import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../common/api';
import type { Entry, MergePreview } from '../../common/api/minutes';
import { collectMeeting } from '../exchange/exportMeeting';
import { openDemoApp, openTestApp, type TestApp } from '../testing';
import { minutesFile } from './index';

// Two recorders, one record (issue 18 §3): a second laptop gets the meeting from the exchange file, records, and its
// minutes come back as an exchange file that is merged here.
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
type FileJson = { version: number; dataVersion: number; root: { meetingId: number }; tables: Record<string, { columns: string[]; rows: unknown[][] }> };
const exportOf = (app: TestApp, meetingId: number) => collectMeeting(app.ctx.sqlite, meetingId, { exportedAt: '2026-11-27T10:00:00.000Z', appVersion: 'test' }) as unknown as FileJson;
const col = (file: FileJson, table: string, column: string) => file.tables[table].columns.indexOf(column);

/** This laptop (the demo, minutes reopened) and the second laptop's file with three differences made through its channels. */
async function twoRecorders(more?: (other: TestApp, meetingId: number) => Promise<void>) {
  const here = await openDemoApp();
  apps.push(here);
  // The demo's held meeting, its minutes finalised.
  const meetingId = (here.ctx.sqlite.prepare('SELECT meeting_id AS id FROM minutes_sessions WHERE finalized_at IS NOT NULL').get() as { id: number }).id;
  await here.must('minutes.reopen', { meetingId, reason: '合并第二台电脑的记录' });
  const entries = (await here.must('minutes.console', { meetingId })).entries.filter((e) => e.text.trim() !== '' && e.promotedAt === null);
  const revised = new Set((here.ctx.sqlite.prepare('SELECT entry_id AS id FROM minutes_entry_revisions').all() as { id: number }[]).map((r) => r.id));
  const changed = entries.find((e) => e.type === 'self_criticism' && !revised.has(e.id))!;
  const dropped = entries.find((e) => e.type === 'response' && !revised.has(e.id))!;
  const before = entries.filter((e) => e.agendaItemId === changed.agendaItemId);

  // The second laptop: the meeting arrives by the exchange file, its recorder types.
  const other = await openTestApp();
  apps.push(other);
  const imported = await other.must('exchange.import', { bytes: encode(exportOf(here, meetingId)), existing: 'refuse' });
  const m = imported.meetingId;
  const theirs = (await other.must('minutes.console', { meetingId: m })).entries;
  const mine = (e: Entry) => theirs.find((t) => t.key === e.key)!;
  const fields = (e: Entry) => ({ meetingId: m, key: e.key, agendaItemId: e.agendaItemId, type: e.type, fromMemberId: e.fromMemberId, fromGuest: e.fromGuest, toMemberId: e.toMemberId, aspectId: e.aspectId, draft: false });
  const changedThere = `${changed.text}另一台记录人补记：会上还表示要带头改进文风。`;
  await other.must('minutes.saveEntry', { ...fields(mine(changed)), revision: mine(changed).revision + 1, text: changedThere });
  await other.must('minutes.deleteEntry', { id: mine(dropped).id });
  const target = theirs.find((t) => t.fromMemberId !== null && t.fromMemberId !== mine(changed).fromMemberId)!.fromMemberId!;
  const addedText = '另一台补记：建议对照检查材料再聚焦具体问题，不要泛泛而谈。';
  await other.must('minutes.saveEntry', { ...fields(mine(changed)), key: 'second-laptop-0001', type: 'criticism', fromMemberId: target, toMemberId: mine(changed).fromMemberId, revision: 1, text: addedText });
  if (more) await more(other, m);
  const file = exportOf(other, m);
  file.tables.meetings.rows[0][col(file, 'meetings', 'recorder')] = '李四';
  return { here, meetingId, file, changed, dropped, changedThere, addedText, before };
}

/** The same file as if the second laptop had typed every entry itself: no entry key in common. */
function rekeyed(file: FileJson): FileJson {
  const copy = structuredClone(file);
  const k = col(copy, 'minutes_entries', 'key');
  copy.tables.minutes_entries.rows.forEach((r, i) => (r[k] = `typed-there-${String(i).padStart(4, '0')}`));
  return copy;
}

const kinds = (p: MergePreview) => p.differences.map((d) => d.kind).sort();
const entryText = (app: TestApp, id: number) => (app.ctx.sqlite.prepare('SELECT text FROM minutes_entries WHERE id = ?').get(id) as { text: string } | undefined)?.text;
const agendaSnapshot = (app: TestApp, meetingId: number) => app.ctx.sqlite.prepare('SELECT id, kind, title, member_id, planned_minutes, sort_order FROM minutes_agenda_items WHERE meeting_id = ? ORDER BY id').all(meetingId);
const snapshot = (app: TestApp, meetingId: number) => app.ctx.sqlite.prepare('SELECT id, key, text, type, from_member_id, to_member_id, sort_order, revision, origin_recorder FROM minutes_entries WHERE meeting_id = ? ORDER BY id').all(meetingId);

describe('merging a second recorder’s minutes', () => {
  it('matches by agenda item, speaker, target and order; finds one changed text, one entry only there, one only here', async () => {
    const t = await twoRecorders();
    for (const file of [t.file, rekeyed(t.file)]) {
      const preview = await t.here.must('minutes.mergePreview', { meetingId: t.meetingId, bytes: encode(file) });
      expect(kinds(preview)).toEqual(['changed', 'onlyHere', 'onlyThere']);
      expect(preview.recorderGuess).toBe('李四');
      expect(preview.same).toBe(preview.hereEntries - 2);
      const changed = preview.differences.find((d) => d.kind === 'changed')!;
      expect(changed.here).toEqual({ entryId: t.changed.id, text: t.changed.text });
      expect(changed.there!.text).toBe(t.changedThere);
      expect(changed.preset).toBe('both');
      const onlyHere = preview.differences.find((d) => d.kind === 'onlyHere')!;
      expect(onlyHere.here!.entryId).toBe(t.dropped.id);
      expect(onlyHere.preset).toBe('here');
      const onlyThere = preview.differences.find((d) => d.kind === 'onlyThere')!;
      expect(onlyThere.there!.text).toBe(t.addedText);
      expect(onlyThere.type).toBe('criticism');
      expect(onlyThere.target).not.toBe('');
    }
  });

  it('keeps both by default, takes the other side or this one as chosen, marks the origin, and undoes exactly', async () => {
    const t = await twoRecorders();
    const bytes = encode(t.file);
    const original = snapshot(t.here, t.meetingId);
    const ids = (await t.here.must('minutes.mergePreview', { meetingId: t.meetingId, bytes })).differences.map((d) => d.id);

    // Nothing decided: nothing is dropped. The changed text is joined visibly, the other entry is added with its origin.
    const first = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [] });
    expect(first.summary).toMatchObject({ joined: 1, added: 1, kept: 1, removed: 0, replaced: 0 });
    expect(entryText(t.here, t.changed.id)).toBe(`${t.changed.text}\n〔另一台记录（李四）：${t.changedThere}〕`);
    expect(entryText(t.here, t.dropped.id)).toBe(t.dropped.text);
    const added = first.console.entries.find((e) => e.text === t.addedText)!;
    expect(added.originRecorder).toBe('李四');
    expect(added.agendaItemId).toBe(t.changed.agendaItemId);
    // Placed where the other recorder had it: right after the entry it followed there.
    const item = first.console.entries.filter((e) => e.agendaItemId === t.changed.agendaItemId);
    expect(item.indexOf(added)).toBe(item.findIndex((e) => e.id === t.changed.id) + 1);
    expect(item.length).toBe(t.before.length + 1);
    // The same file once more: everything is already here.
    expect((await t.here.must('minutes.mergePreview', { meetingId: t.meetingId, bytes })).differences.filter((d) => d.kind !== 'onlyHere')).toEqual([]);

    // The Word record: one record, no mark of origin on the added entry; one closing line says two recorders took it.
    const recorder = (await t.here.must('minutes.console', { meetingId: t.meetingId })).finalization.recorderConfirmed || (await t.here.must('meetings.get', { id: t.meetingId })).recorder;
    expect(recorder).not.toBe('');
    const record = async () => new TextDecoder().decode((await minutesFile(t.here.ctx, t.meetingId, 'txt')).bytes).split('\r\n');
    const lines = await record();
    expect(lines.find((l) => l.includes(t.addedText))).toMatch(new RegExp(`^\u3000\u3000[^（]+→[^（]+（批评）：${t.addedText}$`));
    // The header names both recorders, as the closing line does.
    expect(lines.filter((l) => l.includes('李四'))).toEqual([`\u3000\u3000记录人：${recorder}、李四`, expect.stringContaining('〔另一台记录（李四）：'), `\u3000\u3000本记录由${recorder}、李四两名记录人记录，经合并核对。`]);
    expect(lines.indexOf(`\u3000\u3000本记录由${recorder}、李四两名记录人记录，经合并核对。`)).toBeLessThan(lines.findIndex((l) => l.startsWith('主持人（签字）')));

    const merges = await t.here.must('minutes.merges', { meetingId: t.meetingId });
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({ id: first.mergeId, recorder: '李四', undoneAt: null });
    await t.here.must('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: first.mergeId! });
    expect(snapshot(t.here, t.meetingId)).toEqual(original);
    expect((await t.here.must('minutes.merges', { meetingId: t.meetingId }))[0].undoneAt).not.toBeNull();
    // Undone: the record is this recorder's alone again, and says nothing of a merge.
    expect((await record()).some((l) => l.includes('经合并核对'))).toBe(false);
    expect((await record()).filter((l) => l.startsWith('\u3000\u3000记录人：'))).toEqual([`\u3000\u3000记录人：${recorder}`]);
    expect((await t.here.call('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: first.mergeId! })).ok).toBe(false);

    // The other side everywhere: its text replaces this one, the entry it lacks is removed, its extra entry is added.
    const there = ids.map((id) => ({ id, choice: 'there' as const }));
    const second = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: there });
    expect(second.summary).toMatchObject({ replaced: 1, removed: 1, added: 1, joined: 0, kept: 0 });
    expect(entryText(t.here, t.changed.id)).toBe(t.changedThere);
    expect(second.console.entries.find((e) => e.id === t.changed.id)!.originRecorder).toBe('李四');
    expect(entryText(t.here, t.dropped.id)).toBeUndefined();
    await t.here.must('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: second.mergeId! });
    expect(snapshot(t.here, t.meetingId)).toEqual(original);

    // This side everywhere: nothing changes, and the entry left out is counted, not lost without a word.
    const third = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: ids.map((id) => ({ id, choice: 'here' as const })) });
    expect(third.summary).toMatchObject({ kept: 2, leftOut: 1, added: 0, replaced: 0, joined: 0, removed: 0 });
    expect(snapshot(t.here, t.meetingId)).toEqual(original);
  });

  it('refuses to undo a merge whose entries were edited since, and refuses merging or undoing after 定稿', async () => {
    const t = await twoRecorders();
    const bytes = encode(t.file);
    const merged = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [] });
    const added = merged.console.entries.find((e) => e.text === t.addedText)!;
    await t.here.must('minutes.saveEntry', { meetingId: t.meetingId, key: added.key, revision: 2, agendaItemId: added.agendaItemId, type: added.type, fromMemberId: added.fromMemberId, fromGuest: '', toMemberId: added.toMemberId, aspectId: null, text: `${added.text}（已核对）`, draft: false });
    const stale = await t.here.call('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: merged.mergeId! });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('minutes.merge.edited');

    await t.here.must('minutes.finalize', { meetingId: t.meetingId, hostConfirmed: '林向东', recorderConfirmed: '郭文静' });
    const before = t.here.counts();
    for (const result of [
      await t.here.call('minutes.mergePreview', { meetingId: t.meetingId, bytes }),
      await t.here.call('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [] }),
      await t.here.call('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: merged.mergeId! }),
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('minutes.merge.finalized');
        expect(result.error.message).toContain('已定稿');
        expect(result.error.messageEn).toContain('finalised');
      }
    }
    expect(t.here.counts()).toEqual(before);
  });

  it('refuses a file of another meeting or team, a corrupt, empty or older file, and a decision that no longer fits; nothing changes', async () => {
    const t = await twoRecorders();
    const withCell = (table: string, column: string, value: unknown) => {
      const copy = structuredClone(t.file);
      copy.tables[table].rows.forEach((r) => (r[col(copy, table, column)] = value));
      return copy;
    };
    const cases: [Uint8Array<ArrayBuffer>, string][] = [
      [encode(withCell('meetings', 'theme', '另一次会议的主题')), 'minutes.merge.otherMeeting'],
      [encode(withCell('teams', 'name', '中共另一个单位党组')), 'minutes.merge.otherMeeting'],
      [new TextEncoder().encode('{"format":"jingjian-exchange","version":1,'), 'exchange.notJson'],
      [new Uint8Array([0xff, 0xfe, 0x00]), 'exchange.notJson'],
      [encode({ ...t.file, version: 0 }), 'exchange.version'],
      [encode({ ...t.file, dataVersion: 11 }), 'minutes.merge.oldFormat'],
      [encode({ format: 'jingjian-exchange', scope: 'material' }), 'exchange.wrongScope'],
    ];
    const before = t.here.counts();
    const entries = snapshot(t.here, t.meetingId);
    for (const [bytes, code] of cases) {
      for (const result of [await t.here.call('minutes.mergePreview', { meetingId: t.meetingId, bytes }), await t.here.call('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [] })]) {
        expect(result.ok, code).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe(code);
          expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
          expect(result.error.messageEn).toMatch(/[a-z]/);
        }
      }
    }
    const empty = await t.here.call('minutes.mergePreview', { meetingId: t.meetingId, bytes: new Uint8Array() });
    expect(empty.ok).toBe(false);
    const unknown = await t.here.call('minutes.mergeApply', { meetingId: t.meetingId, bytes: encode(t.file), recorder: '李四', decisions: [{ id: 'c999999', choice: 'there' }] });
    expect(!unknown.ok && unknown.error.code).toBe('minutes.merge.stale');
    expect(t.here.counts()).toEqual(before);
    expect(snapshot(t.here, t.meetingId)).toEqual(entries);
  });

  it('lists the other record’s agenda items missing here, adds them where they stood by default, or leaves them and their entries out', async () => {
    const NOTICE = '通报县委巡察反馈问题整改情况';
    const REPORT = '县委巡察反馈的5个问题已完成整改3个，其余2个正在推进。';
    let anchor = '';
    const t = await twoRecorders(async (other, m) => {
      // Their secretary added two items: a 通报 with the host's words under it (after the opening), and one left empty.
      const state = await other.must('minutes.console', { meetingId: m });
      const items: Input<'minutes.saveAgenda'>['items'] = state.agenda.map((a) => ({ id: a.id, kind: a.kind, title: a.title, memberId: a.memberId, plannedMinutes: a.plannedMinutes }));
      anchor = items[0].title;
      items.splice(1, 0, { kind: 'other', title: NOTICE, memberId: null, plannedMinutes: 10 });
      items.push({ kind: 'other', title: '宣读会议纪律', memberId: null, plannedMinutes: null });
      await other.must('minutes.saveAgenda', { meetingId: m, items });
      const added = (await other.must('minutes.console', { meetingId: m })).agenda.find((a) => a.title === NOTICE)!;
      await other.must('minutes.saveEntry', { meetingId: m, key: 'second-laptop-notice-1', agendaItemId: added.id, type: 'report', fromMemberId: state.hostMemberId, fromGuest: '', toMemberId: null, aspectId: null, revision: 1, text: REPORT, draft: false });
    });
    const bytes = encode(t.file);
    const entries = snapshot(t.here, t.meetingId);
    const agenda = agendaSnapshot(t.here, t.meetingId);
    const lastHere = [...(agenda as { title: string; sort_order: number }[])].sort((a, b) => a.sort_order - b.sort_order).at(-1)!.title;

    const preview = await t.here.must('minutes.mergePreview', { meetingId: t.meetingId, bytes });
    expect(preview.missingAgenda.map(({ title, kind, afterTitle, entries: n }) => ({ title, kind, afterTitle, n }))).toEqual([
      { title: NOTICE, kind: 'other', afterTitle: anchor, n: 1 },
      { title: '宣读会议纪律', kind: 'other', afterTitle: lastHere, n: 0 },
    ]);
    const notice = preview.missingAgenda[0];
    const under = preview.differences.filter((d) => d.agendaItemId === notice.agendaItemId);
    expect(under).toMatchObject([{ kind: 'onlyThere', agendaTitle: NOTICE, type: 'report', there: { text: REPORT }, preset: 'there' }]);
    // Listed where the item will stand: after the opening's differences (none), before the rest.
    expect(preview.differences.findIndex((d) => d.agendaItemId === notice.agendaItemId)).toBe(0);

    // Not decided: both items are added where they stood there, the 通报 with its entry.
    const merged = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [] });
    expect(merged.summary).toMatchObject({ agendaAdded: 2, added: 2, joined: 1 });
    const titles = merged.console.agenda.map((a) => a.title);
    expect(titles.slice(0, 2)).toEqual([anchor, NOTICE]);
    expect(titles.at(-1)).toBe('宣读会议纪律');
    expect(titles).toHaveLength(agenda.length + 2);
    const item = merged.console.agenda.find((a) => a.title === NOTICE)!;
    expect(item).toMatchObject({ kind: 'other', plannedMinutes: 10, startedAt: null });
    expect(merged.console.entries.filter((e) => e.agendaItemId === item.id).map((e) => [e.text, e.originRecorder])).toEqual([[REPORT, '李四']]);
    expect((await t.here.must('minutes.mergePreview', { meetingId: t.meetingId, bytes })).missingAgenda).toEqual([]);
    expect((await t.here.must('minutes.merges', { meetingId: t.meetingId }))[0].summary.agendaAdded).toBe(2);
    // Undone: the agenda and the entries exactly as before.
    await t.here.must('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: merged.mergeId! });
    expect(agendaSnapshot(t.here, t.meetingId)).toEqual(agenda);
    expect(snapshot(t.here, t.meetingId)).toEqual(entries);

    // The 通报 item declined: not added, its entry left out and counted; the other item still added.
    const declined = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [], agenda: [{ id: notice.id, add: false }] });
    expect(declined.summary).toMatchObject({ agendaAdded: 1, added: 1, leftOut: 1 });
    expect(declined.console.agenda.map((a) => a.title)).not.toContain(NOTICE);
    expect(declined.console.entries.some((e) => e.text === REPORT)).toBe(false);
    await t.here.must('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: declined.mergeId! });

    // An item the secretary wrote in after the merge: the merge cannot be undone as a whole.
    const again = await t.here.must('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [] });
    const empty = again.console.agenda.find((a) => a.title === '宣读会议纪律')!;
    await t.here.must('minutes.saveEntry', { meetingId: t.meetingId, key: 'typed-here-after-merge', agendaItemId: empty.id, type: 'other', fromMemberId: again.console.hostMemberId, fromGuest: '', toMemberId: null, aspectId: null, revision: 1, text: '主持人宣读会议纪律。', draft: false });
    const refused = await t.here.call('minutes.mergeUndo', { meetingId: t.meetingId, mergeId: again.mergeId! });
    expect(!refused.ok && refused.error.code).toBe('minutes.merge.edited');

    // A choice about an item the preview did not list: refused, nothing changed.
    const before = t.here.counts();
    const stale = await t.here.call('minutes.mergeApply', { meetingId: t.meetingId, bytes, recorder: '李四', decisions: [], agenda: [{ id: 'a999999', add: true }] });
    expect(!stale.ok && stale.error.code).toBe('minutes.merge.stale');
    expect(t.here.counts()).toEqual(before);
  });
});
