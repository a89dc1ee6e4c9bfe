import { z } from 'zod';
import { isRealDate } from './dates';
import { LONE_SURROGATE, LONG_TEXT_FORBIDDEN, SHORT_FIELD_FORBIDDEN } from './hiddenCharacters';

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

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Refuses characters a person cannot see or that are not characters at all, naming the field and the character, so
 * a name cannot hide a NUL, display reversed (U+202E), or lose half an emoji on the way into the file.
 */
function hiddenCharacters(label: Bilingual, forbidden: RegExp) {
  return (value: string, ctx: z.core.$RefinementCtx<string>) => {
    const broken = LONE_SURROGATE.exec(value)?.[0];
    if (broken) {
      const zh = `${label.zh}含有残缺的字符（${codePoint(broken)}），可能是复制时截断了表情或生僻字，请删除后重新输入`;
      const en = `${label.en} contains a broken character (${codePoint(broken)}), perhaps half of an emoji or a rare character cut off when copying; delete it and type it again`;
      ctx.addIssue({ code: 'custom', message: zh, params: { zh, en }, input: value });
      return;
    }
    const hidden = forbidden.exec(value)?.[0];
    if (hidden) {
      const zh = `${label.zh}含有看不见的控制字符（${codePoint(hidden)}），请删除后再保存`;
      const en = `${label.en} contains an invisible control character (${codePoint(hidden)}); remove it and save again`;
      ctx.addIssue({ code: 'custom', message: zh, params: { zh, en }, input: value });
    }
  };
}

/** Trimmed text with a length range; `label` names the field in both languages. No control or direction characters. */
export function text(label: Bilingual, max: number, options: { min?: number } = {}) {
  const min = options.min ?? 0;
  return z
    .string()
    .transform((value) => value.trim())
    .refine((value) => value.length >= min, bi(min <= 1 ? `请填写${label.zh}` : `${label.zh}至少 ${min} 个字`, min <= 1 ? `${label.en} is required` : `${label.en} needs at least ${min} characters`))
    .refine((value) => value.length <= max, bi(`${label.zh}不能超过 ${max} 个字`, `${label.en} must be at most ${max} characters`))
    .superRefine(hiddenCharacters(label, SHORT_FIELD_FORBIDDEN));
}

/**
 * Long text kept verbatim: no trimming, a size limit (the author's words are never changed), and no NUL, broken
 * character or direction override.
 */
export function verbatim(label: Bilingual, max: number) {
  return z
    .string()
    .refine((value) => value.length <= max, bi(`${label.zh}不能超过 ${max} 个字`, `${label.en} must be at most ${max} characters`))
    .superRefine(hiddenCharacters(label, LONG_TEXT_FORBIDDEN));
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
