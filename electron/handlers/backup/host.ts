import fs from 'node:fs';
import path from 'node:path';
import { backupDir, dailyBackup, installCopy, listBackups, setAside } from '../../../db/backup';
import { fileKind, openFile, passphraseKey } from '../../../db/cipher';
import { openDatabase } from '../../../db/connection';
import { asDiskError, DbError } from '../../../db/errors';
import { cleanLeftovers } from '../../../db/leftovers';
import { salvage } from '../../../db/salvage';
import { contract, isChannelName, type Contract, type Output } from '../../common/api';
import type { ParsedInputOf } from '../../common/api/define';
import type { RecoveryStatus, RestoreResult, SalvageContents, StartupReport } from '../../common/api/backup';
import type { ApiResult } from '../../common/result';
import { AppError } from '../../common/result';
import { createContext } from '../compose';
import type { DemoLoader, FileService, HandlerContext } from '../context';
import { dispatch, inTurn } from '../dispatch';
import { invalidInput } from '../issues';
import { runErasures } from '../opinions/erasure';
import { readPolicy } from './policy';
import { assertRestorable, backupFile, backupItems, checkChosen, ChosenFile, contentsOf } from './shared';

export interface HostOptions {
  dataFile: string;
  files: FileService;
  appVersion: string;
  now?: () => Date;
  /** Told when the automatic daily backup could not be written (the app still starts). */
  onBackupError?: (error: Error) => void;
  /** The first-run screen's demo (seeds/demo `loadDemo`), when this host offers it. */
  loadDemo?: DemoLoader;
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
  /** What the start found and did; its maintenance part changes while the daily backup runs. */
  startup(): StartupReport;
  /** Settles when the start-up maintenance (pending erasures, then the daily backup) is over. */
  maintenance(): Promise<StartupReport>;
  close(): Promise<void>;
}

/** The channels that answer while the data is not open (locked or in recovery). */
type StartChannel =
  | 'recovery.status'
  | 'recovery.list'
  | 'recovery.preview'
  | 'recovery.restore'
  | 'recovery.previewFile'
  | 'recovery.restoreFile'
  | 'recovery.salvagePreview'
  | 'recovery.salvage'
  | 'recovery.retry'
  | 'recovery.startEmpty'
  | 'backup.startup'
  | 'encryption.unlock';

/** One typed handler per channel of the locked and recovery modes: a missing or mistyped one is a compile error. */
type StartHandlers = { [C in StartChannel]: (input: ParsedInputOf<Contract[C]>) => Output<C> | Promise<Output<C>> };

/** Answered at once, even while the start-up maintenance holds the database's turn: the first screen needs them. */
const IMMEDIATE = new Set(['recovery.status', 'backup.startup']);

/** Failures that are not damage: the recovery screen offers "try again" instead of overwriting the file. */
const NOT_DAMAGE = /^(db\.tooNew|db\.readOnly|disk\.)/;

const MISSING: Record<'db.missing' | 'db.empty', { message: string; messageEn: string }> = {
  'db.missing': {
    message: '找不到数据文件，但数据文件夹中有镜鉴的备份。为免丢失数据，没有新建空白数据：请从备份恢复；如果确实要从头开始，可以选择“新建空白数据”。',
    messageEn: 'The data file is missing, but Jingjian backups are in its folder. To avoid losing data no new empty file was created: restore a backup, or, if you really want to start afresh, choose "Start with empty data".',
  },
  'db.empty': {
    message: '数据文件是空的（0 字节），但数据文件夹中有镜鉴的备份。为免丢失数据，没有新建空白数据：请从备份恢复；如果确实要从头开始，可以选择“新建空白数据”。',
    messageEn: 'The data file is empty (0 bytes), but Jingjian backups are in its folder. To avoid losing data no new empty file was created: restore a backup, or, if you really want to start afresh, choose "Start with empty data".',
  },
};

const bilingual = (error: unknown, fallback: { code: string; zh: string; en: string }) => {
  const known = error instanceof AppError || error instanceof DbError ? error : (asDiskError(error) ?? null);
  if (known) return { code: known.code, message: known.zh, messageEn: known.en };
  const detail = (error as Error)?.message ?? String(error);
  return { code: fallback.code, message: `${fallback.zh}：${detail}`, messageEn: `${fallback.en}: ${detail}` };
};

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '');
}

