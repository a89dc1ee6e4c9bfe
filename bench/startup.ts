import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { backupDir } from '../db/backup';
import { copyWithKey, passphraseKey } from '../db/cipher';
import { openDatabase } from '../db/connection';
import { migrations } from '../db/migrations';
import { folderFiles } from '../electron/handlers/files';
import type { StartupReport } from '../electron/common/api/backup';
import { openHost, type Host } from '../electron/host';
import { openBenchApp, teamAndMeeting } from './context';
import { median, ms, type Row } from './stats';

const PASS = '基准测试口令 benchmark';
const TARGET_MS = 1000;
const RUNS = 2;
const STALL_MS = 100;

/** What the first screen asks for (App.vue, the home page, the meetings list), all at once as the renderer does. */
const FIRST_SCREEN = ['settings.get', 'app.info', 'meetings.list', 'teams.list'] as const;

interface StartTimes {
  /** openHost (+ unlock) until the first screen's channels have all answered. */
  firstScreen: number;
  /** Until the start is over: checks, upgrade, erasures, the daily backup (what the first screen used to wait for). */
  whole: number;
  /** The longest the progress banner's poll (every 100 ms) waited beyond its interval while the start ran. */
  longestPoll: number;
  /**
   * While upgrading, the longest the main thread kept a 5 ms timer waiting (`held`: the tick's lateness less the time
   * the thread waited for a core), with that tick's wall gap and the thread's own CPU time in it.
   */
  upgradeStall: { held: number; gap: number; busy: number };
}

/** Nanoseconds the calling thread has spent waiting for a core (Linux schedstat), or null where not available. */
function waitedForCore(): number | null {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * Watches the main thread with a 5 ms timer. A tick comes late because the thread was held (its own work, or a
 * synchronous wait on the disk or a lock: what a click would wait for) or because the machine gave the cores to
 * other processes and the workers (which an idle machine would not): the thread's time waiting for a core (Linux
 * schedstat) is taken off, and its CPU time in the gap is kept beside it.
 */
function watchMainThread(step: () => string | null) {
  const stall = { held: 0, gap: 0, busy: 0 };
  let last = performance.now();
  let cpu = process.threadCpuUsage();
  let queued = waitedForCore();
  const timer = setInterval(() => {
    const now = performance.now();
    const used = process.threadCpuUsage(cpu);
    const busy = (used.user + used.system) / 1000;
    const waited = waitedForCore();
    const gap = now - last;
    // Without schedstat (not Linux), the thread's CPU time is the best measure there is.
    const held = waited !== null && queued !== null ? Math.max(0, gap - 5 - (waited - queued) / 1e6) : busy;
    if (step() === 'upgrade' && held > stall.held) Object.assign(stall, { held, gap, busy });
    last = now;
    cpu = process.threadCpuUsage();
    queued = waitedForCore();
  }, 5);
  return { stall, stop: () => clearInterval(timer) };
}

async function firstScreen(host: Host): Promise<void> {
  const status = await host.dispatch('recovery.status', {});
  if (!status.ok) throw new Error(`recovery.status: ${status.error.messageEn}`);
  const mode = (status.value as { mode: string }).mode;
  const calls: Promise<{ ok: boolean; error?: { messageEn: string } }>[] = [host.dispatch('backup.startup', {})];
  // The progress screen of a file being upgraded asks for nothing else; the app's first screen does.
  if (mode === 'normal') calls.push(...FIRST_SCREEN.map((channel) => host.dispatch(channel, {})));
  else if (mode !== 'starting') throw new Error(`unexpected start: ${mode}`);
  for (const result of await Promise.all(calls)) if (!result.ok) throw new Error(`first screen: ${result.error?.messageEn}`);
}

