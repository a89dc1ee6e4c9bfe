import { ElMessage } from 'element-plus';
import { ApiCallError } from '../api/client';
import { i18n } from '../i18n';

/** The message for people, in the interface language. */
export function errorText(error: unknown): string {
  const english = i18n.global.locale.value === 'en';
  if (error instanceof ApiCallError) return english ? error.body.messageEn : error.body.message;
  return error instanceof Error ? error.message : String(error);
}

/** Field path → message, for showing problems next to the inputs of a form. */
export function fieldErrors(error: unknown): Record<string, string> {
  const english = i18n.global.locale.value === 'en';
  if (!(error instanceof ApiCallError) || !error.body.fields) return {};
  return Object.fromEntries(error.body.fields.map((f) => [f.path, english ? f.messageEn : f.message]));
}

export function showError(error: unknown): void {
  ElMessage({ type: 'error', message: errorText(error), duration: 6000, showClose: true, grouping: true });
}

/** Runs an action, shows its error if any, and tells the caller whether it worked. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (error) {
    showError(error);
    return undefined;
  }
}
