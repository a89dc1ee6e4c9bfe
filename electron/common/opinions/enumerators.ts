/**
 * The enumerator a text brings with it (「一是」「二是」「1.」「（一）」「①」…) taken off its start, so that a list
 * that numbers its items again (「一是……；二是……」 in the 会议情况报告) never reads 「一是一是」. Only a real marker at
 * the very start goes: 「一是一、二是二」, 「一、二季度」, 「1.5亿元」 and 「（2022）」 are words, not markers.
 */
const MARKERS: readonly RegExp[] = [
  /^[一二三四五六七八九十]{1,3}是(?![一二三四五六七八九十是])/u,
  /^第[一二三四五六七八九十]{1,3}[，、,：:]/u,
  /^[一二三四五六七八九十]{1,3}[、.．](?![一二三四五六七八九十])/u,
  /^[（(][一二三四五六七八九十]{1,3}[)）][、,，]?/u,
  /^[０-９\d]{1,2}[.．、](?![０-９\d])/u,
  /^[（(][０-９\d]{1,2}[)）][、,，]?/u,
  /^[①-⑳⑴-⒇㈠-㈩]/u,
];

const LEADING_SPACE = /^[\s\u3000]+/u;

/** The text without the enumerators at its start (several stacked, as in 「（一）一是」), trimmed; never empty. */
export function stripEnumerator(text: string): string {
  let rest = text.replace(LEADING_SPACE, '');
  for (let round = 0; round < 3; round++) {
    const marker = MARKERS.find((m) => m.test(rest));
    if (!marker) break;
    const next = rest.replace(marker, '').replace(LEADING_SPACE, '');
    if (next === '') break;
    rest = next;
  }
  return rest.trimEnd();
}
