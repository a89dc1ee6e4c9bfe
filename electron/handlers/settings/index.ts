import { DEFAULT_SETTINGS, settingsApi, type Settings } from '../../common/api/settings';
import { latestVersion } from '../../../db/migrations';
import { AppError } from '../../common/result';
import { localDate, type HandlerContext } from '../context';
import type { HandlerMap } from '../types';

const KEY = 'app';

/** Stored settings merged over the defaults, so a new setting added by a later version has its default. */
export async function readSettings(ctx: HandlerContext): Promise<Settings> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  let stored: Partial<Settings> = {};
  if (row) {
    try {
      const parsed = settingsApi['settings.update'].input.safeParse(JSON.parse(row.value));
      if (parsed.success) stored = parsed.data as Partial<Settings>;
    } catch {
      // A damaged settings row falls back to defaults rather than blocking the app.
    }
  }
  return {
    locale: stored.locale ?? DEFAULT_SETTINGS.locale,
    stepOffsets: { ...DEFAULT_SETTINGS.stepOffsets, ...stored.stepOffsets },
    document: { ...DEFAULT_SETTINGS.document, ...stored.document },
    timeZone: stored.timeZone ?? DEFAULT_SETTINGS.timeZone,
    materialLength: stored.materialLength ?? DEFAULT_SETTINGS.materialLength,
  };
}

/** The user's time zone for what main writes (undefined: main's own, until the renderer has reported one). */
export async function userTimeZone(ctx: HandlerContext): Promise<string | undefined> {
  return (await readSettings(ctx)).timeZone || undefined;
}

/** Today in the user's time zone: the date a document or a check calls today. */
export async function userToday(ctx: HandlerContext): Promise<string> {
  return localDate(ctx.now(), await userTimeZone(ctx));
}

export const settingsHandlers: HandlerMap<typeof settingsApi> = {
  'settings.get': (ctx) => readSettings(ctx),
  async 'settings.update'(ctx, patch) {
    const current = await readSettings(ctx);
    const next: Settings = {
      locale: patch.locale ?? current.locale,
      stepOffsets: { ...current.stepOffsets, ...patch.stepOffsets },
      document: { ...current.document, ...patch.document },
      timeZone: patch.timeZone ?? current.timeZone,
      materialLength: patch.materialLength ?? current.materialLength,
    };
    if (next.materialLength.min > next.materialLength.max) {
      throw new AppError('settings.lengthRange', `材料字数下限（${next.materialLength.min}）大于上限（${next.materialLength.max}），未作修改`, `The material's minimum length (${next.materialLength.min}) exceeds its maximum (${next.materialLength.max}); nothing was changed`);
    }
    const value = JSON.stringify(next);
    await ctx.db.insertInto('settings').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    return next;
  },
  async 'app.info'(ctx) {
    const teams = await ctx.db.selectFrom('teams').select('id').limit(1).execute();
    return { version: ctx.appVersion, dataVersion: latestVersion, databaseFile: ctx.dataFile, hasData: teams.length > 0 };
  },
  async 'app.loadDemo'(ctx) {
    const teams = await ctx.db.selectFrom('teams').select('id').limit(1).execute();
    if (teams.length > 0) {
      throw new AppError('demo.notEmpty', '数据库中已有数据，为避免混淆不载入演示数据', 'The database already holds data; the demo is not loaded to avoid mixing them');
    }
    if (!ctx.loadDemo) throw new AppError('demo.unavailable', '此版本未附带演示数据', 'This build carries no demo data');
    return ctx.loadDemo();
  },
  async 'exportLog.list'(ctx, input) {
    const rows = await ctx.db.selectFrom('export_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(input.limit ?? 100).execute();
    return rows.map((r) => ({ id: r.id, at: r.at, kind: r.kind, meetingId: r.meeting_id, fileName: r.file_name, path: r.path, bytes: r.bytes }));
  },
};
