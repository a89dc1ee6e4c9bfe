import { z } from 'zod';
import { channel } from './define';
import { isTimeZone } from '../time/zone';
import { STEP_KEYS, type StepKey } from '../meetings/steps';
import { DEFAULT_DOCUMENT_SETTINGS, DEFAULT_SETTINGS, LOCALES, type DocumentSettings, type Locale, type Settings } from '../settings/defaults';

export { DEFAULT_DOCUMENT_SETTINGS, DEFAULT_SETTINGS, LOCALES, type DocumentSettings, type Locale, type Settings };

const offset = z.number().int().min(-120).max(365);
const mm = z.number().min(5).max(60);

export const settingsPatch = z
  .object({
    locale: z.enum(LOCALES).optional(),
    stepOffsets: z.object(Object.fromEntries(STEP_KEYS.map((k) => [k, offset])) as Record<StepKey, typeof offset>).partial().strict().optional(),
    document: z
      .object({
        fontProfile: z.enum(['gb2312', 'system']),
        marginTopMm: mm,
        marginBottomMm: mm,
        marginLeftMm: mm,
        marginRightMm: mm,
        lineSpacingPt: z.number().min(12).max(40),
        pageNumberStyle: z.enum(['outer', 'center']),
      })
      .partial()
      .strict()
      .optional(),
    timeZone: z
      .string()
      // '' = not reported yet (main's own zone), as stored before the renderer reports one.
      .refine((zone) => zone === '' || isTimeZone(zone), { params: { zh: '时区无效（须为 Asia/Shanghai 这样的时区名称）', en: 'Invalid time zone (a name such as Asia/Shanghai is expected)' }, message: '时区无效' })
      .optional(),
    materialLength: z.object({ min: z.number().int().min(0).max(100000), max: z.number().int().min(100).max(100000) }).strict().optional(),
  })
  .strict();

/** What an export is, as the export log records it (the log shows each in words, never this code). */
export const EXPORT_KINDS = [
  'prep.plan',
  'prep.opinionNotice',
  'prep.meetingNotice',
  'prep.signIn',
  'prep.hostScript',
  'opinions.template',
  'opinions.summary',
  'opinions.stats',
  'opinions.feedback',
  'materials.docx',
  'materials.txt',
  'minutes.docx',
  'minutes.txt',
  'rectification.xlsx',
  'rectification.docx',
  'rectification.csv',
  'rectification.pdf',
  'rectification.evidence',
  'rectification.review',
  'report.docx',
  'submission.zip',
  'submission.folder',
  'exchange',
  'backup',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportLogEntry {
  id: number;
  at: string;
  kind: string;
  meetingId: number | null;
  fileName: string;
  path: string;
  bytes: number;
}

export interface AppInfo {
  version: string;
  dataVersion: number;
  databaseFile: string;
  hasData: boolean;
}

export const settingsApi = {
  'settings.get': channel(z.object({}).strict()).returns<Settings>(),
  'settings.update': channel(settingsPatch).returns<Settings>(),
  'app.info': channel(z.object({}).strict()).returns<AppInfo>(),
  /** Loads the fictional demo (青溪县人民政府党组). Refused when the database already has data. */
  'app.loadDemo': channel(z.object({}).strict()).returns<{ teamId: number; meetingId: number }>(),
  'exportLog.list': channel(z.object({ limit: z.number().int().min(1).max(500).optional() }).strict()).returns<ExportLogEntry[]>(),
};
