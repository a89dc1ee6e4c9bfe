// Random pastes built from the pieces that trouble outline parsers: the parser must never throw,
// never invent or drop text (only numbering markers may disappear), and its output must always be
// a valid material that survives toText.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOutline } from './outline';
import { materialSchema } from './schema';
import { storedTexts } from './testing';
import { toText } from './toText';

const PIECES = [
  '一、', '二、', '十一、', '（一）', '（二）', '㈠', '1.', '１．', '2、', '（1）', '⑴', '①', '②',
  '一是', '二是', '十二是', '一要', '第一，', '首先，', '其次，', '一方面，', '另一方面，',
  '比如，', '又如，', '特别是', '主要是', '突出表现在：',
  '存在的问题', '原因分析', '整改措施', '上年度整改落实情况', '个人有关事项', '其他', '在学习方面', '在作风上下功夫',
  '学得不深', '“六稳”“六保”', '《规定》第七条（二）', '一、二季度', '统一是', '1.5亿元', '2022.10', '3.2%',
  '（', '）', '“', '”', '。', '；', '：', '，', '\n', '\n', '\n', '　', '\r\n',
  '以上对照检查，请批评指正', '2024年1月5日', '现对照检查如下：', '— 3 —', '第3页 共9页',
];

const MARKER_CHARS = new Set([...'一二三四五六七八九十是要第，、.．()（）㈠⑴①②0123456789１２３４５６７８９']);

function charCounts(texts: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t.replace(/\s/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

describe('parseOutline on random pastes', () => {
  it('never throws, never invents text and only drops numbering', () => {
    const paste = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(
      fc.property(paste, (input) => {
        const { material, warnings } = parseOutline(input);
        const furniture = new Set(warnings.filter((w) => w.code === 'page-furniture-removed').map((w) => w.line));
        const lines = input.split(/\r\n|\r|\n/).filter((_, i) => !furniture.has(i + 1));
        const kept = charCounts(storedTexts(material));
        const given = charCounts(lines);
        for (const [ch, n] of kept) expect(n, `invented ${ch}`).toBeLessThanOrEqual(given.get(ch) ?? 0);
        for (const [ch, n] of given) {
          if (!MARKER_CHARS.has(ch)) expect(kept.get(ch) ?? 0, `dropped ${ch}`).toBe(n);
        }
        expect(materialSchema.safeParse(material).success).toBe(true);
        expect(() => parseOutline(toText(material))).not.toThrow();
      }),
      { numRuns: 3000, seed: 20240105 },
    );
  });
});
