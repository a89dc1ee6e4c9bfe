/*
 * The host's modes, each a typed handler map over its own context, all answered by `serve` (handlers/dispatch.ts)
 * with the same validation, error bodies and order as every other call:
 *
 * - starting: the checks that guard writes (quick_check, off the main thread), an upgrade, the daily backup: the
 *   first screen's channels answer from a read-only connection meanwhile (none when the file needs an upgrade: the
 *   progress screen), every other call waits until the data is open (or gets recovery's refusal if a check failed);
 * - normal: the app's handlers over the open database, plus the host's own channels (how the start went);
 * - locked: an encrypted file waiting for its passphrase (unlock, and restoring a backup instead);
 * - recovery: a file that could not be opened (restore, salvage, retry, start empty).
 *
 * A channel a mode does not answer gets that mode's bilingual refusal, shaped like every other refusal.
 */
import type { RecoveryStatus, StartupReport } from '../common/api/backup';
import type { ApiErrorBody } from '../common/result';
import type { ModeHandlers } from '../handlers/dispatch';
import type { HandlerContext } from '../handlers/context';
import { backupItems, contentsOf } from '../handlers/backup/shared';
import { retry, startEmpty, unlock, type Failure, type StartContext } from './recovery';

/** What the normal mode's own channels read: the host's status and the report of the start. */
export interface HostView {
  status(): RecoveryStatus;
  report(): StartupReport;
}

/** The host's channels in normal mode; the app's handlers answer everything else. */
export function normalHostHandlers(host: HostView): ModeHandlers<HandlerContext> {
  return {
    'recovery.status': () => host.status(),
    'recovery.retry': () => host.status(),
    'recovery.list': (ctx) => backupItems(ctx.dataFile),
    'recovery.preview': (ctx, input) => contentsOf(ctx.dataFile, input.name, ctx.connection.key),
    'backup.startup': () => host.report(),
    // Once the data is open there is nothing to unlock.
    'encryption.unlock': () => ({ unlocked: true, mode: 'normal' as const }),
  };
}

/**
 * What the first screen asks for (the app's settings and information, the meetings list and its teams): answered
 * while the checks run, from a connection that cannot write. They only read.
 */
export function firstScreenHandlers(view: HandlerContext, host: HostView): ModeHandlers<HandlerContext> {
  return {
    'recovery.status': () => host.status(),
    'backup.startup': () => host.report(),
    'settings.get': view.handlers['settings.get'],
    'app.info': view.handlers['app.info'],
    'meetings.list': view.handlers['meetings.list'],
    'teams.list': view.handlers['teams.list'],
  };
}

/** A file that needs an upgrade cannot be read by this version's handlers: only the progress screen's channels. */
export const upgradeHandlers = (host: HostView): ModeHandlers<StartContext> => ({
  'recovery.status': () => host.status(),
  'backup.startup': () => host.report(),
});

/** Not answered while starting: such calls wait for the data to open (only a channel unknown to a mode gets this). */
export const startingRefusal = (): ApiErrorBody => ({
  code: 'db.starting',
  message: '正在检查数据文件，请稍候',
  messageEn: 'The data file is being checked; please wait',
});

/** In normal mode the recovery channels that would replace the file refuse: restoring is done on the backup screen. */
export const notNeeded = (): ApiErrorBody => ({
  code: 'recovery.notNeeded',
  message: '数据文件正常，无需恢复；如需回到某个备份，请在“备份与恢复”中操作',
  messageEn: 'The data file is fine; to go back to a backup use "Backup & restore"',
});

/** What both locked and recovery modes answer. */
const beforeOpen: ModeHandlers<StartContext> = {
  'recovery.status': (start) => start.status(),
  'recovery.list': (start) => backupItems(start.dataFile),
  'recovery.preview': (start, { name }) => contentsOf(start.dataFile, name, start.key),
  'recovery.restore': (start, { name }) => start.recovery.recoverFrom(name),
  'recovery.previewFile': (start, { file }) => start.recovery.chosen.choose(start.files, file),
  'recovery.restoreFile': (start, { token }) => start.recovery.restoreChosen(token),
  'encryption.unlock': (start, { passphrase }) => unlock(start, passphrase),
};

/** Locked: the passphrase, or a backup instead (the unlock screen offers the recovery screen). */
export const lockedHandlers = (report: () => StartupReport): ModeHandlers<StartContext> => ({ ...beforeOpen, 'backup.startup': () => report() });

/** Recovery: everything that can bring the data back. */
export const recoveryHandlers = (report: () => StartupReport): ModeHandlers<StartContext> => ({
  ...beforeOpen,
  'backup.startup': () => report(),
  'recovery.salvagePreview': (start) => start.recovery.salvagePreview(),
  'recovery.salvage': (start) => start.recovery.salvageInstall(),
  'recovery.retry': (start) => retry(start),
  'recovery.startEmpty': (start) => startEmpty(start),
});

export const lockedRefusal = (): ApiErrorBody => ({ code: 'db.locked', message: '数据已加密，请先输入口令解锁', messageEn: 'The data is encrypted; unlock it with its passphrase first' });

export const recoveryRefusal = (failure: Failure): ApiErrorBody => ({
  code: 'db.recovery',
  message: `数据文件无法打开，请先从备份恢复：${failure.message}`,
  messageEn: `The data file cannot be opened; restore a backup first: ${failure.messageEn}`,
});
