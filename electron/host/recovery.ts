import fs from 'node:fs';
import path from 'node:path';
import { backupDir, installCopy, listBackups, setAside } from '../../db/backup';
import { openFile, passphraseKey } from '../../db/cipher';
import { asDiskError, DbError } from '../../db/errors';
import { salvage } from '../../db/salvage';
import type { RecoveryStatus, RestoreResult, SalvageContents } from '../common/api/backup';
import { AppError } from '../common/result';
import { assertRestorable, backupFile, checkChosen, ChosenFile, contentsOf } from '../handlers/backup/shared';
import type { FileService } from '../handlers/context';

/** Why the data file could not be opened, in both languages (what the recovery screen shows). */
export interface Failure {
  code: string;
  message: string;
  messageEn: string;
}

/**
 * What the locked and recovery modes work on: the data file that is not open, the key once a passphrase was given,
 * the file chosen on a USB stick and the salvaged copy. `open` opens the data file (the host then leaves the mode).
 */
export interface StartContext {
  readonly dataFile: string;
  readonly files: FileService;
  now(): Date;
  /** The key of an encrypted file once its passphrase was given; never written anywhere. */
  key: Buffer | null;
  /** Set in recovery mode: why the file could not be opened. */
  readonly failure: Failure | null;
  /** An encrypted file waiting for its passphrase. */
  readonly locked: boolean;
  /** Recovery mode, for `failure`. */
  fail(failure: Failure): void;
  /** Opens the data file with `key`; the host is in normal (or checking) mode when it settles. */
  open(): Promise<void>;
  /** open(), with a refusal becoming recovery mode. */
  tryOpen(): Promise<void>;
  status(): RecoveryStatus;
  recovery: RecoveryFiles;
}

/** Failures that are not damage: the recovery screen offers "try again" instead of overwriting the file. */
const NOT_DAMAGE = /^(db\.tooNew|db\.readOnly|disk\.)/;

export const MISSING: Record<'db.missing' | 'db.empty', Failure> = {
  'db.missing': {
    code: 'db.missing',
    message: '找不到数据文件，但数据文件夹中有镜鉴的备份。为免丢失数据，没有新建空白数据：请从备份恢复；如果确实要从头开始，可以选择“新建空白数据”。',
    messageEn: 'The data file is missing, but Jingjian backups are in its folder. To avoid losing data no new empty file was created: restore a backup, or, if you really want to start afresh, choose "Start with empty data".',
  },
  'db.empty': {
    code: 'db.empty',
    message: '数据文件是空的（0 字节），但数据文件夹中有镜鉴的备份。为免丢失数据，没有新建空白数据：请从备份恢复；如果确实要从头开始，可以选择“新建空白数据”。',
    messageEn: 'The data file is empty (0 bytes), but Jingjian backups are in its folder. To avoid losing data no new empty file was created: restore a backup, or, if you really want to start afresh, choose "Start with empty data".',
  },
};

/** Any failure in both languages: ours as they are, disk trouble in its own words, the rest after `fallback`. */
export function bilingual(error: unknown, fallback: { code: string; zh: string; en: string }): Failure {
  const known = error instanceof AppError || error instanceof DbError ? error : (asDiskError(error) ?? null);
  if (known) return { code: known.code, message: known.zh, messageEn: known.en };
  const detail = (error as Error)?.message ?? String(error);
  return { code: fallback.code, message: `${fallback.zh}：${detail}`, messageEn: `${fallback.en}: ${detail}` };
}

const stamp = (now: Date) => now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');

const wrongPassphrase = () =>
  new AppError('encryption.wrongPassphrase', '口令不正确，数据未作任何改动。请注意大小写和输入法（中文/英文）状态。', 'Wrong passphrase; nothing was changed. Check letter case and the input method.');

/**
 * The files of recovery: a backup or a chosen file installed in place of the data file (which is set aside, never
 * deleted), or what could be read of the damaged file.
 */
export class RecoveryFiles {
  /** An encrypted file chosen in recovery that could not be read yet: the passphrase asked for next may be its own. */
  private chosenEncrypted: string | null = null;
  private salvaged: { file: string; contents: SalvageContents } | null = null;
  /** A file chosen outside the backups folder (a USB stick). */
  readonly chosen: ChosenFile;

  constructor(private readonly start: StartContext) {
    const sameFile = () => new AppError('backup.sameFile', '所选文件就是无法打开的数据文件本身，请选择一个备份', 'The chosen file is the data file that cannot be opened; choose a backup');
    this.chosen = new ChosenFile((file) => {
      try {
        return checkChosen(file, start.dataFile, start.key, sameFile);
      } catch (error) {
        // Encrypted and not readable with what is known: the passphrase the screen asks for next is tried on it.
        if (error instanceof DbError && error.code === 'backup.encrypted') this.chosenEncrypted = file;
        throw error;
      }
    }, start.dataFile);
  }

