import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { backupDir, backupName, dailyBackup, installCopy, listBackups, previewFile, rotate, selectKept, writeVerifiedBackup, type BackupEntry } from './backup';
import { CIPHER_PRAGMAS, copyWithKey, fileKind, passphraseKey } from './cipher';
import { openDatabase } from './connection';
import { migrations } from './migrations';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jj-backup-'));

async function fileWithTeam(name = '测试党组') {
  const dir = tempDir();
  const file = path.join(dir, 'data.sqlite');
  const conn = await openDatabase({ file });
  conn.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, 'party_group', '', 'x', 'x')").run(name);
  return { dir, file, conn };
}

describe('online backups', () => {
  it('writes a verified copy that holds committed rows, also those still in the WAL', async () => {
    const { dir, conn } = await fileWithTeam();
    const target = path.join(dir, 'b.sqlite');
    await writeVerifiedBackup(conn.sqlite, target);
    const preview = previewFile(target);
    expect(preview).toMatchObject({ integrity: 'ok', teams: 1, meetings: 0, members: 0, dataVersion: migrations.at(-1)!.version });
    expect(preview.tables.export_log).toBe(0);
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
    await conn.close();
  });

  it('copies and checks in a worker thread when asked (the daily backup): committed rows in the WAL, progress, the same key', async () => {
    const { dir, file, conn } = await fileWithTeam('工作线程备份党组');
    const target = path.join(dir, 'off-thread.sqlite');
    const progress: Array<[number, number]> = [];
    await writeVerifiedBackup(conn.sqlite, target, (done, total) => progress.push([done, total]), true);
    expect(previewFile(target)).toMatchObject({ integrity: 'ok', teams: 1 });
    // Sealed: a single file, no companions, and the worker's temporary copy gone.
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp') || n.startsWith('off-thread.sqlite-'))).toEqual([]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
    await conn.close();

    // An encrypted file: copied by the worker with the derived key, the backup opens with the passphrase.
    const key = passphraseKey('备份口令 backup');
    const encrypted = path.join(dir, 'encrypted.sqlite');
    const source = new Database(file, { readonly: true });
    fs.renameSync(copyWithKey(source, encrypted, key), encrypted);
    source.close();
    const enc = await openDatabase({ file: encrypted, key });
    enc.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('加密后新增', 'party_group', '', 'x', 'x')").run();
    const encTarget = path.join(dir, 'encrypted-backup.sqlite');
    await writeVerifiedBackup(enc.sqlite, encTarget, undefined, true);
    await enc.close();
    expect(fileKind(encTarget)).toBe('encrypted');
    expect(previewFile(encTarget, key)).toMatchObject({ integrity: 'ok', teams: 2 });
    const byPassphrase = new Database(encTarget, { readonly: true });
    for (const pragma of CIPHER_PRAGMAS) byPassphrase.pragma(pragma);
    byPassphrase.key(key);
    expect(byPassphrase.prepare('SELECT count(*) FROM teams').pluck().get()).toBe(2);
    byPassphrase.close();
  });

  it('takes one daily backup per day, in the backups folder beside the data', async () => {
    const { file, conn } = await fileWithTeam();
    const morning = new Date(2026, 10, 27, 8, 0, 0);
    const first = await dailyBackup(conn.sqlite, file, morning);
    expect(first).not.toBeNull();
    expect(path.dirname(first!)).toBe(backupDir(file));
    expect(await dailyBackup(conn.sqlite, file, new Date(2026, 10, 27, 17, 0, 0))).toBeNull();
    expect(await dailyBackup(conn.sqlite, file, new Date(2026, 10, 28, 8, 0, 0))).not.toBeNull();
    expect(listBackups(backupDir(file)).map((b) => b.kind)).toEqual(['daily', 'daily']);
    await conn.close();
  });

  it('refuses to preview a file that is not a Jingjian database, with a bilingual message', () => {
    const dir = tempDir();
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database'.repeat(100));
    expect(() => previewFile(junk)).toThrow(/不是有效的镜鉴数据文件|无法读取/);
    const other = path.join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (x TEXT)');
    db.close();
    expect(() => previewFile(other)).toThrow(/不是镜鉴数据文件/);
  });

  it('installs a backup over a closed data file and drops the old WAL', async () => {
    const { dir, file, conn } = await fileWithTeam('旧党组');
    const backup = path.join(dir, 'b.sqlite');
    await writeVerifiedBackup(conn.sqlite, backup);
    conn.sqlite.prepare("UPDATE teams SET name = '新党组'").run();
    await conn.close();
    await installCopy(backup, file);
    const reopened = await openDatabase({ file });
    expect(reopened.sqlite.prepare('SELECT name FROM teams').all()).toEqual([{ name: '旧党组' }]);
    await reopened.close();
  });

  it('refuses to install a damaged backup and leaves the data file untouched', async () => {
    const { dir, file, conn } = await fileWithTeam();
    await conn.close();
    const before = fs.readFileSync(file);
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, Buffer.alloc(8192, 7));
    await expect(installCopy(bad, file)).rejects.toThrow();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('rotation', () => {
  const entry = (kind: BackupEntry['kind'], day: string, time = '08:00:00'): BackupEntry => ({ file: `/b/${kind}-${day}-${time}`, name: `${kind}-${day}`, kind, takenAt: `${day} ${time}`, at: `${day}T${time}Z`, bytes: 1, encrypted: false });

  it('keeps 7 daily and 4 weekly by default, and the newest of each day', () => {
    const entries: BackupEntry[] = [];
    for (let i = 0; i < 60; i++) {
      const d = new Date(Date.UTC(2026, 10, 27 - i));
      const day = d.toISOString().slice(0, 10);
      entries.push(entry('daily', day, '18:00:00'), entry('daily', day, '08:00:00'));
    }
    const kept = selectKept(entries, { daily: 7, weekly: 4 });
    const keptDaily = entries.filter((e) => kept.has(e.file));
    expect(keptDaily).toHaveLength(11);
    expect(keptDaily.slice(0, 7).every((e) => e.takenAt.endsWith('18:00:00'))).toBe(true);
    expect(keptDaily[0].takenAt.startsWith('2026-11-27')).toBe(true);
    // The weekly ones are in four different weeks, all older than the dailies.
    const weekly = keptDaily.slice(7).map((e) => e.takenAt.slice(0, 10));
    expect(new Set(weekly).size).toBe(4);
    expect(weekly.every((d) => d < '2026-11-21')).toBe(true);
  });

  it('follows a configured policy and keeps the newest safety copies', () => {
    const entries = [entry('daily', '2026-11-27'), entry('daily', '2026-11-26'), entry('daily', '2026-11-25'), entry('premigration', '2026-01-01'), entry('prerestore', '2025-01-01')];
    const kept = selectKept(entries, { daily: 2, weekly: 0 });
    expect([...kept].sort()).toEqual(['/b/daily-2026-11-26-08:00:00', '/b/daily-2026-11-27-08:00:00', '/b/premigration-2026-01-01-08:00:00', '/b/prerestore-2025-01-01-08:00:00']);
  });

  it('deletes only its own files', () => {
    const dir = tempDir();
    for (let i = 1; i <= 9; i++) fs.writeFileSync(path.join(dir, backupName('daily', new Date(2026, 10, i, 8))), 'x');
    fs.writeFileSync(path.join(dir, 'my notes.txt'), 'keep me');
    const removed = rotate(dir, { daily: 3, weekly: 0 });
    expect(removed).toHaveLength(6);
    expect(fs.readdirSync(dir)).toContain('my notes.txt');
    expect(listBackups(dir)).toHaveLength(3);
  });
});

describe('migrations', () => {
  it('puts a verified pre-migration copy in the backups folder', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.sqlite');
    const v1 = await openDatabase({ file, migrations: migrations.slice(0, 1) });
    await v1.close();
    const conn = await openDatabase({ file, migrations: [migrations[0], { version: 99, name: 'x', up: (s) => s.exec('CREATE TABLE x_extra (id INTEGER PRIMARY KEY)') }] });
    expect(path.dirname(conn.preMigrationBackup!)).toBe(backupDir(file));
    expect(listBackups(backupDir(file))[0].kind).toBe('premigration');
    expect(previewFile(conn.preMigrationBackup!).dataVersion).toBe(1);
    await conn.close();
  });
});

describe('rotation never loses the last data', () => {
  it('keeps the newest backup that holds data, however many daily backups of an empty file follow', async () => {
    const { file, conn } = await fileWithTeam('轮换中不能丢的党组');
    const withData = await dailyBackup(conn.sqlite, file, new Date(2026, 9, 1, 8));
    await conn.close();
    // The data file is lost; a fresh empty one is backed up every day for six weeks.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    const empty = await openDatabase({ file });
    for (let day = 2; day <= 43; day++) await dailyBackup(empty.sqlite, file, new Date(2026, 9, day, 8), { daily: 3, weekly: 1 });
    await empty.close();
    const names = listBackups(backupDir(file)).map((b) => b.file);
    expect(names).toContain(withData);
    expect(previewFile(withData!).teams).toBe(1);
    // The policy still trims the empty ones.
    expect(names.length).toBeLessThanOrEqual(5);
  });
});
