// Enumerators people type in front of an opinion or a problem: 1. 1、 （1） (1) 1） ① 一、 （一） 一是 二要 第一，.
// They are list formatting, not words: the opinion's text is what follows. One definition, so the batch paste,
// the report and the sorting screens strip the same things (never 「一是」 in one place and not in another).

const CN = '[一二三四五六七八九十]{1,3}';

/** A leading enumerator and the white space after it. 一是/二要 only count before more text. */
const LEADING = new RegExp(
  [
    '^[ \\t\\u3000]*(?:',
    '\\d{1,3}[.．、)）](?![\\d.．])', // 1. 1、 1） (not 3.5亿元 or 2022.10)
    '|[（(]\\d{1,3}[)）]', // （1） (1)
    '|[①-⑳⑴-⒇⒈-⒛]', // ① ⑴ ⒈
    `|${CN}[、.．](?!${CN}|季度|产业|类)`, // 一、 (not 一、二季度)
    `|[（(]${CN}[)）][、.．]?`, // （一） （一）、
    '|[㈠-㈩]',
    `|第${CN}[，,、:：]`, // 第一，
    `|${CN}[是要](?!${CN}[、，,])(?=[^\\s，,。；;、])`, // 一是 二要 (not 「一是一、二是二」)
    ')[ \\t\\u3000]*',
  ].join(''),
);

export interface Enumerated {
  /** The enumerator as typed ('' when there is none). */
  marker: string;
  /** The text without it. */
  text: string;
}

/** Splits a leading enumerator off `text`; the words are kept exactly as typed. */
export function stripEnumerator(text: string): Enumerated {
  const m = LEADING.exec(text);
  if (!m || m[0].trim() === '' || text.slice(m[0].length).trim() === '') return { marker: '', text };
  return { marker: m[0].trim(), text: text.slice(m[0].length) };
}

/** Whether a line starts with a list number (1. （1） ① 一、 （一）), the kind that starts a new opinion on its own line. */
export function startsWithListNumber(line: string): boolean {
  const { marker } = stripEnumerator(line);
  return marker !== '' && !/[是要]$/.test(marker) && !marker.startsWith('第');
}

/** 一是 / 二要 …: the value of a leading 「X是」「X要」 enumerator, or null. */
export function inlineEnumeratorValue(marker: string): number | null {
  const m = new RegExp(`^(${CN})[是要]$`).exec(marker);
  if (!m) return null;
  const digits = '一二三四五六七八九';
  const s = m[1];
  if (s === '十') return 10;
  if (s.length === 1) return digits.indexOf(s) + 1;
  if (s.startsWith('十')) return 10 + digits.indexOf(s[1]) + 1;
  return (digits.indexOf(s[0]) + 1) * 10 + (s.length === 3 ? digits.indexOf(s[2]) + 1 : 0);
}

/**
 * The text without the enumerators at its start (several stacked, as in 「（一）一是」), trimmed; never empty. A list
 * that numbers its items again (「一是……；二是……」 in the 会议情况报告) then never reads 「一是一是」.
 */
export function withoutEnumerators(text: string): string {
  let rest = text.trim();
  for (let round = 0; round < 3; round++) {
    const { marker, text: next } = stripEnumerator(rest);
    if (!marker) break;
    rest = next.trim();
  }
  return rest;
}
