import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { cleanRekeyTemps, fileKind, keyOf, openFile, rekeyTemp } from './cipher';
import { fsyncDir, renameDurably } from './durable';
import { asDiskError, DbError } from './errors';
import { integrityCheck } from './integrity';
import { rememberTempPlace } from './leftovers';
import { verifiedCopyOffThread } from './offThread';

/**
 * Backups of the live database. Always through SQLite's online backup API (a file copy of a live WAL database can
 * miss committed pages), written to a temporary name, verified with integrity_check, then renamed into place: a
 * backup that exists under its final name is a good one.
 *
 * An encrypted database is copied with VACUUM INTO instead (SQLite's backup API cannot copy between an encrypted
 * connection and a plain destination); the copy carries the same key, so backups of an encrypted database are
 * encrypted, and every check of one uses that key.
 */

export const BACKUP_KINDS = ['daily', 'premigration', 'prerestore', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export interface BackupPolicy {
  /** Newest daily backups kept, one per calendar day. */
  daily: number;
  /** Beyond those, the newest backup of each of this many weeks. */
  weekly: number;
}

export const DEFAULT_POLICY: BackupPolicy = { daily: 7, weekly: 4 };
/** Safety copies taken before a migration or a restore: the newest few are kept whatever the policy. */
const SAFETY_KEEP = 5;
const NAME = /^jingjian-(daily|premigration|prerestore|manual)-(\d{8})-(\d{6})(?:-[0-9a-f]{4})?\.sqlite$/;
const TEMP = '.jingjian-backup-tmp-';

export interface BackupEntry {
  file: string;
  name: string;
  kind: BackupKind;
  /** Main's wall-clock time the backup was taken, yyyy-mm-dd hh:mm:ss (as in its name; rotation counts days by it). */
  takenAt: string;
  /** The same moment as a UTC ISO instant: what the user is shown, in the user's own time zone. */
  at: string;
  bytes: number;
  /** Encrypted (no plain SQLite header). */
  encrypted: boolean;
}

export interface BackupPreview {
  file: string;
  bytes: number;
  dataVersion: number;
  integrity: string;
  teams: number;
  meetings: number;
  members: number;
  encrypted: boolean;
  /** Row count of every table, by table name. */
  tables: Record<string, number>;
}

/** Where backups of a data file live: a folder beside it. */
export function backupDir(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), 'backups');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function stamp(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

export function backupName(kind: BackupKind, now: Date): string {
  return `jingjian-${kind}-${stamp(now)}-${crypto.randomBytes(2).toString('hex')}.sqlite`;
}

/** integrity_check of a file opened read-only; a file SQLite cannot read at all is reported, not thrown. */
export function checkFile(file: string, key: Buffer | null = null): string {
  let db: Database.Database | null = null;
  try {
    db = openFile(file, { readonly: true, key });
    return integrityCheck(db);
  } catch (cause) {
    return `unreadable: ${(cause as Error).message}`;
  } finally {
    db?.close();
  }
}

/**
 * Makes a freshly written copy a self-contained single file (rollback journal, not WAL, so no -wal/-shm companions
 * appear beside it) and returns its integrity_check result.
 */
function sealAndCheck(file: string, key: Buffer | null): string {
  let db: Database.Database | null = null;
  try {
    db = openFile(file, { key });
    db.pragma('journal_mode = DELETE');
    return integrityCheck(db);
  } catch (cause) {
    return `unreadable: ${(cause as Error).message}`;
  } finally {
    db?.close();
  }
}

/** How far a backup is: pages copied of the total (0 of 0 until the first step). */
export type BackupProgress = (done: number, total: number) => void;

const stalled = () => new DbError('backup.stalled', '备份没有进展（数据文件被锁定或无法读取），已停止', 'The backup made no progress (the data file is locked or unreadable) and was stopped');

/** A backup that copies no page for this long is stuck (a lock that never frees, a file it cannot read): it stops. */
export const BACKUP_STALL_MS = 15_000;

/**
 * The online backup API, step by step, with a bound: the driver retries a step that cannot proceed (busy, locked,
 * read-only source) forever, at full CPU, so a backup that makes no progress for BACKUP_STALL_MS is abandoned.
 */
async function boundedBackup(sqlite: Database.Database, temp: string, onProgress?: BackupProgress): Promise<void> {
  let remaining = Number.POSITIVE_INFINITY;
  let lastProgress = Date.now();
  await sqlite.backup(temp, {
    progress({ totalPages, remainingPages }) {
      if (remainingPages < remaining) {
        remaining = remainingPages;
        lastProgress = Date.now();
      } else if (Date.now() - lastProgress > BACKUP_STALL_MS) {
        throw stalled();
      }
      onProgress?.(totalPages - remainingPages, totalPages);
      return 100;
    },
  });
}

/**
 * The copy and its check done by a worker thread with its own read-only connection to the data file (one consistent
 * snapshot of what is committed; the caller holds the database's turn, so nothing is written meanwhile). Null when no
 * worker could run (the caller copies on its own thread), or for a database with no file of its own.
 */
async function copiedOffThread(sqlite: Database.Database, key: Buffer | null, temp: string, onProgress?: BackupProgress): Promise<string | null> {
  if (sqlite.memory || !sqlite.name) return null;
  try {
    return await verifiedCopyOffThread(sqlite.name, key, temp, BACKUP_STALL_MS, onProgress);
  } catch (error) {
    if ((error as { code?: string }).code === 'JINGJIAN_STALLED') {
      throw stalled();
    }
    throw error;
  }
}

/**
 * Online backup to `target`, verified before it gets its final name. Throws a bilingual DbError when it fails.
 * A target outside the backups folder (a USB stick) is remembered first, so a temporary copy left there by a
 * killed process is removed at the next start.
 */
export async function writeVerifiedBackup(sqlite: Database.Database, target: string, onProgress?: BackupProgress, offThread = false): Promise<string> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `${TEMP}${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (cause) {
    throw (
      asDiskError(cause, { zh: '备份', en: 'backup' }) ??
      new DbError('backup.folder', `无法创建备份文件夹“${dir}”：该位置已有同名文件，或路径无效。`, `The backup folder "${dir}" cannot be created: a file of that name is in the way, or the path is invalid.`)
    );
  }
  try {
    const dataFile = sqlite.name;
    if (path.resolve(dir) !== backupDir(dataFile)) rememberTempPlace(path.dirname(path.resolve(dataFile)), dir);
    const key = keyOf(sqlite);
    // Off the main thread (the daily backup of a large file takes seconds): a worker copies and checks it.
    let check = offThread ? await copiedOffThread(sqlite, key, temp, onProgress) : null;
    if (check === null) {
      if (key) sqlite.prepare('VACUUM INTO ?').run(temp);
      else await boundedBackup(sqlite, temp, onProgress);
      check = sealAndCheck(temp, key);
    }
    if (check !== 'ok') {
      throw new DbError('backup.verifyFailed', `备份文件校验未通过，已丢弃：${check}`, `The backup failed its integrity check and was discarded: ${check}`);
    }
    renameDurably(temp, target);
    return target;
  } catch (error) {
    for (const leftover of [temp, `${temp}-journal`]) {
      try {
        fs.rmSync(leftover, { force: true });
      } catch {
        // Removed at the next start (db/leftovers.ts).
      }
    }
    if (error instanceof DbError) throw error;
    throw asDiskError(error, { zh: '备份', en: 'backup' }) ?? new DbError('backup.failed', `备份失败：${(error as Error).message}`, `Backup failed: ${(error as Error).message}`);
  }
}

/** Backups in a folder, newest first. Files with other names are not ours and are ignored. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (!match) continue;
    const [, kind, day, time] = match;
    const file = path.join(dir, name);
    entries.push({
      file,
      name,
      kind: kind as BackupKind,
      takenAt: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}`,
      // The name holds main's wall clock (stamp() below): read back in the same zone, it is the instant it was taken.
      at: new Date(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6)), Number(time.slice(0, 2)), Number(time.slice(2, 4)), Number(time.slice(4))).toISOString(),
      bytes: fs.statSync(file).size,
      encrypted: fileKind(file) === 'encrypted',
    });
  }
  return entries.sort((a, b) => (a.takenAt === b.takenAt ? b.name.localeCompare(a.name) : b.takenAt.localeCompare(a.takenAt)));
}

