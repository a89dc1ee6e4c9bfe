import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { DbError } from './errors';
import { integrityCheck } from './integrity';

/**
 * Encryption at rest. The driver is better-sqlite3-multiple-ciphers (better-sqlite3 built with SQLite3 Multiple
 * Ciphers); Jingjian uses its SQLCipher 4 scheme (AES-256-CBC, HMAC-SHA512, PBKDF2-HMAC-SHA512 with 256,000
 * iterations), so an encrypted file also opens in other SQLCipher tools with the passphrase.
 *
 * The passphrase is never stored: it lives in memory as the key of the open connection. An encrypted file has no
 * plain header at all, so "encrypted" is read from the first 16 bytes.
 */

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
export const CIPHER_NAME = 'SQLCipher 4 (AES-256)';

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted' | 'foreign';

/**
 * What a file is, from its size and first bytes: a plain SQLite database; an encrypted one (whole pages, starting
 * with a random salt); or something else (text renamed .sqlite, a zeroed or damaged header), which is opened as a
 * plain file and refused as damaged, so the user sees recovery rather than a passphrase prompt for junk.
 */
export function fileKind(file: string): FileKind {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return 'missing';
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return 'empty';
    const head = Buffer.alloc(16);
    const read = fs.readSync(fd, head, 0, 16, 0);
    if (read === 16 && head.equals(SQLITE_HEADER)) return 'plain';
    if (damagedPlainHeader(fd, head)) return 'foreign';
    const wholePages = size >= 1024 && size % 512 === 0;
    // A random salt: not all one byte, and not all printable text (odds of that for random bytes: about 1e-7).
    const random = new Set(head).size > 4 && head.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b > 0x7e);
    return wholePages && random ? 'encrypted' : 'foreign';
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A plain SQLite file whose magic string was damaged (a byte or two changed) still has the rest of its header: the
 * fixed payload fractions 64, 32, 32 at bytes 21–23, or most of the magic itself. An encrypted file is random there
 * (odds of 64/32/32 by chance: 1 in 16 million), so such a file is damaged, not encrypted, and must not make the app
 * ask for a passphrase that was never set.
 */
function damagedPlainHeader(fd: number, head: Buffer): boolean {
  const alike = head.reduce((n, byte, i) => n + (byte === SQLITE_HEADER[i] ? 1 : 0), 0);
  if (alike >= 8) return true;
  const fractions = Buffer.alloc(3);
  return fs.readSync(fd, fractions, 0, 3, 21) === 3 && fractions[0] === 64 && fractions[1] === 32 && fractions[2] === 32;
}

/** The passphrase as key bytes (UTF-8, so Chinese passphrases work the same on every machine). */
export function passphraseKey(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/**
 * SQLCipher 4's key derivation, as the driver does it on `key()`: PBKDF2-HMAC-SHA512 over the passphrase and the
 * file's salt (its first 16 bytes), 256,000 iterations, 32 bytes. A tenth of a second of one core on an idle
 * machine, several times that on a busy one, and the driver does it again at every open of every file (the data
 * file, its checks, each backup and its verification). Here it is done once per passphrase and salt, by Node's
 * crypto (off the main thread where the caller can wait: `deriveKey`), and the file is opened with the result in
 * SQLCipher's raw key form `x'<key><salt>'`, which skips the derivation. Copies made by VACUUM INTO keep the salt,
 * so a backup opens with the same derived key, and with the passphrase in any other SQLCipher tool.
 */
const KDF = { iterations: 256_000, bytes: 32, digest: 'sha512' } as const;
const SALT_BYTES = 16;

/** Derived keys in raw form, by passphrase (an HMAC of it under a secret of this process) and salt; a few at most. */
const derived = new Map<string, Buffer>();
const DERIVED_MAX = 8;
const CACHE_SECRET = crypto.randomBytes(32);

function saltOf(file: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const salt = Buffer.alloc(SALT_BYTES);
    return fs.readSync(fd, salt, 0, SALT_BYTES, 0) === SALT_BYTES ? salt : null;
  } finally {
    fs.closeSync(fd);
  }
}

function cacheId(key: Buffer, salt: Buffer): string {
  return `${crypto.createHmac('sha256', CACHE_SECRET).update(key).digest('hex')}:${salt.toString('hex')}`;
}

function remember(id: string, derivedKey: Buffer, salt: Buffer): Buffer {
  const raw = Buffer.from(`x'${derivedKey.toString('hex')}${salt.toString('hex')}'`, 'latin1');
  derivedKey.fill(0);
  derived.delete(id);
  derived.set(id, raw);
  while (derived.size > DERIVED_MAX) derived.delete(derived.keys().next().value!);
  return raw;
}

/**
 * Derives the key of encrypted `file` for passphrase key `key` in Node's thread pool, so that the next opens of it
 * (and of its copies) on this thread take no derivation. Nothing to do for a plain or missing file.
 */
export async function deriveKey(file: string, key: Buffer | null): Promise<void> {
  if (!key || key.length === 0 || fileKind(file) !== 'encrypted') return;
  const salt = saltOf(file);
  if (!salt) return;
  const id = cacheId(key, salt);
  if (derived.has(id)) return;
  const derivedKey = await new Promise<Buffer>((resolve, reject) =>
    crypto.pbkdf2(key, salt, KDF.iterations, KDF.bytes, KDF.digest, (error, out) => (error ? reject(error) : resolve(out))),
  );
  remember(id, derivedKey, salt);
}

