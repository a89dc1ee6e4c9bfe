import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../../db/backup';
import { folderFiles } from '../files';
import { openTestApp, type TestApp } from '../testing';
import { openHost } from '../../host';

let app: TestApp;
afterEach(async () => {
  // After a restore the context holds a new connection; close that one too.
  await app.ctx.connection.close();
  await app.close();
});

const teamNames = (a: TestApp) => (a.ctx.sqlite.prepare('SELECT name FROM teams ORDER BY id').all() as { name: string }[]).map((r) => r.name);

describe('backup channels', () => {
  it('backs up now to a chosen file, verified, and logs it in the export log', async () => {
    app = await openTestApp();
    await app.must('teams.create', { name: '中共测试县委员会', organ: 'party_committee', unit: '测试县' });
    const result = await app.must('backup.now', {});
    expect(result.saved).toBe(true);
    expect(result.fileName).toMatch(/^镜鉴数据备份-2026-11-27\.sqlite$/);
    expect(fs.existsSync(result.path!)).toBe(true);
    const log = await app.must('exportLog.list', {});
    expect(log[0]).toMatchObject({ kind: 'backup', fileName: result.fileName });
    expect(fs.readdirSync(app.exportDir).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('names the backup by the date in the user’s time zone, not main’s', async () => {
    app = await openTestApp();
    // The test clock is 2026-11-27 09:00 in Beijing: in Honolulu it is still the 26th.
    await app.must('settings.update', { timeZone: 'Pacific/Honolulu' });
    expect((await app.must('backup.now', {})).fileName).toBe('镜鉴数据备份-2026-11-26.sqlite');
  });

  it('previews and restores a backup, keeping the current data as a safety copy first', async () => {
    app = await openTestApp();
    await app.must('teams.create', { name: '第一党组', organ: 'party_group', unit: '' });
    // A daily backup of the state with one team.
    const { dailyBackup } = await import('../../../db/backup');
    await dailyBackup(app.ctx.sqlite, app.ctx.dataFile, new Date(2026, 10, 26, 8));
    await app.must('teams.create', { name: '第二党组', organ: 'party_group', unit: '' });
    const overview = await app.must('backup.list', {});
    expect(overview.policy).toEqual({ daily: 7, weekly: 4 });
    const name = overview.backups[0].name;
    const preview = await app.must('backup.preview', { name });
    expect(preview).toMatchObject({ teams: 1, meetings: 0, members: 0, integrity: 'ok' });
    expect(preview.tables.find((t) => t.table === 'teams')?.rows).toBe(1);

    const restored = await app.must('backup.restore', { name });
    expect(teamNames(app)).toEqual(['第一党组']);
    // The app keeps working on the restored file through the same context.
    await app.must('teams.create', { name: '第三党组', organ: 'party_group', unit: '' });
    expect((await app.must('teams.list', {})).map((t) => t.name)).toEqual(['第一党组', '第三党组']);
    const safety = (await app.must('backup.preview', { name: restored.safetyCopy! }));
    expect(safety.teams).toBe(2);
  });

  it('refuses unknown or path-like backup names and changes nothing', async () => {
    app = await openTestApp();
    const before = app.counts();
    for (const name of ['../test.sqlite', '/etc/passwd', 'jingjian-daily-20260101-080000.sqlite']) {
      const result = await app.call('backup.restore', { name });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.messageEn.length).toBeGreaterThan(5);
    }
    expect(app.counts()).toEqual(before);
  });

  it('stores the rotation policy and applies it at once', async () => {
    app = await openTestApp();
    const { dailyBackup } = await import('../../../db/backup');
    for (let day = 1; day <= 5; day++) await dailyBackup(app.ctx.sqlite, app.ctx.dataFile, new Date(2026, 10, day, 8), { daily: 30, weekly: 0 });
    const overview = await app.must('backup.setPolicy', { daily: 2, weekly: 0 });
    expect(overview.policy).toEqual({ daily: 2, weekly: 0 });
    expect(overview.backups.filter((b) => b.kind === 'daily')).toHaveLength(2);
    expect((await app.call('backup.setPolicy', { daily: 0, weekly: 0 })).ok).toBe(false);
  });

  it('runs a full integrity and foreign key check', async () => {
    app = await openTestApp();
    expect(await app.must('backup.check', {})).toMatchObject({ ok: true, integrity: 'ok', foreignKeyProblems: [] });
    app.ctx.sqlite.pragma('foreign_keys = OFF');
    app.ctx.sqlite.prepare("INSERT INTO members (team_id, name, position, role, portfolio, sort_order, created_at, updated_at) VALUES (999, '某某', '', 'member', '', 1, 'x', 'x')").run();
    const report = await app.must('backup.check', {});
    expect(report.ok).toBe(false);
    expect(report.foreignKeyProblems[0]).toMatchObject({ table: 'members', parent: 'teams' });
  });
});

describe('recovery mode', () => {
  it('offers the latest good backup when the file is damaged, never a new empty database', async () => {
    app = await openTestApp();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-recover-'));
    const dataFile = path.join(dir, 'jingjian.sqlite');
    const files = folderFiles(path.join(dir, 'exports'));
    const first = await openHost({ dataFile, files, appVersion: 'test', now: () => new Date(2026, 10, 26, 8) });
    expect(first.status()).toEqual({ mode: 'normal' });
    await first.dispatch('teams.create', { name: '青溪县党组', organ: 'party_group', unit: '' });
    await first.dispatch('backup.now', {});
    await first.close();
    // The daily backup of the 26th holds no team yet; take one on the 27th that does.
    const second = await openHost({ dataFile, files, appVersion: 'test', now: () => new Date(2026, 10, 27, 8) });
    await second.close();
    expect(listBackups(backupDir(dataFile)).map((b) => b.kind)).toEqual(['daily', 'daily']);

    const damaged = Buffer.alloc(fs.statSync(dataFile).size, 0x5a);
    fs.writeFileSync(dataFile, damaged);
    const host = await openHost({ dataFile, files, appVersion: 'test', now: () => new Date(2026, 10, 28, 8) });
    const status = await host.dispatch('recovery.status', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'recovery', code: expect.stringMatching(/^db\.(corrupt|unreadable)$/) } });
    const refused = await host.dispatch('teams.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'db.recovery' } });
    if (!refused.ok) expect(refused.error.messageEn).toContain('restore');
    // Nothing was written over the damaged file.
    expect(fs.readFileSync(dataFile).equals(damaged)).toBe(true);

    const list = await host.dispatch('recovery.list', {});
    if (!list.ok) throw new Error('list failed');
    const latest = (list.value as { name: string }[])[0].name;
    expect(await host.dispatch('recovery.preview', { name: latest })).toMatchObject({ ok: true, value: { teams: 1 } });
    const restored = await host.dispatch('recovery.restore', { name: latest });
    expect(restored).toMatchObject({ ok: true });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(await host.dispatch('teams.list', {})).toMatchObject({ ok: true, value: [{ name: '青溪县党组' }] });
    // The damaged file is kept aside, byte for byte.
    const aside = fs.readdirSync(dir).find((n) => n.includes('.damaged-'))!;
    expect(fs.readFileSync(path.join(dir, aside)).equals(damaged)).toBe(true);
    await host.close();
  });

  it('restores a backup chosen anywhere (a USB stick) when the backups folder has none, refusing junk first', async () => {
    app = await openTestApp();
    await app.must('teams.create', { name: '优盘备份中的党组', organ: 'party_group', unit: '' });
    const stick = await app.must('backup.now', {});
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-recover-stick-'));
    const dataFile = path.join(dir, 'jingjian.sqlite');
    const damaged = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(dataFile, damaged);
    let offered: string | null = null;
    const files = { ...folderFiles(path.join(dir, 'exports')), chooseOpenPath: async () => offered };
    const host = await openHost({ dataFile, files, appVersion: 'test', now: () => new Date(2026, 10, 28, 8) });
    expect(host.status().mode).toBe('recovery');
    expect(await host.dispatch('recovery.list', {})).toEqual({ ok: true, value: [] });
    // Cancelled dialog: nothing chosen.
    expect(await host.dispatch('recovery.previewFile', {})).toEqual({ ok: true, value: { chosen: false, token: null, path: null, contents: null } });
    // Junk and the damaged file itself are refused.
    const junk = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(junk, '这不是数据库');
    offered = junk;
    expect(await host.dispatch('recovery.previewFile', {})).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^backup\./) } });
    offered = dataFile;
    expect(await host.dispatch('recovery.previewFile', {})).toMatchObject({ ok: false, error: { code: 'backup.sameFile' } });
    expect(await host.dispatch('recovery.restoreFile', { token: 'a'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'backup.chosenExpired' } });
    expect(fs.readFileSync(dataFile).equals(damaged)).toBe(true);

    offered = stick.path;
    const preview = await host.dispatch('recovery.previewFile', {});
    expect(preview).toMatchObject({ ok: true, value: { chosen: true, contents: { teams: 1, integrity: 'ok' } } });
    const token = (preview as { value: { token: string } }).value.token;
    expect(await host.dispatch('recovery.restoreFile', { token })).toMatchObject({ ok: true, value: { restored: path.basename(stick.path!) } });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(await host.dispatch('teams.list', {})).toMatchObject({ ok: true, value: [{ name: '优盘备份中的党组' }] });
    const aside = fs.readdirSync(dir).find((n) => n.includes('.damaged-'))!;
    expect(fs.readFileSync(path.join(dir, aside)).equals(damaged)).toBe(true);
    // In normal mode the recovery channels refuse: restoring is done on the backup screen.
    expect(await host.dispatch('recovery.previewFile', {})).toMatchObject({ ok: false, error: { code: 'recovery.notNeeded' } });
    await host.close();
  });
});

