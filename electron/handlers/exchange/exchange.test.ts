import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDemoApp, openTestApp, type TestApp } from '../testing';
import { readSchema } from './graph';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});
async function track<T extends TestApp>(p: Promise<T>): Promise<T> {
  const app = await p;
  opened.push(app);
  return app;
}

/** Every exchanged table's rows with ids and links left out, sorted: equal when the content is identical. */
function content(app: TestApp, tables: string[], meetingId?: number): Record<string, string[]> {
  const schema = readSchema(app.ctx.sqlite);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const info = schema.get(table)!;
    const drop = new Set([info.idColumn, ...info.foreignKeys.map((f) => f.from)].filter(Boolean) as string[]);
    // Restricted to one meeting's rows when the database holds several.
    const where = meetingId === undefined ? '' : table === 'meetings' ? ` WHERE id = ${meetingId}` : ` WHERE meeting_id = ${meetingId}`;
    const rows = app.ctx.sqlite.prepare(`SELECT * FROM "${table}"${where}`).all() as Record<string, unknown>[];
    out[table] = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !drop.has(k)))).sort();
  }
  return out;
}

/** An exchange file's rows per table without ids and links, sorted. */
function normalized(app: TestApp, bytes: Uint8Array): Record<string, string[]> {
  const schema = readSchema(app.ctx.sqlite);
  const file = JSON.parse(new TextDecoder().decode(bytes)) as { tables: Record<string, { columns: string[]; rows: unknown[][] }> };
  return Object.fromEntries(
    Object.entries(file.tables).map(([table, data]) => {
      const info = schema.get(table)!;
      const drop = new Set([info.idColumn, ...info.foreignKeys.map((f) => f.from)]);
      return [table, data.rows.map((r) => JSON.stringify(r.filter((_v, i) => !drop.has(data.columns[i])))).sort()];
    }),
  );
}

async function exportDemoMeeting() {
  const source = await track(openDemoApp());
  const saved = await source.must('exchange.export', { meetingId: source.ids.meetingId });
  expect(saved.saved).toBe(true);
  const bytes = new Uint8Array(fs.readFileSync(saved.path!));
  return { source, bytes, tables: Object.keys(JSON.parse(new TextDecoder().decode(bytes)).tables as object) };
}

