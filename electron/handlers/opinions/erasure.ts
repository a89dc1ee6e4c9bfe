import type Database from 'better-sqlite3-multiple-ciphers';
import { amendBackups, backupDir } from '../../../db/backup';
import type { HandlerContext } from '../context';

/**
 * Erasing a giver's name from the backups when a named opinion is made anonymous. The old id goes into
 * `pending_erasures` in the same transaction as the change (`recordErasure`); `runErasures` then checkpoints the WAL
 * (so the old row version leaves it), rewrites every backup in the backups folder with the name removed (each in its
 * own transaction, secure_delete on, journals removed), and forgets the ids once every backup took the change. It runs
 * after the commit and again at every start, so a crash anywhere in between only delays it.
 */

export function recordErasure(ctx: HandlerContext, opinionId: number): void {
  ctx.sqlite.prepare('INSERT OR IGNORE INTO pending_erasures (opinion_id) VALUES (?)').run(opinionId);
}

export interface ErasureResult {
  /** Ids erased from every backup in this run. */
  erased: number;
  /** Backups that could not take the change (damaged): their ids stay pending and are tried again next start. */
  failed: string[];
}

export function pendingErasures(sqlite: Database.Database): number[] {
  return (sqlite.prepare('SELECT opinion_id FROM pending_erasures ORDER BY opinion_id').all() as { opinion_id: number }[]).map((r) => r.opinion_id);
}

/** Does every pending erasure; safe to repeat. Must not run inside a transaction (it checkpoints). */
export function runErasures(sqlite: Database.Database, dataFile: string, key: Buffer | null): ErasureResult {
  const ids = pendingErasures(sqlite);
  if (ids.length === 0) return { erased: 0, failed: [] };
  // The named version of the row must not linger in the write-ahead log (secure_delete clears the pages).
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const { failed } = amendBackups(backupDir(dataFile), key, (db) => {
    const erase = db.prepare('UPDATE opinions SET anonymous = 1, submitter = NULL, created_at = NULL, position = 0 WHERE id = ?');
    for (const id of ids) erase.run(id);
  });
  if (failed.length > 0) return { erased: 0, failed };
  const forget = sqlite.prepare('DELETE FROM pending_erasures WHERE opinion_id = ?');
  sqlite.transaction(() => ids.forEach((id) => forget.run(id)))();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { erased: ids.length, failed: [] };
}
