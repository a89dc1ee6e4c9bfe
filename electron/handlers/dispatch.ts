import { contract, isChannelName, type ChannelName, type Contract, type Output } from '../common/api';
import type { Channel, ParsedInputOf } from '../common/api/define';
import { AppError, type ApiErrorBody, type ApiResult } from '../common/result';
import { asDiskError, DbError, diskTrouble } from '../../db/errors';
import { cachedStatement } from '../../db/statements';
import type { HandlerContext } from './context';
import { invalidInput } from './issues';

/** A few characters about any value, for a message: never throws, whatever the value is (a Proxy, no prototype…). */
export function describeValue(value: unknown): string {
  try {
    if (typeof value === 'string') return value.slice(0, 80);
    if (value === null || typeof value !== 'object') return typeof value === 'symbol' || typeof value === 'function' ? typeof value : String(value);
    return Array.isArray(value) ? '[array]' : '[object]';
  } catch {
    return '[?]';
  }
}

function messageOf(error: unknown): string {
  try {
    const message = (error as { message?: unknown })?.message;
    return typeof message === 'string' ? message : describeValue(error);
  } catch {
    return describeValue(error);
  }
}

function errorBody(error: unknown, ctx?: HandlerContext): ApiErrorBody {
  if (error instanceof AppError || error instanceof DbError) return { code: error.code, message: error.zh, messageEn: error.en };
  try {
    const readOnly = ctx?.connection.readOnly;
    if (readOnly && diskTrouble(error) === 'readOnly') {
      return { code: 'db.readOnly', message: `修改未保存：${readOnly.zh}`, messageEn: `The change was not saved: ${readOnly.en}` };
    }
    // A full disk, a write-protected place or a failing disk: their own codes and words, never `internal`.
    const disk = asDiskError(error);
    if (disk) return { code: disk.code, message: disk.zh, messageEn: disk.en };
  } catch {
    // A value that cannot be inspected is an internal error below.
  }
  let code: unknown;
  try {
    code = (error as { code?: unknown })?.code;
  } catch {
    code = undefined;
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return {
      code: 'db.constraint',
      message: '数据不符合要求（长度、日期或关联记录有误），未作任何修改',
      messageEn: 'The data broke a rule (length, date or a linked record); nothing was changed',
    };
  }
  if (code === 'SQLITE_BUSY') {
    return { code: 'db.busy', message: '数据库正忙，请稍后再试', messageEn: 'The database is busy; please try again' };
  }
  return {
    code: 'internal',
    message: `内部错误，操作未完成：${messageOf(error)}`,
    messageEn: `Internal error; the operation did not complete: ${messageOf(error)}`,
  };
}

/**
 * Channels that replace or copy the database file itself: they cannot run inside a transaction on it.
 * Every other call is atomic.
 */
const OUTSIDE_TRANSACTION = new Set<string>(['backup.restore', 'backup.restoreFile', 'backup.now', 'encryption.enable', 'encryption.change', 'encryption.disable']);

/** One call at a time per database: a handler's awaits never interleave with another call's writes. */
const queues = new WeakMap<HandlerContext, Promise<unknown>>();

function serialized<T>(ctx: HandlerContext, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(ctx) ?? Promise.resolve();
  const run = previous.then(task, task);
  queues.set(
    ctx,
    run.catch(() => undefined),
  );
  return run;
}

/** Runs the handler inside a savepoint: if it refuses or fails after writing, every write of the call is undone. */
async function atomically<T>(ctx: HandlerContext, task: () => Promise<T>): Promise<T> {
  const sqlite = ctx.sqlite;
  // Prepared once per connection: every call opens and releases a savepoint, the autosave several times a second.
  cachedStatement(sqlite, 'SAVEPOINT dispatch').run();
  let value: T;
  try {
    value = await task();
    cachedStatement(sqlite, 'RELEASE dispatch').run();
  } catch (error) {
    ctx.pendingAfterCommit.length = 0;
    if (sqlite.open && sqlite.inTransaction) {
      sqlite.exec('ROLLBACK TO dispatch');
      sqlite.exec('RELEASE dispatch');
    }
    throw error;
  }
  for (const after of ctx.pendingAfterCommit.splice(0)) after();
  return value;
}

/** A typed handler map of some channels over a context of its own: the app's handlers, or one mode of the host. */
export type ModeHandlers<X> = { [C in ChannelName]?: (x: X, input: ParsedInputOf<Contract[C]>) => Output<C> | Promise<Output<C>> };

/**
 * What answers calls: the app's handlers over an open database, or one mode of the host (electron/host: normal,
 * checking, locked, recovery). Every one is served by `serve`, so every call gets the same channel check, input
 * validation, error bodies and one-at-a-time order, whatever the mode.
 */