/** Removes temporary files an interrupted backup left behind. */
export function cleanBackupTemps(dir: string): void {
  cleanRekeyTemps(dir);
  try {
    for (const name of fs.readdirSync(dir)) if (name.startsWith(TEMP)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // No folder, nothing to clean.
  }
}

/** Monday of the ISO week of a yyyy-mm-dd day, as the key that groups a week's backups. */
function weekKey(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}

/**
 * Which backups the policy keeps: the newest of each of the last `daily` days, then the newest of each of the
 * `weekly` weeks before those, and the newest few safety copies. Manual backups live elsewhere and are never touched.
 */
export function selectKept(entries: BackupEntry[], policy: BackupPolicy): Set<string> {
  const kept = new Set<string>();
  const daily = entries.filter((e) => e.kind === 'daily');
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const entry of daily) {
    const day = entry.takenAt.slice(0, 10);
    if (days.has(day)) continue;
    if (days.size < policy.daily) {
      days.add(day);
      kept.add(entry.file);
      continue;
    }
    const week = weekKey(day);
    if (weeks.has(week)) continue;
    if (weeks.size < policy.weekly) {
      weeks.add(week);
      kept.add(entry.file);
    }
  }
  for (const kind of ['premigration', 'prerestore', 'manual'] as const) {
    entries.filter((e) => e.kind === kind).slice(0, SAFETY_KEEP).forEach((e) => kept.add(e.file));
  }
  return kept;
}

