import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { openFile } from './cipher';
import { migrate } from './connection';
import { DbError } from './errors';
import { integrityCheck } from './integrity';
import { migrations as allMigrations, type Migration } from './migrations';

/**
 * "Recover what can be read" from a damaged data file: the file and its -wal (which may hold the newest acknowledged
 * writes) are copied into a private folder, opened there, and every row SQLite can still read is copied, table by
 * table, into a new file with the same schema. Rows of a table behind a damaged page are read up to it and, backwards,
 * from the end down to it. Rows whose parent was lost are dropped (foreign keys hold in the result). The search index
 * is rebuilt by its triggers. The damaged file is never opened in place and never changed.
 */

export interface SalvagedTable {
  table: string;
  /** Rows copied into the new file. */
  rows: number;
  /** Some rows could not be read (a damaged page), or had to be dropped because their parent was lost. */
  incomplete: boolean;
}

export interface SalvageResult {
  /** The new file (plain, rollback journal), checked with integrity_check. */
  file: string;
  dataVersion: number;
  tables: SalvagedTable[];
}

/** Tables filled by triggers (the search index) and SQLite's own: rebuilt, never copied. */
function copiedTables(db: Database.Database): string[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage").all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => name !== 'search_docs' && !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
}

/** Reads one table's rows by rowid, forwards until a read fails and then backwards down to where it failed. */
function readRows(source: Database.Database, table: string, columns: string[], take: (row: unknown[]) => void): boolean {
  const list = columns.map(quote).join(', ');
  const seen = new Set<number>();
  let complete = true;
  const pass = (sql: string, start: number): void => {
    let cursor = start;
    for (;;) {
      let batch: unknown[][];
      try {
        batch = source.prepare(sql).raw().all(cursor) as unknown[][];
      } catch {
        complete = false;
        return;
      }
      if (batch.length === 0) return;
      for (const row of batch) {
        const rowid = Number(row[0]);
        if (seen.has(rowid)) return;
        seen.add(rowid);
        take(row.slice(1));
        cursor = rowid;
      }
    }
  };
  pass(`SELECT rowid, ${list} FROM ${quote(table)} WHERE rowid > ? ORDER BY rowid LIMIT 500`, Number.MIN_SAFE_INTEGER);
  if (!complete) pass(`SELECT rowid, ${list} FROM ${quote(table)} WHERE rowid < ? ORDER BY rowid DESC LIMIT 500`, Number.MAX_SAFE_INTEGER);
  return complete;
}

/** Deletes rows whose parent row was lost, until foreign_key_check is clean; returns the tables that lost rows. */
function dropOrphans(db: Database.Database): Set<string> {
  const touched = new Set<string>();
  for (let pass = 0; pass < 20; pass++) {
    const problems = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number | null }[];
    if (problems.length === 0) return touched;
    for (const { table, rowid } of problems) {
      if (rowid === null) continue;
      db.prepare(`DELETE FROM ${quote(table)} WHERE rowid = ?`).run(rowid);
      touched.add(table);
    }
  }
  throw new DbError('salvage.failed', '抢救出的数据关联无法理顺，未作任何改动', 'The links of the salvaged data could not be made consistent; nothing was changed');
}

/**
 * Salvages `damaged` (with its -wal) into a new plain file beside `near` and returns what it holds. `key` reads an
 * encrypted damaged file. Throws `salvage.failed` when nothing at all can be read.
 */
export function salvage(damaged: string, near: string, key: Buffer | null, list: readonly Migration[] = allMigrations): SalvageResult {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jingjian-salvage-'));
  const target = path.join(path.dirname(near), `.jingjian-salvage-tmp-${crypto.randomBytes(6).toString('hex')}.sqlite`);
  let source: Database.Database | null = null;
  let out: Database.Database | null = null;
  try {
    const copy = path.join(scratch, 'damaged.sqlite');
    fs.copyFileSync(damaged, copy);
    if (fs.existsSync(`${damaged}-wal`)) fs.copyFileSync(`${damaged}-wal`, `${copy}-wal`);
    try {
      source = openFile(copy, { readonly: true, key });
      source.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (cause) {
      throw new DbError('salvage.nothing', `损坏的数据文件已无法读出任何内容：${(cause as Error).message}`, `Nothing can be read from the damaged data file: ${(cause as Error).message}`);
    }
    const latest = list.at(-1)?.version ?? 0;
    let version = latest;
    try {
      const stored = Number(source.pragma('user_version', { simple: true }));
      if (stored > 0 && stored <= latest) version = stored;
    } catch {
      // The header cannot be read: the current schema is the best guess.
    }
    out = new Database(target);
    out.pragma('journal_mode = DELETE');
    migrate(out, list.filter((m) => m.version <= version));
    out.pragma('foreign_keys = OFF');
    const tables: SalvagedTable[] = [];
    let readable: string[];
    try {
      readable = copiedTables(source);
    } catch (cause) {
      throw new DbError('salvage.nothing', `损坏的数据文件的目录已无法读取：${(cause as Error).message}`, `The table list of the damaged data file cannot be read: ${(cause as Error).message}`);
    }
    const insertAll = out.transaction(() => {
      for (const table of copiedTables(out!)) {
        if (!readable.includes(table)) {
          tables.push({ table, rows: 0, incomplete: true });
          continue;
        }
        const theirs = new Set(columnsOf(source!, table));
        const columns = columnsOf(out!, table).filter((c) => theirs.has(c));
        const insert = out!.prepare(`INSERT OR IGNORE INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        let rows = 0;
        let skipped = false;
        const complete = readRows(source!, table, columns, (row) => {
          try {
            rows += insert.run(...row).changes;
          } catch {
            skipped = true;
          }
        });
        tables.push({ table, rows, incomplete: !complete || skipped });
      }
      const lost = dropOrphans(out!);
      for (const entry of tables) {
        if (!lost.has(entry.table)) continue;
        entry.incomplete = true;
        entry.rows = (out!.prepare(`SELECT count(*) AS n FROM ${quote(entry.table)}`).get() as { n: number }).n;
      }
    });
    insertAll();
    out.pragma('foreign_keys = ON');
    if (version < latest) migrate(out, list);
    const check = integrityCheck(out);
    if (check !== 'ok') throw new DbError('salvage.failed', `抢救出的文件校验未通过：${check}`, `The salvaged file failed its check: ${check}`);
    out.close();
    return { file: target, dataVersion: latest, tables };
  } catch (error) {
    out?.close();
    for (const suffix of ['', '-journal']) fs.rmSync(`${target}${suffix}`, { force: true });
    if (error instanceof DbError) throw error;
    throw new DbError('salvage.failed', `抢救失败，未作任何改动：${(error as Error).message}`, `Salvage failed; nothing was changed: ${(error as Error).message}`);
  } finally {
    source?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