/** One start of the app on `file`, as on the first start of a day (no backup of today yet). */
async function timeStart(file: string, key: Buffer | null, open: typeof openHost): Promise<StartTimes> {
  fs.rmSync(backupDir(file), { recursive: true, force: true });
  let reportOf: (() => StartupReport) | null = null;
  const watch = watchMainThread(() => reportOf?.().maintenance.step ?? null);
  const t0 = performance.now();
  const host = await open({ dataFile: file, files: folderFiles(path.join(path.dirname(file), 'exports')), appVersion: 'bench' });
  reportOf = () => host.startup();
  try {
    if (key) {
      const unlocked = await host.dispatch('encryption.unlock', { passphrase: PASS });
      if (!unlocked.ok) throw new Error(`unlock: ${unlocked.error.messageEn}`);
    }
    await firstScreen(host);
    const shown = performance.now() - t0;
    let longestPoll = 0;
    let polling = true;
    // The banner polls every 100 ms here: how late an answer comes, timer included, is how long the thread was busy.
    const poll = (async () => {
      while (polling) {
        const t = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 100));
        await host.dispatch('backup.startup', {});
        longestPoll = Math.max(longestPoll, performance.now() - t - 100);
      }
    })();
    const report = await host.maintenance();
    polling = false;
    await poll;
    if (host.status().mode !== 'normal' || report.maintenance.state !== 'done') throw new Error(`start ended ${host.status().mode}, ${report.maintenance.state}: ${report.maintenance.error?.messageEn ?? ''}`);
    return { firstScreen: shown, whole: performance.now() - t0, longestPoll, upgradeStall: { ...watch.stall } };
  } finally {
    watch.stop();
    await host.close();
  }
}

/**
 * The large file as an older app left it: the objects the last migration creates dropped and the version set one
 * back, so the next start upgrades it (with its verified pre-upgrade backup and full check).
 */
