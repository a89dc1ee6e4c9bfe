/**
 * Line breaks for 二号 titles (GB/T 9704 §7.2.4: 回行时词意完整、排列对称、长短适宜, 梯形或菱形). A title that does
 * not fit one line gets explicit breaks between words, with lines as even as the words allow, rather than letting
 * the office suite cut it wherever the line is full (「…专题民 / 主生活会…」).
 */

/**
 * Compounds of this domain that a title must never be broken inside. The word segmenter splits finer than a reader
 * does (民主|生活|会, 整|改|清单), so these are glued first.
 */
const TERMS = [
  '中国共产党',
  '民主生活会',
  '组织生活会',
  '人民政府',
  '领导班子',
  '班子成员',
  '整改清单',
  '整改落实',
  '整改情况',
  '征求意见',
  '意见建议',
  '对照检查',
  '检查材料',
  '会议情况',
  '会议记录',
  '会议方案',
  '情况报告',
  '汇总表',
  '统计表',
  '征求意见表',
  '审议通过',
  '有关事项',
  '专题',
  '年度',
  '整改',
  '巡察整改',
  '巡视整改',
  '整改专题',
  '专题民主生活会',
  '年度民主生活会',
  '召开情况',
];

/** Words that lead the next word and are never left at the end of a line. */
const LEADING = new Set(['关于', '对', '在', '和', '与', '及']);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Units a title line may break between: segmenter words, with the domain's compounds and numbers glued whole. */
export function titleUnits(text: string): string[] {
  const glued = new Set<number>();
  for (const term of TERMS) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) for (let k = i + 1; k < i + term.length; k++) glued.add(k);
  }
  // A year and its 年/年度, and a number with what it counts, stay on one line.
  for (const m of text.matchAll(/\d+[年月日届次号]?/g)) for (let k = m.index + 1; k < m.index + m[0].length; k++) glued.add(k);
  const units: string[] = [];
  // Units made only of one-character segments: names the dictionary does not know (青|溪|县), kept as one.
  const unknown: boolean[] = [];
  let offset = 0;
  for (const { segment } of segmenter.segment(text)) {
    const last = units.length - 1;
    const single = segment.length === 1 && /\p{Script=Han}/u.test(segment) && !LEADING.has(segment) && !FUNCTION_CHARS.has(segment);
    const join =
      last >= 0 &&
      (glued.has(offset) || (single && unknown[last]) || /^[，。、；：！？）》」』”’]/.test(segment) || /[（《「『“‘]$/.test(units[last]) || LEADING.has(units[last]));
    if (join) {
      units[last] += segment;
      unknown[last] = unknown[last] && single;
    } else {
      units.push(segment);
      unknown.push(single);
    }
    offset += segment.length;
  }
  return units;
}

/** Single characters that are words of their own in a title. */
const FUNCTION_CHARS = new Set(['的', '之', '于', '暨']);

/**
 * The title as lines of at most `maxChars` characters, broken between units, balanced: the fewest lines, then the
 * smallest difference between the longest and the shortest line, ties going to a longer upper line (梯形 inverted,
 * the shape most titles take). Explicit "\n" in the title are kept and each piece is balanced on its own. A single
 * unit longer than a line is cut where it must, which only a pathological title does.
 */
export function breakTitle(text: string, maxChars: number): string {
  return text
    .split('\n')
    .map((line) => balance(line, Math.max(1, maxChars)).join('\n'))
    .join('\n');
}

function balance(line: string, maxChars: number): string[] {
  const length = [...line].length;
  if (length <= maxChars) return [line];
  const units = titleUnits(line).flatMap((u) => (u.length > maxChars ? chunk(u, maxChars) : [u]));
  const fewest = Math.ceil(length / maxChars);
  // Titles have a few dozen units; anything much longer is not a title and is simply filled line by line.
  if (units.length <= 40 && fewest <= 4) {
    for (let count = fewest; count <= Math.min(units.length, fewest + 1); count++) {
      const best = bestSplit(units, count, maxChars);
      if (best) return best;
    }
  }
  return fill(units, maxChars);
}

function fill(units: string[], maxChars: number): string[] {
  const lines: string[] = [];
  for (const unit of units) {
    if (lines.length > 0 && lines[lines.length - 1].length + unit.length <= maxChars) lines[lines.length - 1] += unit;
    else lines.push(unit);
  }
  return lines;
}

/** Exhaustive over break positions (titles have a few dozen units at most), scored by evenness. */
function bestSplit(units: string[], count: number, maxChars: number): string[] | null {
  let best: { lines: string[]; score: number } | null = null;
  const walk = (start: number, lines: string[]) => {
    if (lines.length === count - 1) {
      const rest = units.slice(start).join('');
      if (rest.length === 0 || rest.length > maxChars) return;
      const all = [...lines, rest];
      const lengths = all.map((l) => l.length);
      // Evenness first; then prefer lines that do not grow downwards (an upper line at least as long as the next).
      const score = (Math.max(...lengths) - Math.min(...lengths)) * 10 + lengths.slice(1).filter((l, i) => l > lengths[i]).length;
      if (!best || score < best.score) best = { lines: all, score };
      return;
    }
    let text = '';
    for (let end = start; end < units.length - 1; end++) {
      text += units[end];
      if (text.length > maxChars) break;
      walk(end + 1, [...lines, text]);
    }
  };
  walk(0, []);
  return best ? (best as { lines: string[] }).lines : null;
}

function chunk(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