export async function openHost(options: HostOptions): Promise<Host> {
  const now = options.now ?? (() => new Date());
  let ctx: HandlerContext | null = null;
  let failure: { code: string; message: string; messageEn: string } | null = null;
  /** The key of an encrypted file once its passphrase was given; never written anywhere. */
  let key: Buffer | null = null;
  const kind = fileKind(options.dataFile);
  let locked = kind === 'encrypted';
  const report: StartupReport = {
    readOnly: null,
    maintenance: { state: 'pending', step: null, done: 0, total: 0, backup: null, error: null },
    // Temporary files of exports and backups killed midway, wherever they were written.
    cleaned: cleanLeftovers(path.dirname(path.resolve(options.dataFile)), [backupDir(options.dataFile)]),
  };
  let maintenanceRun: Promise<unknown> = Promise.resolve();

  /**
   * After the first screen: pending erasures of names from the backups, then the daily backup, with its progress in
   * the report; a failure is kept there for the screen to show (and told to `onBackupError`).
   */
  async function maintain(current: HandlerContext): Promise<void> {
    const state = report.maintenance;
    if (current.connection.readOnly) {
      Object.assign(state, { state: 'skipped', step: null });
      return;
    }
    // Let the window and its first screen come first.
    await new Promise((resolve) => setImmediate(resolve));
    Object.assign(state, { state: 'running', step: 'erasure', done: 0, total: 0, error: null });
    try {
      const erasure = runErasures(current.sqlite, current.dataFile, current.connection.key);
      if (erasure.failed.length > 0) console.warn(`${erasure.failed.length} backups could not be amended yet; tried again at the next start`, erasure.failed);
      state.step = 'dailyBackup';
      const file = await dailyBackup(current.sqlite, current.dataFile, now(), readPolicy(current.sqlite), (done, total) => Object.assign(state, { done, total }));
      Object.assign(state, { state: 'done', step: null, backup: file ? path.basename(file) : null });
    } catch (error) {
      Object.assign(state, { state: 'failed', step: null, error: bilingual(error, { code: 'backup.failed', zh: '今天的自动备份失败', en: "Today's automatic backup failed" }) });
      options.onBackupError?.(error as Error);
    }
  }

  async function open(): Promise<void> {
    const connection = await openDatabase({ file: options.dataFile, now, key });
    const current = createContext(connection, { files: options.files, appVersion: options.appVersion, now, loadDemo: options.loadDemo });
    const readOnly = connection.readOnly;
    report.readOnly = readOnly ? { code: readOnly.code, message: readOnly.zh, messageEn: readOnly.en } : null;
    current.startup = report;
    ctx = current;
    failure = null;
    maintenanceRun = inTurn(current, () => maintain(current));
  }

  /** Opens the file; a refusal (damaged, newer, full disk…) becomes recovery mode with its words, never a crash. */
  async function tryOpen(): Promise<void> {
    try {
      await open();
    } catch (error) {
      failure = bilingual(error, { code: 'db.unreadable', zh: '无法打开数据文件', en: 'Cannot open the data file' });
    }
  }

  if ((kind === 'missing' || kind === 'empty') && listBackups(backupDir(options.dataFile)).length > 0) {
    // A lost or emptied data file with backups beside it: recovery, never a fresh empty app that rotates them away.
    const code = kind === 'missing' ? 'db.missing' : 'db.empty';
    failure = { code, ...MISSING[code] };
  } else if (!locked) {
    await tryOpen();
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
  }, options.dataFile);

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

  /** A file that is not damaged (newer app, read-only, full disk) must not be overwritten as if it were. */
  function assertReplaceable(): void {
    if (failure && NOT_DAMAGE.test(failure.code)) {
      throw new AppError(
        'recovery.notDamaged',
        `数据文件没有损坏，不能用备份覆盖它：${failure.message}`,
        `The data file is not damaged and must not be overwritten with a backup: ${failure.messageEn}`,
      );
    }
  }

  async function install(source: string, name: string): Promise<RestoreResult> {
    assertReplaceable();
    // The file as it is, with its -wal and -shm (which may hold the newest acknowledged writes), byte for byte.
    const safetyCopy = setAside(options.dataFile, stamp(now()));
    // With a key, a plain backup is encrypted on the way in: the app keeps its encryption.
    await installCopy(source, options.dataFile, key);
    await open();
    locked = false;
    return { restored: name, safetyCopy };
  }

  /** "Recover what can be read": built on request, shown, and installed only when the user chooses it. */
  let salvaged: { file: string; contents: SalvageContents } | null = null;
  const dropSalvaged = () => {
    if (salvaged) for (const suffix of ['', '-journal']) fs.rmSync(`${salvaged.file}${suffix}`, { force: true });
    salvaged = null;
  };

  function salvagePreview(): SalvageContents {
    assertReplaceable();
    if (!failure || failure.code === 'db.missing' || failure.code === 'db.empty') {
      throw new AppError('recovery.nothingToSalvage', '没有可供抢救的数据文件', 'There is no data file to salvage');
    }
    dropSalvaged();
    const result = salvage(options.dataFile, options.dataFile, key);
    const rows = (table: string) => result.tables.find((t) => t.table === table)?.rows ?? 0;
    const contents: SalvageContents = { dataVersion: result.dataVersion, teams: rows('teams'), meetings: rows('meetings'), members: rows('members'), tables: result.tables };
    salvaged = { file: result.file, contents };
    return contents;
  }

  async function salvageInstall(): Promise<RestoreResult> {
    if (!salvaged) throw new AppError('recovery.salvageFirst', '请先查看“恢复能读出的内容”将得到什么', 'First look at what "Recover what can be read" would give');
    try {
      return await install(salvaged.file, '恢复能读出的内容 / recovered from the damaged file');
    } finally {
      dropSalvaged();
    }
  }

  async function startEmpty(): Promise<RecoveryStatus> {
    if (failure?.code !== 'db.missing' && failure?.code !== 'db.empty') {
      throw new AppError('recovery.notEmpty', '只有在数据文件丢失或为空时才能新建空白数据', 'Empty data can only be started when the data file is missing or empty');
    }
    await open();
    return status();
  }

  async function retry(): Promise<RecoveryStatus> {
    if (failure?.code === 'db.missing' || failure?.code === 'db.empty') return status();
    await tryOpen();
    return status();
  }

  const startHandlers: StartHandlers = {
    'recovery.status': () => status(),
    'recovery.list': () => backupItems(options.dataFile),
    'recovery.preview': ({ name }) => contentsOf(options.dataFile, name, key),
    'recovery.restore': ({ name }) => recoverFrom(name),
    'recovery.previewFile': ({ file }) => chosen.choose(options.files, file),
    'recovery.restoreFile': ({ token }) => restoreChosen(token),
    'recovery.salvagePreview': () => salvagePreview(),
    'recovery.salvage': () => salvageInstall(),
    'recovery.retry': () => retry(),
    'recovery.startEmpty': () => startEmpty(),
    'backup.startup': () => report,
    'encryption.unlock': ({ passphrase }) => unlock(passphrase),
  };
  const isStartChannel = (channel: unknown): channel is StartChannel => isChannelName(channel) && Object.hasOwn(startHandlers, channel);

  /** One call at a time, as in normal mode: two restores must never interleave. */
  let turn: Promise<unknown> = Promise.resolve();

  /** Locked and recovery modes: the same validation, bilingual error bodies and one-at-a-time order as `dispatch`. */
  async function recoveryDispatch(channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (!isStartChannel(channel)) {
      if (locked || !failure) return { ok: false, error: { code: 'db.locked', message: '数据已加密，请先输入口令解锁', messageEn: 'The data is encrypted; unlock it with its passphrase first' } };
      return { ok: false, error: { code: 'db.recovery', message: `数据文件无法打开，请先从备份恢复：${failure.message}`, messageEn: `The data file cannot be opened; restore a backup first: ${failure.messageEn}` } };
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidInput(parsed.error.issues) };
    const handler = startHandlers[channel] as (input: unknown) => unknown;
    const run = turn.then(async () => handler(parsed.data));
    turn = run.catch(() => undefined);
    try {
      return { ok: true, value: await run };
    } catch (error) {
      return { ok: false, error: bilingual(error, { code: 'recovery.failed', zh: '恢复失败', en: 'Recovery failed' }) };
    }
  }

  /** Normal mode: everything goes through dispatch, except what the first screen needs while the maintenance runs. */
  function normalDispatch(current: HandlerContext, channel: unknown, input: unknown): Promise<ApiResult<unknown>> {
    if (typeof channel === 'string' && IMMEDIATE.has(channel) && contract[channel as 'recovery.status'].input.safeParse(input).success) {
      if (channel === 'recovery.status') return Promise.resolve({ ok: true, value: status() });
      // A restore may have replaced a read-only file with a writable one: the notice follows the open connection.
      const readOnly = current.connection.readOnly;
      report.readOnly = readOnly ? { code: readOnly.code, message: readOnly.zh, messageEn: readOnly.en } : null;
      return Promise.resolve({ ok: true, value: report });
    }
    return dispatch(current, channel, input);
  }

  function status(): RecoveryStatus {
    if (ctx) return { mode: 'normal' };
    if (locked) return { mode: 'locked', dataFile: options.dataFile };
    return { mode: 'recovery', ...failure!, dataFile: options.dataFile };
  }

  return {
    dispatch: (channel, input) => (ctx ? normalDispatch(ctx, channel, input) : recoveryDispatch(channel, input)),
    context: () => ctx,
    status,
    startup: () => report,
    async maintenance() {
      await maintenanceRun;
      return report;
    },
    async close() {
      await maintenanceRun.catch(() => undefined);
      dropSalvaged();
      await (ctx as HandlerContext | null)?.connection.close();
    },
  };
}
