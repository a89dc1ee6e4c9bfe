import path from 'node:path';
import { backupDir, dailyBackup, listBackups } from '../../db/backup';
import { deriveKey, fileKind, forgetDerivedKeys } from '../../db/cipher';
import { firstLook, openDatabase, type FirstLook } from '../../db/connection';
import { quickCheck } from '../../db/quickCheck';
import { cleanLeftovers } from '../../db/leftovers';
import type { RecoveryStatus, StartupReport } from '../common/api/backup';
import { isChannelName } from '../common/api';
import type { ApiResult } from '../common/result';
import { readPolicy } from '../handlers/backup/policy';
import { createContext } from '../handlers/compose';
import type { DemoLoader, FileService, HandlerContext } from '../handlers/context';
import { inDatabase, inTurn, serve, type Mode } from '../handlers/dispatch';
import { runErasures } from '../handlers/opinions/erasure';
import { firstScreenHandlers, lockedHandlers, lockedRefusal, normalHostHandlers, notNeeded, recoveryHandlers, recoveryRefusal, startingRefusal, upgradeHandlers } from './modes';
import { bilingual, MISSING, RecoveryFiles, type Failure, type StartContext } from './recovery';

export interface HostOptions {
  dataFile: string;
  files: FileService;
  appVersion: string;
  now?: () => Date;
  /** Told when the automatic daily backup could not be written (the app still starts). */
  onBackupError?: (error: Error) => void;
  /** The first-run screen's demo (seeds/demo `loadDemo`), when this host offers it. */
  loadDemo?: DemoLoader;
  /** The check that guards writes (default: quick_check in a worker thread); tests hold it to look at the start. */
  check?: (file: string, key: Buffer | null) => Promise<void>;
}

/**
 * The database behind the API, for Electron main and the browser harness alike. It answers at once: an existing
 * file starts with its checks (quick_check off the main thread, an upgrade, the daily backup) while the first screen
 * is answered from a connection that cannot write, and every other call waits until the checks have passed (see
 * modes.ts). When the file cannot be opened
 * (damaged, unreadable, from a newer app) it starts in recovery mode: only `recovery.*` channels answer, the UI shows
 * the recovery screen, and nothing creates a new empty database over the old one. When the file is encrypted it
 * starts locked: only `encryption.unlock` and `recovery.*` answer until the passphrase opens it.
 */
export interface Host {
  dispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** The handler context, or null while the data is not open. */
  context(): HandlerContext | null;
  status(): RecoveryStatus;
  /** What the start found and did; its maintenance part changes while the daily backup runs. */
  startup(): StartupReport;
  /** Settles when the start (checks, upgrade, pending erasures, the daily backup) is over. */
  maintenance(): Promise<StartupReport>;
  close(): Promise<void>;
}

/** The host's state: one mode at a time, each with what it answers. */
type State =
  | { mode: 'normal'; ctx: HandlerContext; served: Mode<HandlerContext> }
  | { mode: 'starting'; view: HandlerContext; served: Mode<HandlerContext>; open: Promise<void> }
  | { mode: 'starting'; view: null; served: Mode<StartContext>; open: Promise<void> }
  | { mode: 'locked'; served: Mode<StartContext> }
  | { mode: 'recovery'; failure: Failure; served: Mode<StartContext> };

/** Answered at once, even while the start-up maintenance holds the database's turn: the first screen needs them. */
const IMMEDIATE = new Set<string>(['recovery.status', 'backup.startup']);

class AppHost implements Host, StartContext {
  readonly dataFile: string;
  readonly files: FileService;
  readonly now: () => Date;
  key: Buffer | null = null;
  readonly recovery: RecoveryFiles;
  private state!: State;
  private readonly report: StartupReport;
  private maintenanceRun: Promise<unknown> = Promise.resolve();
  /** One call at a time while the data is not open, as in normal mode: two restores must never interleave. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: HostOptions) {
    this.dataFile = options.dataFile;
    this.files = options.files;
    this.now = options.now ?? (() => new Date());
    this.recovery = new RecoveryFiles(this);
    this.report = {
      readOnly: null,
      maintenance: { state: 'pending', step: null, done: 0, total: 0, backup: null, error: null },
      // Temporary files of exports and backups killed midway, wherever they were written.
      cleaned: cleanLeftovers(path.dirname(path.resolve(options.dataFile)), [backupDir(options.dataFile)]),
    };
  }

  get failure(): Failure | null {
    return this.state.mode === 'recovery' ? this.state.failure : null;
  }

  get locked(): boolean {
    return this.state.mode === 'locked';
  }

  /** Where the start goes first: locked, recovery (a lost file with backups beside it) or the data opened. */
  async start(): Promise<void> {
    const kind = fileKind(this.dataFile);
    if ((kind === 'missing' || kind === 'empty') && listBackups(backupDir(this.dataFile)).length > 0) {
      // A lost or emptied data file with backups beside it: recovery, never a fresh empty app that rotates them away.
      this.fail(MISSING[kind === 'missing' ? 'db.missing' : 'db.empty']);
    } else if (kind === 'encrypted') {
      this.state = { mode: 'locked', served: this.beforeOpen(lockedHandlers(() => this.report), lockedRefusal) };
    } else {
      await this.tryOpen();
    }
  }

