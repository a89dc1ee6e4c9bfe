import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { openDatabase, type Connection } from '../../db/connection';
import type { ChannelName, Input } from '../common/api';
import type { ApiResult } from '../common/result';
import { wallClock } from '../common/time/zone';
import type { DossierProvider } from './meetings/dossier';
import type { FactsProvider } from './meetings/facts';
import type { SourceProvider } from './meetings/sources';
import type { StepProbe } from './meetings/steps';
import type { AppContract, HandlerMap } from './types';

export interface SaveFilter {
  name: string;
  extensions: string[];
}

/** Where files come from and go to. Electron shows dialogs; the browser harness and tests use a folder. */
export interface FileService {
  /** Ask the user where to save; null when they cancel. */
  chooseSavePath(suggestedName: string, filters: SaveFilter[]): Promise<string | null>;
  /** Ask the user for a folder (exports of one file per member); null when they cancel. */
  chooseDirectory(): Promise<string | null>;
  /** Ask the user for an existing file to read (e.g. a backup on a USB stick); null when they cancel. */
  chooseOpenPath(filters: SaveFilter[]): Promise<string | null>;
  /**
   * Print-ready HTML → PDF bytes through Chromium's own printing (the page's @page rule sets size and orientation).
   * Only the Electron app has it; without it (browser harness, tests) a channel that needs it refuses, and the page
   * offers its print preview instead.
   */
  printToPdf?(html: string): Promise<Uint8Array>;
}

/** Everything a handler may use. Plain data and functions: no Electron, so handlers run in tests and the harness. */
export interface HandlerContext {
  db: Kysely<DB>;
  sqlite: Database.Database;
  dataFile: string;
  appVersion: string;
  files: FileService;
  now(): Date;
  /** The open connection; replaced (with db and sqlite) when a backup is restored. */
  connection: Connection;
  /**
   * Closes the database, lets `install` replace the file, then reopens it and points this context at it, with the
   * current key, or `nextKey` when the passphrase changes (the key the installed file has).
   */
  swapDatabase(install: (dataFile: string) => Promise<void>, nextKey?: Buffer | null): Promise<void>;
  /** Runs `task` once the current call has committed (skipped if it is rolled back). */
  afterCommit(task: () => void): void;
  /** Tasks waiting for the current call to commit; dispatch runs or drops them. */
  pendingAfterCommit: (() => void)[];
  /** Every channel's handler, built by the composition root (`compose.ts`); dispatch looks calls up here. */
  handlers: HandlerMap<AppContract>;
  /** What each feature contributes to the others (dashboard steps, report figures, …), listed in `compose.ts`. */
  providers: Providers;
  /**
   * Loads the demo through the channels (first-run screen), when the host offers it (Electron main, the harness,
   * tests); the handlers never import seeds/.
   */
  loadDemo?: () => Promise<{ teamId: number; meetingId: number }>;
}

/** The cross-feature registries: one entry per feature that contributes, in the order they are asked. */
export interface Providers {
  /** Dashboard steps a feature can tell are done from its own data. */
  steps: StepProbe[];
  /** Figures for reports (`MeetingFacts`). */
  facts: FactsProvider[];
  /** Records that can become rectification items. */
  sources: SourceProvider[];
  /** What the minutes side panel shows about a speaker. */
  dossier: DossierProvider[];
}

/** How the demo reaches the app: the same validated channels the UI uses. */
export type ChannelCaller = <C extends ChannelName>(channel: C, input: Input<C>) => Promise<ApiResult<unknown>>;

/** The demo loader a host passes in (seeds/demo `loadDemo`). */
export type DemoLoader = (call: ChannelCaller) => Promise<{ teamId: number; meetingId: number }>;

/**
 * The calendar date (yyyy-mm-dd) of `now`, as a secretary's wall calendar shows it: in `timeZone` (the user's, see
 * `userToday` in settings) or, without one, in main's own zone.
 */
export function localDate(now: Date, timeZone?: string): string {
  if (timeZone) return wallClock(now, timeZone).date;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const nowIso = (ctx: HandlerContext): string => ctx.now().toISOString();

export interface ContextOptions {
  files: FileService;
  appVersion?: string;
  now?: () => Date;
  /** Offered by the host so the first-run screen can load the demo (`app.loadDemo`). */
  loadDemo?: DemoLoader;
}

/** What the composition root wires in: every handler and every feature's providers. */
export interface Wiring {
  handlers: HandlerMap<AppContract>;
  providers: Providers;
}

/**
 * A context over an open connection with the given wiring. Callers use `createContext` from `compose.ts`, which
 * passes the app's own handlers and providers (and binds the demo loader to the channels).
 */
export function contextOver(connection: Connection, options: Omit<ContextOptions, 'loadDemo'>, wiring: Wiring): HandlerContext {
  const ctx: HandlerContext = {
    handlers: wiring.handlers,
    providers: wiring.providers,
    db: connection.db,
    sqlite: connection.sqlite,
    dataFile: connection.file,
    appVersion: options.appVersion ?? '0.0.0',
    files: options.files,
    now: options.now ?? (() => new Date()),
    connection,
    pendingAfterCommit: [],
    afterCommit(task) {
      if (ctx.sqlite.inTransaction) ctx.pendingAfterCommit.push(task);
      else task();
    },
    async swapDatabase(install, nextKey) {
      const key = nextKey === undefined ? ctx.connection.key : nextKey;
      await ctx.connection.close();
      try {
        await install(ctx.dataFile);
      } finally {
        // Reopened whether or not install succeeded: the app never stays without its database.
        const next = await openDatabase({ file: ctx.dataFile, now: ctx.now, key });
        Object.assign(ctx, { connection: next, db: next.db, sqlite: next.sqlite });
      }
    },
  };
  return ctx;
}
