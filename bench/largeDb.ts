import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrations } from '../db/migrations';
import { generateLargeDatabase, LARGE_GENERATOR_VERSION, type LargeSummary } from '../seeds/large';

/** Where the large database is cached: one file per schema (migration list) and generator version. */
export function largeDatabasePath(): string {
  const schema = crypto.createHash('sha256').update(migrations.map((m) => `${m.version}:${m.name}:${m.up.toString()}`).join('\n')).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `jingjian-large-v${migrations.at(-1)?.version}-g${LARGE_GENERATOR_VERSION}-${schema}.sqlite`);
}

export interface LargeDatabase {
  file: string;
  /** Set when this call generated the file (null when a cached one was reused). */
  summary: LargeSummary | null;
}

/** The cached large database, generated first when missing (into a temp name, renamed when complete). */
export function ensureLargeDatabase(log: (line: string) => void = () => undefined): LargeDatabase {
  const file = largeDatabasePath();
  if (fs.existsSync(file)) return { file, summary: null };
  const partial = `${file}.${process.pid}.partial`;
  const summary = generateLargeDatabase(partial, { log });
  for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  fs.renameSync(partial, file);
  return { file, summary: { ...summary, file } };
}

/** A private copy of the large database in `dir` (tests and the benchmark write to it). */
export function copyLargeDatabase(dir: string, name = 'large.sqlite'): string {
  const { file } = ensureLargeDatabase();
  const target = path.join(dir, name);
  fs.copyFileSync(file, target);
  return target;
}
