import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { backupDir, listBackups, previewFile } from '../../../db/backup';
import { latestVersion } from '../../../db/migrations';
import type { BackupContents, BackupItem, ChosenBackup } from '../../common/api/backup';
import type { FileService } from '../context';
import { sanitizeFileName, writeFileAtomic } from '../files';
import { AppError } from '../../common/result';

/** Backups of a data file as the renderer sees them: names, never paths. */
export function backupItems(dataFile: string): BackupItem[] {
  return listBackups(backupDir(dataFile)).map(({ name, kind, takenAt, at, bytes, encrypted }) => ({ name, kind, takenAt, at, bytes, encrypted }));
}

/** The file of a named backup, which must exist inside the backups folder (the name was already pattern-checked). */
export function backupFile(dataFile: string, name: string): string {
  const dir = backupDir(dataFile);
  const file = path.join(dir, path.basename(name));
  if (path.dirname(file) !== dir || !fs.existsSync(file)) {
    throw new AppError('backup.notFound', `备份「${name}」不存在，可能已被轮换删除`, `Backup "${name}" does not exist; it may have been rotated away`);
  }
  return file;
}

export function contentsOf(dataFile: string, name: string, key: Buffer | null): BackupContents {
  return contentsOfFile(backupFile(dataFile, name), name, key);
}

/** The contents of any data file (a chosen one too), shown under `name`. */
export function contentsOfFile(file: string, name: string, key: Buffer | null): BackupContents {
  const preview = previewFile(file, key);
  return {
    name,
    bytes: preview.bytes,
    dataVersion: preview.dataVersion,
    appDataVersion: latestVersion,
    integrity: preview.integrity,
    teams: preview.teams,
    meetings: preview.meetings,
    members: preview.members,
    encrypted: preview.encrypted,
    tables: Object.entries(preview.tables).map(([table, rows]) => ({ table, rows })),
  };
}

/** A backup may be restored only when it is sound and not from a newer app. */
export function assertRestorable(contents: BackupContents): void {
  if (contents.integrity !== 'ok') {
    throw new AppError('backup.damaged', `该备份完整性检查未通过，不能用于恢复：${contents.integrity}`, `This backup failed its integrity check and cannot be restored: ${contents.integrity}`);
  }
  if (contents.dataVersion > contents.appDataVersion) {
    throw new AppError('backup.tooNew', '该备份由更新版本的镜鉴创建，请升级后再恢复', 'This backup was made by a newer Jingjian; upgrade before restoring it');
  }
}

/**
 * The contents of a data file the user chose, refusing what cannot be restored: the data file itself (`sameFile`
 * says why in the caller's words), not SQLite, not Jingjian, damaged, or from a newer app.
 */
export function checkChosen(file: string, dataFile: string, key: Buffer | null, sameFile: () => AppError): BackupContents {
  if (path.resolve(file) === path.resolve(dataFile)) throw sameFile();
  const contents = contentsOfFile(file, path.basename(file), key);
  assertRestorable(contents);
  return contents;
}

/**
 * A data file chosen anywhere (a backup on a USB stick), one at a time, named to the renderer by a one-time token and
 * never by its path. `check` previews it; it runs again when the file is taken, since the stick may have been
 * swapped since the preview.
 */
export class ChosenFile {
  private current: { token: string; file: string } | null = null;

  /**
   * `stageDir`: where a file picked in the page (the browser harness sends its bytes) is kept until it is restored or
   * another is chosen; the data file's folder is noted for temporary leftovers.
   */
  constructor(
    private readonly check: (file: string) => BackupContents,
    private readonly dataFile: string,
  ) {}

  private get stageDir(): string {
    return path.join(path.dirname(this.dataFile), 'chosen-files');
  }

  /** The file asked for with the host's dialog, or the picked one written to the staging folder under its own name. */
  private async locate(files: FileService, picked?: { name: string; bytes: Uint8Array }): Promise<string | null> {
    fs.rmSync(this.stageDir, { recursive: true, force: true });
    if (!picked) return files.chooseOpenPath([{ name: '镜鉴数据备份 Jingjian backup', extensions: ['sqlite', 'db'] }]);
    const file = path.join(this.stageDir, crypto.randomBytes(8).toString('hex'), sanitizeFileName(picked.name));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, picked.bytes, path.dirname(this.dataFile));
    return file;
  }

  async choose(files: FileService, picked?: { name: string; bytes: Uint8Array }): Promise<ChosenBackup> {
    this.current = null;
    const file = await this.locate(files, picked);
    if (!file) return { chosen: false, token: null, path: null, contents: null };
    // A refused picked file stays staged until the next choice: in recovery, the passphrase asked next may be its own.
    const contents = this.check(file);
    this.current = { token: crypto.randomBytes(16).toString('hex'), file };
    // A picked file is shown by its own name: where it was on the user's disk is the browser's secret.
    return { chosen: true, token: this.current.token, path: picked ? picked.name : file, contents };
  }

  /** The file chosen under `token`, checked again; refused when the token is stale or the file is gone. */
  take(token: string): string {
    const chosen = this.current;
    if (!chosen || chosen.token !== token || !fs.existsSync(chosen.file)) {
      throw new AppError('backup.chosenExpired', '所选文件已失效或已被移走，请重新选择', 'The chosen file is no longer valid or was moved; choose it again');
    }
    this.check(chosen.file);
    return chosen.file;
  }

  /** Forgets the chosen file (after a restore, which installed a copy of it), with a picked file's staged copy. */
  clear(): void {
    this.current = null;
    fs.rmSync(this.stageDir, { recursive: true, force: true });
  }
}
