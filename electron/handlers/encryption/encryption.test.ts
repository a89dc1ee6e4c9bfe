import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, dailyBackup, listBackups, previewFile } from '../../../db/backup';
import { fileKind, passphraseKey } from '../../../db/cipher';
import { openDatabase } from '../../../db/connection';
import { folderFiles } from '../files';
import { openDemoApp, openTestApp, type TestApp } from '../testing';
import { openHost, type Host } from '../../host';

const PASS = '青溪党组 2026 春季';
const MARKER = Buffer.from('青溪县人民政府党组', 'utf8');

let app: TestApp;
let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
  await app.ctx.connection.close();
  await app.close();
});

/** Every byte on disk for a data file: the file itself and its WAL. */
function rawBytes(file: string): Buffer {
  app.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const teamNames = (a: TestApp) => (a.ctx.sqlite.prepare('SELECT name FROM teams ORDER BY id').all() as { name: string }[]).map((r) => r.name);

async function encryptedDemo(): Promise<TestApp> {
  app = await openDemoApp();
  await dailyBackup(app.ctx.sqlite, app.ctx.dataFile, new Date(2026, 10, 26, 8));
  expect(rawBytes(app.ctx.dataFile).includes(MARKER)).toBe(true);
  const result = await app.must('encryption.enable', { passphrase: PASS, confirm: PASS });
  expect(result).toEqual({ encrypted: true, backupsChanged: 1, backupsFailed: [] });
  return app;
}

describe('encryption at rest', () => {
  it('encrypts the data file and every backup; the names are no longer readable on disk; everything still works', async () => {
    await encryptedDemo();
    const before = app.counts();
    expect(fileKind(app.ctx.dataFile)).toBe('encrypted');
    expect(rawBytes(app.ctx.dataFile).includes(MARKER)).toBe(false);
    for (const backup of listBackups(backupDir(app.ctx.dataFile))) {
      expect(backup.encrypted).toBe(true);
      expect(fs.readFileSync(backup.file).includes(MARKER)).toBe(false);
      expect(previewFile(backup.file, passphraseKey(PASS)).teams).toBeGreaterThan(0);
      expect(() => previewFile(backup.file)).toThrow(/已加密/);
    }
    expect(await app.must('encryption.status', {})).toEqual({ encrypted: true, cipher: 'SQLCipher 4 (AES-256)', backups: { encrypted: 1, plain: 0 } });
    // Same content, and the app keeps writing through the same context.
    expect(app.counts()).toEqual(before);
    await app.must('teams.create', { name: '加密后新建的党组', organ: 'party_group', unit: '' });
    expect(teamNames(app)).toContain('加密后新建的党组');
    expect(rawBytes(app.ctx.dataFile).includes(Buffer.from('加密后新建的党组'))).toBe(false);
  });

  it('writes encrypted backups of an encrypted database (daily, manual, safety copies) and restores them', async () => {
    await encryptedDemo();
    const manual = await app.must('backup.now', {});
    expect(fileKind(manual.path!)).toBe('encrypted');
    expect(fs.readFileSync(manual.path!).includes(MARKER)).toBe(false);
    const daily = await dailyBackup(app.ctx.sqlite, app.ctx.dataFile, new Date(2026, 10, 27, 8));
    expect(fileKind(daily!)).toBe('encrypted');
    const name = path.basename(daily!);
    expect((await app.must('backup.preview', { name })).encrypted).toBe(true);
    const teamsBefore = teamNames(app);
    await app.must('teams.create', { name: '备份之后的党组', organ: 'party_group', unit: '' });
    const restored = await app.must('backup.restore', { name });
    expect(teamNames(app)).toEqual(teamsBefore);
    expect(fileKind(app.ctx.dataFile)).toBe('encrypted');
    expect(fileKind(path.join(backupDir(app.ctx.dataFile), restored.safetyCopy!))).toBe('encrypted');
  });

  it('keeps the data encrypted when a plain file is restored into it', async () => {
    const plain = await openTestApp();
    await plain.must('teams.create', { name: '未加密文件中的党组', organ: 'party_group', unit: '' });
    plain.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const plainFile = plain.ctx.dataFile;
    await encryptedDemo();
    app.ctx.files.chooseOpenPath = async () => plainFile;
    const chosen = await app.must('backup.previewFile', {});
    expect(chosen.contents).toMatchObject({ teams: 1, encrypted: false });
    await app.must('backup.restoreFile', { token: chosen.token! });
    expect(teamNames(app)).toEqual(['未加密文件中的党组']);
    expect(fileKind(app.ctx.dataFile)).toBe('encrypted');
    expect((await app.must('encryption.status', {})).encrypted).toBe(true);
    await plain.close();
  });

  it('changes the passphrase of the data and the backups; the old one no longer opens anything', async () => {
    await encryptedDemo();
    const next = 'another passphrase 另一个口令';
    const wrong = await app.call('encryption.change', { current: 'not it at all', passphrase: next, confirm: next });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'encryption.wrongPassphrase' } });
    expect((await app.call('encryption.change', { current: PASS, passphrase: PASS, confirm: PASS })).ok).toBe(false);
    const changed = await app.must('encryption.change', { current: PASS, passphrase: next, confirm: next });
    expect(changed).toEqual({ encrypted: true, backupsChanged: 1, backupsFailed: [] });
    for (const file of [app.ctx.dataFile, ...listBackups(backupDir(app.ctx.dataFile)).map((b) => b.file)]) {
      if (file !== app.ctx.dataFile) {
        expect(() => previewFile(file, passphraseKey(PASS))).toThrow(/口令与当前数据的口令不同/);
        expect(previewFile(file, passphraseKey(next)).integrity).toBe('ok');
      }
    }
    expect((await app.must('teams.list', {})).length).toBeGreaterThan(0);
  });

  it('decrypts the data and the backups after checking the current passphrase', async () => {
    await encryptedDemo();
    const before = app.counts();
    expect(await app.call('encryption.disable', { current: 'wrong passphrase' })).toMatchObject({ ok: false, error: { code: 'encryption.wrongPassphrase' } });
    expect(fileKind(app.ctx.dataFile)).toBe('encrypted');
    expect(await app.must('encryption.disable', { current: PASS })).toEqual({ encrypted: false, backupsChanged: 1, backupsFailed: [] });
    expect(fileKind(app.ctx.dataFile)).toBe('plain');
    expect(listBackups(backupDir(app.ctx.dataFile)).every((b) => !b.encrypted)).toBe(true);
    expect(app.counts()).toEqual(before);
    expect(await app.must('encryption.status', {})).toMatchObject({ encrypted: false, cipher: null });
    expect(await app.call('encryption.disable', { current: PASS })).toMatchObject({ ok: false, error: { code: 'encryption.notEncrypted' } });
  });

  it('refuses weak, mismatched or malformed passphrases in both languages and changes nothing', async () => {
    app = await openTestApp();
    const cases = [
      { passphrase: 'short', confirm: 'short' },
      { passphrase: 'long enough one', confirm: 'long enough two' },
      { passphrase: 'tab\tinside it', confirm: 'tab\tinside it' },
      { passphrase: 'x'.repeat(129), confirm: 'x'.repeat(129) },
    ];
    for (const input of cases) {
      const result = await app.call('encryption.enable', input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalidInput');
        expect(result.error.message).toMatch(/口令/);
        expect(result.error.messageEn).toMatch(/passphrase/i);
        expect(result.error.message).not.toContain(input.passphrase);
      }
    }
    expect(fileKind(app.ctx.dataFile)).toBe('plain');
  });
});