describe('restore from a chosen file', () => {
  /** folderFiles "chooses" the last file by name in exports/imports. */
  const offer = (a: TestApp, name: string, bytes: Uint8Array | string) => {
    const dir = path.join(a.exportDir, 'imports');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };

  it('previews and restores a data file chosen outside the backups folder, after a verified safety copy', async () => {
    app = await openTestApp();
    await app.must('teams.create', { name: '第一党组', organ: 'party_group', unit: '' });
    const usb = await app.must('backup.now', {});
    await app.must('teams.create', { name: '第二党组', organ: 'party_group', unit: '' });
    offer(app, 'U盘备份.sqlite', fs.readFileSync(usb.path!));
    fs.rmSync(usb.path!);

    const chosen = await app.must('backup.previewFile', {});
    expect(chosen).toMatchObject({ chosen: true, contents: { name: 'U盘备份.sqlite', teams: 1, integrity: 'ok' } });
    expect(chosen.token).toMatch(/^[0-9a-f]{32}$/);
    const restored = await app.must('backup.restoreFile', { token: chosen.token! });
    expect(restored.restored).toBe('U盘备份.sqlite');
    expect(teamNames(app)).toEqual(['第一党组']);
    expect((await app.must('backup.preview', { name: restored.safetyCopy! })).teams).toBe(2);
    // The token is spent: restoring again needs a new choice.
    expect(await app.call('backup.restoreFile', { token: chosen.token! })).toMatchObject({ ok: false, error: { code: 'backup.chosenExpired' } });
  });

  it('answers "not chosen" when the user cancels', async () => {
    app = await openTestApp();
    expect(await app.must('backup.previewFile', {})).toEqual({ chosen: false, token: null, path: null, contents: null });
    expect((await app.call('backup.restoreFile', { token: '0'.repeat(32) })).ok).toBe(false);
    expect((await app.call('backup.restoreFile', { token: '../x' })).ok).toBe(false);
  });

  it('refuses a text file renamed .sqlite, and a file from a newer app, changing nothing', async () => {
    app = await openTestApp();
    await app.must('teams.create', { name: '第一党组', organ: 'party_group', unit: '' });
    const newer = await app.must('backup.now', {});
    const before = app.counts();
    const backupsBefore = listBackups(backupDir(app.ctx.dataFile)).length;

    offer(app, '会议记录.sqlite', '这不是数据库，只是一段文字。\n'.repeat(200));
    const text = await app.call('backup.previewFile', {});
    expect(text).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^backup\.(notDatabase|unreadable)$/) } });
    if (!text.ok) expect(text.error.messageEn).toMatch(/not a valid Jingjian data file|Cannot read/);

    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const db = new Database(newer.path!);
    db.pragma(`user_version = ${Number(app.ctx.sqlite.pragma('user_version', { simple: true })) + 1}`);
    db.close();
    offer(app, 'newer.sqlite', fs.readFileSync(newer.path!));
    const tooNew = await app.call('backup.previewFile', {});
    expect(tooNew).toMatchObject({ ok: false, error: { code: 'backup.tooNew' } });
    if (!tooNew.ok) expect(tooNew.error.messageEn).toContain('newer Jingjian');

    // A file swapped after a good preview is checked again at restore.
    const good = offer(app, 'good.sqlite', fs.readFileSync(newer.path!));
    const db2 = new Database(good);
    db2.pragma('user_version = 1');
    db2.close();
    const chosen = await app.must('backup.previewFile', {});
    fs.writeFileSync(good, 'swapped for text');
    expect((await app.call('backup.restoreFile', { token: chosen.token! })).ok).toBe(false);

    expect(app.counts()).toEqual(before);
    expect(teamNames(app)).toEqual(['第一党组']);
    // No safety copy was taken for a refused restore.
    expect(listBackups(backupDir(app.ctx.dataFile))).toHaveLength(backupsBefore);
  });
});
