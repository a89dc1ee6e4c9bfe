import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrations } from '../../../db/migrations';
import { meetingRules } from '../../../db/migrations/019_meeting_rules';
import { DEMO_MEMBERS, DEMO_TEAM } from '../../../seeds/demo/team';
import type { MinutesConsole } from '../../common/api/minutes';
import { openDemoApp, openTestApp, type TestApp } from '../testing';

// 主持 (host) is an entry type of its own since data version 12: the host's opening printed 「林向东（其他）：」 before.
const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A meeting recorded by the channels of data version 11: the host's opening typed 其他, a promoted criticism, a draft. */
async function recordedBefore12() {
  const old = await openTestApp({ migrations: migrations.filter((m) => m.version < 12) });
  expect(old.ctx.sqlite.pragma('user_version', { simple: true })).toBe(11);
  // Today's meeting channel also writes the meeting's rules (data version 19): their tables are lent for the recording
  // and removed again before the file is closed, so it is left at data version 11 as an older app left it.
  const lent = migrations.find((m) => m.name === meetingRules.name)!;
  old.ctx.sqlite.transaction(() => lent.up(old.ctx.sqlite))();
  const team = await old.must('teams.create', { ...DEMO_TEAM });
  const memberIds: number[] = [];
  for (const m of DEMO_MEMBERS.slice(0, 4)) memberIds.push((await old.must('members.create', { teamId: team.id, ...m })).id);
  const meeting = await old.must('meetings.create', {
    teamId: team.id, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '主题', date: '2026-11-20', startTime: '08:30', place: '会议室',
    hostMemberId: memberIds[0], recorder: '郭文静', quorumRatio: 2 / 3, aspects: [{ label: '方面一' }], guests: [],
  });
  const meetingId = meeting.id;
  let state = await old.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
  const save = (s: MinutesConsole, key: string, type: 'other' | 'criticism' | 'self_criticism', to: number | null, text: string, draft = false) =>
    old.must('minutes.saveEntry', { meetingId, key, revision: 1, agendaItemId: s.cursor.itemId!, type, fromMemberId: s.cursor.speech!.memberId, fromGuest: '', toMemberId: to, aspectId: null, text, draft });
  const opening = await save(state, 'opening-0001', 'other', null, '主持人宣布会议开始。');
  const round = state.agenda.find((a) => a.kind === 'member_round' && a.memberId === memberIds[0])!;
  state = await old.must('minutes.advance', { meetingId, to: { mode: 'item', itemId: round.id } });
  // 林向东 himself, typed 其他 by hand in his own round: not the host's speech, so it stays 其他.
  const aside = await save(state, 'aside-000001', 'other', null, '补充说明一点情况。');
  state = await old.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
  const criticism = await save(state, 'critic-00001', 'criticism', memberIds[0], '调研不够深入。');
  await old.must('minutes.promote', { entryId: criticism.id, promoted: true });
  const draft = await save(state, 'draft-000001', 'criticism', memberIds[0], '对分管领域的风险', true);
  const before = old.ctx.sqlite.prepare('SELECT id, key, type, text FROM minutes_entries ORDER BY id').all();
  old.ctx.sqlite.exec('DROP TABLE meeting_notices; DROP TABLE meeting_rules; DROP TABLE meeting_presets;');
  await old.connection.close();
  return { dir: old.dir, meetingId, memberIds, ids: { opening: opening.id, aside: aside.id, criticism: criticism.id, draft: draft.id }, before };
}

