/**
 * Chinese number and date forms used in official documents.
 */

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;

/**
 * '2026-01-05' (or an ISO date-time, whose date part is taken as written) → '2026年1月5日'. GB/T 9704 wants Arabic
 * digits without leading zeros. The string is parsed by hand, never through Date, so no time zone can shift the day.
 */
export function formatChineseDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate.trim());
  if (!match) throw new RangeError(`not an ISO date: ${JSON.stringify(isoDate)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such day: ${JSON.stringify(isoDate)}`);
  }
  return `${year}年${month}月${day}日`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS = ['', '十', '百', '千'];

/**
 * Non-negative integer → Chinese numeral as written in headings and counts: 1 一, 10 十, 15 十五, 20 二十,
 * 101 一百零一, 110 一百一十, 10010 一万零一十. Supports 0 … 99 999 999.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 99_999_999) {
    throw new RangeError(`chineseNumeral supports integers 0…99999999, got ${n}`);
  }
  if (n === 0) return DIGITS[0];
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let text = '';
  if (high > 0) text = belowTenThousand(high) + '万';
  if (low > 0) {
    // A zero is spoken between 万 and a low part that does not fill the thousands place: 一万零五百.
    if (high > 0 && low < 1000) text += '零';
    text += belowTenThousand(low);
  }
  // 10–19 at the very start read 十… rather than 一十… (十五, 十万), but 一百一十 keeps its 一.
  return text.startsWith('一十') ? text.slice(1) : text;
}

function belowTenThousand(n: number): string {
  let text = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (text !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) text += DIGITS[0];
    pendingZero = false;
    text += DIGITS[digit] + UNITS[place];
  }
  return text;
}