/**
 * Whether a backup holds any team (the root of all data). One that cannot be read with `key` counts as holding data:
 * rotation must not guess a backup away.
 */
function holdsData(file: string, key: Buffer | null): boolean {
  let db: Database.Database | null = null;
  try {
    db = openFile(file, { readonly: true, key });
    return (db.prepare('SELECT count(*) AS n FROM teams').get() as { n: number }).n > 0;
  } catch {
    return true;
  } finally {
    db?.close();
  }
}

/**
 * Deletes what the policy does not keep; returns the removed file names. The newest backup that holds data is always
 * kept: weeks of daily backups of an empty file (a data file lost and started afresh) must not rotate it away.
 */
export function rotate(dir: string, policy: BackupPolicy, protect?: string, key: Buffer | null = null): string[] {
  const entries = listBackups(dir);
  const kept = selectKept(entries, policy);
  if (protect) kept.add(path.resolve(protect));
  if (!entries.some((e) => kept.has(e.file) && holdsData(e.file, key))) {
    const newestWithData = entries.find((e) => !kept.has(e.file) && holdsData(e.file, key));
    if (newestWithData) kept.add(newestWithData.file);
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (kept.has(entry.file)) continue;
    fs.rmSync(entry.file, { force: true });
    removed.push(entry.name);
  }
  return removed;
}

const localDay = (now: Date) => `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

/** Whether today's daily backup still has to be taken. */
export function dailyBackupDue(dataFile: string, now: Date): boolean {
  const today = localDay(now);
  return !listBackups(backupDir(dataFile)).some((e) => e.kind === 'daily' && e.takenAt.startsWith(today));
}

/** The first start of a day takes a backup; later starts that day do nothing. Returns the new file or null. */
export async function dailyBackup(sqlite: Database.Database, dataFile: string, now: Date, policy: BackupPolicy = DEFAULT_POLICY, onProgress?: BackupProgress): Promise<string | null> {
  const dir = backupDir(dataFile);
  cleanBackupTemps(dir);
  if (!dailyBackupDue(dataFile, now)) return null;
  const file = await writeVerifiedBackup(sqlite, path.join(dir, backupName('daily', now)), onProgress, true);
  rotate(dir, policy, undefined, keyOf(sqlite));
  return file;
}

/** Safety copy in the backups folder (before a migration or a restore), then rotation. */
export async function safetyBackup(sqlite: Database.Database, dataFile: string, kind: 'premigration' | 'prerestore', now: Date, protect?: string, offThread = false): Promise<string> {
  const dir = backupDir(dataFile);
  const file = await writeVerifiedBackup(sqlite, path.join(dir, backupName(kind, now)), undefined, offThread);
  // `protect`: the backup about to be restored must survive the trimming of old safety copies.
  rotate(dir, DEFAULT_POLICY_FOR_SAFETY, protect, keyOf(sqlite));
  return file;
}
// Safety rotation only trims safety copies; a huge daily count keeps every daily backup untouched here.
const DEFAULT_POLICY_FOR_SAFETY: BackupPolicy = { daily: Number.MAX_SAFE_INTEGER, weekly: 0 };

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
}

/** What a backup (or any Jingjian file) contains, read without changing a byte. */
export function previewFile(file: string, key: Buffer | null = null): BackupPreview {
  let db: Database.Database;
  try {
    db = openFile(file, { readonly: true, key });
  } catch (cause) {
    if (cause instanceof DbError && (cause.code === 'db.locked' || cause.code === 'db.wrongPassphrase')) {
      throw new DbError(
        'backup.encrypted',
        key ? '该文件已加密，且口令与当前数据的口令不同（或文件已损坏），无法读取' : '该文件已加密，需要输入它的口令才能读取',
        key ? 'The file is encrypted with a passphrase other than the current one (or is damaged); it cannot be read' : 'The file is encrypted; its passphrase is needed to read it',
      );
    }
    throw new DbError('backup.unreadable', `无法读取该文件：${(cause as Error).message}`, `Cannot read the file: ${(cause as Error).message}`);
  }
  try {
    let integrity: string;
    let names: string[];
    try {
      integrity = integrityCheck(db);
      names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    } catch (cause) {
      throw new DbError('backup.notDatabase', `该文件不是有效的镜鉴数据文件：${(cause as Error).message}`, `The file is not a valid Jingjian data file: ${(cause as Error).message}`);
    }
    if (!names.includes('teams') || !names.includes('meetings') || !names.includes('members')) {
      throw new DbError('backup.notJingjian', '该文件不是镜鉴数据文件（缺少班子、成员或会议数据表）', 'The file is not a Jingjian data file (no teams, members or meetings table)');
    }
    const tables = Object.fromEntries(names.map((name) => [name, count(db, name)]));
    return {
      file,
      bytes: fs.statSync(file).size,
      dataVersion: Number(db.pragma('user_version', { simple: true })),
      integrity,
      teams: tables.teams,
      meetings: tables.meetings,
      members: tables.members,
      encrypted: fileKind(file) === 'encrypted',
      tables,
    };
  } finally {
    db.close();
  }
}

/**
 * Puts a verified copy of `source` at `dataFile` (which must be closed): copied through the backup API (VACUUM INTO
 * when it is encrypted) into a temp file beside the target, checked, then renamed over it, and the old WAL/SHM files
 * removed so they cannot replay. `key` is the app's: it reads an encrypted source, and a plain source is encrypted
 * with it before it is checked, so restoring never turns encryption off.
 */
export async function installCopy(source: string, dataFile: string, key: Buffer | null = null): Promise<void> {
  const temp = path.join(path.dirname(dataFile), `${TEMP}${crypto.randomBytes(6).toString('hex')}.sqlite`);
  let sourceKey: Buffer | null;
  try {
    const src = openFile(source, { readonly: true, key });
    sourceKey = keyOf(src);
    try {
      if (sourceKey) src.prepare('VACUUM INTO ?').run(temp);
      else await src.backup(temp);
    } finally {
      src.close();
    }
  } catch (cause) {
    fs.rmSync(temp, { force: true });
    throw new DbError('backup.unreadable', `无法读取备份文件，未作任何修改：${(cause as Error).message}`, `Cannot read the backup; nothing was changed: ${(cause as Error).message}`);
  }
  let check: string;
  try {
    if (key && !sourceKey) rekeyTemp(temp, null, key);
    check = sealAndCheck(temp, key);
  } catch (cause) {
    check = `unreadable: ${(cause as Error).message}`;
  }
  if (check !== 'ok') {
    fs.rmSync(temp, { force: true });
    throw new DbError('backup.verifyFailed', `备份文件校验未通过，未作任何修改：${check}`, `The backup failed its integrity check; nothing was changed: ${check}`);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dataFile}${suffix}`, { force: true });
  renameDurably(temp, dataFile);
}

