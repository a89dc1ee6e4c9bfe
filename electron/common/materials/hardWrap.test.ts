// Hard-wrapped text (issue 14 §1): joins decided per line from evidence, furniture removed first, every join shown
// with the node that holds it and undoable.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOutline } from './outline';
import type { OutlineParagraph } from './outlineTypes';
import { outline, withoutIds } from './testing';
import { toText } from './toText';
import { displayWidth } from './parse/hardWrap';

const corpus = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/corpus/${name}`, import.meta.url)), 'utf8');

describe('hard-wrapped text', () => {
  it('joins a copy in which fewer than 30 % of the lines are full (short paragraphs, lines ending at punctuation)', () => {
    const copy = corpus('21-pdf-05-wrapped-32.txt');
    const lines = copy.split('\n').filter((l) => l.trim() !== '');
    const full = lines.filter((l) => displayWidth(l) >= 31).length;
    expect(full / lines.length).toBeLessThan(0.3);
    const pasted = parseOutline(copy);
    const clean = parseOutline(corpus('05-personal-2018-leadins.txt'));
    expect(withoutIds(pasted.material)).toEqual(withoutIds(clean.material));
    expect(pasted.joins.length).toBeGreaterThanOrEqual(9);
  });

  it('removes page numbers and a running title before joining, and says which node holds each joined line', () => {
    const { material, warnings, joins } = parseOutline(corpus('19-pdf-08-wrapped-28.txt'));
    const removed = warnings.filter((w) => w.code === 'page-furniture-removed').map((w) => w.message.zh);
    expect(removed.some((m) => m.includes('云溪县委常委班子主题教育专题民主生活会对照检查材料'))).toBe(true);
    expect(removed.some((m) => m.includes('— 2 —'))).toBe(true);
    const across = joins.find((j) => j.before.endsWith('急难愁盼问'))!;
    expect(across.after.startsWith('题还有差距')).toBe(true);
    const block = material.sections[0].children[3];
    expect(block.type === 'aspect' && block.children[0].id).toBe(across.nodeId);
    expect(joins.every((j) => j.line > 0 && j.at > 0)).toBe(true);
  });

  it('undoes a join the user rejects (keepBreaks), and only that one', () => {
    const text = corpus('23-pdf-09-wrapped-30.txt');
    const first = parseOutline(text);
    const undone = first.joins[3];
    const again = parseOutline(text, { keepBreaks: [undone.at] });
    expect(again.joins.map((j) => j.at)).toEqual(first.joins.filter((j) => j.at !== undone.at).map((j) => j.at));
    // The rejected line starts a paragraph of its own again.
    expect(toText(again.material).split('\n').some((l) => l.startsWith(undone.after.slice(0, 6)))).toBe(true);
    expect(toText(first.material).split('\n').some((l) => l.startsWith(undone.after.slice(0, 6)))).toBe(false);
  });

  it('never joins a centred title onto the opening, nor a line wider than the wrap', () => {
    const { material } = parseOutline(corpus('22-pdf-10-wrapped-24.txt'));
    expect(material.title).toBe('中共云溪县人民政府党组领导班子2024年度民主生活会对照检查材料');
  });

  it('treats a Word file with one paragraph per printed line like wrapped text', () => {
    const paragraphs: OutlineParagraph[] = corpus('23-pdf-09-wrapped-30.txt')
      .split('\n')
      .map((text) => ({ text }));
    const fromWord = parseOutline(paragraphs);
    const pasted = parseOutline(corpus('23-pdf-09-wrapped-30.txt'));
    expect(withoutIds(fromWord.material)).toEqual(withoutIds(pasted.material));
    expect(fromWord.joins.length).toBe(pasted.joins.length);
  });

  it('keeps Word numbering and outline levels as paragraph starts, even in wrapped text', () => {
    const line = '学习不够深入，对党的创新理论满足于跟进学、碎片化学，联系';
    const paragraphs: OutlineParagraph[] = [
      { text: '存在的问题', numbering: { level: 0, format: 'chineseCounting', text: '一、' } },
      { text: `在学习方面。${line}`.slice(0, 28) },
      { text: `${line}实际`.slice(0, 28) },
      { text: '思考不深。一是学得不深。' },
      { text: '在作风方面。一是调研不够。', numbering: { level: 1, format: 'chineseCounting', text: '（二）' } },
    ];
    const { material } = parseOutline(paragraphs);
    expect(outline(material)).toContain('  B 在作风方面。 [作风] {cn-shi}');
    expect(outline(material)).toContain('思考不深。');
  });
});

describe('guesses in the problems section', () => {
  it('keeps a summary before 一是 as the lead-in, names the aspect of 关于…方面, and splits a one-line 主要是 block', () => {
    const { material, warnings } = parseOutline(
      [
        '一、存在的问题',
        '（一）在学习方面',
        '学习贯彻不够系统，运用理论指导实践存在差距。',
        '一是学习不够深入。',
        '二是联系实际不够。',
        '（二）关于作风方面，主要是调研不够深入。',
        '（三）关于纪律方面，主要是纪律意识还不够强，对分管领域的监督还不够：一是监督不经常。二是提醒不及时。',
      ].join('\n'),
    );
    expect(outline(material)).toBe(
      [
        'S problems 存在的问题 {cn-paren}',
        '  B 在学习方面 [学习] {cn-shi}',
        '    P 学习贯彻不够系统，运用理论指导实践存在差距。',
        '    I 学习不够深入。',
        '    I 联系实际不够。',
        '  B 关于作风方面， [作风]',
        '    I 主要是调研不够深入。',
        '  B 关于纪律方面，主要是纪律意识还不够强，对分管领域的监督还不够： [纪律] {cn-shi}',
        '    I 监督不经常。',
        '    I 提醒不及时。',
      ].join('\n'),
    );
    // Only the lead-in without a colon was a guess; 主要是 and a run-in ending in ： are not.
    expect(warnings.map((w) => [w.code, w.nodeId])).toEqual([['guess-lead-in', material.sections[0].children[0].type === 'aspect' ? material.sections[0].children[0].children[0].id : '']]);
  });
});
