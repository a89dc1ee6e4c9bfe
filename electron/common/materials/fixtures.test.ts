// Realistic materials of different styles and years, end to end: structure, warnings, round trip
// through toText, and that nothing but numbering is lost.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MARKERS, outline, unstoredResidue, withoutIds } from './testing';
import type { AspectBlock, Item, Material, Section } from './model';
import { parseOutline } from './outline';
import { toText } from './toText';

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
}

const FIXTURES = [
  'county-head-2023.txt',
  'team-water-bureau-2022.txt',
  'education-chief-2021.txt',
  'vice-head-2024.source.txt',
  'vice-head-2024.pdf-paste.txt',
  'township-secretary-2020-variants.txt',
];

function blocks(section: Section): AspectBlock[] {
  return section.kind === 'problems' ? section.children.filter((c): c is AspectBlock => c.type === 'aspect') : [];
}

function items(children: Array<{ type: string }>): Item[] {
  return children.filter((c): c is Item => c.type === 'item');
}

function paragraphTexts(section: Section): string[] {
  return section.children.map((c) => (c.type === 'paragraph' ? c.text : `<${c.type}>`));
}

function problemCount(m: Material): number {
  return m.sections.flatMap(blocks).reduce((n, b) => n + items(b.children).length, 0);
}

describe.each(FIXTURES)('fixture %s', (name) => {
  const input = fixture(name);
  const { material } = parseOutline(input);

  it('survives toText and parses back to the same tree', () => {
    const again = parseOutline(toText(material));
    expect(withoutIds(again.material)).toEqual(withoutIds(material));
    expect(again.warnings.filter((w) => w.severity === 'warning' && w.code !== 'section-unclassified')).toEqual([]);
  });

  it('stores every character of substance (only numbering markers and page furniture are left out)', () => {
    const { warnings } = parseOutline(input);
    const furnitureLines = new Set(warnings.filter((w) => w.code === 'page-furniture-removed').map((w) => w.line));
    const withoutFurniture = input
      .split('\n')
      .filter((_, i) => !furnitureLines.has(i + 1))
      .join('\n');
    for (const residue of unstoredResidue(withoutFurniture, material)) expect(residue).toMatch(MARKERS);
  });

  it('gives every node a unique id', () => {
    const ids = JSON.stringify(material).match(/"id":"[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.parse(JSON.stringify(material))).toEqual(material);
  });
});

describe('county head, 2023: 13 problems in 5 aspects, 4 causes, 4 measures', () => {
  const { material, warnings } = parseOutline(fixture('county-head-2023.txt'));

  it('has the expected sections and counts', () => {
    expect(warnings).toEqual([]);
    expect(material.title).toBe('云溪县县长李明远2023年度民主生活会个人对照检查材料\n（2024年1月18日）');
    expect(material.opening.endsWith('现对照检查如下：')).toBe(true);
    expect(material.sections.map((s) => s.kind)).toEqual(['problems', 'causes', 'measures', 'other']);
    const [problems, causes, measures, closing] = material.sections;
    expect(blocks(problems).map((b) => items(b.children).length)).toEqual([3, 3, 2, 3, 2]);
    expect(problemCount(material)).toBe(13);
    expect(blocks(problems).map((b) => b.label)).toEqual([
      '学习贯彻习近平新时代中国特色社会主义思想、凝心铸魂',
      '落实党中央决策部署、推动高质量发展',
      '践行以人民为中心的发展思想、为民造福',
      '树立和践行正确政绩观、真抓实干',
      '履行全面从严治党政治责任、廉洁自律',
    ]);
    expect(items(causes.children).map((i) => i.heading)).toEqual([
      '理想信念有所弱化。',
      '宗旨意识有所淡化。',
      '担当精神有所减退。',
      '纪律规矩意识有所松懈。',
    ]);
    expect(items(measures.children).map((i) => i.label)).toEqual(['强化理论武装', '推动高质量发展', '增进民生福祉', '从严管党治党']);
    expect(closing.heading).toBe('');
  });

  it('keeps figures, quotes and mid-sentence markers inside the problems', () => {
    const texts = blocks(material.sections[0]).flatMap((b) => items(b.children));
    const second = texts[1];
    expect(second.examples.map((e) => e.text.slice(0, 3))).toEqual(['比如，', '又如，']);
    expect(second.examples[1].text).toContain('2023年一、二季度规上工业增加值增速仅为3.2%');
    expect(texts[3].examples[0].text).toContain('“六稳”“六保”');
    expect(texts[4].examples[0].text).toContain('1.5亿元');
    expect(texts[9].examples[0].text).toContain('《云溪县优化营商环境若干规定》第七条（二）');
    expect(texts[10].text).toContain('一、二、三产业');
  });
});

describe('water bureau team, 2022: headings on their own lines, 1. items, 一要/二要', () => {
  const { material, warnings } = parseOutline(fixture('team-water-bureau-2022.txt'));

  it('has the expected structure', () => {
    expect(warnings).toEqual([]);
    expect(material.title).toBe('中共云溪县水务局党组领导班子\n2022年度民主生活会对照检查材料');
    const [problems, causes, measures] = material.sections;
    expect(blocks(problems).map((b) => [b.listStyle, items(b.children).length])).toEqual([
      ['arabic-dot', 2],
      ['arabic-dot', 2],
      ['arabic-dot', 3],
      ['arabic-dot', 2],
    ]);
    expect(items(causes.children).map((i) => [i.heading, i.text.length > 20])).toEqual([
      ['理论武装还不够到位', true],
      ['党性修养还有所欠缺', true],
      ['责任担当还不够强', true],
    ]);
    expect(items(measures.children).map((i) => [i.listStyle, i.children.length])).toEqual([
      ['cn-yao', 3],
      ['cn-yao', 2],
      ['cn-yao', 3],
    ]);
  });
});

describe('education chief, 2021: last year’s rectification first, single-item cues, word cues', () => {
  const { material, warnings } = parseOutline(fixture('education-chief-2021.txt'));

  it('has the expected structure', () => {
    expect(warnings).toEqual([]);
    expect(material.sections.map((s) => s.kind)).toEqual(['lastYear', 'problems', 'causes', 'measures', 'statement', 'other']);
    expect(outline(material).split('\n').slice(2, 8)).toEqual([
      'S lastYear 上年度民主生活会整改落实情况 {cn-shi}',
      '  P 2020年度民主生活会查摆的3个方面8个问题，已完成整改7个，1个正在推进中。',
      '  I 理论学习不系统的问题。制定个人年度学习计划，全年参加中心组学习12次，撰写心得体会5篇，已整改完成。',
      '  I 推进“双减”工作不够有力的问题。牵头制定全县义务教育阶段学校课后服务实施方案，实现课后服务全覆盖，已整改完成。',
      '  I 城区学位紧张的问题。新建的城东小学已于2021年9月投入使用，新增学位1620个；城北中学项目正在建设中，计划2022年秋季开学投入使用，目前仍在推进中。',
      'S problems 查摆的问题 {cn-paren}',
    ]);
    const problemBlocks = blocks(material.sections[1]);
    expect(problemBlocks.map((b) => b.children.map((c) => c.type))).toEqual([
      ['item'],
      ['paragraph', 'item', 'item'],
      ['item'],
      ['item', 'item'],
    ]);
    expect(items(problemBlocks[2].children)[0].examples[0].text.startsWith('特别是')).toBe(true);
    const measures = items(material.sections[3].children);
    expect(measures.map((m) => [m.listStyle, m.children.length])).toEqual([
      ['none', 3],
      ['cn-di', 3],
      ['none', 2],
    ]);
    expect(paragraphTexts(material.sections[5])).toEqual(['以上是我的对照检查，请大家批评帮助。', '2021年12月28日']);
  });
});

describe('vice county head, 2024, pasted from a PDF', () => {
  it('parses to exactly the same tree as the clean text', () => {
    const clean = parseOutline(fixture('vice-head-2024.source.txt'));
    const pasted = parseOutline(fixture('vice-head-2024.pdf-paste.txt'));
    expect(withoutIds(pasted.material)).toEqual(withoutIds(clean.material));
    expect(clean.warnings).toEqual([]);
    const removed = pasted.warnings.filter((w) => w.code === 'page-furniture-removed').map((w) => w.message.zh);
    expect(removed).toHaveLength(8);
    expect(removed.some((m) => m.includes('— 1 —'))).toBe(true);
    expect(removed.some((m) => m.includes('第3页 共5页'))).toBe(true);
    expect(pasted.warnings.filter((w) => w.code === 'lines-joined')).toHaveLength(1);
  });
});

describe('township secretary, 2020: variant markers', () => {
  const { material, warnings } = parseOutline(fixture('township-secretary-2020-variants.txt'));

  it('reads every variant marker and reports the gap 2、 → 4.', () => {
    expect(material.sections.map((s) => s.kind)).toEqual(['problems', 'causes', 'measures', 'other']);
    const problemBlocks = blocks(material.sections[0]);
    expect(problemBlocks.map((b) => [b.listStyle, items(b.children).length])).toEqual([
      ['arabic-dot', 3],
      ['circled', 3],
      ['cn-shi', 12],
    ]);
    const causes = items(material.sections[1].children);
    expect(causes.map((c) => [c.heading, c.listStyle, c.children.length])).toEqual([
      ['思想认识不到位', 'arabic-paren', 2],
      ['工作作风不扎实', 'arabic-paren', 2],
    ]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['numbering-gap', 8],
      ['section-unclassified', 27],
    ]);
    expect(paragraphTexts(material.sections[3])).toEqual([
      '（一）学习时间保障情况。全年参加集中学习28次。',
      '（二）其他事项。本人没有需要说明的其他事项。',
    ]);
  });
});

describe('large input', () => {
  it('parses about 1 MB of text without blowing up', () => {
    const material = fixture('county-head-2023.txt');
    let big = '';
    while (big.length < 1_000_000) big += material + '\n';
    const { material: parsed } = parseOutline(big);
    expect(parsed.sections.length).toBeGreaterThan(100);
    expect(problemCount(parsed)).toBeGreaterThan(13 * 100);
  });

  it('parses a single 1 MB paragraph full of markers, brackets and quotes', () => {
    const sentence = '一是“学习（不够）深入”；比如，一、二季度3.2%。二是统一是关键；';
    const big = '一、存在的问题\n（一）在学习方面。' + sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const { material } = parseOutline(big);
    expect(problemCount(material)).toBeGreaterThan(1000);
  });

  it('parses 1 MB of hard-wrapped lines', () => {
    const line = '对党的创新理论满足于跟进学碎片化学联系实际思考不深运用理论';
    const big = '一、存在的问题\n（一）在学习方面。' + `${line}\n`.repeat(Math.ceil(1_000_000 / line.length)) + '。';
    const { material } = parseOutline(big);
    expect(problemCount(material)).toBe(1);
  });
});
