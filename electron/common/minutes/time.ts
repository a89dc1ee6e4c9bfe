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

/** Local wall-clock time hh:mm of an ISO instant. */
export function clock(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
