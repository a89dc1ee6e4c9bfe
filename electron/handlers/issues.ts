import { z } from 'zod';
import type { ApiErrorBody } from '../common/result';
import type { Bilingual } from '../common/validation';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

function localized(errorMap: typeof zh, issue: z.core.$ZodIssue): string {
  const result = errorMap(issue as unknown as Parameters<typeof zh>[0]);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/** Turns zod issues into a bilingual error body: our own messages where a schema gives one, zod's locales otherwise. */
export function invalidInput(issues: z.core.$ZodIssue[]): ApiErrorBody {
  const fields = issues.slice(0, 20).map((issue) => {
    const path = issue.path.map(String).join('.');
    const own = (issue as { params?: Partial<Bilingual> }).params;
    if (own?.zh && own.en) return { path, message: own.zh, messageEn: own.en };
    return {
      path,
      message: path ? `「${path}」${localized(zh, issue)}` : localized(zh, issue),
      messageEn: path ? `${path}: ${localized(en, issue)}` : localized(en, issue),
    };
  });
  return {
    code: 'invalidInput',
    message: `输入有误，未作任何修改：${fields.map((f) => f.message).join('；')}`,
    messageEn: `Invalid input; nothing was changed: ${fields.map((f) => f.messageEn).join('; ')}`,
    fields,
  };
}
