import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from './crashKit';

/**
 * Start-up on a bad day, each in a separate process started the way the app starts: a read-only data file or folder
 * (as a user who may not write it: `nobody` when the tests run as root, who may write anything), and a disk that is
 * full (a tiny tmpfs in a private mount namespace). Every start must end within a bound, say what is wrong in both
 * languages, and change nothing.
 */

interface ProbeResult {
  status: { mode: string; code?: string; message?: string; messageEn?: string };
  startup: { readOnly: { code: string; message: string; messageEn: string } | null; maintenance: { state: string } };
  startMs: number;
  results: ({ ok: boolean; value?: unknown; error?: { code: string; message: string; messageEn: string } } | string)[];
  after: { mode: string };
  files: string[];
}

let probe: string;
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

beforeAll(async () => {
  // Inside node_modules so the bundle resolves better-sqlite3 and friends from the repo.
  probe = path.resolve('node_modules/.cache/jingjian-crash/startupProbe.mjs');
  await build({ entryPoints: [path.resolve('tests/startupProbe.ts')], outfile: probe, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  fs.chmodSync(probe, 0o644);
});

/** Runs the probe; a start that does not finish within `limitMs` fails the test (it used to loop forever). */
function runProbe(args: string[], options: { command?: string[]; uid?: number } = {}, limitMs = 60_000): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const [command, ...prefix] = options.command ?? [process.execPath];
    const child = spawn(command, [...prefix, ...(options.command ? [process.execPath] : []), probe, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
      env: { ...process.env, HOME: os.tmpdir() },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      // What the probe said it reached (tests/startupProbe.ts writes a line per stage to stderr) names the hang.
      reject(new Error(`start-up did not finish within ${limitMs} ms; the probe reached: ${err.slice(-1500)}`));
    }, limitMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`probe exited ${code}: ${err.slice(0, 1500)}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ProbeResult);
    });
  });
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A folder with a prepared data file, readable (and traversable) by the user the probe runs as. */
async function prepared(): Promise<{ dir: string; file: string; exportDir: string; meetingId: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-startup-'));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, 'jingjian.sqlite');
  const { meetingId } = await prepareDatabase(file, dir);
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-startup-out-'));
  fs.chmodSync(exportDir, 0o777);
  if (asRoot) for (const f of [dir, file, exportDir]) fs.chownSync(f, NOBODY, NOBODY);
  return { dir, file, exportDir, meetingId };
}

const chinese = /[\u4e00-\u9fff]/;

describe('start-up never hangs and always says what is wrong', () => {
  it('opens a read-only data file for viewing and export within seconds, says so, and refuses writes clearly', async () => {
    const { dir, file, exportDir, meetingId } = await prepared();
    fs.chmodSync(file, 0o444);
    const before = sha(file);
    const result = await runProbe(
      [file, exportDir, JSON.stringify([
        { channel: 'teams.list', input: {} },
        { channel: 'teams.create', input: { name: '只读时新建的党组', organ: 'party_group', unit: '' } },
        { channel: 'opinions.exportTemplate', input: { meetingId } },
      ])],
      asRoot ? { uid: NOBODY } : {},
    );
    expect(result.status).toEqual({ mode: 'normal' });
    expect(result.startup.readOnly).toMatchObject({ code: 'db.readOnlyFile', message: expect.stringContaining('数据文件为只读'), messageEn: expect.stringContaining('read-only') });
    expect(result.startup.maintenance.state).toBe('skipped');
    const [list, create, exported] = result.results as { ok: boolean; value?: unknown; error?: { code: string; message: string; messageEn: string } }[];
    expect(list).toMatchObject({ ok: true, value: [{ name: '中共崩溃测试县委员会' }] });
    expect(create).toMatchObject({ ok: false, error: { code: 'db.readOnly', message: expect.stringContaining('只读') } });
    expect(create.error!.messageEn).not.toMatch(chinese);
    expect(exported).toMatchObject({ ok: true, value: { saved: true } });
    expect(fs.readdirSync(exportDir).some((n) => n.endsWith('.xlsx'))).toBe(true);
    // Nothing changed or was left beside the file (only the note of the folder the export went to, see leftovers.ts).
    expect(sha(file)).toBe(before);
    expect(result.files.sort()).toEqual(['.jingjian-temp-places', 'exports', 'jingjian.sqlite']);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  }, 120_000);

  it('opens a file in a read-only folder for viewing, never reporting it as damaged', async () => {
    const { dir, file, exportDir } = await prepared();
    fs.rmSync(path.join(dir, 'exports'), { recursive: true, force: true });
    fs.chmodSync(dir, 0o555);
    const before = sha(file);
    const result = await runProbe([file, exportDir, JSON.stringify([{ channel: 'teams.list', input: {} }])], asRoot ? { uid: NOBODY } : {});
    expect(result.status).toEqual({ mode: 'normal' });
    expect(result.startup.readOnly).toMatchObject({ code: 'db.readOnlyFolder', message: expect.stringContaining('文件夹为只读') });
    expect(result.results[0]).toMatchObject({ ok: true, value: [{ name: '中共崩溃测试县委员会' }] });
    expect(sha(file)).toBe(before);
    expect(result.files).toEqual(['jingjian.sqlite']);
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  }, 120_000);

  it('a disk that fails writes (I/O error) gets its own code and words, for the daily backup and for a save', async () => {
    const { dir, file, exportDir } = await prepared();
    // Every write beyond 96 KB into any file fails, as on a failing disk (EFBIG, which SQLite reports as an I/O error).
    const command = ['bash', '-c', 'ulimit -f 96 && exec "$@"', 'bash'];
    const creates = Array.from({ length: 40 }, (_, i) => ({ channel: 'teams.create', input: { name: `写入失败时的党组${i}`.padEnd(45, '测'), organ: 'party_group', unit: '' } }));
    const result = await runProbe([file, exportDir, JSON.stringify(creates)], { command });
    expect(result.status).toEqual({ mode: 'normal' });
    const maintenance = result.startup.maintenance as { state: string; error: { code: string; message: string } | null };
    expect(maintenance).toMatchObject({ state: 'failed', error: { code: 'disk.ioError', message: expect.stringContaining('I/O 错误') } });
    const refused = (result.results as { ok: boolean; error?: { code: string; message: string } }[]).find((r) => !r.ok);
    expect(refused, 'a write past the limit must be refused').toBeDefined();
    expect(refused!.error).toMatchObject({ code: 'disk.ioError', message: expect.stringContaining('读写磁盘时出错') });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(exportDir, { recursive: true, force: true });
  }, 120_000);

  it('on a full disk: a first start says so (no raw exception, no half file), starts once space is freed, and a save on a full disk gets its own code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-fulldisk-'));
    const mount = path.join(dir, 'disk');
    fs.mkdirSync(mount);
    const file = path.join(mount, 'jingjian.sqlite');
    const filler = path.join(mount, 'filler');
    // A 4 MB disk in a private mount namespace (no privileges needed), filled before the app starts.
    const command = ['unshare', '-Urm', 'sh', '-c', `mount -t tmpfs -o size=4m tmpfs "${mount}" && (head -c 8m /dev/zero > "${filler}" 2>/dev/null; true) && exec "$@"`, 'sh'];
    const result = await runProbe(
      [file, path.join(dir, 'out'), JSON.stringify([
        { channel: 'teams.list', input: {} },
        { free: filler },
        { channel: 'recovery.retry', input: {} },
        { channel: 'teams.create', input: { name: '空间释放后的党组', organ: 'party_group', unit: '' } },
        { fill: filler },
        ...Array.from({ length: 3 }, (_, i) => ({ channel: 'teams.create', input: { name: `磁盘写满时的党组${i}`.padEnd(40, '测'), organ: 'party_group', unit: '' } })),
      ])],
      { command },
    );
    expect(result.status).toMatchObject({ mode: 'recovery', code: 'disk.full', message: expect.stringContaining('磁盘空间已满') });
    expect(result.status.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(result.results[0]).toMatchObject({ ok: false, error: { code: 'db.recovery' } });
    expect(result.results[2]).toMatchObject({ ok: true, value: { mode: 'normal' } });
    expect(result.results[3]).toMatchObject({ ok: true });
    const full = result.results.slice(5) as { ok: boolean; error?: { code: string; message: string } }[];
    const refused = full.find((r) => !r.ok);
    expect(refused, 'a write on the full disk must be refused').toBeDefined();
    expect(refused!.error).toMatchObject({ code: 'disk.full', message: expect.stringContaining('磁盘空间已满') });
    expect(refused!.error!.message).not.toMatch(/[A-Za-z]{4,}/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
