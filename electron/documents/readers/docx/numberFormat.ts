// Word number formats (w:numFmt) rendered the way Word displays them.
import { chineseNumeral } from '../../../common/materials/numbering';

const LEGAL = ['', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const STEMS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
const BRANCHES = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];
const DIGIT_IDEOGRAPHS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function enclosed(n: number, first: number, fallback: string): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : fallback;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → aa, 28 → bb.
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function legalChinese(n: number): string {
  if (n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return LEGAL[ones];
  return `${tens === 1 ? '' : LEGAL[tens]}拾${LEGAL[ones]}`;
}

export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, `(${n})`);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, `(${n})`);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, `${n}.`);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumeral(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => DIGIT_IDEOGRAPHS[Number(d)]);
    case 'chineseLegalSimplified':
      return legalChinese(n);
    case 'ideographTraditional':
      return STEMS[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return BRANCHES[(n - 1) % 12] ?? String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n); // decimal and anything exotic
  }
}
