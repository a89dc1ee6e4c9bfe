import { z } from 'zod';
import { channel } from './define';
import { text } from '../validation';

export const BACKUP_KINDS = ['daily', 'premigration', 'prerestore', 'manual'] as const;
export type BackupKindName = (typeof BACKUP_KINDS)[number];

/** A backup in the app's backups folder, named by file name only: the renderer never handles paths to restore. */
export interface BackupItem {
  name: string;
  kind: BackupKindName;
  /** Main's wall clock, as in the file name: not for display (main's zone may not be the user's). */
  takenAt: string;
  /** When it was taken, a UTC ISO instant: shown in the user's time zone. */
  at: string;
  bytes: number;
  /** Encrypted with the data's passphrase (backups of an encrypted database always are). */
  encrypted: boolean;
}

export interface BackupPolicyValue {
  daily: number;
  weekly: number;
}

export interface BackupOverview {
  folder: string;
  policy: BackupPolicyValue;
  backups: BackupItem[];
}

export interface BackupContents {
  name: string;
  bytes: number;
  dataVersion: number;
  /** The app's own data version: a newer backup cannot be restored. */
  appDataVersion: number;
  integrity: string;
  teams: number;
  meetings: number;
  members: number;
  encrypted: boolean;
  tables: { table: string; rows: number }[];
}

export interface IntegrityReport {
  ok: boolean;
  integrity: string;
  foreignKeyProblems: { table: string; rowid: number | null; parent: string }[];
  checkedAt: string;
}

export interface RestoreResult {
  restored: string;
  /** The safety copy of what was open before (in the backups folder); null when the old file could not be read. */
  safetyCopy: string | null;
}

/** A data file the user chose outside the backups folder; the token (not the path) names it when restoring. */
export interface ChosenBackup {
  chosen: boolean;
  token: string | null;
  /** Where it is, to show the user; never sent back. */
  path: string | null;
  contents: BackupContents | null;
}

export interface ManualBackup {
  saved: boolean;
  path: string | null;
  fileName: string | null;
  bytes: number;
}

/**
 * How the app started: normally; starting (the data file is being checked or upgraded before it can be shown: the
 * progress screen, until the mode changes); locked (the data file is encrypted and waits for its passphrase); or in
 * recovery (the file could not be opened and only the recovery screen is shown).
 */
export type RecoveryStatus =
  | { mode: 'normal' }
  | { mode: 'starting' }
  | { mode: 'locked'; dataFile: string }
  | { mode: 'recovery'; code: string; message: string; messageEn: string; dataFile: string };

/** Why the data is open for viewing only (a read-only file, folder, or a header that forbids writing). */
export interface ReadOnlyNotice {
  code: string;
  message: string;
  messageEn: string;
}

/**
 * Work done after the first screen: the integrity check (quick_check) that guards writes, the data upgrade when the
 * file is from an older version, the erasure of names still pending in backups, then the daily backup. `done` of
 * `total` pages while the backup runs. Nothing is written before the check has passed; a failed check (`failed` at
 * step `check`) leads to the recovery screen.
 */
export interface MaintenanceState {
  state: 'pending' | 'running' | 'done' | 'failed' | 'skipped';
  step: 'check' | 'upgrade' | 'erasure' | 'dailyBackup' | null;
  done: number;
  total: number;
  /** File name of the daily backup taken at this start (null when today's already existed or none was taken). */
  backup: string | null;
  error: { code: string; message: string; messageEn: string } | null;
}

/** What the start found and did, for the banner above every screen. */
export interface StartupReport {
  readOnly: ReadOnlyNotice | null;
  maintenance: MaintenanceState;
  /** Temporary files left by an interrupted export or backup, removed at start, and the folders they were in. */
  cleaned: { removed: number; places: string[] };
}

/** What "recover what can be read" would put in place of the damaged file. */
export interface SalvageContents {
  dataVersion: number;
  teams: number;
  meetings: number;
  members: number;
  tables: { table: string; rows: number; incomplete: boolean }[];
}

