import fs from 'node:fs';
import { backupDir, listBackups } from '../../../db/backup';
import { CIPHER_NAME, copyWithKey, openFile, passphraseKey, sameKey } from '../../../db/cipher';
import { fsyncDir, renameDurably } from '../../../db/durable';
import type { encryptionApi, EncryptionChange, EncryptionStatus } from '../../common/api/encryption';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import type { HandlerMap, HostChannel } from '../types';

export function encryptionStatus(ctx: HandlerContext): EncryptionStatus {
  const backups = listBackups(backupDir(ctx.dataFile));
  const encrypted = backups.filter((b) => b.encrypted).length;
  return {
    encrypted: ctx.connection.key !== null,
    cipher: ctx.connection.key ? CIPHER_NAME : null,
    backups: { encrypted, plain: backups.length - encrypted },
  };
}

const wrongCurrent = () => new AppError('encryption.wrongPassphrase', '当前口令不正确，未作任何改动', 'The current passphrase is wrong; nothing was changed');

/** The current passphrase must match the key the data is open with (compared in constant time). */
function checkCurrent(ctx: HandlerContext, current: string): void {
  if (!ctx.connection.key) throw new AppError('encryption.notEncrypted', '数据未加密', 'The data is not encrypted');
  if (!sameKey(passphraseKey(current), ctx.connection.key)) throw wrongCurrent();
}

/**
 * Moves the data file and its backups to `nextKey` (null: no encryption). Every new copy is written and verified
 * first, beside its file, while nothing is replaced; then they are renamed into place one after another, the data
 * file while the database is closed. A crash leaves each file whole, under the old key or the new one, and leaves
 * them mixed only in the instant of the renames. A backup that cannot be changed is reported, not lost.
 */
async function moveTo(ctx: HandlerContext, nextKey: Buffer | null): Promise<EncryptionChange> {
  const previousKey = ctx.connection.key;
  const temps: string[] = [];
  const backupCopies: { temp: string; file: string }[] = [];
  const backupsFailed: string[] = [];
  try {
    const dataCopy = copyWithKey(ctx.sqlite, ctx.dataFile, nextKey);
    temps.push(dataCopy);
    for (const backup of listBackups(backupDir(ctx.dataFile))) {
      // A plain backup needs no key to read; an encrypted one was made with the previous passphrase.
      if (!backup.encrypted && !nextKey) continue;
      try {
        const source = openFile(backup.file, { readonly: true, key: backup.encrypted ? previousKey : null });
        try {
          const temp = copyWithKey(source, backup.file, nextKey);
          temps.push(temp);
          backupCopies.push({ temp, file: backup.file });
        } finally {
          source.close();
        }
      } catch {
        backupsFailed.push(backup.name);
      }
    }
    await ctx.swapDatabase(async (file) => {
      // Closed cleanly, so the WAL is checkpointed; a stale one must never replay onto the new file.
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
      renameDurably(dataCopy, file);
      for (const copy of backupCopies) fs.renameSync(copy.temp, copy.file);
      if (backupCopies.length > 0) fsyncDir(backupDir(file));
    }, nextKey);
  } finally {
    for (const temp of temps) fs.rmSync(temp, { force: true });
  }
  if (!sameKey(ctx.connection.key, nextKey)) {
    throw new AppError('encryption.failed', '加密设置未能生效，数据保持原样', 'The encryption change did not take effect; the data is as it was');
  }
  return { encrypted: nextKey !== null, backupsChanged: backupCopies.length, backupsFailed };
}

/** `encryption.unlock` is the host's (electron/host): it opens the file the app starts with. */
export const encryptionHandlers: HandlerMap<Omit<typeof encryptionApi, HostChannel>> = {
  'encryption.status': (ctx) => encryptionStatus(ctx),
  'encryption.enable'(ctx, input) {
    if (ctx.connection.key) throw new AppError('encryption.already', '数据已经加密；如需更换口令，请使用“更改口令”', 'The data is already encrypted; use "Change passphrase" to change it');
    return moveTo(ctx, passphraseKey(input.passphrase));
  },
  'encryption.change'(ctx, input) {
    checkCurrent(ctx, input.current);
    const next = passphraseKey(input.passphrase);
    if (sameKey(next, ctx.connection.key)) throw new AppError('encryption.samePassphrase', '新口令与当前口令相同', 'The new passphrase is the same as the current one');
    return moveTo(ctx, next);
  },
  'encryption.disable'(ctx, input) {
    checkCurrent(ctx, input.current);
    return moveTo(ctx, null);
  },
};
