/** A real calendar date in ISO form (yyyy-mm-dd) between 1900 and 2100: 2026-02-30 is not one. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a date the way people type it in Chinese offices — 2026-12-18, 2026.12.18, 2026/12/18, 20261218,
 * 2026年12月18日 — and returns ISO yyyy-mm-dd, or null when it is not a real calendar date. Never rolls over:
 * 2026-02-30 is null, not 2026-03-02.
 */
export function parseTypedDate(text: string): string | null {
  const iso = readDateShape(text);
  return iso !== null && isRealDate(iso) ? iso : null;
}

/** The date as written, in yyyy-mm-dd, without checking that the day exists (null: not a way dates are written). */
function readDateShape(text: string): string | null {
  const value = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let match = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(value);
  if (!match) match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) return null;
  return `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
}

/**
 * Why a typed date is refused, so the message says the right thing: 'format' when it is not written as a date,
 * 'nonexistent' when it is (2026-02-30) but the calendar has no such day; null when it is fine or empty.
 */
export function typedDateProblem(text: string): 'format' | 'nonexistent' | null {
  if (text.trim() === '') return null;
  const iso = readDateShape(text);
  if (iso === null) return 'format';
  return isRealDate(iso) ? null : 'nonexistent';
}