export async function oneUpgradeBehind(file: string, dir: string): Promise<void> {
  type Schema = { objects: { type: string; name: string }[]; columns: Map<string, string[]> };
  const schema = async (list: typeof migrations, name: string): Promise<Schema> => {
    const connection = await openDatabase({ file: path.join(dir, name), migrations: list });
    const objects = connection.sqlite.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as { type: string; name: string }[];
    const columns = new Map(
      objects.filter((o) => o.type === 'table').map((o) => [o.name, (connection.sqlite.prepare(`PRAGMA table_info("${o.name}")`).all() as { name: string }[]).map((c) => c.name)]),
    );
    await connection.close();
    return { objects, columns };
  };
  const before = await schema(migrations.slice(0, -1), 'schema-before.sqlite');
  const after = await schema(migrations, 'schema-after.sqlite');
  const known = new Set(before.objects.map((r) => r.name));
  const added = after.objects.filter((r) => !known.has(r.name));
  const sqlite = new Database(file);
  // Triggers first (one may sit on a table that stays), then tables, then the columns the migration added.
  for (const type of ['trigger', 'view', 'index', 'table']) {
    for (const object of added.filter((o) => o.type === type)) sqlite.exec(`DROP ${type.toUpperCase()} IF EXISTS "${object.name}"`);
  }
  for (const [table, columns] of after.columns) {
    const had = before.columns.get(table);
    if (had) for (const column of columns.filter((c) => !had.includes(c))) sqlite.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
  sqlite.pragma(`user_version = ${migrations.at(-2)!.version}`);
  sqlite.close();
}

function row(what: string, times: StartTimes[], note = ''): Row {
  const shown = times.map((t) => t.firstScreen);
  const worst = Math.max(...shown);
  const mid = median(shown);
  // A margin for the run's noise: pass only when every run met the target, miss when even the median did not.
  const verdict = worst <= TARGET_MS ? 'pass' : mid > TARGET_MS ? 'miss' : 'noisy';
  return {
    group: 'startup',
    what: `time to first screen: ${what} (median of ${times.length}; runs ${shown.map((s) => ms(s)).join(', ')})`,
    figure: ms(mid),
    compare: `whole start (checks, ${note}daily backup) ${ms(median(times.map((t) => t.whole)))}, which the first screen waited for before; longest the progress poll waited meanwhile ${ms(Math.max(...times.map((t) => t.longestPoll)))}`,
    target: `≤ ${ms(TARGET_MS)} (every run)`,
    verdict,
  };
}

/**
 * How long the main thread was kept from the progress poll (and the window from input) by the upgrade itself: the
 * verified backup, the integrity check and the foreign key check run in workers, only the migration's transaction
 * here (milliseconds for an upgrade that adds tables and columns).
 */
function stallRow(times: StartTimes[]): Row {
  const held = times.map((t) => t.upgradeStall.held);
  const worst = Math.max(...held);
  return {
    group: 'startup',
    what: `longest main-thread stall while upgrading the ten-year file (a 5 ms timer's lateness less its wait for a core; runs ${held.map((b) => ms(b)).join(', ')})`,
    figure: ms(worst),
    compare: `wall gap of that tick ${times.map((t) => ms(t.upgradeStall.gap)).join(', ')}, of which the thread's own CPU ${times.map((t) => ms(t.upgradeStall.busy)).join(', ')}`,
    target: `≤ ${ms(STALL_MS)} (every run)`,
    // Over the target with the thread off the CPU (a futex or the disk shared with the workers and other processes:
    // ~100 ms waits seen under a load of 12 on two cores, none on the CPU) is the machine's noise; over it on the
    // CPU is ours.
    verdict: worst <= STALL_MS ? 'pass' : Math.max(...times.map((t) => t.upgradeStall.busy)) > STALL_MS ? 'miss' : 'noisy',
  };
}

/** The host to start (another one only to measure an earlier version of it). */
let opener: typeof openHost = openHost;

async function runs(file: string, key: Buffer | null, before?: () => Promise<void>): Promise<StartTimes[]> {
  const out: StartTimes[] = [];
  for (let i = 0; i < RUNS; i++) {
    await before?.();
    out.push(await timeStart(file, key, opener));
  }
  return out;
}

/**
 * Time to first screen (the host answering what the first screen asks for), on the first start of a day: a small
 * file, the ten-year file plain and encrypted (after the passphrase), and the ten-year file one upgrade behind.
 */
export async function startupRows(dir: string, largeFile: string, log: (line: string) => void = () => undefined, open: typeof openHost = openHost): Promise<Row[]> {
  opener = open;
  const base = path.join(dir, 'startup');
  fs.mkdirSync(base, { recursive: true });
  const rows: Row[] = [];

  const small = path.join(base, 'small', 'jingjian.sqlite');
  fs.mkdirSync(path.dirname(small), { recursive: true });
  const app = await openBenchApp(small);
  await teamAndMeeting(app);
  await app.close();
  rows.push(row('small file', await runs(small, null)));

  const large = path.join(base, 'large', 'jingjian.sqlite');
  fs.mkdirSync(path.dirname(large), { recursive: true });
  fs.copyFileSync(largeFile, large);
  const mb = (fs.statSync(large).size / 1e6).toFixed(0);
  log(`startup: ten-year file (${mb} MB)…`);
  rows.push(row(`ten-year file (${mb} MB)`, await runs(large, null)));

  log('startup: ten-year file encrypted…');
  const encrypted = path.join(base, 'encrypted', 'jingjian.sqlite');
  fs.mkdirSync(path.dirname(encrypted), { recursive: true });
  const source = new Database(large, { readonly: true });
  fs.renameSync(copyWithKey(source, encrypted, passphraseKey(PASS)), encrypted);
  source.close();
  fs.rmSync(path.dirname(large), { recursive: true, force: true });
  rows.push(row(`ten-year file encrypted (${mb} MB; after the passphrase)`, await runs(encrypted, passphraseKey(PASS))));
  fs.rmSync(path.dirname(encrypted), { recursive: true, force: true });

  log('startup: ten-year file one upgrade behind…');
  const older = path.join(base, 'older', 'jingjian.sqlite');
  fs.mkdirSync(path.dirname(older), { recursive: true });
  fs.copyFileSync(largeFile, older);
  const upgrades = await runs(older, null, () => oneUpgradeBehind(older, path.join(base, 'older')));
  rows.push(row(`ten-year file one upgrade behind (${mb} MB; the progress screen)`, upgrades, 'verified pre-upgrade backup, upgrade, full check, '), stallRow(upgrades));
  fs.rmSync(base, { recursive: true, force: true });
  return rows;
}
