import fs from 'node:fs';
import path from 'node:path';
import { dailyBackup, installCopy } from '../../../db/backup';
import { openDatabase } from '../../../db/connection';
import { DbError } from '../../../db/errors';
import { contract, isChannelName } from '../../common/api';
import type { RecoveryStatus, RestoreResult } from '../../common/api/backup';
import type { ApiResult } from '../../common/result';
import { AppError } from '../../common/result';
import { createContext, type FileService, type HandlerContext } from '../context';
import { dispatch } from '../dispatch';
import { invalidInput } from '../issues';
import { readPolicy } from './policy';
import { assertRestorable, backupFile, backupItems, contentsOf } from './shared';

export interface HostOptions {
  dataFile: string;
  files: FileService;
  appVersion: string;
  now?: () => Date;
  /** Told when the automatic daily backup could not be written (the app still starts). */
  onBackupError?: (error: Error) => void;
}

/**
 * The database behind the API, for Electron main and the browser harness alike. When the file cannot be opened
 * (damaged, unreadable, from a newer app) it starts in recovery mode: only `recovery.*` channels answer, the UI shows
 * the recovery screen, and nothing creates a new empty database over the old one.
 */
export interface Host {
  dispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** The handler context, or null while in recovery mode. */
  context(): HandlerContext | null;
  status(): RecoveryStatus;
  close(): Promise<void>;
}

const RECOVERY_CHANNELS = new Set(['recovery.status', 'recovery.list', 'recovery.preview', 'recovery.restore']);

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
}

export async function openHost(options: HostOptions): Promise<Host> {
  const now = options.now ?? (() => new Date());
  let ctx: HandlerContext | null = null;
  let failure: { code: string; message: string; messageEn: string } | null = null;

  async function open(): Promise<void> {
    const connection = await openDatabase({ file: options.dataFile, now });
    ctx = createContext(connection, { files: options.files, appVersion: options.appVersion, now });
    failure = null;
    try {
      await dailyBackup(ctx.sqlite, ctx.dataFile, now(), readPolicy(ctx.sqlite));
    } catch (error) {
      options.onBackupError?.(error as Error);
    }
  }

  try {
    await open();
  } catch (error) {
    if (!(error instanceof DbError)) throw error;
    failure = { code: error.code, message: error.zh, messageEn: error.en };
  }

  /** Recovery: the damaged file is moved aside (never deleted), the backup installed, and the app opened on it. */
  async function recoverFrom(name: string): Promise<RestoreResult> {
    const contents = contentsOf(options.dataFile, name);
    assertRestorable(contents);
    const source = backupFile(options.dataFile, name);
    const aside = `${options.dataFile}.damaged-${stamp(now())}`;
    let safetyCopy: string | null = null;
    if (fs.existsSync(options.dataFile)) {
      fs.copyFileSync(options.dataFile, aside);
      safetyCopy = path.basename(aside);
    }
    await installCopy(source, options.dataFile);
    await open();
    return { restored: name, safetyCopy };
  }

  async function recoveryDispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    const f = failure!;
    if (!isChannelName(channel) || !RECOVERY_CHANNELS.has(channel)) {
      return { ok: false, error: { code: 'db.recovery', message: `数据文件无法打开，请先从备份恢复：${f.message}`, messageEn: `The data file cannot be opened; restore a backup first: ${f.messageEn}` } };
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
    try {
      const name = (parsed.data as { name?: string }).name ?? '';
      if (channel === 'recovery.status') return { ok: true, value: { mode: 'recovery', ...f, dataFile: options.dataFile } };
      if (channel === 'recovery.list') return { ok: true, value: backupItems(options.dataFile) };
      if (channel === 'recovery.preview') return { ok: true, value: contentsOf(options.dataFile, name) };
      return { ok: true, value: await recoverFrom(name) };
    } catch (error) {
      if (error instanceof AppError || error instanceof DbError) return { ok: false, error: { code: error.code, message: error.zh, messageEn: error.en } };
      return { ok: false, error: { code: 'internal', message: `恢复失败：${(error as Error).message}`, messageEn: `Recovery failed: ${(error as Error).message}` } };
    }
  }

  return {
    dispatch: (channel, input) => (ctx ? dispatch(ctx, channel, input) : recoveryDispatch(channel, input)),
    context: () => ctx,
    status: () => (failure ? { mode: 'recovery', ...failure, dataFile: options.dataFile } : { mode: 'normal' }),
    async close() {
      await (ctx as HandlerContext | null)?.connection.close();
    },
  };
}
