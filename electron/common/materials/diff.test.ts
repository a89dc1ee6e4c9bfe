import { describe, expect, it } from 'vitest';
import { diffChars, diffMaterials, diffParagraphs, summarize, type DiffRow } from './diff';
import { parseOutline } from './outline';

const joined = (segments: DiffRow['left']) => (segments ?? []).map((s) => s.text).join('');
const marked = (segments: DiffRow['left']) => (segments ?? []).filter((s) => s.changed).map((s) => s.text);

describe('paragraph diff', () => {
  it('keeps equal paragraphs side by side and reports nothing changed', () => {
    const rows = diffParagraphs(['甲。', '乙。'], ['甲。', '乙。']);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'same']);
    expect(summarize(rows)).toEqual({ same: 2, changed: 0, added: 0, removed: 0 });
  });

  it('pairs an edited paragraph and marks only the changed characters', () => {
    const rows = diffParagraphs(['一是学习不够深入。', '二是作风不实。'], ['一是理论学习不够深入系统。', '二是作风不实。']);
    expect(rows.map((r) => r.kind)).toEqual(['changed', 'same']);
    expect(joined(rows[0].left)).toBe('一是学习不够深入。');
    expect(joined(rows[0].right)).toBe('一是理论学习不够深入系统。');
    expect(marked(rows[0].left)).toEqual([]);
    expect(marked(rows[0].right)).toEqual(['理论', '系统']);
  });

  it('shows inserted and deleted paragraphs on one side only', () => {
    const rows = diffParagraphs(['甲。', '乙。', '丙。'], ['甲。', '新加的一段。', '丙。', '丁。']);
    expect(rows.map((r) => [r.kind, joined(r.left), joined(r.right)])).toEqual([
      ['same', '甲。', '甲。'],
      ['removed', '乙。', ''],
      ['added', '', '新加的一段。'],
      ['same', '丙。', '丙。'],
      ['added', '', '丁。'],
    ]);
  });

  it('handles astral characters as single characters', () => {
    const { left, right } = diffChars('𠀀甲', '𠀀乙');
    expect(marked(left)).toEqual(['甲']);
    expect(marked(right)).toEqual(['乙']);
  });

  it('stays fast on long inputs', () => {
    const a = Array.from({ length: 2000 }, (_, i) => `第${i}段内容。`);
    const b = a.map((p, i) => (i % 100 === 0 ? `${p}补充。` : p));
    const started = performance.now();
    const rows = diffParagraphs(a, b);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(summarize(rows)).toMatchObject({ changed: 20, added: 0, removed: 0 });
  });
});

describe('material diff', () => {
  it('compares two versions as printed, numbering included', () => {
    const v1 = parseOutline('一、存在的问题\n（一）在学习方面\n一是学得不深。\n二是用得不够。\n二、整改措施\n（一）加强学习。').material;
    const v2 = parseOutline('一、存在的问题\n（一）在学习方面\n一是学得不深不透。\n二是用得不够。\n三是调研不多。\n二、整改措施\n（一）加强学习。').material;
    const rows = diffMaterials(v1, v2);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'same', 'changed', 'same', 'added', 'same', 'same']);
    expect(marked(rows[2].right)).toEqual(['不透']);
    expect(joined(rows[4].right)).toBe('三是调研不多。');
  });
});
