import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { openDatabase } from '../db/connection';
import { integrityCheck } from '../db/integrity';
import { createContext } from '../electron/handlers/compose';
import { dispatch } from '../electron/handlers/dispatch';
import { folderFiles } from '../electron/handlers/files';

export interface CrashSetup {
  teamId: number;
  meetingId: number;
  memberIds: number[];
  agendaItemId: number;
}

/**
 * A child process of the kill tests (`tests/<name>.ts`) bundled once into one file, so each of the many child
 * processes starts in a fraction of a second.
 */
export async function bundleChild(name: string): Promise<string> {
  // Inside node_modules so the bundle resolves better-sqlite3 and friends from the repo. One file per process: the
  // unit suite runs test files side by side, and two of them (crash, minutesKill) bundle the same writer.
  const outfile = path.resolve(`node_modules/.cache/jingjian-crash/${name}-${process.pid}.mjs`);
  await build({ entryPoints: [path.resolve(`tests/${name}.ts`)], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  return outfile;
}

/** The crash test's writer (tests/crashWriter.ts), bundled. */
export const bundleWriter = () => bundleChild('crashWriter');

/**
 * The spawn-and-kill loop of every kill test: runs a bundled child with `args`, hands each line it prints (split at
 * spaces) to `onLine` with a `kill` that SIGKILLs it, and settles with its stderr once it was killed. A child that
 * ends by itself fails the test, with the last line it printed.
 */
export function spawnAndKill(child: string, args: string[], onLine: (fields: string[], kill: () => void) => void, onSpawn?: (kill: () => void) => void): Promise<{ stderr: string }> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const kill = () => process_.kill('SIGKILL');
    let buffer = '';
    let stderr = '';
    let last = '';
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        last = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        onLine(last.split(' '), kill);
      }
    });
    onSpawn?.(kill);
    process_.on('error', reject);
    process_.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ stderr });
      else reject(new Error(`${path.basename(child)} ended by itself (code ${code}) after "${last}": ${stderr.slice(0, 800)}`));
    });
  });
}

