import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { CIPHER_PRAGMAS, cleanRekeyTemps, copyWithKey, deriveKey, fileKind, keyOf, openFile, passphraseKey, rawKeyFor, sameKey } from './cipher';
import { openDatabase } from './connection';
import { DbError } from './errors';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-cipher-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const KEY = passphraseKey('正确的口令 correct');

/** A small plain database with one marked row, closed. */
async function plainFile(dir: string): Promise<string> {
  const file = path.join(dir, 'plain.sqlite');
  const connection = await openDatabase({ file });
  connection.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('机密党组名称', 'party_group', '', 'x', 'x')").run();
  await connection.close();
  return file;
}

function encryptedCopy(file: string, key: Buffer): string {
  const source = openFile(file, { readonly: true });
  try {
    const temp = copyWithKey(source, file, key);
    const target = path.join(path.dirname(file), 'encrypted.sqlite');
    fs.renameSync(temp, target);
    return target;
  } finally {
    source.close();
  }
}

/** Re-keys a closed file the way the app does: a verified copy under the new key, renamed over it. */
function rekeyFile(file: string, oldKey: Buffer | null, newKey: Buffer | null): void {
  const source = openFile(file, { readonly: true, key: oldKey });
  let temp: string;
  try {
    temp = copyWithKey(source, file, newKey);
  } finally {
    source.close();
  }
  fs.renameSync(temp, file);
}

describe('fileKind', () => {
  it('tells plain, encrypted, empty, missing and foreign files apart', async () => {
    const dir = tempDir();
    const plain = await plainFile(dir);
    expect(fileKind(plain)).toBe('plain');
    expect(fileKind(encryptedCopy(plain, KEY))).toBe('encrypted');
    expect(fileKind(path.join(dir, 'nothing.sqlite'))).toBe('missing');
    const write = (name: string, bytes: Buffer | string) => {
      fs.writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    expect(fileKind(write('empty.sqlite', ''))).toBe('empty');
    // Text renamed .sqlite, a zeroed header, an odd size: damaged or foreign, never "asks for a passphrase".
    expect(fileKind(write('text.sqlite', '这是一份会议纪要，不是数据库。'.repeat(400)))).toBe('foreign');
    expect(fileKind(write('zeros.sqlite', Buffer.alloc(8192)))).toBe('foreign');
    expect(fileKind(write('odd.sqlite', crypto.randomBytes(5000)))).toBe('foreign');
    expect(fileKind(write('ascii-pages.sqlite', Buffer.alloc(4096, 'abcdefghijklmnop')))).toBe('foreign');
    expect(fileKind(write('random-pages.sqlite', crypto.randomBytes(8192)))).toBe('encrypted');
  });
});

describe('openFile', () => {
  it('opens a plain file without a key, and ignores a key given for it', async () => {
    const plain = await plainFile(tempDir());
    const db = openFile(plain, { readonly: true, key: KEY });
    expect(keyOf(db)).toBeNull();
    db.close();
  });

  it('refuses an encrypted file without its key, or with a wrong one, changing no byte', async () => {
    const encrypted = encryptedCopy(await plainFile(tempDir()), KEY);
    const before = fs.readFileSync(encrypted);
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DbError ? error.code : String(error);
      }
      return 'opened';
    };
    expect(codeOf(() => openFile(encrypted, { readonly: true }))).toBe('db.locked');
    expect(codeOf(() => openFile(encrypted, { key: passphraseKey('正确的口令 Correct') }))).toBe('db.wrongPassphrase');
    expect(codeOf(() => openFile(encrypted, { key: Buffer.alloc(0) }))).toBe('db.locked');
    expect(fs.readFileSync(encrypted).equals(before)).toBe(true);
    const db = openFile(encrypted, { readonly: true, key: KEY });
    expect(sameKey(keyOf(db), KEY)).toBe(true);
    expect(db.prepare('SELECT name FROM teams').pluck().get()).toBe('机密党组名称');
    db.close();
  });

  it("opens with the key Node derives (raw form) exactly what the driver's own derivation opens, and copies stay passphrase-keyed", async () => {
    const encrypted = encryptedCopy(await plainFile(tempDir()), KEY);
    /** Opened by the driver alone, deriving the key from the passphrase itself. */
    const byDriver = (file: string, key: Buffer) => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      for (const pragma of CIPHER_PRAGMAS) db.pragma(pragma);
      db.key(key);
      return db;
    };
    await deriveKey(encrypted, KEY);
    const raw = rawKeyFor(encrypted, KEY);
    expect(raw.toString('latin1')).toMatch(/^x'[0-9a-f]{96}'$/);
    // The raw key is the derivation of this passphrase over this file's salt: the driver accepts it as it is.
    const viaRaw = byDriver(encrypted, raw);
    const viaPassphrase = byDriver(encrypted, KEY);
    expect(viaRaw.prepare('SELECT name FROM teams').pluck().get()).toBe('机密党组名称');
    expect(viaRaw.prepare('SELECT * FROM sqlite_master').all()).toEqual(viaPassphrase.prepare('SELECT * FROM sqlite_master').all());
    viaRaw.close();
    viaPassphrase.close();
    // A wrong passphrase derives a key that opens nothing.
    expect(() => byDriver(encrypted, rawKeyFor(encrypted, passphraseKey('错误 wrong'))).prepare('SELECT 1 FROM teams').get()).toThrow();
    // A copy made from a connection opened with the raw key (backups are VACUUM INTO copies) opens with the passphrase.
    const source = openFile(encrypted, { readonly: true, key: KEY });
    const copy = path.join(path.dirname(encrypted), 'copy.sqlite');
    source.prepare('VACUUM INTO ?').run(copy);
    source.close();
    expect(fileKind(copy)).toBe('encrypted');
    const copied = byDriver(copy, KEY);
    expect(copied.prepare('SELECT name FROM teams').pluck().get()).toBe('机密党组名称');
    copied.close();
  });

  it('treats NFC and NFD forms of a passphrase as the same key', () => {
    expect(sameKey(passphraseKey('café'.normalize('NFD')), passphraseKey('café'))).toBe(true);
    expect(sameKey(passphraseKey('a'), passphraseKey('b'))).toBe(false);
    expect(sameKey(null, null)).toBe(true);
    expect(sameKey(KEY, null)).toBe(false);
  });
});