describe('migration 012: the host entry type', () => {
  it('rebuilds minutes_entries keeping rows, ids, promotions, the draft mark, the index and search; the host’s opening becomes 主持', async () => {
    const old = await recordedBefore12();
    const app = await openTestApp({ dir: old.dir });
    apps.push(app);
    const sql = app.ctx.sqlite;
    expect(sql.pragma('user_version', { simple: true })).toBe(latestVersion);
    const after = sql.prepare('SELECT id, key, type, text FROM minutes_entries ORDER BY id').all() as { id: number; type: string }[];
    expect(after.map((r) => ({ ...r, type: r.id === old.ids.opening ? 'other' : r.type }))).toEqual(old.before);
    expect(after.find((r) => r.id === old.ids.opening)!.type).toBe('host');
    expect(after.find((r) => r.id === old.ids.aside)!.type).toBe('other');

    const state = await app.must('minutes.console', { meetingId: old.meetingId });
    expect(state.entries.find((e) => e.id === old.ids.criticism)!.promotedAt).not.toBeNull();
    expect(state.cursor.draftEntryId).toBe(old.ids.draft);
    expect(sql.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND name = 'minutes_entries_by_meeting'").get()).toEqual({ n: 1 });
    expect(sql.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'minutes_entries' ORDER BY name").all().map((r) => (r as { name: string }).name)).toEqual(['search_minutes_ad', 'search_minutes_ai', 'search_minutes_au']);
    expect(sql.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // The promotion still cascades with its entry, and the foreign keys point at the new table.
    const fks = sql.prepare("SELECT \"table\" FROM pragma_foreign_key_list('minutes_promotions')").all() as { table: string }[];
    expect(fks.map((f) => f.table)).toContain('minutes_entries');

    // Search: the old rows are found, and the restored triggers index new text, edits and deletions.
    const found = async (query: string) => (await app.must('search.query', { query, meetingId: old.meetingId })).hits.map((h) => h.recordId);
    expect(await found('调研不够深入')).toEqual([old.ids.criticism]);
    sql.prepare("UPDATE minutes_entries SET text = '蹲点调研少', revision = 9 WHERE id = ?").run(old.ids.criticism);
    expect(await found('蹲点调研少')).toEqual([old.ids.criticism]);
    expect(await found('调研不够深入')).toEqual([]);

    // The type is taken by the channel and printed as 主持 in the minutes.
    const opening = state.entries.find((e) => e.id === old.ids.opening)!;
    await app.must('minutes.saveEntry', { meetingId: old.meetingId, key: opening.key, revision: opening.revision + 1, agendaItemId: opening.agendaItemId, type: 'host', fromMemberId: opening.fromMemberId, fromGuest: '', toMemberId: null, aspectId: null, text: '主持人宣布会议开始，应到4人。', draft: false });
    await app.must('minutes.export', { meetingId: old.meetingId, format: 'txt' });
    const txt = fs.readFileSync(path.join(app.exportDir, fs.readdirSync(app.exportDir).find((f) => f.endsWith('.txt'))!), 'utf8');
    expect(txt).toContain('林向东（主持）：主持人宣布会议开始，应到4人。');
    expect(txt).not.toContain('（其他）：主持人');
  });

  it('an exchange file written at data version 11 still imports, and its host’s words become 主持', async () => {
    const old = await recordedBefore12();
    const app = await openTestApp({ dir: old.dir });
    apps.push(app);
    const saved = await app.must('exchange.export', { meetingId: old.meetingId });
    const json = JSON.parse(fs.readFileSync(saved.path!, 'utf8'));
    // As an older app wrote it: data version 11 and the opening typed 其他.
    json.dataVersion = 11;
    const entries = json.tables.minutes_entries;
    const typeAt = entries.columns.indexOf('type');
    for (const row of entries.rows) if (row[typeAt] === 'host') row[typeAt] = 'other';
    const other = await openDemoApp();
    apps.push(other);
    const result = await other.must('exchange.import', { bytes: new TextEncoder().encode(JSON.stringify(json)), existing: 'copy' });
    const types = other.ctx.sqlite.prepare('SELECT text, type FROM minutes_entries WHERE meeting_id = ? ORDER BY id').all(result.meetingId) as { text: string; type: string }[];
    expect(types.find((t) => t.text === '主持人宣布会议开始。')!.type).toBe('host');
    expect(types.find((t) => t.text === '补充说明一点情况。')!.type).toBe('other');
  });
});
