/** 2026-01-05 → 2026年1月5日 (GB/T 9704: Arabic digits, no leading zeros). */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

export function displayDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  return locale === 'en' ? iso.slice(0, 10) : chineseDate(iso);
}

export function displayDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${displayDate(date, locale)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