  fail(failure: Failure): void {
    this.state = { mode: 'recovery', failure, served: this.beforeOpen(recoveryHandlers(() => this.report), () => recoveryRefusal(failure)) };
  }

  /** A mode of the data not open: its handlers over this host, one call at a time. */
  private beforeOpen(handlers: Mode<StartContext>['handlers'], refusal: () => ReturnType<Mode<StartContext>['refusal']>): Mode<StartContext> {
    return {
      context: this,
      handlers,
      refusal,
      run: (_channel, call) => {
        const run = this.turn.then(call);
        this.turn = run.catch(() => undefined);
        return run;
      },
    };
  }

  /**
   * Opens the data file with `key`. A first look (milliseconds) refuses at once what cannot be opened (a wrong
   * passphrase, a newer or unreadable file); then the host is starting: the checks run (`checkThenOpen`) while the
   * first screen reads from a connection that cannot write. A new file is created and checked at once.
   */
  async open(): Promise<void> {
    // The passphrase's key derivation (a second or more on a busy machine) runs in the thread pool, not here.
    await deriveKey(this.dataFile, this.key);
    const look = firstLook({ file: this.dataFile, key: this.key });
    if (!look) {
      this.enterNormal(createContext(await openDatabase({ file: this.dataFile, now: this.now, key: this.key }), this.contextOptions()));
      const ctx = this.context()!;
      this.maintenanceRun = inTurn(ctx, () => this.maintain(ctx));
      return;
    }
    const view = look.viewer ? createContext(look.viewer, this.contextOptions()) : null;
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const host = { status: () => this.status(), report: () => this.startup() };
    const queued = (_channel: unknown, call: () => Promise<unknown>) => call();
    this.state = view
      ? { mode: 'starting', view, open, served: { context: view, handlers: firstScreenHandlers(view, host), refusal: startingRefusal, run: (channel, call) => (IMMEDIATE.has(channel) ? call() : inDatabase(view, channel, call)), database: view } }
      : { mode: 'starting', view: null, open, served: { context: this, handlers: upgradeHandlers(host), refusal: startingRefusal, run: queued } };
    Object.assign(this.report.maintenance, { state: 'running', step: 'check', done: 0, total: 0, backup: null, error: null });
    this.maintenanceRun = this.checkThenOpen(look, view, opened).finally(opened);
  }

  private contextOptions() {
    return { files: this.files, appVersion: this.options.appVersion, now: this.now, loadDemo: this.options.loadDemo };
  }

  /**
   * The checks that guard writes, then the writable connection: quick_check in a worker thread, the upgrade (with its
   * verified backup) when the file is older, then the erasures and the daily backup. A failure leads to recovery.
   */
  private async checkThenOpen(look: FirstLook, view: HandlerContext | null, opened: () => void): Promise<void> {
    const maintenance = this.report.maintenance;
    let ctx: HandlerContext;
    try {
      await (this.options.check ?? quickCheck)(this.dataFile, this.key);
      if (look.version < look.latest) maintenance.step = 'upgrade';
      ctx = createContext(await openDatabase({ file: this.dataFile, now: this.now, key: this.key, checked: true }), this.contextOptions());
    } catch (error) {
      const failure = bilingual(error, { code: 'db.unreadable', zh: '无法打开数据文件', en: 'Cannot open the data file' });
      Object.assign(maintenance, { state: 'failed', error: failure });
      this.fail(failure);
      await this.closeView(view);
      return;
    }
    if (view) {
      // The first screen keeps reading from the view while the backup is taken; every other call waits for it.
      await this.maintain(ctx);
      this.enterNormal(ctx);
      await this.closeView(view);
    } else {
      this.enterNormal(ctx);
      const run = inTurn(ctx, () => this.maintain(ctx));
      opened();
      await run;
    }
  }

