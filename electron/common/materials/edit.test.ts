import { describe, expect, it } from 'vitest';
import { canContain, findContainer, insertNode, locate, moveNode, removeNode } from './edit';
import { idGeneratorFor } from './ids';
import type { AspectBlock, Item, Material } from './model';
import { newExample, newItem, newParagraph, newSection } from './nodes';
import { parseOutline } from './outline';
import { outline } from './testing';
import { toText } from './toText';

function sample(): Material {
  return parseOutline(
    '一、存在的问题\n（一）在学习方面\n一是甲。比如，例一。\n二是乙。\n（二）在作风方面\n一是丙。\n二、整改措施\n（一）加强学习。\n三、其他\n说明。',
  ).material;
}

function blocksOf(m: Material): AspectBlock[] {
  const s = m.sections[0];
  return s.kind === 'problems' ? (s.children.filter((c) => c.type === 'aspect') as AspectBlock[]) : [];
}

describe('structural edits', () => {
  it('moves a problem to another aspect and renumbers on output', () => {
    const m = sample();
    const [learning, style] = blocksOf(m);
    const second = learning.children[1] as Item;
    expect(moveNode(m, second.id, style.id, 0)).toBe(true);
    expect(toText(m)).toContain('（二）在作风方面\n一是乙。\n二是丙。');
  });

  it('reorders within a container, counting the index after removal', () => {
    const m = sample();
    const [learning] = blocksOf(m);
    const [first] = learning.children as Item[];
    expect(moveNode(m, first.id, learning.id, 1)).toBe(true);
    expect((learning.children as Item[]).map((i) => i.text)).toEqual(['乙。', '甲。']);
  });

  it('moves examples between problems and items between sections', () => {
    const m = sample();
    const [learning] = blocksOf(m);
    const [first, second] = learning.children as Item[];
    expect(moveNode(m, first.examples[0].id, second.id)).toBe(true);
    expect(second.examples.map((e) => e.text)).toEqual(['比如，例一。']);
    expect(moveNode(m, second.id, m.sections[1].id)).toBe(true);
    expect(m.sections[1].children).toContain(second);
  });

  it('refuses moves the model cannot hold, leaving the material unchanged', () => {
    const m = sample();
    const before = outline(m);
    const [learning, style] = blocksOf(m);
    const item = learning.children[0] as Item;
    expect(moveNode(m, item.id, m.sections[0].id)).toBe(false); // problems need an aspect block
    expect(moveNode(m, item.id, m.sections[2].id)).toBe(false); // 'other' holds paragraphs only
    expect(moveNode(m, style.id, m.sections[1].id)).toBe(false); // blocks belong to problems
    expect(moveNode(m, m.sections[0].id, learning.id)).toBe(false); // no section inside a block
    expect(moveNode(m, learning.id, learning.id)).toBe(false);
    expect(moveNode(m, 'missing', null)).toBe(false);
    expect(outline(m)).toBe(before);
  });

  it('refuses to move an item into its own sub-item', () => {
    const m = parseOutline('一、整改措施\n（一）甲。\n1.乙。').material;
    const outer = m.sections[0].children[0] as Item;
    const inner = outer.children[0] as Item;
    expect(moveNode(m, outer.id, inner.id)).toBe(false);
  });

  it('inserts new nodes with ids that never collide, and removes them', () => {
    const m = sample();
    const nextId = idGeneratorFor(m);
    const [learning] = blocksOf(m);
    const added = newItem(nextId(), { text: '新增问题。' });
    expect(insertNode(m, learning.id, added, 0)).toBe(true);
    expect(insertNode(m, added.id, newExample(nextId(), '比如，新例。'))).toBe(true);
    expect(insertNode(m, m.sections[2].id, newParagraph(nextId(), '补充。'))).toBe(true);
    expect(insertNode(m, null, newSection(nextId(), 'statement', '个人有关事项说明'), 2)).toBe(true);
    expect(insertNode(m, null, newItem(nextId()))).toBe(false);
    expect(m.sections.map((s) => s.kind)).toEqual(['problems', 'measures', 'statement', 'other']);
    const ids = JSON.stringify(m).match(/"id":"[^"]+"/g)!;
    expect(new Set(ids).size).toBe(ids.length);
    expect(removeNode(m, added.id)).toBe(added);
    expect(locate(m, added.id)).toBeNull();
    expect(removeNode(m, added.id)).toBeNull();
  });

  it('tells the editor what may be dropped where', () => {
    const m = sample();
    const [learning] = blocksOf(m);
    expect(canContain(learning, newItem('a'))).toBe(true);
    expect(canContain(m.sections[0], newItem('a'))).toBe(false);
    expect(canContain(m.sections[0], newParagraph('a', ''))).toBe(true);
    expect(canContain(learning.children[0] as Item, newExample('a', ''))).toBe(true);
    expect(canContain(learning, newExample('a', ''))).toBe(false);
    expect(findContainer(m, null)).toBe(m);
    expect(findContainer(m, learning.id)).toBe(learning);
  });
});