  /**
   * Whether a passphrase opens an encrypted backup (the file chosen last, then the newest few in the backups folder):
   * then it is right for the backups, and the data file is what failed.
   */
  opensABackup(candidate: Buffer): boolean {
    const newest = listBackups(backupDir(this.start.dataFile))
      .filter((b) => b.encrypted)
      .slice(0, 5)
      .map((b) => b.file);
    for (const file of this.chosenEncrypted ? [this.chosenEncrypted, ...newest] : newest) {
      try {
        openFile(file, { readonly: true, key: candidate }).close();
        return true;
      } catch {
        // Wrong for this one; try the next.
      }
    }
    return false;
  }

  async restoreChosen(token: string): Promise<RestoreResult> {
    const file = this.chosen.take(token);
    const result = await this.install(file, path.basename(file));
    this.chosen.clear();
    return result;
  }

  /** Recovery: the damaged file is moved aside (never deleted), the backup installed, and the app opened on it. */
  async recoverFrom(name: string): Promise<RestoreResult> {
    const contents = contentsOf(this.start.dataFile, name, this.start.key);
    assertRestorable(contents);
    return this.install(backupFile(this.start.dataFile, name), name);
  }

  /** A file that is not damaged (newer app, read-only, full disk) must not be overwritten as if it were. */
  private assertReplaceable(): void {
    const failure = this.start.failure;
    if (failure && NOT_DAMAGE.test(failure.code)) {
      throw new AppError(
        'recovery.notDamaged',
        `数据文件没有损坏，不能用备份覆盖它：${failure.message}`,
        `The data file is not damaged and must not be overwritten with a backup: ${failure.messageEn}`,
      );
    }
  }

  private async install(source: string, name: string): Promise<RestoreResult> {
    this.assertReplaceable();
    const dataFile = this.start.dataFile;
    // The file as it is, with its -wal and -shm (which may hold the newest acknowledged writes), byte for byte.
    const safetyCopy = setAside(dataFile, stamp(this.start.now()));
    // With a key, a plain backup is encrypted on the way in: the app keeps its encryption.
    await installCopy(source, dataFile, this.start.key);
    await this.start.open();
    return { restored: name, safetyCopy };
  }

  drop(): void {
    if (this.salvaged) for (const suffix of ['', '-journal']) fs.rmSync(`${this.salvaged.file}${suffix}`, { force: true });
    this.salvaged = null;
  }

  /** "Recover what can be read": built on request, shown, and installed only when the user chooses it. */
  salvagePreview(): SalvageContents {
    this.assertReplaceable();
    const failure = this.start.failure;
    if (!failure || failure.code === 'db.missing' || failure.code === 'db.empty') {
      throw new AppError('recovery.nothingToSalvage', '没有可供抢救的数据文件', 'There is no data file to salvage');
    }
    this.drop();
    const result = salvage(this.start.dataFile, this.start.dataFile, this.start.key);
    const rows = (table: string) => result.tables.find((t) => t.table === table)?.rows ?? 0;
    const contents: SalvageContents = { dataVersion: result.dataVersion, teams: rows('teams'), meetings: rows('meetings'), members: rows('members'), tables: result.tables };
    this.salvaged = { file: result.file, contents };
    return contents;
  }

  async salvageInstall(): Promise<RestoreResult> {
    if (!this.salvaged) throw new AppError('recovery.salvageFirst', '请先查看“恢复能读出的内容”将得到什么', 'First look at what "Recover what can be read" would give');
    try {
      return await this.install(this.salvaged.file, '恢复能读出的内容 / recovered from the damaged file');
    } finally {
      this.drop();
    }
  }
}

export async function startEmpty(start: StartContext): Promise<RecoveryStatus> {
  if (start.failure?.code !== 'db.missing' && start.failure?.code !== 'db.empty') {
    throw new AppError('recovery.notEmpty', '只有在数据文件丢失或为空时才能新建空白数据', 'Empty data can only be started when the data file is missing or empty');
  }
  await start.open();
  return start.status();
}

export async function retry(start: StartContext): Promise<RecoveryStatus> {
  if (start.failure?.code === 'db.missing' || start.failure?.code === 'db.empty') return start.status();
  await start.tryOpen();
  return start.status();
}

/** A wrong passphrase is refused without writing a byte; the right one opens the app (or its recovery screen). */
export async function unlock(start: StartContext, passphrase: string): Promise<{ unlocked: boolean; mode: 'normal' | 'recovery' }> {
  const candidate = passphraseKey(passphrase);
  if (!start.locked) {
    // Recovery of a file too damaged to look encrypted: the passphrase is for its encrypted backups.
    if (!start.recovery.opensABackup(candidate)) throw wrongPassphrase();
    start.key = candidate;
    return { unlocked: true, mode: 'recovery' };
  }
  const previous = start.key;
  start.key = candidate;
  try {
    await start.open();
    return { unlocked: true, mode: 'normal' };
  } catch (error) {
    if (!(error instanceof DbError)) {
      start.key = previous;
      throw error;
    }
    if (error.code === 'db.wrongPassphrase') {
      if (!start.recovery.opensABackup(candidate)) {
        start.key = previous;
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
    start.fail({ code: error.code, message: error.zh, messageEn: error.en });
    return { unlocked: true, mode: 'recovery' };
  }
}
