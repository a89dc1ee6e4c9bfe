import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { spawnAndKill } from './crashKit';
import { textFor } from './minutesKillText';

const WRITER = path.resolve('tests/minutesKillWriter.ts');

/**
 * The writer bundled once (our TypeScript compiled, packages left to Node): starting it costs a fraction of a
 * tsx start, which matters when it is started and killed hundreds of times. esbuild comes with tsx.
 */
export async function bundleWriter(): Promise<string> {
  const esbuild = await import('esbuild');
  // Inside the project, so that the packages left external resolve from its node_modules.
  const outfile = path.resolve('node_modules/.cache/jj-minutes-kill', `writer-${process.pid}.cjs`);
  await esbuild.build({ entryPoints: [WRITER], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3-multiple-ciphers'], outfile, logLevel: 'silent', absWorkingDir: process.cwd() });
  return outfile;
}

export interface KillRound {
  acked: Map<string, number>;
  lastSpeech: number;
}

/** Starts the writer, lets it acknowledge `afterAcks` saves, waits a random moment more and SIGKILLs it. */
export async function killWriterOnce(writer: string, file: string, meetingId: number, run: number, afterAcks: number, random: () => number): Promise<KillRound> {
  const acked = new Map<string, number>();
  let lastSpeech = 0;
  let count = 0;
  let killing = false;
  await spawnAndKill(writer, [file, String(meetingId), String(run)], ([tag, a, b], kill) => {
    if (tag === 'ACK') {
      acked.set(a, Math.max(acked.get(a) ?? 0, Number(b)));
      count++;
    } else if (tag === 'CUR') lastSpeech = Number(a);
    if (!killing && count >= afterAcks) {
      killing = true;
      // A random moment after the last ack we waited for: possibly mid-transaction.
      setTimeout(kill, Math.floor(random() * 15));
    }
  });
  return { acked, lastSpeech };
}

/** After a kill: the file passes integrity_check and holds every acknowledged save (or a newer one) verbatim. */
export function verifyAfterKill(file: string, round: KillRound): string[] {
  const db = new Database(file);
  const problems: string[] = [];
  try {
    const check = String(db.pragma('integrity_check', { simple: true }));
    if (check !== 'ok') problems.push(`integrity_check: ${check}`);
    const get = db.prepare('SELECT revision, text FROM minutes_entries WHERE key = ?');
    for (const [key, revision] of round.acked) {
      const row = get.get(key) as { revision: number; text: string } | undefined;
      if (!row) problems.push(`${key}: acknowledged revision ${revision} is missing`);
      else if (row.revision < revision) problems.push(`${key}: stored revision ${row.revision} < acknowledged ${revision}`);
      else if (row.text !== textFor(key, row.revision)) problems.push(`${key}: text of revision ${row.revision} is damaged`);
    }
    const session = db.prepare('SELECT current_speech_id FROM minutes_sessions').get() as { current_speech_id: number | null };
    if ((session.current_speech_id ?? 0) < round.lastSpeech) problems.push(`console went back from speech ${round.lastSpeech} to ${session.current_speech_id}`);
  } finally {
    db.close();
  }
  return problems;
}

/** A small deterministic generator, so a failing run can be repeated with the same seed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