export interface Mode<X> {
  context: X;
  handlers: ModeHandlers<X>;
  /** The bilingual refusal of a known channel this mode does not answer. */
  refusal(channel: ChannelName): ApiErrorBody;
  /** Runs a validated call: one at a time, and atomically when it writes to an open database. */
  run(channel: ChannelName, call: () => Promise<unknown>): Promise<unknown>;
  /** The open database, if any: a write refused because it cannot be written says why. */
  database?: HandlerContext;
}

/**
 * The one entry point for every call from the renderer (Electron IPC or the browser harness): checks the channel,
 * validates the input with its declared schema and runs the mode's handler, one call at a time. It never throws: a
 * refusal is `{ ok: false }` and leaves the data exactly as it was.
 */
export async function serve<X>(mode: Mode<X>, channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const prepared = prepare(mode, channel, input);
    if (!prepared.ok) return prepared;
    const { name, handler, data } = prepared;
    const value = await mode.run(name, async () => handler(mode.context, data));
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: errorBody(error, mode.database) };
  }
}

/** A call in the database's turn: atomically, except the channels that copy or replace the file. */
export function inDatabase(ctx: HandlerContext, channel: ChannelName, call: () => Promise<unknown>): Promise<unknown> {
  return serialized(ctx, () => (OUTSIDE_TRANSACTION.has(channel) ? call() : atomically(ctx, call)));
}

/** Without a host (tests, tools, the benchmark) the start, recovery and unlock channels have nobody to answer them. */
const hostOnly = (channel: ChannelName): ApiErrorBody => ({
  code: 'host.only',
  message: `接口 ${channel} 只在应用中由启动程序应答`,
  messageEn: `The channel ${channel} is answered by the app's host only`,
});

const appModes = new WeakMap<HandlerContext, Mode<HandlerContext>>();

/** The app's own handlers over one context (`ctx.handlers`, built by compose.ts). */
export function appMode(ctx: HandlerContext): Mode<HandlerContext> {
  let mode = appModes.get(ctx);
  if (!mode) {
    mode = {
      context: ctx,
      get handlers() {
        return ctx.handlers;
      },
      refusal: hostOnly,
      run: (channel, call) => inDatabase(ctx, channel, call),
      database: ctx,
    };
    appModes.set(ctx, mode);
  }
  return mode;
}

/** A call to the app's handlers over an open database, through `serve`. */
export function dispatch(ctx: HandlerContext, channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
  return serve(appMode(ctx), channel, input);
}

/** Runs `task` in the database's turn, after every call before it and before every call after it (start-up maintenance). */
export function inTurn<T>(ctx: HandlerContext, task: () => Promise<T>): Promise<T> {
  return serialized(ctx, task);
}

/**
 * For a handler that composes other channels (loading the demo): validates and runs them inside the caller's
 * transaction and turn, without queueing behind itself.
 */
export async function dispatchWithin(ctx: HandlerContext, channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const mode = appMode(ctx);
    const prepared = prepare(mode, channel, input);
    if (!prepared.ok) return prepared;
    return { ok: true, value: await prepared.handler(ctx, prepared.data) };
  } catch (error) {
    return { ok: false, error: errorBody(error) };
  }
}

type Prepared<X> = { ok: true; name: ChannelName; handler: (x: X, input: unknown) => unknown; data: unknown } | { ok: false; error: ApiErrorBody };

function prepare<X>(mode: Mode<X>, channel: unknown, input: unknown): Prepared<X> {
  if (!isChannelName(channel)) {
    // Never String(channel): an object whose toString is not a function (`{"toString": 1}` in JSON) makes it throw.
    const name = describeValue(channel);
    return { ok: false, error: { code: 'unknownChannel', message: `未知的接口：${name}`, messageEn: `Unknown channel: ${name}` } };
  }
  const handler = mode.handlers[channel] as ((x: X, input: unknown) => unknown) | undefined;
  if (!handler) return { ok: false, error: mode.refusal(channel) };
  let parsed;
  try {
    const declared: Channel = contract[channel];
    const fast = declared.fast?.(input);
    parsed = fast ? { success: true as const, data: fast } : declared.input.safeParse(input, { reportInput: true });
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
  } catch {
    // Only a value no bridge can carry gets here (a revoked Proxy, a getter that throws): refused like bad input.
    return { ok: false, error: { code: 'invalidInput', message: '输入无法读取，未作任何修改', messageEn: 'The input cannot be read; nothing was changed' } };
  }
  return { ok: true, name: channel, handler, data: parsed.data };
}