/**
 * What to give the driver's `key()` for encrypted `file`: the raw key derived from `key` and the file's salt
 * (derived here, once, when `deriveKey` did not do it already).
 */
export function rawKeyFor(file: string, key: Buffer): Buffer {
  const salt = saltOf(file);
  if (!salt) return key;
  const id = cacheId(key, salt);
  const known = derived.get(id);
  if (known) return known;
  return remember(id, crypto.pbkdf2Sync(key, salt, KDF.iterations, KDF.bytes, KDF.digest), salt);
}

/** Forgets every derived key (the passphrase changed, or the data was locked again). */
export function forgetDerivedKeys(): void {
  for (const raw of derived.values()) raw.fill(0);
  derived.clear();
}

/** Which key each open connection was opened with: backups and copies of it must use the same. */
const keys = new WeakMap<Database.Database, Buffer>();

/** The key an open connection uses, or null when its file is not encrypted. */
export function keyOf(sqlite: Database.Database): Buffer | null {
  return keys.get(sqlite) ?? null;
}

/** Two keys are the same passphrase (constant time). */
export function sameKey(a: Buffer | null, b: Buffer | null): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** What selects Jingjian's cipher scheme on a connection, before its key is given (also run by db/quickCheck.ts). */
export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

function configure(sqlite: Database.Database): void {
  for (const pragma of CIPHER_PRAGMAS) sqlite.pragma(pragma);
}

export interface OpenFileOptions {
  readonly?: boolean;
  /** Used only when the file is encrypted; a plain file opens without it. */
  key?: Buffer | null;
}

/**
 * Opens a database file, encrypted or not. An encrypted file needs the right key: without one it is refused as
 * `db.locked`, with a wrong one as `db.wrongPassphrase` (SQLite cannot tell a wrong key from a damaged first page).
 * Nothing is written by a refused open.
 */
export function openFile(file: string, options: OpenFileOptions = {}): Database.Database {
  const kind = fileKind(file);
  const encrypted = kind === 'encrypted';
  if (encrypted && (!options.key || options.key.length === 0)) {
    throw new DbError('db.locked', '该数据文件已加密，需要输入口令才能打开', 'This data file is encrypted; its passphrase is needed to open it');
  }
  const sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!encrypted) return sqlite;
  try {
    configure(sqlite);
    sqlite.key(rawKeyFor(file, options.key!));
    // The key is only tried on the first read.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (cause) {
    sqlite.close();
    if ((cause as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new DbError('db.wrongPassphrase', '口令不正确（或文件已损坏），未作任何改动', 'Wrong passphrase (or a damaged file); nothing was changed');
    }
    throw cause;
  }
  keys.set(sqlite, options.key!);
  return sqlite;
}

const TEMP = '.jingjian-rekey-tmp-';

/** Removes half-written re-encrypted copies an interrupted change left behind. */
export function cleanRekeyTemps(dir: string): void {
  try {
    for (const name of fs.readdirSync(dir)) if (name.startsWith(TEMP)) fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // No folder, nothing to clean.
  }
}

/**
 * Re-keys, in place, a fresh temporary copy that nothing else has open: rollback-journal mode first (SQLite cannot
 * re-key a WAL database), then every page rewritten under `newKey` (null: plain).
 */
export function rekeyTemp(file: string, oldKey: Buffer | null, newKey: Buffer | null): void {
  const copy = openFile(file, { key: oldKey });
  try {
    copy.pragma('journal_mode = DELETE');
    configure(copy);
    copy.rekey(newKey ?? Buffer.alloc(0));
  } finally {
    copy.close();
  }
}

/**
 * Writes a verified copy of an open database to a temporary file beside `near`, encrypted with `newKey` (or plain
 * when it is null), and returns its path. The source is not changed. VACUUM INTO copies with the source's own key
 * (the online backup API cannot copy between encrypted and plain files); the copy, which nothing else has open and
 * which is in rollback-journal mode, is then re-keyed and checked with the new key before anyone uses it.
 */
export function copyWithKey(source: Database.Database, near: string, newKey: Buffer | null): string {
  const temp = path.join(path.dirname(near), `${TEMP}${crypto.randomBytes(6).toString('hex')}.sqlite`);
  try {
    source.prepare('VACUUM INTO ?').run(temp);
    rekeyTemp(temp, keyOf(source), newKey);
    const check = openFile(temp, { readonly: true, key: newKey });
    try {
      const result = integrityCheck(check);
      if (result !== 'ok') throw new DbError('cipher.verifyFailed', `加密后的副本校验未通过：${result}`, `The re-encrypted copy failed its check: ${result}`);
    } finally {
      check.close();
    }
    if ((fileKind(temp) === 'encrypted') !== Boolean(newKey)) {
      throw new DbError('cipher.verifyFailed', '加密设置未生效，未作任何改动', 'The encryption change did not take effect; nothing was changed');
    }
    return temp;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    if (error instanceof DbError) throw error;
    throw new DbError('cipher.failed', `加密处理失败，未作任何改动：${(error as Error).message}`, `Changing the encryption failed; nothing was changed: ${(error as Error).message}`);
  }
}
