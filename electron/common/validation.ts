import { z } from 'zod';
import { isRealDate } from './dates';

/**
 * Building blocks for channel schemas. Each carries its Chinese and English message in `params`, so that main can
 * tell people exactly what is wrong in either language. Limits here match the SQL CHECKs in db/migrations.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

const bi = (zh: string, en: string) => ({ params: { zh, en } as Bilingual, message: zh });

export const id = () => z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Trimmed text with a length range; `label` names the field in both languages. */
export function text(label: Bilingual, max: number, options: { min?: number } = {}) {
  const min = options.min ?? 0;
  return z
    .string()
    .transform((value) => value.trim())
    .refine((value) => value.length >= min, bi(min <= 1 ? `请填写${label.zh}` : `${label.zh}至少 ${min} 个字`, min <= 1 ? `${label.en} is required` : `${label.en} needs at least ${min} characters`))
    .refine((value) => value.length <= max, bi(`${label.zh}不能超过 ${max} 个字`, `${label.en} must be at most ${max} characters`));
}

/** Long text kept verbatim: no trimming, only a size limit (the author's words are never changed). */
export function verbatim(label: Bilingual, max: number) {
  return z.string().refine((value) => value.length <= max, bi(`${label.zh}不能超过 ${max} 个字`, `${label.en} must be at most ${max} characters`));
}

export { isRealDate };

/** An ISO calendar date (yyyy-mm-dd) that really exists: 2026-02-30 is refused. */
export function isoDate(label: Bilingual) {
  return z.string().refine(isRealDate, bi(`${label.zh}不是有效日期（应为真实存在的日期，如 2026-01-05）`, `${label.en} is not a valid date (use a real date such as 2026-01-05)`));
}

export function clockTime(label: Bilingual) {
  return z
    .string()
    .refine((value) => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), bi(`${label.zh}应为 24 小时制时间，如 09:30`, `${label.en} must be a 24-hour time such as 09:30`));
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: Bilingual, values: T) {
  return z.enum(values, { error: () => bi(`${label.zh}的取值无效`, `${label.en} has an invalid value`).params.zh });
}

export const L = {
  name: { zh: '姓名', en: 'Name' },
  teamName: { zh: '班子名称', en: 'Team name' },
  unit: { zh: '单位', en: 'Unit' },
  position: { zh: '职务', en: 'Position' },
  portfolio: { zh: '分管领域', en: 'Portfolio' },
  theme: { zh: '会议主题', en: 'Theme' },
  date: { zh: '日期', en: 'Date' },
  meetingDate: { zh: '会议日期', en: 'Meeting date' },
  startTime: { zh: '开始时间', en: 'Start time' },
  place: { zh: '会议地点', en: 'Place' },
  recorder: { zh: '记录人', en: 'Secretary' },
  reason: { zh: '事由', en: 'Reason' },
  aspect: { zh: '对照检查方面', en: 'Aspect' },
  year: { zh: '年度', en: 'Year' },
  kind: { zh: '会议类型', en: 'Meeting type' },
  trigger: { zh: '召开原因', en: 'Trigger' },
  role: { zh: '班子职务类别', en: 'Role' },
  note: { zh: '备注', en: 'Note' },
} satisfies Record<string, Bilingual>;
