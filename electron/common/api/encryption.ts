import { z } from 'zod';
import { channel } from './define';
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../encryption/limits';

export { PASSPHRASE_MAX, PASSPHRASE_MIN };

export interface EncryptionStatus {
  encrypted: boolean;
  /** The scheme, shown to the user, e.g. "SQLCipher 4 (AES-256)"; null when not encrypted. */
  cipher: string | null;
  /** Backups in the backups folder by state: after a change every one should follow the data. */
  backups: { encrypted: number; plain: number };
}

export interface EncryptionChange {
  encrypted: boolean;
  /** Backups re-encrypted (or decrypted) with the data. */
  backupsChanged: number;
  /** Backups that could not be changed (damaged, or with another passphrase): left as they were, by name. */
  backupsFailed: string[];
}

const bi = (zh: string, en: string) => ({ params: { zh, en }, message: zh });

/** A new passphrase: length only; it is never trimmed (a space is part of it). */
const newPassphrase = z
  .string()
  .refine((value) => [...value].length >= PASSPHRASE_MIN, bi(`口令至少 ${PASSPHRASE_MIN} 个字符`, `The passphrase needs at least ${PASSPHRASE_MIN} characters`))
  .refine((value) => [...value].length <= PASSPHRASE_MAX, bi(`口令不能超过 ${PASSPHRASE_MAX} 个字符`, `The passphrase must be at most ${PASSPHRASE_MAX} characters`))
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), bi('口令不能包含控制字符', 'The passphrase cannot contain control characters'));

/** A passphrase being checked (unlocking, or confirming the current one): any length up to the limit. */
const givenPassphrase = z
  .string()
  .refine((value) => value.length > 0, bi('请输入口令', 'Enter the passphrase'))
  .refine((value) => [...value].length <= PASSPHRASE_MAX, bi('口令不正确', 'Wrong passphrase'));

const matching = { ...bi('两次输入的口令不一致', 'The two passphrases do not match'), path: ['confirm'] };
const confirm = z.string().max(PASSPHRASE_MAX * 4);
const enableInput = z
  .object({ passphrase: newPassphrase, confirm })
  .strict()
  .refine((value) => value.passphrase === value.confirm, matching);
const changeInput = z
  .object({ current: givenPassphrase, passphrase: newPassphrase, confirm })
  .strict()
  .refine((value) => value.passphrase === value.confirm, matching);

export const encryptionApi = {
  'encryption.status': channel(z.object({}).strict()).returns<EncryptionStatus>(),
  /** Encrypts the data file and every backup with a new passphrase. The passphrase is never stored. */
  'encryption.enable': channel(enableInput).returns<EncryptionChange>(),
  /** Re-encrypts the data and the backups with a new passphrase, after checking the current one. */
  'encryption.change': channel(changeInput).returns<EncryptionChange>(),
  /** Decrypts the data and the backups, after checking the current passphrase. */
  'encryption.disable': channel(z.object({ current: givenPassphrase }).strict()).returns<EncryptionChange>(),
  /**
   * Opens an encrypted data file at start (the app starts locked when its file is encrypted). A wrong passphrase is
   * refused and changes nothing; a right one that opens the backups but not the data file starts recovery mode.
   */
  'encryption.unlock': channel(z.object({ passphrase: givenPassphrase }).strict()).returns<{ unlocked: boolean; mode: 'normal' | 'recovery' }>(),
};
