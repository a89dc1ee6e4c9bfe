import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { NestingSqliteDialect } from './dialect';
import { asDiskError, DbError, diskTrouble, retold } from './errors';
import { safetyBackup } from './backup';
import { cleanRekeyTemps, fileKind, keyOf, openFile } from './cipher';
import { latestVersion, migrations as defaultMigrations, type Migration } from './migrations';
import type { DB } from './schema';
import { integrityCheck } from './integrity';
import { driverPath, foreignKeyProblems, inWorker, onThisThread, workerKey } from './offThread';

export interface OpenOptions {
  /** Path of the SQLite file; created when missing. */
  file: string;
  /** Injected in tests (e.g. a failing migration); the app always uses the static list. */
  migrations?: readonly Migration[];
  now?: () => Date;
  /** The key of an encrypted file (from its passphrase); ignored for a plain file. Never stored anywhere. */
  key?: Buffer | null;
  /**
   * The file passed quick_check and the foreign key check just now (the host runs them off the main thread,
   * `quickCheck()` in db/quickCheck.ts): only its version is read here, and the checks after an upgrade run in a worker.
   */
  checked?: boolean;
}

/** Why a file was opened for viewing only. */
export interface ReadOnlyReason {
  code: 'db.readOnlyFile' | 'db.readOnlyFolder' | 'db.readOnlyHeader' | 'db.checking';
  zh: string;
  en: string;
}

export interface Connection {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
  /** The key the file is encrypted with, or null when it is not encrypted. */
  key: Buffer | null;
  /** Set when this open migrated an existing file: where its pre-migration copy is. */
  preMigrationBackup: string | null;
  /**
   * Set when the file or its folder cannot be written: it is open for viewing and export only, every write is
   * refused with this reason, and nothing (no backup, no WAL) is written beside it.
   */
  readOnly: ReadOnlyReason | null;
  close(): Promise<void>;
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Deleted or overwritten text (a name removed from an opinion made anonymous) is zeroed, not left in free pages.
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
}

const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/** The companion files (-wal, -shm, -journal) that exist beside `file` now. */
function companionsOf(file: string): Set<string> {
  return new Set(COMPANIONS.filter((suffix) => fs.existsSync(`${file}${suffix}`)));
}

/** Removes the companions a read-only look created, so a refused file is left exactly as it was found. */
function removeNewCompanions(file: string, before: Set<string>): void {
  for (const suffix of COMPANIONS) if (!before.has(suffix)) fs.rmSync(`${file}${suffix}`, { force: true });
}

const READ_ONLY: Record<ReadOnlyReason['code'], Omit<ReadOnlyReason, 'code'>> = {
  'db.checking': {
    zh: '正在检查数据文件（完整性检查），检查通过前不能保存修改，请稍候几秒再试。',
    en: 'The data file is being checked (integrity check); nothing can be saved until it has passed. Please try again in a few seconds.',
  },
  'db.readOnlyFile': {
    zh: '数据文件为只读（文件属性中设置了“只读”，或当前用户没有写入权限）。已以只读方式打开，可以查看和导出，但不能保存修改，也不会自动备份。要继续编辑，请取消该文件的只读属性后重新启动镜鉴。',
    en: 'The data file is read-only (its read-only attribute is set, or this user may not write it). It was opened for viewing and export only: changes cannot be saved and no automatic backup is taken. To edit again, clear the read-only attribute and restart Jingjian.',
  },
  'db.readOnlyFolder': {
    zh: '数据文件所在的文件夹为只读（或当前用户没有写入权限）。数据文件本身没有损坏，已以只读方式打开，可以查看和导出，但不能保存修改，也不会自动备份。要继续编辑，请让该文件夹可写后重新启动镜鉴。',
    en: 'The folder of the data file is read-only (or this user may not write to it). The data file is not damaged; it was opened for viewing and export only: changes cannot be saved and no automatic backup is taken. To edit again, make the folder writable and restart Jingjian.',
  },
  'db.readOnlyHeader': {
    zh: '数据文件的文件头被改动，SQLite 把它当作只读文件，任何修改都无法保存。已以只读方式打开，可以查看和导出；要继续编辑，请在“备份与恢复”中恢复一个备份。',
    en: 'The header of the data file was altered so that SQLite treats it as read-only: no change could be saved. It was opened for viewing and export only; to edit again, restore a backup in "Backup & restore".',
  },
};

