/*
 * Every read the UI makes, run on the large database (30 teams × 10 years, seeds/large.ts) through the real handlers,
 * with every SQL statement they prepare recorded and its plan checked: no full scan of a big table where an index
 * fits, and no list that returns a whole big table. The statements are captured, not copied, so a handler that
 * changes its query is checked as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { NestingSqliteDialect } from '../db/dialect';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../db/connection';
import type { DB } from '../db/schema';
import type { ChannelName, Input } from '../electron/common/api';
import { createContext } from '../electron/handlers/compose';
import type { HandlerContext } from '../electron/handlers/context';
import { dispatch } from '../electron/handlers/dispatch';
import { folderFiles } from '../electron/handlers/files';
import { copyLargeDatabase } from '../bench/largeDb';

/**
 * Tables with more rows than this in the large database count as big: a full scan of one is a finding. Low on purpose:
 * a table of one row per speech or per aspect is small after a year and not after ten.
 */
const BIG = 1_000;

interface Captured {
  sql: string;
  params: unknown[];
}

/** A view of the connection that records every statement prepared on it, with the parameters it ran with. */
function recording(sqlite: Database.Database, log: Captured[]): Database.Database {
  return new Proxy(sqlite, {
    get(target, key, receiver) {
      if (key === 'prepare') {
        return (sql: string) => {
          const statement = target.prepare(sql);
          const wrap =
            (method: 'all' | 'get' | 'run' | 'iterate') =>
            (...params: unknown[]) => {
              log.push({ sql, params });
              return (statement[method] as (...p: unknown[]) => unknown).apply(statement, params);
            };
          return new Proxy(statement, {
            get(s, k) {
              if (k === 'all' || k === 'get' || k === 'run' || k === 'iterate') return wrap(k);
              const value = Reflect.get(s, k, s);
              return typeof value === 'function' ? value.bind(s) : value;
            },
          });
        };
      }
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let dir: string;
let connection: Connection;
let ctx: HandlerContext;
const log: Captured[] = [];
let big: Map<string, number>;
let ids: { teamId: number; meetingId: number; memberId: number; materialId: number; itemId: number };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-plans-'));
  const file = copyLargeDatabase(dir);
  connection = await openDatabase({ file });
  const sqlite = recording(connection.sqlite, log);
  const db = new Kysely<DB>({ dialect: new NestingSqliteDialect(sqlite) });
  ctx = createContext({ ...connection, sqlite, db }, { files: folderFiles(path.join(dir, 'exports')), appVersion: 'plans' });
  const raw = connection.sqlite;
  big = new Map(
    (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'").all() as { name: string }[])
      .map((t) => [t.name, (raw.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n] as const)
      .filter(([, n]) => n > BIG),
  );
  // The busiest meeting of the newest year: the worst case a secretary meets.
  const meeting = raw.prepare('SELECT m.id, m.team_id FROM meetings m ORDER BY (SELECT count(*) FROM opinions o WHERE o.meeting_id = m.id) DESC LIMIT 1').get() as { id: number; team_id: number };
  const member = raw.prepare('SELECT member_id FROM attendance WHERE meeting_id = ? LIMIT 1 OFFSET 2').get(meeting.id) as { member_id: number };
  const material = raw.prepare('SELECT id FROM materials WHERE meeting_id = ? AND member_id IS NOT NULL LIMIT 1').get(meeting.id) as { id: number } | undefined;
  const item = raw.prepare('SELECT i.id FROM rectification_items i JOIN rectification_lists l ON l.id = i.list_id WHERE l.meeting_id = ? LIMIT 1').get(meeting.id) as { id: number } | undefined;
  // The large database has a material and an item in every meeting: without them two screens would go unchecked.
  if (!material || !item) throw new Error('the large database lacks a material or a rectification item in its busiest meeting');
  ids = { teamId: meeting.team_id, meetingId: meeting.id, memberId: member.member_id, materialId: material.id, itemId: item.id };
}, 180_000);

afterAll(async () => {
  await connection?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Read = { [C in ChannelName]: [C, Input<C>] }[ChannelName];

/** The reads each screen makes when it opens. Typed: a renamed channel is a compile error, and fails at run time. */
function screenReads(): Read[] {
  const m = ids.meetingId;
  return [
    ['teams.list', {}],
    ['members.list', { teamId: ids.teamId, includeLeft: true }],
    ['meetings.list', {}],
    ['meetings.list', { teamId: ids.teamId }],
    ['meetings.get', { id: m }],
    ['meetings.dashboard', { id: m }],
    ['attendance.get', { meetingId: m }],
    ['opinions.board', { meetingId: m }],
    ['opinions.stats', { meetingId: m }],
    ['talks.list', { meetingId: m }],
    ['talks.coverage', { meetingId: m }],
    ['talkPeople.list', { teamId: ids.teamId }],
    ['study.list', { meetingId: m }],
    ['materials.list', { meetingId: m }],
    ['materials.get', { id: ids.materialId }],
    ['minutes.console', { meetingId: m }],
    ['minutes.dossier', { meetingId: m, memberId: ids.memberId }],
    ['rectification.get', { meetingId: m }],
    ['rectification.sources', { meetingId: m }],
    ['rectification.review', { meetingId: m }],
    ['rectification.duplicates', { meetingId: m }],
    ['rectification.history', { itemId: ids.itemId }],
    ['report.draft', { meetingId: m }],
    ['exportLog.list', {}],
    ['search.query', { query: '整改到位' }],
    ['search.query', { query: '整改' }],
    ['search.query', { query: '党' }],
    ['search.query', { query: '调查研究', kinds: ['rectification'] }],
    ['search.query', { query: '批评', meetingId: m }],
    ['search.query', { query: '调查研究', memberId: ids.memberId }],
  ];
}

interface Finding {
  channel: string;
  table: string;
  detail: string;
  sql: string;
}

/** The plan lines of one captured read (empty for a write). */
function planOf(captured: Captured): { detail: string }[] {
  const sql = captured.sql.trim();
  if (!/^(SELECT|WITH)\b/i.test(sql)) return [];
  return connection.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(captured.params as never[])) as { detail: string }[];
}

/** SCAN lines of the plan that read a big table without an index. */
function fullScans(channel: string, captured: Captured): Finding[] {
  const sql = captured.sql.trim();
  const plan = planOf(captured);
  // Plans name a table by its alias when the query gives one ("SCAN m"): map aliases back to tables.
  const aliases = new Map<string, string>();
  for (const [, table, alias] of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi)) {
    aliases.set(table, table);
    if (alias && !/^(on|where|join|left|inner|cross|order|group|limit|using|natural)$/i.test(alias)) aliases.set(alias, table);
  }
  return plan.flatMap((row) => {
    const match = /^SCAN (\w+)(.*)$/.exec(row.detail);
    if (!match) return [];
    const [, name, rest] = match;
    const table = aliases.get(name) ?? name;
    scans.push(`${channel}: ${row.detail} (${table})`);
    if (!big.has(table)) return [];
    if (/USING (COVERING )?INDEX/.test(rest)) return [];
    return [{ channel, table, detail: row.detail, sql: sql.replace(/\s+/g, ' ').slice(0, 300) }];
  });
}

/** Every SCAN seen (big or small), printed for the record. */
const scans: string[] = [];

interface ScreenRead {
  channel: ChannelName;
  input: unknown;
  ms: number;
  rows: number | string;
  statements: Captured[];
}

let screens: Promise<ScreenRead[]> | null = null;
/** Every screen read once through dispatch, with the statements each one ran (shared by the tests below). */
function readScreens(): Promise<ScreenRead[]> {
  screens ??= (async () => {
    const out: ScreenRead[] = [];
    for (const [channel, input] of screenReads()) {
      const from = log.length;
      const started = performance.now();
      const result = await dispatch(ctx, channel, input);
      const ms = performance.now() - started;
      expect(result.ok, `${channel}: ${result.ok ? '' : result.error.messageEn}`).toBe(true);
      const value = result.ok ? (result.value as unknown) : null;
      const rows = Array.isArray(value) ? value.length : typeof value === 'object' && value && 'hits' in value ? (value as { hits: unknown[] }).hits.length : '—';
      out.push({ channel, input, ms: Math.round(ms * 10) / 10, rows, statements: log.slice(from) });
    }
    return out;
  })();
  return screens;
}

describe('every screen’s reads on ten years of records', () => {
  it('reads no big table in full (each statement’s plan)', async () => {
    const reads = await readScreens();
    const findings: Finding[] = [];
    for (const read of reads) for (const captured of read.statements) findings.push(...fullScans(read.channel, captured));
    console.table(reads.map((r) => ({ channel: `${r.channel} ${JSON.stringify(r.input).slice(0, 60)}`, ms: r.ms, statements: r.statements.length, rows: r.rows })));
    const unique = [...new Map(findings.map((f) => [`${f.channel}|${f.detail}|${f.sql}`, f])).values()];
    console.log([...new Set(scans)].join('\n'));
    if (unique.length > 0) console.table(unique);
    expect(unique).toEqual([]);
  }, 180_000);

  it('keeps the big tables behind their indexes in the per-meeting lists the screens really run', async () => {
    const reads = await readScreens();
    /** Plan lines of every statement a channel ran, across its reads. */
    const planLines = (channel: ChannelName) => reads.filter((r) => r.channel === channel).flatMap((r) => r.statements.flatMap((c) => planOf(c).map((p) => p.detail)));
    const expectations: [ChannelName, RegExp][] = [
      ['opinions.board', /SEARCH opinions USING INDEX opinions_by_meeting/],
      ['opinions.stats', /SEARCH opinions USING INDEX opinions_by_meeting/],
      ['opinions.board', /SEARCH consolidated_opinions USING INDEX consolidated_opinions_by_meeting/],
      ['minutes.console', /USING INDEX minutes_entries_by_meeting/],
      ['talks.list', /USING INDEX talks_by_meeting/],
      ['materials.list', /USING INDEX materials_one_per_author/],
      ['rectification.get', /USING INDEX rectification_items_by_list/],
      ['search.query', /USING INDEX search_docs_by_meeting/],
    ];
    const missing = expectations.flatMap(([channel, index]) => {
      const lines = planLines(channel);
      return lines.some((l) => index.test(l)) ? [] : [`${channel}: no plan uses ${index}:\n  ${lines.join('\n  ') || '(no read ran)'}`];
    });
    expect(missing).toEqual([]);
  }, 180_000);
});
