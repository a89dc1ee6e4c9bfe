import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Connection } from '../../db/connection';
import type { Migration } from '../../db/migrations';
import type { ChannelName, Input, Output } from '../common/api';
import type { ApiResult } from '../common/result';
import { loadDemo, type DemoIds } from '../../seeds/demo';
import { createContext } from './compose';
import type { HandlerContext } from './context';
import { dispatch } from './dispatch';
import { folderFiles } from './files';

/** A real SQLite file in a fresh temp folder, a handler context on it, and typed calls through dispatch. */
export interface TestApp {
  dir: string;
  exportDir: string;
  connection: Connection;
  ctx: HandlerContext;
  /** The raw result, for tests of refusals. */
  call<C extends ChannelName>(channel: C, input: Input<C>): Promise<ApiResult<Output<C>>>;
  /** The value, or a thrown Error with the bilingual message. */
  must<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>>;
  /** Row counts of every table: "nothing changed" is checked by comparing two snapshots. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

export const FIXED_TODAY = '2026-11-27';

/**
 * `dir` reopens the file of an earlier app (closed with `connection.close()`), `migrations` stops at an older data
 * version: together they test a migration on data written by the channels of the version before.
 */
export async function openTestApp(options: { now?: () => Date; dir?: string; migrations?: readonly Migration[] } = {}): Promise<TestApp> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jj-test-'));
  const exportDir = path.join(dir, 'exports');
  const connection = await openDatabase({ file: path.join(dir, 'test.sqlite'), migrations: options.migrations });
  const ctx = createContext(connection, { files: folderFiles(exportDir), appVersion: 'test', loadDemo: (call) => loadDemo(call, { today: FIXED_TODAY }), now: options.now ?? (() => new Date(`${FIXED_TODAY}T09:00:00+08:00`)) });
  const call = <C extends ChannelName>(channel: C, input: Input<C>) => dispatch(ctx, channel, input) as Promise<ApiResult<Output<C>>>;
  return {
    dir,
    exportDir,
    connection,
    ctx,
    call,
    async must(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    counts() {
      // Ordinary tables only: FTS shadow tables hold index bookkeeping, not records.
      // The context's connection: a restore or an encryption change replaces the one opened here.
      const sqlite = ctx.sqlite;
      const tables = sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
      return Object.fromEntries(tables.map((t) => [t.name, (sqlite.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
    },
    async close() {
      await connection.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo loaded through the real channels, as every feature test's starting point. */
export async function openDemoApp(): Promise<TestApp & { ids: DemoIds }> {
  const app = await openTestApp();
  const ids = await loadDemo((channel, input) => app.call(channel, input), { today: FIXED_TODAY });
  return Object.assign(app, { ids });
}