  /** Closes the first screen's connection after the calls it was given. */
  private async closeView(view: HandlerContext | null): Promise<void> {
    if (view) await inTurn(view, () => view.connection.close());
  }

  private enterNormal(ctx: HandlerContext): void {
    this.state = {
      mode: 'normal',
      ctx,
      served: {
        context: ctx,
        handlers: { ...ctx.handlers, ...normalHostHandlers({ status: () => this.status(), report: () => this.startup() }) },
        refusal: notNeeded,
        run: (channel, call) => (IMMEDIATE.has(channel) ? call() : inDatabase(ctx, channel, call)),
        database: ctx,
      },
    };
    this.readOnlyNotice(ctx);
  }

  /** Opens the file; a refusal (damaged, newer, full disk…) becomes recovery mode with its words, never a crash. */
  async tryOpen(): Promise<void> {
    try {
      await this.open();
    } catch (error) {
      this.fail(bilingual(error, { code: 'db.unreadable', zh: '无法打开数据文件', en: 'Cannot open the data file' }));
    }
  }

  /** A restore may have replaced a read-only file with a writable one: the notice follows the open connection. */
  private readOnlyNotice(ctx: HandlerContext): void {
    const readOnly = ctx.connection.readOnly;
    this.report.readOnly = readOnly ? { code: readOnly.code, message: readOnly.zh, messageEn: readOnly.en } : null;
  }

  /**
   * After the first screen: pending erasures of names from the backups, then the daily backup, with its progress in
   * the report; a failure is kept there for the screen to show (and told to `onBackupError`).
   */
  private async maintain(ctx: HandlerContext): Promise<void> {
    const state = this.report.maintenance;
    if (ctx.connection.readOnly) {
      Object.assign(state, { state: 'skipped', step: null });
      return;
    }
    // Let the window and its first screen come first.
    await new Promise((resolve) => setImmediate(resolve));
    Object.assign(state, { state: 'running', step: 'erasure', done: 0, total: 0, error: null });
    try {
      const erasure = runErasures(ctx.sqlite, ctx.dataFile, ctx.connection.key);
      if (erasure.failed.length > 0) console.warn(`${erasure.failed.length} backups could not be amended yet; tried again at the next start`, erasure.failed);
      state.step = 'dailyBackup';
      const file = await dailyBackup(ctx.sqlite, ctx.dataFile, this.now(), readPolicy(ctx.sqlite), (done, total) => Object.assign(state, { done, total }));
      Object.assign(state, { state: 'done', step: null, backup: file ? path.basename(file) : null });
    } catch (error) {
      Object.assign(state, { state: 'failed', step: null, error: bilingual(error, { code: 'backup.failed', zh: '今天的自动备份失败', en: "Today's automatic backup failed" }) });
      this.options.onBackupError?.(error as Error);
    }
  }

  dispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const state = this.state;
    if (state.mode === 'starting') {
      // Not the first screen's: it waits until the checks have passed (then normal mode answers) or failed (recovery).
      if (isChannelName(channel) && !Object.hasOwn(state.served.handlers, channel)) return state.open.then(() => this.dispatch(channel, input));
      return state.view ? serve(state.served, channel, input) : serve(state.served, channel, input);
    }
    return state.mode === 'normal' ? serve(state.served, channel, input) : serve(state.served, channel, input);
  }

  context(): HandlerContext | null {
    return this.state.mode === 'normal' ? this.state.ctx : null;
  }

  status(): RecoveryStatus {
    const state = this.state;
    if (state.mode === 'normal') return { mode: 'normal' };
    // While checking, the app shows its first screen (with the progress above it); a file to upgrade, the progress screen.
    if (state.mode === 'starting') return state.view ? { mode: 'normal' } : { mode: 'starting' };
    if (state.mode === 'locked') return { mode: 'locked', dataFile: this.dataFile };
    return { mode: 'recovery', ...state.failure, dataFile: this.dataFile };
  }

  startup(): StartupReport {
    const state = this.state;
    if (state.mode === 'normal') this.readOnlyNotice(state.ctx);
    return this.report;
  }

  async maintenance(): Promise<StartupReport> {
    await this.maintenanceRun;
    return this.report;
  }

  async close(): Promise<void> {
    await this.maintenanceRun.catch(() => undefined);
    this.recovery.drop();
    const ctx = this.context();
    await ctx?.connection.close();
    // Nothing of the passphrase outlives the host.
    forgetDerivedKeys();
  }
}

/** Starts the host on a data file: normal, locked or recovery, never a crash. */
export async function openHost(options: HostOptions): Promise<Host> {
  const host = new AppHost(options);
  await host.start();
  return host;
}
