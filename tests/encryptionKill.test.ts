import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { backupDir, dailyBackup, listBackups } from '../db/backup';
import { fileKind, openFile, passphraseKey } from '../db/cipher';
import { openDatabase } from '../db/connection';
import { integrityCheck } from '../db/integrity';

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

function runAndKill(writer: string, file: string, delayMs: number): Promise<{ start: string; acked: string | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, A, B], { stdio: ['ignore', 'pipe', 'pipe'] });
    let start = '';
    let acked: string | null = null;
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [tag, state] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (tag === 'START') {
          start = state;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
        if (tag === 'ACK') acked = state;
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve({ start, acked, stderr }) : reject(new Error(`writer ended by itself: ${stderr.slice(0, 800)}`))));
  });
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

    const writer = path.resolve('node_modules/.cache/jingjian-crash/encryptionWriter.mjs');
    await build({ entryPoints: [path.resolve('tests/encryptionKillWriter.ts')], outfile: writer, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });

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
