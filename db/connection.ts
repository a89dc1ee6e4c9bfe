import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { NestingSqliteDialect } from './dialect';
import { DbError } from './errors';
import { safetyBackup } from './backup';
import { cleanRekeyTemps, keyOf, openFile } from './cipher';
import { latestVersion, migrations as defaultMigrations, type Migration } from './migrations';
import type { DB } from './schema';
import { integrityCheck } from './integrity';

export interface OpenOptions {
  /** Path of the SQLite file; created when missing. */
  file: string;
  /** Injected in tests (e.g. a failing migration); the app always uses the static list. */
  migrations?: readonly Migration[];
  now?: () => Date;
  /** The key of an encrypted file (from its passphrase); ignored for a plain file. Never stored anywhere. */
  key?: Buffer | null;
}

export interface Connection {
  sqlite: Database.Database;
  db: Kysely<DB>;
  file: string;
  /** The key the file is encrypted with, or null when it is not encrypted. */
  key: Buffer | null;
  /** Set when this open migrated an existing file: where its pre-migration copy is. */
  preMigrationBackup: string | null;
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

function isEmptyFile(file: string): boolean {
  try {
    return fs.statSync(file).size === 0;
  } catch {
    return true;
  }
}

/**
 * Look at an existing file without changing a byte: it must be a readable SQLite database that passes quick_check
 * and was not written by a newer app. Opening read-only keeps a refused file untouched.
 */
function inspectExisting(file: string, latest: number, key: Buffer | null): number {
  let probe: Database.Database;
  try {
    probe = openFile(file, { readonly: true, key });
  } catch (cause) {
    if (cause instanceof DbError) throw cause;
    throw new DbError('db.unreadable', `无法打开数据库文件：${(cause as Error).message}`, `Cannot open the database file: ${(cause as Error).message}`);
  }
  try {
    let check: string;
    try {
      check = String(probe.pragma('quick_check', { simple: true }));
    } catch (cause) {
      throw new DbError('db.corrupt', `数据库文件已损坏或不是镜鉴数据文件（${(cause as Error).message}）`, `The database file is damaged or not a Jingjian file (${(cause as Error).message})`);
    }
    if (check !== 'ok') {
      throw new DbError('db.corrupt', `数据库完整性检查未通过：${check}`, `The database failed its integrity check: ${check}`);
    }
    const version = Number(probe.pragma('user_version', { simple: true }));
    if (version > latest) {
      throw new DbError(
        'db.tooNew',
        `该数据文件由更新版本的镜鉴创建（数据版本 ${version}，本程序支持到 ${latest}），为保护数据未作任何改动。请升级镜鉴后再打开。`,
        `This file was written by a newer Jingjian (data version ${version}; this app supports up to ${latest}). It was left untouched. Please upgrade Jingjian to open it.`,
      );
    }
    return version;
  } finally {
    probe.close();
  }
}

/** Runs each pending migration in its own transaction; user_version moves with it, so a failure leaves the file as it was. */
export function migrate(sqlite: Database.Database, list: readonly Migration[]): void {
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
      throw new DbError(
        'db.migrationFailed',
        `数据升级（第 ${migration.version} 步 ${migration.name}）失败，文件保持原样：${(cause as Error).message}`,
        `Upgrading the data (step ${migration.version} ${migration.name}) failed; the file was left as it was: ${(cause as Error).message}`,
      );
    }
  }
  const problems = sqlite.prepare('PRAGMA foreign_key_check').all();
  if (problems.length > 0) {
    throw new DbError('db.foreignKeys', `数据关联检查发现 ${problems.length} 处问题`, `The foreign key check found ${problems.length} problems`);
  }
}

/** Full integrity_check after a migration: a migration must never leave a damaged file behind. */
function fullCheck(sqlite: Database.Database): void {
  const result = integrityCheck(sqlite);
  if (result !== 'ok') throw new DbError('db.corrupt', `数据升级后完整性检查未通过：${result}`, `The integrity check after upgrading failed: ${result}`);
}

/** Opens (creating or migrating) a Jingjian database file. */
export async function openDatabase(options: OpenOptions): Promise<Connection> {
  const list = options.migrations ?? defaultMigrations;
  const latest = list.at(-1)?.version ?? latestVersion;
  const now = options.now ?? (() => new Date());
  const file = path.resolve(options.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Half-written re-encrypted copies of an interrupted encryption change (the file itself is whole).
  cleanRekeyTemps(path.dirname(file));

  const existed = !isEmptyFile(file);
  const version = existed ? inspectExisting(file, latest, options.key ?? null) : 0;

  const sqlite = openFile(file, { key: options.key ?? null });
  try {
    applyPragmas(sqlite);
    let preMigrationBackup: string | null = null;
    if (existed && version > 0 && version < latest) {
      // Verified, in the backups folder with the others, so the restore screen lists it.
      preMigrationBackup = await safetyBackup(sqlite, file, 'premigration', now());
    }
    migrate(sqlite, list);
    if (version < latest) fullCheck(sqlite);
    const db = new Kysely<DB>({ dialect: new NestingSqliteDialect(sqlite) });
    return {
      sqlite,
      db,
      file,
      key: keyOf(sqlite),
      preMigrationBackup,
      async close() {
        await db.destroy();
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