async function must(ctx: Parameters<typeof dispatch>[0], channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(ctx, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.messageEn}`);
  return result.value;
}

/** A team with four members and a meeting with its minutes prepared. */
export async function prepareDatabase(file: string, dir: string): Promise<CrashSetup> {
  const connection = await openDatabase({ file });
  const ctx = createContext(connection, { files: folderFiles(path.join(dir, 'exports')), appVersion: 'crash' });
  const team = (await must(ctx, 'teams.create', { name: '中共崩溃测试县委员会', organ: 'party_committee', unit: '' })) as { id: number };
  const memberIds: number[] = [];
  for (const [name, role] of [['张书记', 'secretary'], ['李副职', 'deputy'], ['王委员', 'member'], ['赵委员', 'member']]) {
    memberIds.push(((await must(ctx, 'members.create', { teamId: team.id, name, position: '', role, portfolio: '' })) as { id: number }).id);
  }
  const meeting = (await must(ctx, 'meetings.create', {
    teamId: team.id, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '崩溃测试会议', date: '2026-12-18', startTime: '09:00', place: '', hostMemberId: memberIds[0], recorder: '记录人', quorumRatio: 0.67, aspects: [{ label: '政治站位' }], guests: [],
  })) as { id: number };
  const minutes = (await must(ctx, 'minutes.prepare', { meetingId: meeting.id })) as { agenda: { id: number }[] };
  const agendaItemId = minutes.agenda[0].id;
  await connection.close();
  return { teamId: team.id, meetingId: meeting.id, memberIds, agendaItemId };
}

export interface KillOutcome {
  acked: number;
  /** Acknowledged writes per kind (team, member, entry, …). */
  ackedByKind: Map<string, number>;
  kinds: string[];
  skipped: string[];
}

/** Runs the writer, SIGKILLs it after a random number of acknowledgements, and returns what it acknowledged. */
export async function runAndKill(writer: string, file: string, setup: CrashSetup, prefix: string, killAfterAcks: number, expected: Map<string, string>): Promise<KillOutcome> {
  let acked = 0;
  const ackedByKind = new Map<string, number>();
  let kinds: string[] = [];
  const skipped: string[] = [];
  const onLine = (fields: string[], kill: () => void) => {
    const [tag, kind, marker, slot] = fields;
    if (tag === 'KINDS') kinds = (kind ?? '').split(',');
    if (tag === 'SKIP') skipped.push(fields.join(' '));
    if (tag !== 'ACK') return;
    acked++;
    ackedByKind.set(kind, (ackedByKind.get(kind) ?? 0) + 1);
    // A slot is a row rewritten in place: the newest acknowledged value replaces the older expectation.
    expected.set(slot ? `${kind}:${slot}` : marker, marker);
    if (acked >= killAfterAcks) kill();
  };
  try {
    await spawnAndKill(writer, [file, JSON.stringify(setup), prefix], onLine, (kill) => killAfterAcks === 0 && setImmediate(kill));
  } catch (error) {
    throw new Error(`${(error as Error).message} ${skipped.join(' | ').slice(0, 500)}`, { cause: error });
  }
  return { acked, ackedByKind, kinds, skipped };
}

/** After a kill: the file passes integrity_check and every acknowledged marker is somewhere in its rows. */
export function verifyAfterKill(file: string, expected: Map<string, string>): { integrity: string; missing: string[] } {
  // Opened read-write so SQLite replays the WAL exactly as the app would at its next start.
  const db = new Database(file);
  try {
    const integrity = integrityCheck(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    let haystack = '';
    for (const { name } of tables) for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) haystack += `${JSON.stringify(row)}\n`;
    const order = (marker: string) => marker.match(/^K(\d+)N(\d+)Z$/)!.slice(1).map(Number);
    const missing: string[] = [];
    for (const [key, marker] of expected) {
      if (!key.startsWith('attendance:')) {
        if (!haystack.includes(marker)) missing.push(marker);
        continue;
      }
      // A rewritten row may hold a newer value whose write committed just before the kill, before its ack was read.
      const row = db.prepare('SELECT note FROM attendance WHERE member_id = ?').get(Number(key.slice(11))) as { note: string } | undefined;
      const [round, n] = order(marker);
      const found = row && /^K\d+N\d+Z$/.test(row.note) ? order(row.note) : null;
      if (!found || found[0] < round || (found[0] === round && found[1] < n)) missing.push(`${marker} (attendance)`);
    }
    return { integrity, missing };
  } finally {
    db.close();
  }
}

/** The whole test: `kills` rounds on one growing file; throws on the first lost write or damaged file. */
export async function crashRounds(
  dir: string,
  kills: number,
  random: () => number = Math.random,
): Promise<{ acked: number; ackedByKind: Map<string, number>; kinds: Set<string>; skipped: Set<string> }> {
  const writer = await bundleWriter();
  const file = path.join(dir, 'crash.sqlite');
  fs.mkdirSync(dir, { recursive: true });
  const setup = await prepareDatabase(file, dir);
  const expected = new Map<string, string>();
  let acked = 0;
  const ackedByKind = new Map<string, number>();
  const kinds = new Set<string>();
  const skipped = new Set<string>();
  for (let round = 0; round < kills; round++) {
    // Mostly mid-stream, sometimes at start-up (0: before the first write is acknowledged).
    const killAfter = random() < 0.1 ? 0 : 1 + Math.floor(random() * 40);
    const outcome = await runAndKill(writer, file, setup, `K${round}`, killAfter, expected);
    acked += outcome.acked;
    for (const [kind, n] of outcome.ackedByKind) ackedByKind.set(kind, (ackedByKind.get(kind) ?? 0) + n);
    outcome.kinds.forEach((k) => kinds.add(k));
    outcome.skipped.forEach((s) => skipped.add(s));
    const { integrity, missing } = verifyAfterKill(file, expected);
    if (integrity !== 'ok') throw new Error(`round ${round}: integrity_check failed: ${integrity}`);
    if (missing.length > 0) throw new Error(`round ${round}: ${missing.length} acknowledged writes lost, e.g. ${missing.slice(0, 5).join(', ')}`);
  }
  return { acked, ackedByKind, kinds, skipped };
}
