import fs from 'node:fs';
import path from 'node:path';
import { backupDir, dailyBackup, installCopy, listBackups } from '../../../db/backup';
import { fileKind, openFile, passphraseKey } from '../../../db/cipher';
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
import { assertRestorable, backupFile, backupItems, checkChosen, ChosenFile, contentsOf } from './shared';

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
 * the recovery screen, and nothing creates a new empty database over the old one. When the file is encrypted it
 * starts locked: only `encryption.unlock` and `recovery.*` answer until the passphrase opens it.
 */
export interface Host {
  dispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>>;
  /** The handler context, or null while in recovery mode. */
  context(): HandlerContext | null;
  status(): RecoveryStatus;
  close(): Promise<void>;
}

const RECOVERY_CHANNELS = new Set(['recovery.status', 'recovery.list', 'recovery.preview', 'recovery.restore', 'recovery.previewFile', 'recovery.restoreFile', 'encryption.unlock']);

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
}

export async function openHost(options: HostOptions): Promise<Host> {
  const now = options.now ?? (() => new Date());
  let ctx: HandlerContext | null = null;
  let failure: { code: string; message: string; messageEn: string } | null = null;
  /** The key of an encrypted file once its passphrase was given; never written anywhere. */
  let key: Buffer | null = null;
  let locked = fileKind(options.dataFile) === 'encrypted';

  async function open(): Promise<void> {
    const connection = await openDatabase({ file: options.dataFile, now, key });
    ctx = createContext(connection, { files: options.files, appVersion: options.appVersion, now });
    failure = null;
    try {
      await dailyBackup(ctx.sqlite, ctx.dataFile, now(), readPolicy(ctx.sqlite));
    } catch (error) {
      options.onBackupError?.(error as Error);
    }
  }

  if (!locked) {
    try {
      await open();
    } catch (error) {
      if (!(error instanceof DbError)) throw error;
      failure = { code: error.code, message: error.zh, messageEn: error.en };
    }
  }

  const wrongPassphrase = () =>
    new AppError('encryption.wrongPassphrase', '口令不正确，数据未作任何改动。请注意大小写和输入法（中文/英文）状态。', 'Wrong passphrase; nothing was changed. Check letter case and the input method.');

  /** An encrypted file chosen in recovery that could not be read yet: the passphrase asked for next may be its own. */
  let chosenEncrypted: string | null = null;

  /**
   * Whether a passphrase opens an encrypted backup (the file chosen last, then the newest few in the backups folder):
   * then it is right for the backups, and the data file is what failed.
   */
  function opensABackup(candidate: Buffer): boolean {
    const newest = listBackups(backupDir(options.dataFile))
      .filter((b) => b.encrypted)
      .slice(0, 5)
      .map((b) => b.file);
    for (const file of chosenEncrypted ? [chosenEncrypted, ...newest] : newest) {
      try {
        openFile(file, { readonly: true, key: candidate }).close();
        return true;
      } catch {
        // Wrong for this one; try the next.
      }
    }
    return false;
  }

  /** A wrong passphrase is refused without writing a byte; the right one opens the app (or its recovery screen). */
  async function unlock(passphrase: string): Promise<{ unlocked: boolean; mode: 'normal' | 'recovery' }> {
    const candidate = passphraseKey(passphrase);
    if (!locked) {
      // Recovery of a file too damaged to look encrypted: the passphrase is for its encrypted backups.
      if (!opensABackup(candidate)) throw wrongPassphrase();
      key = candidate;
      return { unlocked: true, mode: 'recovery' };
    }
    const previous = key;
    key = candidate;
    try {
      await open();
      locked = false;
      return { unlocked: true, mode: 'normal' };
    } catch (error) {
      if (!(error instanceof DbError)) {
        key = previous;
        throw error;
      }
      if (error.code === 'db.wrongPassphrase') {
        if (!opensABackup(candidate)) {
          key = previous;
          throw wrongPassphrase();
        }
        // It opens backups but not the data: an older passphrase, or a damaged file. Only the user can tell; the
        // backups can now be previewed and restored with it, and the data file stays locked and untouched.
        throw new AppError(
          'encryption.backupsOnly',
          '此口令能打开备份，但打不开当前数据文件。如果最近更改过口令，请输入新口令；如果数据文件已损坏，可以从备份恢复。',
          'This passphrase opens the backups but not the current data file. If the passphrase was changed recently, enter the new one; if the data file is damaged, restore a backup.',
        );
      }
      // Right passphrase, but the file is damaged or from a newer app.
      locked = false;
      failure = { code: error.code, message: error.zh, messageEn: error.en };
      return { unlocked: true, mode: 'recovery' };
    }
  }

  const sameFile = () => new AppError('backup.sameFile', '所选文件就是无法打开的数据文件本身，请选择一个备份', 'The chosen file is the data file that cannot be opened; choose a backup');
  /** A file chosen outside the backups folder (a USB stick). */
  const chosen = new ChosenFile((file) => {
    try {
      return checkChosen(file, options.dataFile, key, sameFile);
    } catch (error) {
      // Encrypted and not readable with what is known: the passphrase the screen asks for next is tried on it.
      if (error instanceof DbError && error.code === 'backup.encrypted') chosenEncrypted = file;
      throw error;
    }
  });

  async function restoreChosen(token: string): Promise<RestoreResult> {
    const file = chosen.take(token);
    const result = await install(file, path.basename(file));
    chosen.clear();
    return result;
  }

  /** Recovery: the damaged file is moved aside (never deleted), the backup installed, and the app opened on it. */
  async function recoverFrom(name: string): Promise<RestoreResult> {
    const contents = contentsOf(options.dataFile, name, key);
    assertRestorable(contents);
    return install(backupFile(options.dataFile, name), name);
  }

  async function install(source: string, name: string): Promise<RestoreResult> {
    const aside = `${options.dataFile}.damaged-${stamp(now())}`;
    let safetyCopy: string | null = null;
    if (fs.existsSync(options.dataFile)) {
      fs.copyFileSync(options.dataFile, aside);
      safetyCopy = path.basename(aside);
    }
    // With a key, a plain backup is encrypted on the way in: the app keeps its encryption.
    await installCopy(source, options.dataFile, key);
    await open();
    locked = false;
    return { restored: name, safetyCopy };
  }

  async function recoveryDispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isChannelName(channel) || !RECOVERY_CHANNELS.has(channel)) {
      if (locked || !failure) return { ok: false, error: { code: 'db.locked', message: '数据已加密，请先输入口令解锁', messageEn: 'The data is encrypted; unlock it with its passphrase first' } };
      return { ok: false, error: { code: 'db.recovery', message: `数据文件无法打开，请先从备份恢复：${failure.message}`, messageEn: `The data file cannot be opened; restore a backup first: ${failure.messageEn}` } };
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
    try {
      const name = (parsed.data as { name?: string }).name ?? '';
      if (channel === 'recovery.status') return { ok: true, value: status() };
      if (channel === 'encryption.unlock') {
        return { ok: true, value: await unlock((parsed.data as { passphrase: string }).passphrase) };
      }
      if (channel === 'recovery.list') return { ok: true, value: backupItems(options.dataFile) };
      if (channel === 'recovery.preview') return { ok: true, value: contentsOf(options.dataFile, name, key) };
      if (channel === 'recovery.previewFile') return { ok: true, value: await chosen.choose(options.files) };
      if (channel === 'recovery.restoreFile') return { ok: true, value: await restoreChosen((parsed.data as { token: string }).token) };
      return { ok: true, value: await recoverFrom(name) };
    } catch (error) {
      if (error instanceof AppError || error instanceof DbError) return { ok: false, error: { code: error.code, message: error.zh, messageEn: error.en } };
      return { ok: false, error: { code: 'internal', message: `恢复失败：${(error as Error).message}`, messageEn: `Recovery failed: ${(error as Error).message}` } };
    }
  }

  function status(): RecoveryStatus {
    if (ctx) return { mode: 'normal' };
    if (locked) return { mode: 'locked', dataFile: options.dataFile };
    return { mode: 'recovery', ...failure!, dataFile: options.dataFile };
  }

  return {
    dispatch: (channel, input) => (ctx ? dispatch(ctx, channel, input) : recoveryDispatch(channel, input)),
    context: () => ctx,
    status,
    async close() {
      await (ctx as HandlerContext | null)?.connection.close();
    },
  };
}
