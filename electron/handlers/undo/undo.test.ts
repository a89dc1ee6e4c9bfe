import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { forgetUndo } from './index';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
  // Seeding the demo merged opinions through the channels: start with nothing to undo.
  forgetUndo(app.ctx);
});
afterEach(() => app.close());

/** Every row of every data table and of the search index, ids included: "exactly as before" is equality of two dumps. */
function dump(): Record<string, unknown[]> {
  const sqlite = app.ctx.sqlite;
  const tables = sqlite.prepare("SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'").all() as { name: string; wr: number }[];
  // A WITHOUT ROWID table has no rowid: its rows are compared in their primary-key order.
  return Object.fromEntries(tables.map((t) => [t.name, sqlite.prepare(t.wr ? `SELECT * FROM "${t.name}"` : `SELECT rowid AS _rowid, * FROM "${t.name}" ORDER BY rowid`).all()]));
}
const ids = (sql: string, ...params: unknown[]) => (app.ctx.sqlite.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);

describe('undo of the last destructive action of a list', () => {
  it('brings deleted opinions back with their ids, their group and their search entries', async () => {
    const meetingId = app.ids.meetingId;
    // A merged opinion and a loose one: deleting the only member of a group drops the group too.
    const merged = ids('SELECT id FROM opinions WHERE meeting_id = ? AND consolidated_id IS NOT NULL ORDER BY id LIMIT 1', meetingId);
    const loose = ids('SELECT id FROM opinions WHERE meeting_id = ? ORDER BY id DESC LIMIT 1', meetingId);
    const before = dump();
    await app.must('opinions.delete', { meetingId, ids: [...merged, ...loose] });
    expect(dump()).not.toEqual(before);
    expect(await app.must('undo.apply', { list: 'opinions', meetingId })).toEqual({ label: { zh: '删除意见 2 条', en: 'Deleted 2 opinion(s)' } });
    expect(dump()).toEqual(before);
    // Undone once: a second undo has nothing left.
    expect(await app.call('undo.apply', { list: 'opinions', meetingId })).toMatchObject({ ok: false, error: { code: 'undo.unavailable' } });
  });

  it('undoes an opinion merge and a split (撤销合并) exactly', async () => {
    const meetingId = app.ids.meetingId;
    const loose = ids('SELECT id FROM opinions WHERE meeting_id = ? AND consolidated_id IS NULL ORDER BY id LIMIT 2', meetingId);
    const before = dump();
    await app.must('opinions.merge', { meetingId, opinionIds: loose, text: '合并后的意见', targetMemberId: null, aspectId: null, handling: 'feedback', note: '' });
    await app.must('undo.apply', { list: 'opinions', meetingId });
    expect(dump()).toEqual(before);
    const [group] = ids('SELECT id FROM consolidated_opinions WHERE meeting_id = ? ORDER BY id LIMIT 1', meetingId);
    await app.must('opinions.unmerge', { id: group });
    await app.must('undo.apply', { list: 'opinions', meetingId });
    expect(dump()).toEqual(before);
  });

  it('restores a deleted 整改 item with its measures, leaders, sources and numbering; and a merge and a split', async () => {
    const meetingId = app.ids.meetingId;
    const list = await app.must('rectification.get', { meetingId });
    expect(list.status).toBe('draft');
    const before = dump();
    await app.must('rectification.deleteItem', { itemId: list.items[0].id });
    await app.must('undo.apply', { list: 'rectification', meetingId });
    expect(dump()).toEqual(before);
    await app.must('rectification.merge', { itemIds: [list.items[1].id, list.items[2].id] });
    await app.must('undo.apply', { list: 'rectification', meetingId });
    expect(dump()).toEqual(before);
    await app.must('rectification.split', { itemId: list.items[0].id, problems: ['问题甲', '问题乙', '问题丙'] });
    expect(await app.must('undo.apply', { list: 'rectification', meetingId })).toMatchObject({ label: { zh: '拆分第 1 项' } });
    expect(dump()).toEqual(before);
  });

  it('restores a deleted talk and a deleted minutes entry, exactly as they were', async () => {
    const meetingId = app.ids.meetingId;
    const [talk] = await app.must('talks.list', { meetingId });
    // The demo's minutes are last year's, signed: reopened to delete an entry.
    const entry = app.ctx.sqlite.prepare("SELECT id, meeting_id AS meetingId FROM minutes_entries WHERE text != '' ORDER BY id LIMIT 1").get() as { id: number; meetingId: number };
    await app.must('minutes.reopen', { meetingId: entry.meetingId, reason: '补充记录' });
    const before = dump();
    await app.must('talks.delete', { id: talk.id });
    await app.must('undo.apply', { list: 'talks', meetingId });
    expect(dump()).toEqual(before);
    await app.must('minutes.deleteEntry', { id: entry.id });
    await app.must('undo.apply', { list: 'minutes', meetingId: entry.meetingId });
    expect(dump()).toEqual(before);
  });

  it('refuses, changing nothing, when the rows were changed since or another list is asked', async () => {
    const meetingId = app.ids.meetingId;
    const list = await app.must('rectification.get', { meetingId });
    await app.must('rectification.merge', { itemIds: [list.items[0].id, list.items[1].id] });
    expect(await app.call('undo.apply', { list: 'opinions', meetingId })).toMatchObject({ ok: false, error: { code: 'undo.unavailable' } });
    await app.must('rectification.updateItem', { itemId: list.items[0].id, patch: { note: '合并后又改了备注' } });
    const after = dump();
    expect(await app.call('undo.apply', { list: 'rectification', meetingId })).toMatchObject({ ok: false, error: { code: 'undo.stale' } });
    expect(dump()).toEqual(after);
  });

  it('keeps nothing to undo from a refused action', async () => {
    const meetingId = app.ids.meetingId;
    expect(await app.call('talks.delete', { id: 99999 })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(await app.call('opinions.delete', { meetingId, ids: [99999] })).toMatchObject({ ok: false });
    expect(await app.call('undo.apply', { list: 'opinions', meetingId })).toMatchObject({ ok: false, error: { code: 'undo.unavailable' } });
  });
});
