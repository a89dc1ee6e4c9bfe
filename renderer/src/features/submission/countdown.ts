import { daysBetween } from '../../../../electron/common/meetings/steps';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Days to the 报送 deadline in words and the tag's colour (red once passed, amber in the last three days). */
export function countdown(t: Translate, today: string, due: string, sent = false): { text: string; tone: 'success' | 'danger' | 'warning' | 'info' } {
  const left = daysBetween(today, due);
  const text = left > 0 ? t('submission.daysLeft', { n: left }) : left === 0 ? t('submission.dueToday') : t('submission.daysOver', { n: -left });
  return { text, tone: sent ? 'success' : left < 0 ? 'danger' : left <= 3 ? 'warning' : 'info' };
}
