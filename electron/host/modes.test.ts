import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../handlers/dispatch';
import { folderFiles } from '../handlers/files';
import { openTestApp } from '../handlers/testing';
import { openHost, type Host } from '.';

/**
 * Each mode of the host is a typed handler map served by the one `serve`: a channel the mode does not answer gets
 * the mode's bilingual refusal in the shape of every refusal, and input is validated exactly as in normal mode.
 */
const PASS = '模式测试口令 modes';
let dir: string;
const hosts: Host[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(dataFile: string): Promise<Host> {
  const host = await openHost({ dataFile, files: folderFiles(path.join(dir, 'exports')), appVersion: 'test', now: () => new Date(2026, 10, 26, 8) });
  hosts.push(host);
  await host.maintenance();
  return host;
}

function dataFileIn(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-modes-'));
  return path.join(dir, 'jingjian.sqlite');
}

/** A refusal: a code and words in both languages, nothing else (invalid input adds its fields). */
function expectRefusal(result: unknown, code: string): void {
  expect(result).toMatchObject({ ok: false, error: { code } });
  const error = (result as { error: Record<string, unknown> }).error;
  expect(Object.keys(error).sort()).toEqual(['code', 'message', 'messageEn']);
  expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  expect(error.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
}

/** The answers every mode must give alike: an unknown channel, and a name that is not a backup's. */
async function sameChecks(host: Host, normal: Host): Promise<void> {
  expect(await host.dispatch('no.such', {})).toEqual(await normal.dispatch('no.such', {}));
  expect(await host.dispatch({ toString: 1 }, {})).toMatchObject({ ok: false, error: { code: 'unknownChannel' } });
  const invalid = await host.dispatch('recovery.preview', { name: '../../etc/passwd' });
  expect(invalid).toMatchObject({ ok: false, error: { code: 'invalidInput', fields: [{ path: 'name' }] } });
  // The same schema refuses the same input in the same words, whichever mode answers.
  expect(invalid).toEqual(await normal.dispatch('recovery.preview', { name: '../../etc/passwd' }));
  expect(await host.dispatch('recovery.status', { extra: 1 })).toEqual(await normal.dispatch('recovery.status', { extra: 1 }));
}

describe('one dispatcher for every mode of the host', () => {
  it('normal: the app and the host channels; the recovery channels that replace the file refuse', async () => {
    const host = await start(dataFileIn());
    expect(host.status()).toEqual({ mode: 'normal' });
    expect(await host.dispatch('teams.list', {})).toEqual({ ok: true, value: [] });
    expect(await host.dispatch('recovery.status', {})).toEqual({ ok: true, value: { mode: 'normal' } });
    expect(await host.dispatch('backup.startup', {})).toMatchObject({ ok: true, value: { maintenance: { state: 'done' } } });
    for (const channel of ['recovery.restore', 'recovery.salvage', 'recovery.startEmpty'] as const) {
      const input = channel === 'recovery.restore' ? { name: 'jingjian-daily-20261126-080000.sqlite' } : {};
      expectRefusal(await host.dispatch(channel, input), 'recovery.notNeeded');
    }
    await sameChecks(host, host);
  });

  it('locked: only unlock and the backups answer; the rest get the locked refusal; bad input is refused as everywhere', async () => {
    const dataFile = dataFileIn();
    const first = await start(dataFile);
    expect(await first.dispatch('encryption.enable', { passphrase: PASS, confirm: PASS })).toMatchObject({ ok: true });
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);
    const normal = await start(path.join(dir, 'other', 'jingjian.sqlite'));
    const host = await start(dataFile);
    expect(host.status()).toEqual({ mode: 'locked', dataFile });
    expectRefusal(await host.dispatch('teams.list', {}), 'db.locked');
    expectRefusal(await host.dispatch('teams.create', { name: '锁定时新建', organ: 'party_group', unit: '' }), 'db.locked');
    // Salvage and "start empty" belong to recovery, not to a file that only waits for its passphrase.
    expectRefusal(await host.dispatch('recovery.salvagePreview', {}), 'db.locked');
    expect(await host.dispatch('encryption.unlock', { passphrase: 5 })).toMatchObject({ ok: false, error: { code: 'invalidInput', fields: [{ path: 'passphrase' }] } });
    await sameChecks(host, normal);
    expect(await host.dispatch('encryption.unlock', { passphrase: PASS })).toEqual({ ok: true, value: { unlocked: true, mode: 'normal' } });
    expect(await host.dispatch('teams.list', {})).toEqual({ ok: true, value: [] });
  });

  it('recovery: only recovery answers; the rest get the recovery refusal with the reason; bad input is refused as everywhere', async () => {
    const dataFile = dataFileIn();
    const normal = await start(path.join(dir, 'other', 'jingjian.sqlite'));
    fs.writeFileSync(dataFile, Buffer.alloc(8192, 0x5a));
    const host = await start(dataFile);
    expect(host.status()).toMatchObject({ mode: 'recovery' });
    const refused = await host.dispatch('teams.list', {});
    expectRefusal(refused, 'db.recovery');
    expect((refused as { error: { messageEn: string } }).error.messageEn).toContain('restore a backup first');
    expect(await host.dispatch('recovery.list', {})).toEqual({ ok: true, value: [] });
    await sameChecks(host, normal);
  });

  it('without a host (tests, tools) the host channels are refused in the same shape', async () => {
    const app = await openTestApp();
    expectRefusal(await dispatch(app.ctx, 'recovery.status', {}), 'host.only');
    expectRefusal(await dispatch(app.ctx, 'encryption.unlock', { passphrase: 'x' }), 'host.only');
    await app.close();
  });
});
