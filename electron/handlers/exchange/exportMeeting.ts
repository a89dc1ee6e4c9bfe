import type Database from 'better-sqlite3-multiple-ciphers';
import { latestVersion } from '../../../db/migrations';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from '../../common/api/exchange';
import { notFound } from '../../common/result';
import { SHARED, readSchema } from './graph';

export type Cell = string | number | null | { $b64: string };
export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: number;
  dataVersion: number;
  exportedAt: string;
  appVersion: string;
  root: { meetingId: number };
  tables: Record<string, { columns: string[]; rows: Cell[][] }>;
}

type Row = Record<string, unknown>;

const cell = (v: unknown): Cell => (v instanceof Uint8Array ? { $b64: Buffer.from(v).toString('base64') } : typeof v === 'bigint' ? Number(v) : (v as Cell));

/**
 * Everything that belongs to one meeting, found through the foreign keys SQLite reports: the meeting, its team and
 * members, every row that hangs (directly or through other rows) below the meeting, and every row those point to.
 */
export function collectMeeting(sqlite: Database.Database, meetingId: number, meta: { exportedAt: string; appVersion: string }): ExchangeFile {
  const schema = readSchema(sqlite);
  const meeting = sqlite.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as Row | undefined;
  if (!meeting) throw notFound({ zh: '会议', en: 'Meeting' }, meetingId);
  const included = new Map<string, Map<string, Row>>();
  const add = (table: string, row: Row): boolean => {
    const rows = included.get(table) ?? new Map<string, Row>();
    included.set(table, rows);
    const key = JSON.stringify(row, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v));
    if (rows.has(key)) return false;
    rows.set(key, row);
    return true;
  };
  add('meetings', meeting);
  for (const row of sqlite.prepare('SELECT * FROM teams WHERE id = ?').all(meeting.team_id) as Row[]) add('teams', row);
  for (const row of sqlite.prepare('SELECT * FROM members WHERE team_id = ?').all(meeting.team_id) as Row[]) add('members', row);

  for (let changed = true; changed; ) {
    changed = false;
    for (const info of schema.values()) {
      for (const fk of info.foreignKeys) {
        // Down: rows of this table below included meeting-scoped rows.
        if (!SHARED.has(fk.table) && info.name !== 'teams' && included.has(fk.table)) {
          const values = [...included.get(fk.table)!.values()].map((r) => r[fk.to]).filter((v) => v !== null && v !== undefined);
          for (let i = 0; i < values.length; i += 500) {
            const chunk = values.slice(i, i + 500);
            const rows = sqlite.prepare(`SELECT * FROM "${info.name}" WHERE "${fk.from}" IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Row[];
            for (const row of rows) if (add(info.name, row)) changed = true;
          }
        }
        // Up: whatever an included row points to travels with it, so links are never broken.
        for (const row of [...(included.get(info.name)?.values() ?? [])]) {
          const value = row[fk.from];
          if (value === null || value === undefined) continue;
          const parent = sqlite.prepare(`SELECT * FROM "${fk.table}" WHERE "${fk.to}" = ?`).get(value) as Row | undefined;
          if (parent && add(fk.table, parent)) changed = true;
        }
      }
    }
  }
  const tables: ExchangeFile['tables'] = {};
  for (const [table, rows] of included) {
    const columns = schema.get(table)!.columns.map((c) => c.name);
    tables[table] = { columns, rows: [...rows.values()].map((r) => columns.map((c) => cell(r[c]))) };
  }
  return { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, dataVersion: latestVersion, exportedAt: meta.exportedAt, appVersion: meta.appVersion, root: { meetingId }, tables };
}
