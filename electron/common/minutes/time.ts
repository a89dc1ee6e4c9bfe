import { wallClock } from '../time/zone';

/** Duration between two ISO instants as 「12分30秒」/「1小时5分」 (zh) or 12:30 style (en). */
export function durationSeconds(start: string, end: string | null, now: Date): number {
  const to = end ? Date.parse(end) : now.getTime();
  return Math.max(0, Math.round((to - Date.parse(start)) / 1000));
}

export function formatDuration(seconds: number, locale: 'zh' | 'en' = 'zh'): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (locale === 'en') return h > 0 ? `${h}h ${m}m` : `${m}m ${String(s).padStart(2, '0')}s`;
  return h > 0 ? `${h}小时${m}分` : `${m}分${s}秒`;
}

/**
 * Wall-clock time hh:mm of an ISO instant in the user's zone: the renderer's own (none given), or in main the zone the
 * renderer reported (settings `timeZone`), so the Word minutes read the times the console showed.
 */
export function clock(iso: string | null, timeZone?: string): string {
  if (!iso) return '';
  return wallClock(new Date(iso), timeZone).time;
}
