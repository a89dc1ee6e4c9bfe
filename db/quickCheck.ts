import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CIPHER_PRAGMAS, fileKind, openFile } from './cipher';
import { checkFailed, unreadable } from './connection';
import { DbError } from './errors';

/**
 * quick_check of a data file off the main thread: seconds on a file of ten years (2 s plain, 4 s encrypted), during
 * which the main thread goes on answering the first screen. A worker thread opens the file read-only with its own
 * connection (and the key, for an encrypted file) and runs the check; its source is plain JavaScript given here, so
 * it runs the same under Electron, the harness and the tests, with no build step of its own. Where no worker can be
 * started the check runs on the calling thread, as before.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  if (workerData.key) {
    for (const pragma of workerData.pragmas) db.pragma(pragma);
    db.key(Buffer.from(workerData.key));
  }
  const check = String(db.pragma('quick_check', { simple: true }));
  parentPort.postMessage({ ok: true, check });
} catch (error) {
  parentPort.postMessage({ ok: false, code: error && error.code, message: String(error && error.message) });
} finally {
  try { if (db) db.close(); } catch {}
}
`;

type Answer = { ok: true; check: string } | { ok: false; code?: string; message: string };

function driverPath(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
  } catch {
    return null;
  }
}

function onThisThread(file: string, key: Buffer | null): Answer {
  const sqlite = openFile(file, { readonly: true, key });
  try {
    return { ok: true, check: String(sqlite.pragma('quick_check', { simple: true })) };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    sqlite.close();
  }
}

function inWorker(file: string, key: Buffer | null, driver: string): Promise<Answer | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { file, key: key ? new Uint8Array(key) : null, pragmas: [...CIPHER_PRAGMAS], driver } });
    } catch {
      resolve(null);
      return;
    }
    let answered = false;
    worker.once('message', (answer: Answer) => {
      answered = true;
      resolve(answer);
      void worker.terminate();
    });
    // A worker that could not run at all (no driver there): the check runs on this thread instead.
    worker.once('error', () => !answered && resolve(null));
    worker.once('exit', () => !answered && resolve(null));
  });
}

/** Runs quick_check on `file`; resolves when it passed, rejects with the bilingual refusal when it did not. */
export async function quickCheck(file: string, key: Buffer | null): Promise<void> {
  const driver = driverPath();
  const resolved = path.resolve(file);
  // A plain file opens without a key (as openFile does): the key is for an encrypted one only.
  if (fileKind(resolved) !== 'encrypted') key = null;
  const answer = (driver ? await inWorker(resolved, key, driver) : null) ?? onThisThread(resolved, key);
  if (answer.ok) {
    if (answer.check !== 'ok') throw checkFailed(answer.check);
    return;
  }
  if (answer.code === 'SQLITE_NOTADB' && key) {
    throw new DbError('db.wrongPassphrase', '口令不正确（或文件已损坏），未作任何改动', 'Wrong passphrase (or a damaged file); nothing was changed');
  }
  throw unreadable(Object.assign(new Error(answer.message), { code: answer.code }));
}
