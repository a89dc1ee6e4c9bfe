import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../db/backup';
import { copyWithKey, fileKind, passphraseKey } from '../../db/cipher';
import { checkFailed, openDatabase } from '../../db/connection';
import { migrations } from '../../db/migrations';
import { quickCheck } from '../../db/quickCheck';
import { folderFiles } from '../handlers/files';
import { openHost, type Host } from '.';

/**
 * The window first, the checks after: the first screen is answered while quick_check runs, nothing is written until
 * it has passed (a write waits for it), and a failed check leads to recovery.
 */
let dir: string;
const hosts: Host[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A check the test lets pass or fail when it wants. */
function heldCheck() {
  let pass!: () => void;
  let fail!: (error: Error) => void;
  const gate = new Promise<void>((resolve, reject) => ((pass = resolve), (fail = reject)));
  return { check: () => gate, pass, fail };
}

/** A data file holding one team, closed. */
async function withTeam(list = migrations): Promise<string> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-starting-'));
  const dataFile = path.join(dir, 'jingjian.sqlite');
  const connection = await openDatabase({ file: dataFile, migrations: list });
  connection.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('青溪县党组', 'party_group', '', 'x', 'x')").run();
  await connection.close();
  return dataFile;
}

async function start(dataFile: string, check?: () => Promise<void>): Promise<Host> {
  const host = await openHost({ dataFile, files: folderFiles(path.join(dir, 'exports')), appVersion: 'test', now: () => new Date(2026, 10, 26, 8), check });
  hosts.push(host);
  return host;
}

const teamCount = (dataFile: string) => {
  const fresh = fs.readFileSync(dataFile);
  return fresh.length;
};
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return done;
};

describe('a first window before the checks', () => {
  it('answers the first screen while the check runs; a write waits for the check and lands after it', async () => {
    const dataFile = await withTeam();
    const held = heldCheck();
    const host = await start(dataFile, held.check);
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(host.startup().maintenance).toMatchObject({ state: 'running', step: 'check' });
    expect(await host.dispatch('teams.list', {})).toMatchObject({ ok: true, value: [{ name: '青溪县党组' }] });
    expect(await host.dispatch('app.info', {})).toMatchObject({ ok: true, value: { hasData: true } });
    expect(await host.dispatch('backup.startup', {})).toMatchObject({ ok: true, value: { maintenance: { step: 'check' } } });
    // Input is still validated at once, as in every mode.
    expect(await host.dispatch('teams.list', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const size = teamCount(dataFile);
    const write = host.dispatch('teams.create', { name: '检查时新建的党组', organ: 'party_group', unit: '' });
    expect(await settled(write)).toBe(false);
    expect(teamCount(dataFile)).toBe(size);
    expect(fs.existsSync(backupDir(dataFile)) && listBackups(backupDir(dataFile)).length).toBeFalsy();
    held.pass();
    expect(await write).toMatchObject({ ok: true, value: { name: '检查时新建的党组' } });
    const report = await host.maintenance();
    expect(report.maintenance).toMatchObject({ state: 'done', step: null });
    expect(listBackups(backupDir(dataFile)).map((b) => b.kind)).toEqual(['daily']);
    expect(await host.dispatch('teams.list', {})).toMatchObject({ ok: true, value: [{}, {}] });
  });

  it('a failed check leads to recovery: the waiting write is refused, the report says why, nothing was written', async () => {
    const dataFile = await withTeam();
    const before = fs.readFileSync(dataFile);
    const held = heldCheck();
    const host = await start(dataFile, held.check);
    const write = host.dispatch('teams.create', { name: '不应写入的党组', organ: 'party_group', unit: '' });
    held.fail(checkFailed('*** in database main *** Page 7: btreeInitPage() returns error code 11'));
    expect(await write).toMatchObject({ ok: false, error: { code: 'db.recovery' } });
    expect(host.status()).toMatchObject({ mode: 'recovery', code: 'db.corrupt' });
    expect(host.startup().maintenance).toMatchObject({ state: 'failed', step: 'check', error: { code: 'db.corrupt' } });
    expect(fs.readFileSync(dataFile).equals(before)).toBe(true);
  });

  it('a file one version behind shows the progress screen at once, then upgrades after the check', async () => {
    const dataFile = await withTeam(migrations.slice(0, -1));
    const held = heldCheck();
    const host = await start(dataFile, held.check);
    expect(host.status()).toEqual({ mode: 'starting' });
    expect(await host.dispatch('recovery.status', {})).toEqual({ ok: true, value: { mode: 'starting' } });
    const list = host.dispatch('teams.list', {});
    expect(await settled(list)).toBe(false);
    held.pass();
    expect(await list).toMatchObject({ ok: true, value: [{ name: '青溪县党组' }] });
    await host.maintenance();
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(listBackups(backupDir(dataFile)).map((b) => b.kind).sort()).toEqual(['daily', 'premigration']);
  });

  it('quick_check runs in a worker: passes a sound file (plain or encrypted), refuses a damaged one as db.corrupt', async () => {
    const dataFile = await withTeam();
    await expect(quickCheck(dataFile, null)).resolves.toBeUndefined();
    const key = passphraseKey('工作线程口令');
    const plain = await openDatabase({ file: dataFile });
    const encrypted = path.join(dir, 'encrypted.sqlite');
    fs.renameSync(copyWithKey(plain.sqlite, encrypted, key), encrypted);
    await plain.close();
    expect(fileKind(encrypted)).toBe('encrypted');
    await expect(quickCheck(encrypted, key)).resolves.toBeUndefined();
    await expect(quickCheck(encrypted, passphraseKey('错误口令'))).rejects.toMatchObject({ code: 'db.wrongPassphrase' });
    // A zeroed page in the middle of a table: readable header, damaged b-tree.
    const big = await openDatabase({ file: path.join(dir, 'damaged.sqlite') });
    const insert = big.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, 'party_group', '', 'x', 'x')");
    for (let i = 0; i < 400; i++) insert.run(`党组${i}`.padEnd(40, '测'));
    big.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const root = (big.sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'teams'").get() as { rootpage: number }).rootpage;
    await big.close();
    const bytes = fs.readFileSync(path.join(dir, 'damaged.sqlite'));
    bytes.fill(0, (root - 1) * 4096, root * 4096);
    fs.writeFileSync(path.join(dir, 'damaged.sqlite'), bytes);
    await expect(quickCheck(path.join(dir, 'damaged.sqlite'), null)).rejects.toMatchObject({ code: 'db.corrupt' });
  });

  it('the foreign key check runs with it (the open after it skips it): a row that breaks one leads to recovery', async () => {
    const dataFile = await withTeam();
    const raw = await openDatabase({ file: dataFile });
    raw.sqlite.pragma('foreign_keys = OFF');
    raw.sqlite.prepare("INSERT INTO members (team_id, name, role, sort_order, created_at, updated_at) VALUES (999, '无主成员', 'member', 1, 'x', 'x')").run();
    await raw.close();
    await expect(quickCheck(dataFile, null)).rejects.toMatchObject({ code: 'db.foreignKeys' });
    const host = await openHost({ dataFile, files: folderFiles(path.join(dir, 'exports')), appVersion: 'test' });
    hosts.push(host);
    const report = await host.maintenance();
    expect(report.maintenance.state).toBe('failed');
    expect(host.status()).toMatchObject({ mode: 'recovery', code: 'db.foreignKeys' });
  });
});
