import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, dailyBackup, listBackups } from '../../db/backup';
import { latestVersion } from '../../db/migrations';
import { prepareDatabase } from '../../tests/crashKit';
import { folderFiles } from '../handlers/files';
import { openHost, type Host } from '.';

/** What the app does at start with files that are damaged, missing, read-only or newer, through the real host. */
let dir: string;
const hosts: Host[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dataFileIn = () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-startup-'));
  return path.join(dir, 'jingjian.sqlite');
};
async function start(dataFile: string, options: { day?: number; exportDir?: string; onBackupError?: (e: Error) => void } = {}): Promise<Host> {
  const host = await openHost({
    dataFile,
    files: folderFiles(options.exportDir ?? path.join(path.dirname(dataFile), 'exports')),
    appVersion: 'test',
    now: () => new Date(2026, 10, options.day ?? 26, 8),
    onBackupError: options.onBackupError,
  });
  hosts.push(host);
  await host.maintenance();
  return host;
}
async function stop(host: Host): Promise<void> {
  hosts.splice(hosts.indexOf(host), 1);
  await host.close();
}
const value = <T>(result: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

/** A data file with one team, its daily backup of the 26th holding that team, closed. */
async function withTeam(): Promise<string> {
  const dataFile = dataFileIn();
  const host = await start(dataFile);
  value(await host.dispatch('teams.create', { name: '青溪县党组', organ: 'party_group', unit: '' }));
  await stop(host);
  const day27 = await start(dataFile, { day: 27 });
  await stop(day27);
  return dataFile;
}

describe('start-up says what is wrong and offers the right way out', () => {
  it('finds a header byte that forbids writing at start and opens the file for viewing only', async () => {
    const dataFile = await withTeam();
    const bytes = fs.readFileSync(dataFile);
    bytes[18] = 3;
    fs.writeFileSync(dataFile, bytes);
    const host = await start(dataFile, { day: 28 });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(host.startup().readOnly).toMatchObject({ code: 'db.readOnlyHeader', message: expect.stringContaining('只读') });
    expect(value(await host.dispatch('teams.list', {}))).toMatchObject([{ name: '青溪县党组' }]);
    const refused = await host.dispatch('teams.create', { name: '新党组', organ: 'party_group', unit: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'db.readOnly', message: expect.stringContaining('修改未保存') } });
    expect(fs.readFileSync(dataFile).equals(bytes)).toBe(true);
  });

  it('sends a file whose magic string was damaged to recovery, not to a passphrase prompt', async () => {
    const dataFile = await withTeam();
    const bytes = fs.readFileSync(dataFile);
    bytes[0] = 's'.charCodeAt(0);
    fs.writeFileSync(dataFile, bytes);
    const host = await start(dataFile, { day: 28 });
    expect(host.status()).toMatchObject({ mode: 'recovery', code: expect.stringMatching(/^db\.(corrupt|unreadable)$/) });
  });

  it('leaves a newer-version file without -wal or -shm, and does not offer to overwrite it with a backup', async () => {
    const dataFile = await withTeam();
    const raw = new Database(dataFile);
    raw.pragma(`user_version = ${latestVersion + 3}`);
    raw.close();
    for (const suffix of ['-wal', '-shm']) expect(fs.existsSync(`${dataFile}${suffix}`)).toBe(false);
    const before = fs.readFileSync(dataFile);
    const host = await start(dataFile, { day: 28 });
    expect(host.status()).toMatchObject({ mode: 'recovery', code: 'db.tooNew', message: expect.stringContaining('没有损坏') });
    for (const suffix of ['-wal', '-shm']) expect(fs.existsSync(`${dataFile}${suffix}`)).toBe(false);
    const [latest] = value<{ name: string }[]>(await host.dispatch('recovery.list', {}));
    expect(await host.dispatch('recovery.restore', { name: latest.name })).toMatchObject({ ok: false, error: { code: 'recovery.notDamaged' } });
    expect(await host.dispatch('recovery.salvagePreview', {})).toMatchObject({ ok: false, error: { code: 'recovery.notDamaged' } });
    expect(fs.readFileSync(dataFile).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.includes('.damaged-'))).toEqual([]);
  });

  it('goes to recovery when the data file is missing or empty and backups exist, instead of starting empty', async () => {
    const dataFile = await withTeam();
    fs.rmSync(dataFile);
    const missing = await start(dataFile, { day: 28 });
    expect(missing.status()).toMatchObject({ mode: 'recovery', code: 'db.missing' });
    expect(fs.existsSync(dataFile)).toBe(false);
    const [latest] = value<{ name: string }[]>(await missing.dispatch('recovery.list', {}));
    value(await missing.dispatch('recovery.restore', { name: latest.name }));
    expect(value(await missing.dispatch('teams.list', {}))).toMatchObject([{ name: '青溪县党组' }]);
    await stop(missing);

    fs.writeFileSync(dataFile, '');
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dataFile}${suffix}`, { force: true });
    const empty = await start(dataFile, { day: 29 });
    expect(empty.status()).toMatchObject({ mode: 'recovery', code: 'db.empty', message: expect.stringContaining('0 字节') });
    // The user may still choose to start afresh.
    expect(value(await empty.dispatch('recovery.startEmpty', {}))).toEqual({ mode: 'normal' });
    expect(value(await empty.dispatch('teams.list', {}))).toEqual([]);
  });

  it('reports a failed daily backup to the screen, and still opens the data', async () => {
    const dataFile = dataFileIn();
    fs.writeFileSync(path.join(dir, 'backups'), 'a file where the backups folder should be');
    const errors: Error[] = [];
    const host = await start(dataFile, { onBackupError: (e) => errors.push(e) });
    expect(host.status()).toEqual({ mode: 'normal' });
    const report = value<{ maintenance: { state: string; error: { code: string; message: string; messageEn: string } } }>(await host.dispatch('backup.startup', {}));
    expect(report.maintenance).toMatchObject({ state: 'failed', error: { code: 'backup.folder', message: expect.stringContaining('无法创建备份文件夹') } });
    expect(report.maintenance.error.message).not.toMatch(/ENOTDIR|EEXIST/);
    expect(errors).toHaveLength(1);
  });

  it('removes temporary copies a killed "back up now" left in the chosen folder at the next start, and says so', async () => {
    const dataFile = dataFileIn();
    const stick = path.join(dir, 'usb-stick');
    const host = await start(dataFile, { exportDir: stick });
    expect(value(await host.dispatch('backup.now', {}))).toMatchObject({ saved: true });
    await stop(host);
    // What a process killed during the copy leaves behind: a hidden full copy of the database.
    const leftover = path.join(stick, '.jingjian-backup-tmp-0123456789ab.sqlite');
    fs.copyFileSync(dataFile, leftover);
    fs.writeFileSync(`${leftover}-journal`, 'x');
    const next = await start(dataFile, { day: 27 });
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.existsSync(`${leftover}-journal`)).toBe(false);
    expect(next.startup().cleaned).toEqual({ removed: 2, places: [stick] });
    expect(fs.readdirSync(stick).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
  });
});

describe('recovery never destroys the newest work', () => {
  /**
   * A damaged data file whose WAL holds 20 acknowledged teams: the files as a kill left them (copied while the writer
   * still had them open), then the root page of `members` zeroed in the main file.
   */
  async function damagedWithWal(): Promise<{ dataFile: string; main: Buffer; wal: Buffer }> {
    const dataFile = await withTeam();
    const writer = new Database(dataFile);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    const teamId = (writer.prepare('SELECT id FROM teams').get() as { id: number }).id;
    const member = writer.prepare("INSERT INTO members (team_id, name, position, role, portfolio, sort_order, created_at, updated_at) VALUES (?, ?, '', 'member', '', ?, 'x', 'x')");
    writer.transaction(() => {
      for (let i = 0; i < 300; i++) member.run(teamId, `成员${i}`.padEnd(20, '某'), i);
    })();
    writer.pragma('wal_checkpoint(TRUNCATE)');
    const team = writer.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, 'party_group', '', 'x', 'x')");
    for (let i = 0; i < 20; i++) team.run(`只在WAL中的党组${i}`);
    const rootpage = (writer.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'members'").get() as { rootpage: number }).rootpage;
    const pageSize = Number(writer.pragma('page_size', { simple: true }));
    const main = fs.readFileSync(dataFile);
    const wal = fs.readFileSync(`${dataFile}-wal`);
    const shm = fs.readFileSync(`${dataFile}-shm`);
    writer.close();
    main.fill(0, (rootpage - 1) * pageSize, rootpage * pageSize);
    fs.writeFileSync(dataFile, main);
    fs.writeFileSync(`${dataFile}-wal`, wal);
    fs.writeFileSync(`${dataFile}-shm`, shm);
    return { dataFile, main, wal };
  }

  it('sets the damaged file aside with its -wal and -shm, byte for byte, before a backup is restored', async () => {
    const { dataFile, main, wal } = await damagedWithWal();
    const host = await start(dataFile, { day: 28 });
    expect(host.status()).toMatchObject({ mode: 'recovery', code: 'db.corrupt' });
    const [latest] = value<{ name: string }[]>(await host.dispatch('recovery.list', {}));
    const restored = value<{ safetyCopy: string }>(await host.dispatch('recovery.restore', { name: latest.name }));
    const aside = path.join(dir, restored.safetyCopy);
    expect(fs.readFileSync(aside).equals(main)).toBe(true);
    expect(fs.readFileSync(`${aside}-wal`).equals(wal)).toBe(true);
    expect(fs.existsSync(`${aside}-shm`)).toBe(true);
  });

  it('offers "recover what can be read": the 20 teams that lived only in the WAL come back, the lost table is named', async () => {
    const { dataFile } = await damagedWithWal();
    const host = await start(dataFile, { day: 28 });
    const preview = value<{ teams: number; tables: { table: string; rows: number; incomplete: boolean }[] }>(await host.dispatch('recovery.salvagePreview', {}));
    expect(preview.teams).toBe(21);
    expect(preview.tables.find((t) => t.table === 'members')).toMatchObject({ incomplete: true });
    expect(preview.tables.find((t) => t.table === 'teams')).toEqual({ table: 'teams', rows: 21, incomplete: false });
    const restored = value<{ safetyCopy: string }>(await host.dispatch('recovery.salvage', {}));
    expect(host.status()).toEqual({ mode: 'normal' });
    const teams = value<{ name: string }[]>(await host.dispatch('teams.list', {}));
    expect(teams.filter((t) => t.name.startsWith('只在WAL中的党组'))).toHaveLength(20);
    expect(value<{ ok: boolean }>(await host.dispatch('backup.check', {})).ok).toBe(true);
    expect(fs.existsSync(path.join(dir, `${restored.safetyCopy}-wal`))).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.jingjian-salvage-tmp-'))).toEqual([]);
  });
});

describe('erasure that survives a crash', () => {
  it('finishes at the next start an erasure that was recorded but not done', async () => {
    const dataFile = dataFileIn();
    const { meetingId } = await prepareDatabase(dataFile, dir);
    const NAME = '尚未抹除的提交人';
    const host = await start(dataFile);
    const created = value<{ id: number }>(
      await host.dispatch('opinions.create', { meetingId, opinion: { channel: 'box', source: '', date: null, targetMemberId: null, aspectId: null, text: '崩溃前改为匿名的意见', anonymous: false, submitter: NAME } }),
    );
    const backup = await dailyBackup(host.context()!.sqlite, dataFile, new Date(2026, 10, 27, 8));
    expect(fs.readFileSync(backup!).includes(Buffer.from(NAME))).toBe(true);
    // What opinions.update commits, with the app stopped before the erasure after the commit could run.
    const sqlite = host.context()!.sqlite;
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE opinions SET anonymous = 1, submitter = NULL, created_at = NULL, position = 0, id = ? WHERE id = ?').run(created.id + 1_000_000, created.id);
      sqlite.prepare('INSERT INTO pending_erasures (opinion_id) VALUES (?)').run(created.id);
    })();
    await stop(host);
    expect(fs.readFileSync(backup!).includes(Buffer.from(NAME))).toBe(true);

    const next = await start(dataFile, { day: 28 });
    for (const entry of listBackups(backupDir(dataFile))) expect(fs.readFileSync(entry.file).includes(Buffer.from(NAME)), entry.name).toBe(false);
    expect(next.context()!.sqlite.prepare('SELECT count(*) AS n FROM pending_erasures').get()).toEqual({ n: 0 });
  });
});
