import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { latestVersion, migrations } from './migrations';
import type { Migration } from './migrations/types';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-db-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fileIn = (name = 'data.sqlite') => path.join(dir, name);

describe('openDatabase', () => {
  it('creates a new file with WAL, synchronous=FULL, foreign keys and the latest schema', async () => {
    const conn = await openDatabase({ file: fileIn() });
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(conn.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(conn.sqlite.pragma('user_version', { simple: true })).toBe(latestVersion);
    expect(conn.preMigrationBackup).toBeNull();
    await conn.close();
  });

  it('lists migrations in strictly increasing version order, starting at 1', () => {
    expect(migrations[0].version).toBe(1);
    migrations.slice(1).forEach((m, i) => expect(m.version).toBeGreaterThan(migrations[i].version));
  });

  it('refuses a file written by a newer version and leaves it byte for byte untouched', async () => {
    const file = fileIn();
    await (await openDatabase({ file })).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${latestVersion + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fs.readFileSync(file);
    await expect(openDatabase({ file })).rejects.toMatchObject({ code: 'db.tooNew' });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a database with a clear message', async () => {
    const file = fileIn();
    fs.writeFileSync(file, 'this is not sqlite at all, just text that someone renamed'.repeat(200));
    await expect(openDatabase({ file })).rejects.toMatchObject({ code: expect.stringMatching(/^db\.(corrupt|unreadable)$/) });
  });

  it('backs up an existing file before migrating it, and the backup opens at the old version', async () => {
    const file = fileIn();
    const v1 = await openDatabase({ file, migrations: migrations.slice(0, 1) });
    v1.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('测试党组','party_group','',  'x','x')").run();
    await v1.close();
    const extra: Migration = { version: 2, name: 'extra', up: (s) => s.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)') };
    const conn = await openDatabase({ file, migrations: [migrations[0], extra] });
    expect(conn.preMigrationBackup).not.toBeNull();
    const backup = new Database(conn.preMigrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT name FROM teams').all()).toEqual([{ name: '测试党组' }]);
    backup.close();
    await conn.close();
  });

  it('leaves the file exactly as it was when a migration fails', async () => {
    const file = fileIn();
    const v1 = await openDatabase({ file, migrations: migrations.slice(0, 1) });
    v1.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('测试党组','party_group','','x','x')").run();
    await v1.close();
    const dump = (f: string) => {
      const d = new Database(f, { readonly: true });
      const tables = d.prepare("SELECT name, sql FROM sqlite_master ORDER BY name").all();
      const version = d.pragma('user_version', { simple: true });
      const teams = d.prepare('SELECT * FROM teams').all();
      d.close();
      return { tables, version, teams };
    };
    const before = dump(file);
    const failing: Migration = {
      version: 2,
      name: 'half-done',
      up: (s) => {
        s.exec('CREATE TABLE half (id INTEGER PRIMARY KEY)');
        s.exec("UPDATE teams SET name = '被改动'");
        throw new Error('boom');
      },
    };
    await expect(openDatabase({ file, migrations: [migrations[0], failing] })).rejects.toMatchObject({ code: 'db.migrationFailed' });
    expect(dump(file)).toEqual(before);
  });

  it('rejects impossible calendar dates in SQL as well (CHECK)', async () => {
    const conn = await openDatabase({ file: fileIn() });
    conn.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('党组','party_group','','x','x')").run();
    const insert = (date: string) =>
      conn.sqlite
        .prepare("INSERT INTO meetings (team_id, kind, year, theme, date, created_at, updated_at) VALUES (1, 'annual', 2026, '主题', ?, 'x', 'x')")
        .run(date);
    expect(() => insert('2026-02-30')).toThrow(/CHECK/);
    expect(() => insert('2026/12/01')).toThrow(/CHECK/);
    expect(() => insert('2026-12-01')).not.toThrow();
    await conn.close();
  });
});
