import fs from 'node:fs';
import path from 'node:path';
import { backupDir, installCopy, rotate, safetyBackup, writeVerifiedBackup } from '../../../db/backup';
import { backupApi, type IntegrityReport, type RestoreResult } from '../../common/api/backup';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import { userToday } from '../settings';
import { sanitizeFileName } from '../files';
import type { HandlerMap, HostChannel } from '../types';
import { readPolicy, writePolicy } from './policy';
import { assertRestorable, backupFile, backupItems, checkChosen, ChosenFile, contentsOf } from './shared';
import { integrityCheck } from '../../../db/integrity';

function overview(ctx: HandlerContext) {
  return { folder: backupDir(ctx.dataFile), policy: readPolicy(ctx.sqlite), backups: backupItems(ctx.dataFile) };
}

/** Full checks of the open database: every page and index, and every foreign key. */
export function checkIntegrity(ctx: HandlerContext): IntegrityReport {
  const integrity = integrityCheck(ctx.sqlite);
  const fk = ctx.sqlite.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number | null; parent: string }[];
  const foreignKeyProblems = fk.slice(0, 100).map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  return { ok: integrity === 'ok' && fk.length === 0, integrity, foreignKeyProblems, checkedAt: ctx.now().toISOString() };
}

/** The file chosen in backup.previewFile, per context (the context survives a restore). */
const chosenFiles = new WeakMap<HandlerContext, ChosenFile>();

function chosenFor(ctx: HandlerContext): ChosenFile {
  let chosen = chosenFiles.get(ctx);
  if (!chosen) {
    const sameFile = () => new AppError('backup.sameFile', '所选文件就是正在使用的数据文件，无需恢复', 'The chosen file is the data file in use; there is nothing to restore');
    chosen = new ChosenFile((file) => checkChosen(file, ctx.dataFile, ctx.connection.key, sameFile), ctx.dataFile);
    chosenFiles.set(ctx, chosen);
  }
  return chosen;
}

async function restoreChosen(ctx: HandlerContext, token: string): Promise<RestoreResult> {
  const chosen = chosenFor(ctx);
  const source = chosen.take(token);
  // `protect`: a chosen file inside the backups folder must survive the trimming of old safety copies.
  const safety = await safetyBackup(ctx.sqlite, ctx.dataFile, 'prerestore', ctx.now(), source);
  await ctx.swapDatabase((file) => installCopy(source, file, ctx.connection.key));
  chosen.clear();
  return { restored: path.basename(source), safetyCopy: path.basename(safety) };
}

async function restore(ctx: HandlerContext, name: string): Promise<RestoreResult> {
  const contents = contentsOf(ctx.dataFile, name, ctx.connection.key);
  assertRestorable(contents);
  const source = backupFile(ctx.dataFile, name);
  // The current data is kept first (verified); if that fails nothing is replaced.
  const safety = await safetyBackup(ctx.sqlite, ctx.dataFile, 'prerestore', ctx.now(), source);
  await ctx.swapDatabase((file) => installCopy(source, file, ctx.connection.key));
  return { restored: name, safetyCopy: path.basename(safety) };
}

/** The backup screen's channels; the start and recovery channels (`recovery.*`, `backup.startup`) are the host's. */
export const backupHandlers: HandlerMap<Omit<typeof backupApi, HostChannel>> = {
  'backup.list': (ctx) => overview(ctx),
  async 'backup.now'(ctx) {
    const suggested = sanitizeFileName(`镜鉴数据备份-${await userToday(ctx)}.sqlite`);
    const target = await ctx.files.chooseSavePath(suggested, [{ name: '镜鉴数据备份 Jingjian backup', extensions: ['sqlite'] }]);
    if (!target) return { saved: false, path: null, fileName: null, bytes: 0 };
    if (path.resolve(target) === path.resolve(ctx.dataFile)) {
      throw new AppError('backup.sameFile', '不能把备份保存到正在使用的数据文件上', 'A backup cannot overwrite the data file in use');
    }
    await writeVerifiedBackup(ctx.sqlite, target);
    const { size } = fs.statSync(target);
    if (ctx.connection.readOnly) return { saved: true, path: target, fileName: path.basename(target), bytes: size };
    await ctx.db
      .insertInto('export_log')
      .values({ at: ctx.now().toISOString(), kind: 'backup', meeting_id: null, file_name: path.basename(target), path: target, bytes: size })
      .execute();
    return { saved: true, path: target, fileName: path.basename(target), bytes: size };
  },
  'backup.preview': (ctx, input) => contentsOf(ctx.dataFile, input.name, ctx.connection.key),
  'backup.restore': (ctx, input) => restore(ctx, input.name),
  'backup.previewFile': (ctx, input) => chosenFor(ctx).choose(ctx.files, input.file),
  'backup.restoreFile': (ctx, input) => restoreChosen(ctx, input.token),
  'backup.setPolicy'(ctx, policy) {
    writePolicy(ctx.sqlite, policy);
    rotate(backupDir(ctx.dataFile), policy, undefined, ctx.connection.key);
    return overview(ctx);
  },
  'backup.check': (ctx) => checkIntegrity(ctx),
};
