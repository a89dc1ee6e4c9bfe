import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, dailyBackup, listBackups } from '../db/backup';
import { fileKind, openFile, passphraseKey } from '../db/cipher';
import { openDatabase } from '../db/connection';
import { integrityCheck } from '../db/integrity';
import { bundleChild, spawnAndKill } from './crashKit';

const A = '第一个口令 first';
const B = '第二个口令 second';
const rounds = Number(process.env.ENCRYPTION_KILLS ?? 10);
const NEXT: Record<string, string> = { plain: 'A', A: 'B', B: 'plain' };

/** Which state a file is in: plain, or the passphrase that opens it (checked with integrity_check). */
function stateOf(file: string): { state: string; integrity: string; teams: number } {
  const kind = fileKind(file);
  const candidates: [string, Buffer | null][] = kind === 'plain' ? [['plain', null]] : [['A', passphraseKey(A)], ['B', passphraseKey(B)]];
  for (const [state, key] of candidates) {
    let db;
    try {
      db = openFile(file, { key });
    } catch {
      continue;
    }
    try {
      const integrity = integrityCheck(db);
      const teams = (db.prepare('SELECT count(*) AS n FROM teams').get() as { n: number }).n;
      return { state, integrity, teams };
    } finally {
      db.close();
    }
  }
  return { state: `unreadable (${kind})`, integrity: 'unreadable', teams: -1 };
}

async function runAndKill(writer: string, file: string, delayMs: number): Promise<{ start: string; acked: string | null; stderr: string }> {
  let start = '';
  let acked: string | null = null;
  const { stderr } = await spawnAndKill(writer, [file, A, B], ([tag, state], kill) => {
    if (tag === 'START') {
      start = state;
      setTimeout(kill, delayMs);
    }
    if (tag === 'ACK') acked = state;
  });
  return { start, acked, stderr };
}

/**
 * Encrypting, re-keying and decrypting rewrite the whole file; a kill at any moment must leave the data file and
 * every backup readable, complete and in the acknowledged state or the one being written — never a mix, never lost.
 */
describe('killed while changing the encryption', () => {
  it('leaves the data and every backup whole under the old key or the new one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-enckill-'));
    const file = path.join(dir, 'data.sqlite');
    const connection = await openDatabase({ file });
    for (let i = 0; i < 40; i++) connection.sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, 'party_group', '', '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z')").run(`党组${i}`.padEnd(40, '测'));
    await dailyBackup(connection.sqlite, file, new Date(2026, 10, 20, 8));
    await connection.close();

    const writer = await bundleChild('encryptionKillWriter');

    const seen = new Set<string>();
    for (let round = 0; round < rounds; round++) {
      // One change takes 0.4–1.2 s here (key derivation dominates): kills land in every phase of one to three changes.
      const delay = Math.floor(Math.random() * 3000);
      const { start, acked, stderr } = await runAndKill(writer, file, delay);
      expect(stderr).toBe('');
      const known = acked ?? start;
      const after = stateOf(file);
      seen.add(after.state);
      expect([known, NEXT[known]], `round ${round} (killed after ${delay} ms)`).toContain(after.state);
      expect(after.integrity).toBe('ok');
      expect(after.teams).toBe(40);
      for (const backup of listBackups(backupDir(file))) expect(stateOf(backup.file).integrity, backup.name).toBe('ok');
    }
    console.info('encryption kill test: states seen', [...seen]);
    expect(seen.size, 'the kills must land across different changes').toBeGreaterThan(1);
    // The next start cleans half-written copies.
    const last = stateOf(file).state;
    await (await openDatabase({ file, key: last === 'plain' ? null : passphraseKey(last === 'A' ? A : B) })).close();
    expect(fs.readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000 + rounds * 10_000);
});