/**
 * Applies `change` to every backup in a folder, each in its own transaction with secure_delete on, so the old text is
 * zeroed in the backups too. For erasures the user asked for (a name removed when an opinion is made anonymous): a
 * restore must not bring the name back. A backup that cannot take the change (damaged, older schema) is named in
 * `failed` and left as it was.
 */
export function amendBackups(dir: string, key: Buffer | null, change: (db: Database.Database) => void): { changed: number; failed: string[] } {
  let changed = 0;
  const failed: string[] = [];
  removeOrphanJournals(dir);
  for (const backup of listBackups(dir)) {
    let db: Database.Database | null = null;
    try {
      db = openFile(backup.file, { key });
      db.pragma('secure_delete = ON');
      db.transaction(() => change(db!))();
      changed += 1;
    } catch {
      failed.push(backup.name);
    } finally {
      db?.close();
    }
  }
  removeOrphanJournals(dir);
  return { changed, failed };
}

/**
 * A rollback journal holds the pages a change overwrote, old text included. Opening its backup rolls a hot journal
 * back and removes it; a journal whose backup is gone (rotated away) is removed here.
 */
export function removeOrphanJournals(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('-journal')) continue;
    const main = path.join(dir, name.slice(0, -'-journal'.length));
    if (!fs.existsSync(main)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Keeps a copy of the data file as it is, with its -wal and -shm, byte for byte and flushed to disk, under
 * `<data file>.damaged-<stamp>` (companions as `…-wal`, `…-shm`, so SQLite opens the copy with its WAL). Runs before
 * anything replaces or removes the file: acknowledged writes that live only in the WAL survive a restore. Returns the
 * name of the copy, or null when there was no file.
 */
export function setAside(dataFile: string, stamp: string): string | null {
  if (!fs.existsSync(dataFile)) return null;
  const aside = `${dataFile}.damaged-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    const from = `${dataFile}${suffix}`;
    if (!fs.existsSync(from)) continue;
    const to = `${aside}${suffix}`;
    fs.copyFileSync(from, to);
    const fd = fs.openSync(to, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  fsyncDir(path.dirname(dataFile));
  return path.basename(aside);
}
