// The helpers an editor relies on: moving with two keys, numbering that never has to be typed, figures, templates.
import { describe, expect, it } from 'vitest';
import { ensureNumbered, shiftNode } from './edit';
import type { AspectBlock, Item, Material } from './model';
import { newItem } from './nodes';
import { parseOutline } from './outline';
import { charCount, markersOf, problemItems, problemText } from './summary';
import { aspectLabelOf, materialTemplate } from './template';
import { createIdGenerator } from './ids';
import { toText } from './toText';
import { withoutIds } from './testing';
import { changeSectionKind, convertNode } from './convert';
import { printLayout } from './print';

const sample = (): Material =>
  parseOutline('一、存在的问题\n（一）在学习方面\n一是甲。比如，例一。\n二是乙。\n（二）在作风方面\n一是丙。\n二、整改措施\n（一）加强学习。').material;
const blocks = (m: Material) => (m.sections[0].kind === 'problems' ? (m.sections[0].children as AspectBlock[]) : []);
const texts = (b: AspectBlock) => b.children.map((c) => (c.type === 'item' ? c.text : c.text));

describe('shiftNode', () => {
  it('moves an item up and down among its siblings', () => {
    const m = sample();
    const [learning] = blocks(m);
    expect(shiftNode(m, learning.children[1].id, -1)).toBe(true);
    expect(texts(learning)).toEqual(['乙。', '甲。']);
  });

  it('carries a problem across the aspect boundary, and stops at the ends', () => {
    const m = sample();
    const [learning, style] = blocks(m);
    const last = learning.children[1].id;
    expect(shiftNode(m, last, 1)).toBe(true);
    expect(texts(learning)).toEqual(['甲。']);
    expect(texts(style)).toEqual(['乙。', '丙。']);
    expect(toText(m)).toContain('（二）在作风方面\n一是乙。\n二是丙。');
    expect(shiftNode(m, last, -1)).toBe(true);
    expect(texts(learning)).toEqual(['甲。', '乙。']);
    expect(shiftNode(m, learning.children[0].id, -1)).toBe(false);
    expect(shiftNode(m, style.children[0].id, 1)).toBe(false);
    expect(shiftNode(m, m.sections[0].id, -1)).toBe(false);
    expect(shiftNode(m, 'missing', 1)).toBe(false);
  });
});

describe('ensureNumbered', () => {
  it('numbers a container once it holds two items, so they do not read (and re-parse) as one', () => {
    const m = parseOutline('一、存在的问题\n（一）在学习方面\n主要是学得不深。\n二、整改措施\n（一）加强学习。').material;
    const [block] = blocks(m);
    expect(block.listStyle).toBe('none');
    block.children.push(newItem('added', { text: '用得不够。' }));
    ensureNumbered(block);
    expect(block.listStyle).toBe('cn-shi');
    expect(withoutIds(parseOutline(toText(m)).material)).toEqual(withoutIds(m));
    const single = blocks(sample())[1];
    ensureNumbered(single);
    expect(single.listStyle).toBe('cn-shi');
  });
});

describe('figures and lookups', () => {
  it('counts printed characters without whitespace, numbering included', () => {
    expect(charCount(parseOutline('一、问题\n（一）在学习方面\n一是甲 乙。').material)).toBe('一、问题（一）在学习方面一是甲乙。'.length);
  });

  it('lists the problems with their aspect and gives each numbered node its printed marker', () => {
    const m = sample();
    const problems = problemItems(m);
    expect(problems.map((p) => [problemText(p.item), p.block.label])).toEqual([
      ['甲。比如，例一。', '学习'],
      ['乙。', '学习'],
      ['丙。', '作风'],
    ]);
    const markers = markersOf(m);
    expect(problems.map((p) => markers.get(p.item.id))).toEqual(['一是', '二是', '一是']);
    expect(markers.get(m.sections[1].id)).toBe('二、');
    expect(markers.get(blocks(m)[1].id)).toBe('（二）');
    expect(markers.get((m.sections[1].children[0] as Item).id)).toBe('（一）');
  });
});

describe('materialTemplate', () => {
  it('starts from the meeting aspects, with labels the parser would take', () => {
    const m = materialTemplate({ title: '对照检查材料', aspects: ['在提高政治站位方面', '在强化理论武装上下功夫', '廉洁自律'], newId: createIdGenerator() });
    expect(blocks(m).map((b) => [b.heading, b.label])).toEqual([
      ['在提高政治站位方面', '提高政治站位'],
      ['在强化理论武装上下功夫', '强化理论武装'],
      ['廉洁自律', ''],
    ]);
    expect(aspectLabelOf('（一）在落实“两个责任”方面。')).toBe('落实“两个责任”');
    expect(m.sections.map((s) => s.kind)).toEqual(['problems', 'causes', 'measures']);
  });
});

describe('fixing an import by hand', () => {
  it('gives an unclassified section its kind, keeping every word', () => {
    const m = parseOutline('一、存在的问题\n（一）在学习方面\n一是甲。\n二、其他需要说明的情况\n本人没有需要说明的事项。').material;
    expect(m.sections[1].kind).toBe('other');
    const id = createIdGenerator('x');
    expect(changeSectionKind(m, m.sections[1].id, 'statement', id)).toBe(true);
    expect(m.sections[1]).toMatchObject({ kind: 'statement', heading: '其他需要说明的情况', children: [{ type: 'paragraph', text: '本人没有需要说明的事项。' }] });
    // A paragraph becomes an item of the section, and back again.
    const paragraph = m.sections[1].children[0];
    expect(convertNode(m, paragraph.id, 'item')).toBe(true);
    expect(m.sections[1].children[0]).toMatchObject({ type: 'item', text: '本人没有需要说明的事项。' });
    expect(convertNode(m, paragraph.id, 'paragraph')).toBe(true);
    expect(m.sections[1].children[0]).toMatchObject({ type: 'paragraph', text: '本人没有需要说明的事项。' });
  });

  it('turns problems into points and back, and a structured section into verbatim paragraphs', () => {
    const m = sample();
    const id = createIdGenerator('x');
    const before = toText(m);
    changeSectionKind(m, m.sections[0].id, 'measures', id);
    expect(m.sections[0].children.map((c) => c.type)).toEqual(['item', 'item']);
    expect(toText(m)).toBe(before);
    changeSectionKind(m, m.sections[0].id, 'problems', id);
    expect(withoutIds(m)).toEqual(withoutIds(sample()));
    changeSectionKind(m, m.sections[1].id, 'other', id);
    expect(m.sections[1].children).toMatchObject([{ type: 'paragraph', text: '（一）加强学习。' }]);
  });

  it('lays the material out as it prints: title, author line, run-in aspect, date line', () => {
    const blocks = printLayout(parseOutline('对照检查材料\n一、存在的问题\n（一）在学习方面。一是甲。\n二是乙。').material, { author: '林向东', date: '2026-01-05' });
    expect(blocks.map((b) => b.kind)).toEqual(['title', 'author', 'blankLine', 'heading1', 'heading2', 'paragraph', 'blankLine', 'date']);
    expect(blocks[4]).toMatchObject({ heading: '（一）在学习方面。', body: '一是甲。' });
    expect(blocks.at(-1)).toEqual({ kind: 'date', text: '2026年1月5日' });
  });
});