describe('starting with an encrypted data file', () => {
  async function closedEncryptedFile(): Promise<string> {
    await encryptedDemo();
    const file = app.ctx.dataFile;
    await app.ctx.connection.close();
    return file;
  }
  const start = (dataFile: string) => openHost({ dataFile, files: folderFiles(path.join(path.dirname(dataFile), 'exports')), appVersion: 'test', now: () => new Date(2026, 10, 28, 9) });

  it('starts locked; a wrong passphrase changes no byte; the right one opens the data', async () => {
    const file = await closedEncryptedFile();
    const hash = sha(file);
    const backups = listBackups(backupDir(file)).length;
    host = await start(file);
    expect(host.status()).toEqual({ mode: 'locked', dataFile: file });
    expect(await host.dispatch('recovery.status', {})).toEqual({ ok: true, value: { mode: 'locked', dataFile: file } });
    expect(await host.dispatch('teams.list', {})).toMatchObject({ ok: false, error: { code: 'db.locked' } });
    for (const passphrase of ['wrong one', PASS.toUpperCase() + 'x', ' ' + PASS]) {
      const result = await host.dispatch('encryption.unlock', { passphrase });
      expect(result).toMatchObject({ ok: false, error: { code: 'encryption.wrongPassphrase' } });
      if (!result.ok) expect(result.error.messageEn).toMatch(/Wrong passphrase/);
    }
    expect(await host.dispatch('encryption.unlock', { passphrase: '' })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(sha(file)).toBe(hash);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(listBackups(backupDir(file)).length).toBe(backups);

    expect(await host.dispatch('encryption.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { unlocked: true, mode: 'normal' } });
    expect(host.status()).toEqual({ mode: 'normal' });
    const teams = await host.dispatch('teams.list', {});
    expect(teams.ok && (teams.value as unknown[]).length).toBeGreaterThan(0);
    // The first start of the day took a backup, encrypted like the data (after the first screen, which did not wait).
    await host.maintenance();
    const newest = listBackups(backupDir(file))[0];
    expect(newest.takenAt.startsWith('2026-11-28')).toBe(true);
    expect(newest.encrypted).toBe(true);
  });

  it('a passphrase that opens the backups but not a damaged data file says so, and lets the backups be restored', async () => {
    const file = await closedEncryptedFile();
    const bytes = fs.readFileSync(file);
    crypto.randomFillSync(bytes, 0, 4096);
    fs.writeFileSync(file, bytes);
    host = await start(file);
    expect(host.status().mode).toBe('locked');
    expect(await host.dispatch('encryption.unlock', { passphrase: 'wrong one' })).toMatchObject({ ok: false, error: { code: 'encryption.wrongPassphrase' } });
    const hash = sha(file);
    const answer = await host.dispatch('encryption.unlock', { passphrase: PASS });
    expect(answer).toMatchObject({ ok: false, error: { code: 'encryption.backupsOnly' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/能打开备份/);
    expect(host.status().mode).toBe('locked');
    expect(sha(file)).toBe(hash);
    const list = await host.dispatch('recovery.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const name = (list.value as { name: string }[])[0].name;
    expect(await host.dispatch('recovery.preview', { name })).toMatchObject({ ok: true, value: { integrity: 'ok', encrypted: true } });
    expect(await host.dispatch('recovery.restore', { name })).toMatchObject({ ok: true });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(fileKind(file)).toBe('encrypted');
    const status = await host.dispatch('encryption.status', {});
    expect(status).toMatchObject({ ok: true, value: { encrypted: true } });
    // The damaged file was set aside, not deleted.
    expect(fs.readdirSync(path.dirname(file)).some((n) => n.includes('.damaged-'))).toBe(true);
  });

  it('an encrypted file whose first page was zeroed goes to recovery; the passphrase there opens its encrypted backups', async () => {
    const file = await closedEncryptedFile();
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 0, 4096);
    fs.writeFileSync(file, bytes);
    host = await start(file);
    expect(host.status().mode).toBe('recovery');
    const list = await host.dispatch('recovery.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const items = list.value as { name: string; encrypted: boolean }[];
    expect(items[0].encrypted).toBe(true);
    expect(await host.dispatch('recovery.preview', { name: items[0].name })).toMatchObject({ ok: false, error: { code: 'backup.encrypted' } });
    expect(await host.dispatch('encryption.unlock', { passphrase: 'wrong one' })).toMatchObject({ ok: false, error: { code: 'encryption.wrongPassphrase' } });
    expect(await host.dispatch('encryption.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { unlocked: true, mode: 'recovery' } });
    expect(await host.dispatch('recovery.preview', { name: items[0].name })).toMatchObject({ ok: true, value: { integrity: 'ok' } });
    expect(await host.dispatch('recovery.restore', { name: items[0].name })).toMatchObject({ ok: true });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(fileKind(file)).toBe('encrypted');
  });

  it('a plain file whose header was destroyed goes to recovery, not to a passphrase prompt', async () => {
    app = await openDemoApp();
    await dailyBackup(app.ctx.sqlite, app.ctx.dataFile, new Date(2026, 10, 26, 8));
    const file = app.ctx.dataFile;
    await app.ctx.connection.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 0, 100);
    fs.writeFileSync(file, bytes);
    host = await start(file);
    expect(host.status().mode).toBe('recovery');
    const list = await host.dispatch('recovery.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const name = (list.value as { name: string }[])[0].name;
    expect(await host.dispatch('recovery.restore', { name })).toMatchObject({ ok: true });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(fileKind(file)).toBe('plain');
  });

  it('restores an encrypted backup from a USB stick on a computer whose backups folder is empty', async () => {
    await encryptedDemo();
    const stick = await app.must('backup.now', {});
    const dir = fs.mkdtempSync(path.join(path.dirname(app.ctx.dataFile), 'other-pc-'));
    const dataFile = path.join(dir, 'jingjian.sqlite');
    fs.writeFileSync(dataFile, Buffer.alloc(8192));
    host = await openHost({ dataFile, files: { ...folderFiles(path.join(dir, 'exports')), chooseOpenPath: async () => stick.path }, appVersion: 'test' });
    expect(host.status().mode).toBe('recovery');
    expect(await host.dispatch('recovery.previewFile', {})).toMatchObject({ ok: false, error: { code: 'backup.encrypted' } });
    expect(await host.dispatch('encryption.unlock', { passphrase: 'wrong one' })).toMatchObject({ ok: false, error: { code: 'encryption.wrongPassphrase' } });
    expect(await host.dispatch('encryption.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { unlocked: true, mode: 'recovery' } });
    const preview = await host.dispatch('recovery.previewFile', {});
    expect(preview).toMatchObject({ ok: true, value: { chosen: true, contents: { encrypted: true, integrity: 'ok' } } });
    const token = (preview as { value: { token: string } }).value.token;
    expect(await host.dispatch('recovery.restoreFile', { token })).toMatchObject({ ok: true });
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(fileKind(dataFile)).toBe('encrypted');
    expect(await host.dispatch('encryption.status', {})).toMatchObject({ ok: true, value: { encrypted: true } });
  });

  it('the pre-migration backup of an encrypted file is encrypted', async () => {
    const file = await closedEncryptedFile();
    const { migrations } = await import('../../../db/migrations');
    const extra = [...migrations, { version: migrations.at(-1)!.version + 1, name: 'test_extra', up: (db: { exec(sql: string): void }) => db.exec('CREATE TABLE extra_test (id INTEGER PRIMARY KEY) STRICT') }];
    const connection = await openDatabase({ file, key: passphraseKey(PASS), migrations: extra as typeof migrations });
    try {
      expect(connection.preMigrationBackup).not.toBeNull();
      expect(fileKind(connection.preMigrationBackup!)).toBe('encrypted');
      expect(previewFile(connection.preMigrationBackup!, passphraseKey(PASS)).integrity).toBe('ok');
    } finally {
      await connection.close();
    }
  });
});
