import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CIPHER_PRAGMAS, deriveKey, fileKind, openFile, rawKeyFor } from './cipher';
import { integrityCheck } from './integrity';

/**
 * The long reads of the start off the main thread: quick_check of a data file (seconds on a file of ten years: 2 s
 * plain, 4 s encrypted), the integrity_check after an upgrade, and the copy and check of the daily backup, during
 * which the main thread goes on answering the first screen and the progress poll. A worker thread opens the file
 * read-only with its own connection (and the derived key, for an encrypted file) and does the job; its source is
 * plain JavaScript given here, so it runs the same under Electron, the harness and the tests, with no build step of
 * its own. Where no worker can be started the job runs on the calling thread, as before.
 */
const WORKER = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
function open(file, readonly) {
  const db = new Database(file, { readonly, fileMustExist: true });
  if (workerData.key) {
    for (const pragma of workerData.pragmas) db.pragma(pragma);
    db.key(Buffer.from(workerData.key));
  }
  return db;
}
function integrity(db) {
  return db.pragma('integrity_check').map((r) => r.integrity_check).join('; ');
}
async function run() {
  const db = open(workerData.file, true);
  try {
    if (workerData.job === 'check') {
      const check = workerData.pragma === 'integrity_check' ? integrity(db) : String(db.pragma(workerData.pragma, { simple: true }));
      // The foreign key check (seconds on a large file) with it, when asked: the number of rows that break one.
      if (check !== 'ok' || !workerData.foreignKeys) return check;
      const broken = db.prepare('PRAGMA foreign_key_check').all().length;
      return broken > 0 ? 'foreign keys: ' + broken : check;
    }
    // A copy: VACUUM INTO for an encrypted file (the backup API cannot copy it), else the backup API page by page.
    if (workerData.key) db.prepare('VACUUM INTO ?').run(workerData.temp);
    else {
      let remaining = Infinity;
      let last = Date.now();
      const done = await db.backup(workerData.temp, {
        progress({ totalPages, remainingPages }) {
          if (remainingPages < remaining) {
            remaining = remainingPages;
            last = Date.now();
          } else if (Date.now() - last > workerData.stallMs) {
            throw Object.assign(new Error('stalled'), { code: 'JINGJIAN_STALLED' });
          }
          parentPort.postMessage({ progress: [totalPages - remainingPages, totalPages] });
          return 100;
        },
      });
      parentPort.postMessage({ progress: [done.totalPages, done.totalPages] });
    }
  } finally {
    db.close();
  }
  // Sealed (rollback journal: no -wal or -shm beside it) and checked before anyone names it a backup.
  let copy = null;
  let check;
  try {
    copy = open(workerData.temp, false);
    copy.pragma('journal_mode = DELETE');
    check = integrity(copy);
  } catch (error) {
    return 'unreadable: ' + String(error && error.message);
  } finally {
    try { if (copy) copy.close(); } catch {}
  }
  // On the disk before it is renamed (the rename's folder flush would otherwise write it out on the main thread).
  const fd = fs.openSync(workerData.temp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return check;
}
run().then(
  (check) => parentPort.postMessage({ ok: true, check }),
  (error) => parentPort.postMessage({ ok: false, code: error && error.code, message: String(error && error.message) }),
);
`;

export type Answer = { ok: true; check: string } | { ok: false; code?: string; message: string };

/** What a worker does: a check pragma on the file, or a verified copy of it to `temp`. */
type Job = { job: 'check'; pragma: 'quick_check' | 'integrity_check'; foreignKeys?: boolean } | { job: 'copy'; temp: string; stallMs: number; onProgress?: (done: number, total: number) => void };

export function driverPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  } catch {
    return null;
  }
}

export function onThisThread(file: string, key: Buffer | null, pragma: string, foreignKeys = false): Answer {
  const sqlite = openFile(file, { readonly: true, key });
  try {
    const check = pragma === 'integrity_check' ? integrityCheck(sqlite) : String(sqlite.pragma(pragma, { simple: true }));
    const broken = check === 'ok' && foreignKeys ? sqlite.prepare('PRAGMA foreign_key_check').all().length : 0;
    return { ok: true, check: broken > 0 ? `foreign keys: ${broken}` : check };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    sqlite.close();
  }
}

/** Runs `job` on `file` in a worker thread; null when no worker could run it at all (the caller does it itself). */
export function inWorker(file: string, key: Buffer | null, driver: string, job: Job): Promise<Answer | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    const { onProgress, ...data } = job as Job & { onProgress?: unknown };
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { ...data, file, key: key ? new Uint8Array(key) : null, pragmas: [...CIPHER_PRAGMAS], driver } });
    } catch {
      resolve(null);
      return;
    }
    let answered = false;
    worker.on('message', (message: Answer | { progress: [number, number] }) => {
      if ('progress' in message) {
        (onProgress as Extract<Job, { job: 'copy' }>['onProgress'])?.(...message.progress);
        return;
      }
      answered = true;
      resolve(message);
      void worker.terminate();
    });
    // A worker that could not run at all (no driver there): the caller runs the job on its own thread instead.
    worker.once('error', () => !answered && resolve(null));
    worker.once('exit', () => !answered && resolve(null));
  });
}

/** The check's answer for rows that break a foreign key (`foreign keys: <count>`), or null. */
export function foreignKeyProblems(check: string): number | null {
  const match = /^foreign keys: (\d+)$/.exec(check);
  return match ? Number(match[1]) : null;
}

/** The key a worker opens `file` with: derived here (in the thread pool), given in raw form; null for a plain file. */
export async function workerKey(file: string, key: Buffer | null): Promise<Buffer | null> {
  if (!key || fileKind(file) !== 'encrypted') return null;
  await deriveKey(file, key);
  return rawKeyFor(file, key);
}

/**
 * A copy of `file` (opened read-only by a worker thread with its own connection, so the copy is one consistent
 * snapshot) written to `temp`, sealed and integrity-checked there; resolves with the check's result ("ok" when
 * sound). Null when no worker could run: the caller copies on its own thread. A copy that makes no progress for
 * `stallMs` is abandoned (rejects with the error named `stalled`).
 */
export async function verifiedCopyOffThread(file: string, key: Buffer | null, temp: string, stallMs: number, onProgress?: (done: number, total: number) => void): Promise<string | null> {
  const resolved = path.resolve(file);
  const driver = driverPath();
  if (!driver) return null;
  const raw = await workerKey(resolved, key);
  const answer = await inWorker(resolved, raw, driver, { job: 'copy', temp, stallMs, onProgress });
  if (!answer) return null;
  if (!answer.ok) throw Object.assign(new Error(answer.message), { code: answer.code });
  return answer.check;
}