const backupName = z
  .string()
  .max(120)
  .refine((name) => /^jingjian-(daily|premigration|prerestore|manual)-\d{8}-\d{6}(-[0-9a-f]{4})?\.sqlite$/.test(name), {
    params: { zh: '备份文件名无效', en: 'Invalid backup file name' },
    message: '备份文件名无效',
  });
const empty = z.object({}).strict();
const chosenToken = z
  .string()
  .max(64)
  .refine((token) => /^[0-9a-f]{32}$/.test(token), {
    params: { zh: '所选文件已失效，请重新选择', en: 'The chosen file is no longer valid; choose it again' },
    message: '所选文件已失效，请重新选择',
  });
const byName = z.object({ name: backupName }).strict();
/** The largest data file the browser's file picker may send (its base64 must fit the harness's 64 MB body limit). */
export const MAX_PICKED_BACKUP_BYTES = 45 * 1024 * 1024;
/**
 * A data file chosen with the browser's file picker (the harness has no native dialog): its name and bytes. Without
 * it, main asks with its own dialog.
 */
const pickedFile = z
  .object({
    file: z
      .object({
        name: text({ zh: '文件名', en: 'File name' }, 200, { min: 1 }),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_PICKED_BACKUP_BYTES, {
          params: { zh: '文件为空或超过 45 MB', en: 'The file is empty or larger than 45 MB' },
          message: '文件为空或超过 45 MB',
        }),
      })
      .strict()
      .optional(),
  })
  .strict();

export const backupApi = {
  'backup.list': channel(empty).returns<BackupOverview>(),
  /** "Back up now" to a file the user chooses (e.g. a USB stick); verified and written atomically. */
  'backup.now': channel(empty).returns<ManualBackup>(),
  'backup.preview': channel(byName).returns<BackupContents>(),
  /** Replaces the open data with a backup, after a verified safety copy of the current data. */
  'backup.restore': channel(byName).returns<RestoreResult>(),
  /** Asks for a data file anywhere (e.g. a backup on a USB stick) and previews it; refuses damaged, foreign or newer files. */
  'backup.previewFile': channel(pickedFile).returns<ChosenBackup>(),
  /** Restores the file chosen in backup.previewFile, after the same verified safety copy as backup.restore. */
  'backup.restoreFile': channel(z.object({ token: chosenToken }).strict()).returns<RestoreResult>(),
  'backup.setPolicy': channel(z.object({ daily: z.number().int().min(1).max(60), weekly: z.number().int().min(0).max(52) }).strict()).returns<BackupOverview>(),
  /** Full integrity_check and foreign_key_check of the open database. */
  'backup.check': channel(empty).returns<IntegrityReport>(),
  /** The only channels that work when the data file could not be opened; in normal mode they report "normal". */
  'recovery.status': channel(empty).returns<RecoveryStatus>(),
  'recovery.list': channel(empty).returns<BackupItem[]>(),
  'recovery.preview': channel(byName).returns<BackupContents>(),
  'recovery.restore': channel(byName).returns<RestoreResult>(),
  /** In recovery: asks for a data file anywhere (a backup on a USB stick) and previews it, as backup.previewFile. */
  'recovery.previewFile': channel(pickedFile).returns<ChosenBackup>(),
  /** In recovery: restores the file chosen in recovery.previewFile; the damaged file is set aside first. */
  'recovery.restoreFile': channel(z.object({ token: chosenToken }).strict()).returns<RestoreResult>(),
  /** In recovery: reads every intact row of the damaged file (with its WAL) into a new file and shows what it holds. */
  'recovery.salvagePreview': channel(empty).returns<SalvageContents>(),
  /** In recovery: puts the file of recovery.salvagePreview in place; the damaged file (with -wal, -shm) is set aside first. */
  'recovery.salvage': channel(empty).returns<RestoreResult>(),
  /** In recovery: tries to open the data file again (after disk space was freed or the file made writable). */
  'recovery.retry': channel(empty).returns<RecoveryStatus>(),
  /** In recovery, when the data file is missing or empty but backups exist: starts with a new, empty data file. */
  'recovery.startEmpty': channel(empty).returns<RecoveryStatus>(),
  /** What the start found and did (read-only data, progress of the daily backup, cleaned temporary files). */
  'backup.startup': channel(empty).returns<StartupReport>(),
};
