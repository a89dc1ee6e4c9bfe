/**
 * Splits a pasted block into single opinions: one per numbered point (1. 1、 （1） ① 一、 （一）) when the block is
 * numbered, otherwise one per non-blank line; a point reading 「一是……二是……」 is split at each 「X是」.
 * Numbering markers are list formatting and are dropped; the words themselves are kept exactly as typed.
 */
const NUMBERED = /^[ \t\u3000]*(?:\d{1,3}[.．、)）](?!\d)|[（(]\d{1,3}[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*/;
const ENUMERATED_IS = /(?:^|(?<=[。；;，,：:！!？?\s]))[一二三四五六七八九十]是/g;

function splitEnumeratedIs(item: string): string[] {
  const starts = [...item.matchAll(ENUMERATED_IS)].map((m) => m.index);
  // Only a real enumeration: it must begin with 一是 and go on to 二是.
  if (starts.length < 2 || !item.slice(starts[0], starts[0] + 2).startsWith('一是') || !item.includes('二是')) return [item];
  const parts: string[] = [];
  const head = item.slice(0, starts[0]).trim();
  if (head !== '') parts.push(head);
  starts.forEach((start, i) => parts.push(item.slice(start, starts[i + 1] ?? item.length).trim()));
  return parts.filter((p) => p !== '');
}

export function splitOpinions(block: string): string[] {
  const lines = block.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, '').split('\n');
  const numbered = lines.some((line) => NUMBERED.test(line) && line.replace(NUMBERED, '').trim() !== '');
  const items: string[] = [];
  if (numbered) {
    let current: string[] | null = null;
    const flush = () => {
      if (current && current.join('').trim() !== '') items.push(current.join('\n').trim());
      current = null;
    };
    for (const line of lines) {
      if (NUMBERED.test(line)) {
        flush();
        current = [line.replace(NUMBERED, '')];
      } else if (line.trim() === '') {
        flush();
      } else if (current) {
        current.push(line.trim());
      } else {
        items.push(line.trim());
      }
    }
    flush();
  } else {
    for (const line of lines) if (line.trim() !== '') items.push(line.trim());
  }
  return items.flatMap(splitEnumeratedIs);
}
