import path from 'node:path';
import { fileKind } from './cipher';
import { checkFailed, foreignKeysBroken, unreadable } from './connection';
import { DbError } from './errors';
import { driverPath, foreignKeyProblems, inWorker, onThisThread, workerKey } from './offThread';

/** quick_check of a data file off the main thread (db/offThread.ts): the check that guards writes at the start. */

/** Runs quick_check on `file`; resolves when it passed, rejects with the bilingual refusal when it did not. */
export async function quickCheck(file: string, key: Buffer | null): Promise<void> {
  const driver = driverPath();
  const resolved = path.resolve(file);
  // A plain file opens without a key (as openFile does): the key is for an encrypted one only.
  if (fileKind(resolved) !== 'encrypted') key = null;
  // The key is derived once, in the thread pool, and the worker opens the file with it in raw form (no derivation).
  const raw = await workerKey(resolved, key);
  // With the foreign key check, which the open that follows (`checked`) then skips.
  const answer = (driver ? await inWorker(resolved, raw, driver, { job: 'check', pragma: 'quick_check', foreignKeys: true }) : null) ?? onThisThread(resolved, key, 'quick_check', true);
  if (answer.ok) {
    const broken = foreignKeyProblems(answer.check);
    if (broken !== null) throw foreignKeysBroken(broken);
    if (answer.check !== 'ok') throw checkFailed(answer.check);
    return;
  }
  if (answer.code === 'SQLITE_NOTADB' && key) {
    throw new DbError('db.wrongPassphrase', '口令不正确（或文件已损坏），未作任何改动', 'Wrong passphrase (or a damaged file); nothing was changed');
  }
  throw unreadable(Object.assign(new Error(answer.message), { code: answer.code }));
}