describe('exchange file', () => {
  it('names the files by the date in the user’s time zone, not main’s', async () => {
    const app = await track(openDemoApp());
    // The test clock is 2026-11-27 09:00 in Beijing: in Honolulu it is still the 26th.
    await app.must('settings.update', { timeZone: 'Pacific/Honolulu' });
    const meeting = await app.must('exchange.export', { meetingId: app.ids.meetingId });
    expect(path.basename(meeting.path!)).toMatch(/^镜鉴交换文件-.*-2026-11-26\.json$/);
    const { id } = app.ctx.sqlite.prepare('SELECT id FROM materials WHERE meeting_id = ? ORDER BY id LIMIT 1').get(app.ids.meetingId) as { id: number };
    const material = await app.must('exchange.exportMaterial', { materialId: id });
    expect(path.basename(material.path!)).toMatch(/^对照检查材料交换文件-.*-2026-11-26\.json$/);
  });

  it('round trip: export a meeting, import it into an empty database, identical content', async () => {
    const { source, bytes, tables } = await exportDemoMeeting();
    expect(tables).toEqual(expect.arrayContaining(['teams', 'members', 'meetings', 'meeting_aspects']));
    expect(tables).not.toContain('export_log');
    const target = await track(openTestApp());
    const preview = await target.must('exchange.preview', { bytes });
    expect(preview).toMatchObject({ version: 1, teamExists: false, meetingExists: false, conflicts: [] });
    const result = await target.must('exchange.import', { bytes, existing: 'refuse' });
    expect(result.rows).toBe(preview.tables.reduce((n, t) => n + t.rows, 0));
    // Exported again from the new database, the file holds the same content (ids and links aside)…
    const again = await target.must('exchange.export', { meetingId: result.meetingId });
    expect(normalized(source, fs.readFileSync(again.path!))).toEqual(normalized(source, bytes));
    // …and the meeting's own records are all there, row for row.
    const own = ['meetings', 'meeting_aspects', 'meeting_guests', 'attendance'];
    expect(content(target, own, result.meetingId)).toEqual(content(source, own, source.ids.meetingId));
    expect(target.ctx.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
  });

  it('shows conflicts before merging: an existing team is joined, an existing meeting is refused or copied', async () => {
    const { source, bytes } = await exportDemoMeeting();
    const preview = await source.must('exchange.preview', { bytes });
    expect(preview.teamExists).toBe(true);
    expect(preview.meetingExists).toBe(true);
    expect(preview.conflicts.map((c) => c.code)).toEqual(['teamExists', 'meetingExists']);
    const before = source.counts();
    const refused = await source.call('exchange.import', { bytes, existing: 'refuse' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'exchange.meetingExists' } });
    expect(source.counts()).toEqual(before);
    const copy = await source.must('exchange.import', { bytes, existing: 'copy' });
    const after = source.counts();
    expect(after.teams).toBe(before.teams);
    expect(after.members).toBe(before.members);
    expect(after.meetings).toBe(before.meetings + 1);
    expect(copy.teamId).toBe(source.ids.teamId);
  });

  it('refuses damaged or foreign files with clear messages and writes nothing', async () => {
    const { bytes } = await exportDemoMeeting();
    const target = await track(openTestApp());
    const file = JSON.parse(new TextDecoder().decode(bytes));
    const variants: [string, unknown][] = [
      ['exchange.notJson', 'PK\u0003\u0004 not json'],
      ['exchange.notExchange', { hello: 1 }],
      ['exchange.version', { ...file, version: 99 }],
      ['exchange.tooNew', { ...file, dataVersion: 9999 }],
      ['exchange.unknownTable', { ...file, tables: { ...file.tables, evil: { columns: ['x'], rows: [[1]] } } }],
      ['exchange.unknownColumn', { ...file, tables: { ...file.tables, teams: { ...file.tables.teams, columns: [...file.tables.teams.columns.slice(0, -1), 'evil'] } } }],
      ['exchange.rowShape', { ...file, tables: { ...file.tables, teams: { ...file.tables.teams, rows: [[1]] } } }],
      ['exchange.constraint', { ...file, tables: { ...file.tables, teams: { ...file.tables.teams, rows: file.tables.teams.rows.map((r: unknown[]) => r.map((v, i) => (file.tables.teams.columns[i] === 'name' ? '党'.repeat(500) : v))) } } }],
    ];
    // The migrations' own rows (the 伪批评 rules) are there before any import: nothing may change them or add to them.
    const before = target.counts();
    for (const [code, content] of variants) {
      const payload = new TextEncoder().encode(typeof content === 'string' ? content : JSON.stringify(content));
      const result = await target.call('exchange.import', { bytes: payload, existing: 'copy' });
      expect(result, code).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) expect(result.error.message).toMatch(/交换文件|会议/);
      expect(target.counts(), code).toEqual(before);
      expect(before.meetings, code).toBe(0);
    }
  });

  describe('this year’s rules travel with the meeting', () => {
    const STUDY = '中央八项规定精神学习教育整改整治';
    async function withRules() {
      const source = await track(openDemoApp());
      const meeting = await source.must('meetings.get', { id: source.ids.meetingId });
      const { id: _id, teamName: _t, status: _s, ...fields } = meeting as typeof meeting & { status: string };
      const rules = { caseAnalysis: true, reportInquiries: true, notices: [STUDY, '县委巡察反馈问题整改'] };
      await source.must('meetings.update', { id: meeting.id, meeting: { ...fields, rules } });
      const saved = await source.must('exchange.export', { meetingId: meeting.id });
      return { source, rules, file: JSON.parse(fs.readFileSync(saved.path!, 'utf8')) as { dataVersion: number; tables: Record<string, { columns: string[]; rows: unknown[][] }> } };
    }
    const encode = (file: unknown) => new TextEncoder().encode(JSON.stringify(file));

    it('carries the 通报 items and switches, and the other laptop’s agenda follows them', async () => {
      const { rules, file } = await withRules();
      expect(Object.keys(file.tables)).toEqual(expect.arrayContaining(['meeting_rules', 'meeting_notices']));
      expect(Object.keys(file.tables)).not.toContain('meeting_presets');
      const target = await track(openTestApp());
      const { meetingId } = await target.must('exchange.import', { bytes: encode(file), existing: 'refuse' });
      expect((await target.must('meetings.get', { id: meetingId })).rules).toEqual(rules);
      const state = await target.must('minutes.prepare', { meetingId });
      expect(state.agenda.map((a) => a.title)).toEqual(expect.arrayContaining([`通报${STUDY}情况`, '通报县委巡察反馈问题整改情况', '通报班子成员受到谈话函询情况']));
    });

    it('imports a file written before the rules existed as before: the defaults of the meeting’s kind', async () => {
      const { file } = await withRules();
      const { meeting_rules: _r, meeting_notices: _n, ...tables } = file.tables;
      const target = await track(openTestApp());
      const { meetingId } = await target.must('exchange.import', { bytes: encode({ ...file, dataVersion: 18, tables }), existing: 'refuse' });
      const meeting = await target.must('meetings.get', { id: meetingId });
      expect(meeting.kind).toBe('special');
      expect(meeting.rules).toEqual({ caseAnalysis: false, reportInquiries: false, notices: [] });
    });

    it('refuses hostile rules or a table that is no part of a meeting, bilingually, and changes nothing', async () => {
      const { file } = await withRules();
      const notices = file.tables.meeting_notices;
      const col = (c: string) => notices.columns.indexOf(c);
      const withNotices = (rows: unknown[][]) => ({ ...file, tables: { ...file.tables, meeting_notices: { ...notices, rows } } });
      const subject = (text: string, i = 0) => notices.rows[0].map((v, c) => (c === col('subject') ? text : c === col('id') ? 900 + i : c === col('sort_order') ? 10 + i : v));
      const rules = file.tables.meeting_rules;
      const variants: [string, unknown, RegExp][] = [
        ['six items', withNotices(Array.from({ length: 6 }, (_v, i) => subject(`来源${i + 1}`, i))), /超过 5 项/],
        ['hidden character', withNotices([subject('巡察\u202e整改')]), /通报事项/],
        ['typed with 通报…情况', withNotices([subject('通报巡察整改情况')]), /写法不规范或重复/],
        ['twice', withNotices([subject('巡察整改', 0), subject('巡察整改', 1)]), /写法不规范或重复/],
        ['switch out of range', { ...file, tables: { ...file.tables, meeting_rules: { ...rules, rows: [rules.rows[0].map((v, c) => (rules.columns[c] === 'case_analysis' ? 7 : v))] } } }, /数据规则/],
        ['a preset', { ...file, tables: { ...file.tables, meeting_presets: { columns: ['year', 'name', 'aspects', 'updated_at', 'built_in'], rows: [[2025, '2025年度 民主生活会（伪）', '[]', '2026-12-03T00:00:00Z', 1]] } } }, /不属于会议的数据表「meeting_presets」/],
        ['the search index', { ...file, tables: { ...file.tables, search_docs: { columns: ['rowid'], rows: [[1]] } } }, /不属于会议|不认识/],
      ];
      const target = await track(openTestApp());
      const before = target.counts();
      for (const [what, content, message] of variants) {
        const result = await target.call('exchange.import', { bytes: encode(content), existing: 'copy' });
        expect(result, what).toMatchObject({ ok: false });
        if (!result.ok) {
          expect(result.error.message, what).toMatch(message);
          expect(result.error.message, what).toMatch(/^交换文件无法导入/);
          expect(result.error.messageEn ?? '', what).toMatch(/exchange file cannot be imported/);
        }
        expect(target.counts(), what).toEqual(before);
      }
    });
  });
});