describe('copyWithKey', () => {
  it('write verified copies under a new key and leave the source untouched', async () => {
    const dir = tempDir();
    const plain = await plainFile(dir);
    const before = fs.readFileSync(plain);
    const encrypted = encryptedCopy(plain, KEY);
    expect(fs.readFileSync(plain).equals(before)).toBe(true);
    expect(fs.readFileSync(encrypted).includes(Buffer.from('机密党组名称'))).toBe(false);
    const next = passphraseKey('新的口令 new one');
    rekeyFile(encrypted, KEY, next);
    expect(() => openFile(encrypted, { key: KEY })).toThrow(/口令不正确/);
    openFile(encrypted, { readonly: true, key: next }).close();
    rekeyFile(encrypted, next, null);
    expect(fileKind(encrypted)).toBe('plain');
    expect(fs.readFileSync(encrypted).includes(Buffer.from('机密党组名称'))).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
  });

  it('a failed copy leaves no temp file behind, and leftovers of a crash are cleaned', async () => {
    const dir = tempDir();
    const plain = await plainFile(dir);
    const source = openFile(plain, { readonly: true });
    try {
      expect(() => copyWithKey(source, path.join(dir, 'no-such-folder', 'x.sqlite'), KEY)).toThrow(DbError);
    } finally {
      source.close();
    }
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
    fs.writeFileSync(path.join(dir, '.jingjian-rekey-tmp-abc.sqlite'), 'half written');
    cleanRekeyTemps(dir);
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
  });
});

describe('a damaged plain header', () => {
  it('is told apart from an encrypted file, so no passphrase is asked for a file that never had one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-magic-'));
    const file = path.join(dir, 'data.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('数据')");
    db.close();
    const good = fs.readFileSync(file);
    for (const [offset, byte] of [[0, 0x73], [5, 0x00], [14, 0x20], [15, 0x01]] as const) {
      const bytes = Buffer.from(good);
      bytes[offset] = byte;
      fs.writeFileSync(file, bytes);
      expect(fileKind(file), `byte ${offset}`).toBe('foreign');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