function readOnlyReason(code: ReadOnlyReason['code']): ReadOnlyReason {
  return { code, ...READ_ONLY[code] };
}

/** Whether new files can be created in `dir` (tried for real: permissions, ACLs and read-only media all count). */
function folderWritable(dir: string): boolean {
  const probe = path.join(dir, `.jingjian-write-probe-${crypto.randomBytes(4).toString('hex')}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.rmSync(probe, { force: true });
    return true;
  } catch (cause) {
    return diskTrouble(cause) !== 'readOnly';
  }
}

function fileWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A real write, rolled back: a file whose header byte forbids writing (or a read-only file the operating system
 * let SQLite open read-only) opens "normally" and then refuses every save; this finds out at once.
 */
function writeRefused(sqlite: Database.Database): boolean {
  try {
    sqlite.exec('SAVEPOINT jingjian_write_probe');
    try {
      sqlite.exec('CREATE TABLE jingjian_write_probe (x); INSERT INTO jingjian_write_probe VALUES (zeroblob(4096))');
    } finally {
      sqlite.exec('ROLLBACK TO jingjian_write_probe; RELEASE jingjian_write_probe');
    }
    return false;
  } catch (cause) {
    if (diskTrouble(cause) === 'readOnly') return true;
    throw cause;
  }
}

/** applyPragmas, telling a file that refuses the switch to WAL (it cannot be written) from other failures. */
function pragmasRefused(sqlite: Database.Database): boolean {
  try {
    applyPragmas(sqlite);
    return false;
  } catch (cause) {
    if (diskTrouble(cause) === 'readOnly') return true;
    throw cause;
  }
}

/** user_version read straight from a plain file's header (bytes 60–63), without opening it. */
function headerVersion(file: string): number | null {
  if (fileKind(file) !== 'plain') return null;
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(4);
    return fs.readSync(fd, bytes, 0, 4, 60) === 4 ? bytes.readUInt32BE(0) : null;
  } finally {
    fs.closeSync(fd);
  }
}

function tooNew(version: number, latest: number): DbError {
  return new DbError(
    'db.tooNew',
    `该数据文件由更新版本的镜鉴创建（数据版本 ${version}，本程序支持到 ${latest}）。文件没有损坏，为保护数据未作任何改动。请升级镜鉴后再打开，不要用旧备份覆盖它。`,
    `This file was written by a newer Jingjian (data version ${version}; this app supports up to ${latest}). It is not damaged and was left untouched. Please upgrade Jingjian to open it; do not overwrite it with an older backup.`,
  );
}

/** The refusal of a file that cannot be read as a database, or of a read that failed on the disk. */
export function unreadable(cause: unknown): DbError {
  const disk = asDiskError(cause, { zh: '读取数据文件', en: 'reading of the data file' });
  if (disk && disk.code === 'disk.ioError') return disk;
  return new DbError('db.corrupt', `数据库文件已损坏或不是镜鉴数据文件（${(cause as Error).message}）`, `The database file is damaged or not a Jingjian file (${(cause as Error).message})`);
}

/** The refusal of a file whose quick_check found problems. */
export function checkFailed(check: string): DbError {
  return new DbError('db.corrupt', `数据库完整性检查未通过：${check}`, `The database failed its integrity check: ${check}`);
}

/** quick_check (unless `checked`) and the data version of an open file; throws the bilingual refusal when it cannot be used. */
function verify(probe: Database.Database, latest: number, checked = false): number {
  let check: string;
  try {
    check = checked ? 'ok' : String(probe.pragma('quick_check', { simple: true }));
  } catch (cause) {
    throw unreadable(cause);
  }
  if (check !== 'ok') throw checkFailed(check);
  let version: number;
  try {
    version = Number(probe.pragma('user_version', { simple: true }));
  } catch (cause) {
    throw unreadable(cause);
  }
  if (version > latest) throw tooNew(version, latest);
  return version;
}

function openReadOnly(file: string, key: Buffer | null): Database.Database {
  try {
    return openFile(file, { readonly: true, key });
  } catch (cause) {
    if (cause instanceof DbError) throw cause;
    throw asDiskError(cause, { zh: '打开数据文件', en: 'opening of the data file' }) ??
      new DbError('db.unreadable', `无法打开数据库文件：${(cause as Error).message}`, `Cannot open the database file: ${(cause as Error).message}`);
  }
}

/**
 * Look at an existing file without changing a byte: it must be a readable SQLite database that passes quick_check
 * and was not written by a newer app. A newer file is recognised from its header before it is opened at all, and a
 * refused file gets no -wal or -shm beside it.
 */
function inspectExisting(file: string, latest: number, key: Buffer | null): number {
  const before = companionsOf(file);
  const fromHeader = before.has('-wal') ? null : headerVersion(file);
  if (fromHeader !== null && fromHeader > latest) throw tooNew(fromHeader, latest);
  const probe = openReadOnly(file, key);
  try {
    return verify(probe, latest);
  } catch (error) {
    probe.close();
    removeNewCompanions(file, before);
    throw error;
  } finally {
    if (probe.open) probe.close();
  }
}

/** The refusal of a file with rows that break a foreign key. */
export function foreignKeysBroken(count: number): DbError {
  return new DbError('db.foreignKeys', `数据关联检查发现 ${count} 处问题`, `The foreign key check found ${count} problems`);
}

/**
 * Runs each pending migration in its own transaction; user_version moves with it, so a failure leaves the file as it
 * was. Then the foreign key check, unless `foreignKeys` is false (the caller has it run off the main thread).
 */
export function migrate(sqlite: Database.Database, list: readonly Migration[], foreignKeys = true): void {
  const current = Number(sqlite.pragma('user_version', { simple: true }));
  for (const migration of list) {
    if (migration.version <= current) continue;
    const step = sqlite.transaction(() => {
      migration.up(sqlite);
      sqlite.pragma(`user_version = ${migration.version}`);
    });
    try {
      step();
    } catch (cause) {
      throw (
        asDiskError(cause, { zh: '数据升级', en: 'data upgrade' }) ??
        new DbError(
          'db.migrationFailed',
          `数据升级（第 ${migration.version} 步 ${migration.name}）失败，文件保持原样：${(cause as Error).message}`,
          `Upgrading the data (step ${migration.version} ${migration.name}) failed; the file was left as it was: ${(cause as Error).message}`,
        )
      );
    }
  }
  if (!foreignKeys) return;
  const problems = sqlite.prepare('PRAGMA foreign_key_check').all();
  if (problems.length > 0) throw foreignKeysBroken(problems.length);
}

/**
 * integrity_check of a file off the main thread (after an upgrade: seconds on a large file), as one line ("ok" when
 * sound); on this thread where no worker can start.
 */
async function integrityCheckOffThread(file: string, key: Buffer | null, foreignKeys: boolean): Promise<string> {
  const resolved = path.resolve(file);
  const driver = driverPath();
  const raw = await workerKey(resolved, key);
  const answer = (driver ? await inWorker(resolved, raw, driver, { job: 'check', pragma: 'integrity_check', foreignKeys }) : null) ?? onThisThread(resolved, key, 'integrity_check', foreignKeys);
  if (!answer.ok) throw unreadable(Object.assign(new Error(answer.message), { code: answer.code }));
  const broken = foreignKeyProblems(answer.check);
  if (broken !== null) throw foreignKeysBroken(broken);
  return answer.check;
}

/** Full integrity_check after a migration: a migration must never leave a damaged file behind. */
function fullCheck(sqlite: Database.Database): void {
  checkResult(integrityCheck(sqlite));
}

function checkResult(result: string): void {
  if (result !== 'ok') throw new DbError('db.corrupt', `数据升级后完整性检查未通过：${result}`, `The integrity check after upgrading failed: ${result}`);
}

function connectionOf(sqlite: Database.Database, file: string, extra: { preMigrationBackup: string | null; readOnly: ReadOnlyReason | null; onClose?: () => void }): Connection {
  const db = new Kysely<DB>({ dialect: new NestingSqliteDialect(sqlite) });
  return {
    sqlite,
    db,
    file,
    key: keyOf(sqlite),
    preMigrationBackup: extra.preMigrationBackup,
    readOnly: extra.readOnly,
    async close() {
      await db.destroy();
      if (sqlite.open) sqlite.close();
      extra.onClose?.();
    },
  };
}

/**
 * Opens a file that cannot be written, for viewing and export. Read in place when SQLite can; when its folder
 * refuses even the read-only WAL index, a private snapshot (the file and its -wal, copied byte for byte into a fresh
 * temporary folder) is read instead and removed on close. Nothing is written beside the file.
 */
function openForViewing(file: string, latest: number, key: Buffer | null, reason: ReadOnlyReason, checked = false): Connection {
  const before = companionsOf(file);
  let snapshot: string | null = null;
  let sqlite: Database.Database;
  try {
    sqlite = openReadOnly(file, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (cause) {
    if (cause instanceof DbError && cause.code !== 'db.unreadable' && cause.code !== 'disk.readOnly') throw cause;
    removeNewCompanions(file, before);
    snapshot = fs.mkdtempSync(path.join(os.tmpdir(), 'jingjian-view-'));
    const copy = path.join(snapshot, path.basename(file));
    fs.copyFileSync(file, copy);
    if (before.has('-wal')) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    sqlite = openReadOnly(copy, key);
  }
  const cleanup = () => {
    if (snapshot) fs.rmSync(snapshot, { recursive: true, force: true });
    // The empty WAL and the index a read-only reader needed: the file is left as it was found.
    else removeNewCompanions(file, before);
  };
  try {
    const version = verify(sqlite, latest, checked);
    if (version < latest) {
      throw new DbError(
        'db.readOnlyOld',
        `${reason.zh}另外，该文件需要先升级数据版本才能打开，而只读文件无法升级。`,
        `${reason.en} Moreover, the file needs a data upgrade before it can be opened, which a read-only file cannot take.`,
      );
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('query_only = ON');
  } catch (error) {
    sqlite.close();
    cleanup();
    throw error;
  }
  return connectionOf(sqlite, file, { preMigrationBackup: null, readOnly: reason, onClose: cleanup });
}

/** A new data file: created, migrated and checked, or, when that fails (a full disk), removed again. */
function createNew(file: string, list: readonly Migration[], key: Buffer | null): Connection {
  const what = { zh: '创建数据文件', en: 'creation of the data file' };
  let sqlite: Database.Database | null = null;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    sqlite = openFile(file, { key });
    applyPragmas(sqlite);
    migrate(sqlite, list);
    fullCheck(sqlite);
    return connectionOf(sqlite, file, { preMigrationBackup: null, readOnly: null });
  } catch (error) {
    sqlite?.close();
    // Nothing of value was in it: a half-created file would only look like a damaged one at the next start.
    for (const suffix of ['', ...COMPANIONS]) fs.rmSync(`${file}${suffix}`, { force: true });
    throw retold(error, what) ?? error;
  }
}

/** Opens (creating or migrating) a Jingjian database file. */
export async function openDatabase(options: OpenOptions): Promise<Connection> {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.at(-1)?.version ?? latestVersion;
  const now = options.now ?? (() => new Date());
  const key = options.key ?? null;
  const file = path.resolve(options.file);
  const dir = path.dirname(file);
  const kind = fileKind(file);
  if (kind === 'missing' || kind === 'empty') return createNew(file, list, key);

  const checked = options.checked ?? false;
  if (!folderWritable(dir)) return openForViewing(file, latest, key, readOnlyReason('db.readOnlyFolder'), checked);
  if (!fileWritable(file)) return openForViewing(file, latest, key, readOnlyReason('db.readOnlyFile'), checked);
  // Half-written re-encrypted copies of an interrupted encryption change (the file itself is whole).
  cleanRekeyTemps(dir);
  // Checked just now (firstLook and quickCheck): the version is read from the connection itself.
  const inspected = checked ? null : inspectExisting(file, latest, key);

  const sqlite = openFile(file, { key });
  try {
    const version = inspected ?? verify(sqlite, latest, true);
    if (pragmasRefused(sqlite) || writeRefused(sqlite)) {
      sqlite.close();
      return openForViewing(file, latest, key, readOnlyReason(fileWritable(file) ? 'db.readOnlyHeader' : 'db.readOnlyFile'), checked);
    }
    let preMigrationBackup: string | null = null;
    if (version > 0 && version < latest) {
      // Verified, in the backups folder with the others, so the restore screen lists it.
      preMigrationBackup = await safetyBackup(sqlite, file, 'premigration', now(), undefined, true);
    }
    // Checked just now by the host (quickCheck: quick_check and the foreign key check, in a worker): a file already
    // at the latest version is not read through again here, on the main thread.
    migrate(sqlite, list, !checked);
    // The full check of the upgraded file (seconds on a large one) reads what the upgrade committed, in a worker,
    // with the foreign key check.
    if (version < latest) checkResult(await integrityCheckOffThread(file, key, checked));
    return connectionOf(sqlite, file, { preMigrationBackup, readOnly: null });
  } catch (error) {
    if (sqlite.open) sqlite.close();
    if (error instanceof DbError) throw error;
    throw asDiskError(error, { zh: '打开数据文件', en: 'opening of the data file' }) ?? error;
  }
}

/** What a first look at an existing file found, before its checks. */
export interface FirstLook {
  /** Its data version, and the app's. */
  version: number;
  latest: number;
  /**
   * A connection for reading only while the checks that guard writes run (every write refused with the
   * `db.checking` reason); null when the file needs an upgrade first (this version's handlers cannot read it).
   */
  viewer: Connection | null;
}

/**
 * A first look at an existing file, in milliseconds whatever its size: readable as a database with this key, not
 * from a newer app. No quick_check (the host runs it off the main thread, db/quickCheck.ts) and nothing written:
 * a refused file is left exactly as it was found. Null when the file is opened at once instead (`openDatabase`): a
 * new file (created and checked), or one that cannot be written (opened for viewing, with its own checks).
 */
export function firstLook(options: Pick<OpenOptions, 'file' | 'key' | 'migrations'>): FirstLook | null {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.at(-1)?.version ?? latestVersion;
  const file = path.resolve(options.file);
  const kind = fileKind(file);
  if (kind === 'missing' || kind === 'empty' || !folderWritable(path.dirname(file)) || !fileWritable(file)) return null;
  const before = companionsOf(file);
  const fromHeader = before.has('-wal') ? null : headerVersion(file);
  if (fromHeader !== null && fromHeader > latest) throw tooNew(fromHeader, latest);
  const sqlite = openReadOnly(file, options.key ?? null);
  try {
    const version = verify(sqlite, latest, true);
    if (version < latest) {
      sqlite.close();
      return { version, latest, viewer: null };
    }
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('query_only = ON');
    return { version, latest, viewer: connectionOf(sqlite, file, { preMigrationBackup: null, readOnly: readOnlyReason('db.checking') }) };
  } catch (error) {
    if (sqlite.open) sqlite.close();
    removeNewCompanions(file, before);
    throw error;
  }
}
