// Changing what a node is, for fixing an import by hand: a paragraph the parser could not place becomes an item (or
// back), a section it could not classify gets its kind. Text is never lost: what the new shape cannot hold as
// structure is kept as verbatim paragraphs, numbering included as printed.
import { locate } from './edit';
import type { AspectBlock, Item, ItemChild, Material, NodeId, Paragraph, Section, SectionKind } from './model';
import { newAspectBlock, newItem, newParagraph } from './nodes';
import { aspectLabelOf } from './template';
import { lineText, toLines } from './toText';

/** Turns an item into a paragraph of its printed text (sub-items included), or a paragraph into an item. */
export function convertNode(material: Material, id: NodeId, to: 'item' | 'paragraph'): boolean {
  const at = locate(material, id);
  if (!at) return false;
  const node = at.list[at.index];
  if (node.type === to) return true;
  if (to === 'item' && node.type === 'paragraph') {
    if (at.container === material || !('type' in at.container) || (at.container.type === 'section' && (at.container.kind === 'problems' || at.container.kind === 'other'))) return false;
    at.list[at.index] = newItem(node.id, { text: node.text });
    return true;
  }
  if (to === 'paragraph' && node.type === 'item') {
    at.list[at.index] = newParagraph(node.id, printedText(node));
    return true;
  }
  return false;
}

/** A section given another kind; its children are reshaped to what the new kind holds. */
export function changeSectionKind(material: Material, id: NodeId, kind: SectionKind, newId: () => NodeId): boolean {
  const index = material.sections.findIndex((s) => s.id === id);
  if (index < 0) return false;
  const section = material.sections[index];
  if (section.kind === kind) return true;
  const base = { id: section.id, type: 'section' as const, heading: section.heading, listStyle: section.listStyle };
  let next: Section;
  if (kind === 'other') {
    next = { ...base, kind, children: flatten(section, newId) };
  } else if (kind === 'problems') {
    next = { ...base, kind, listStyle: 'cn-paren', children: section.kind === 'other' ? section.children : toBlocks(section.children as ItemChild[], newId) };
  } else {
    const children: ItemChild[] = section.kind === 'problems' ? section.children.map((c) => (c.type === 'aspect' ? blockToItem(c) : c)) : section.children;
    next = { ...base, kind, children };
  }
  material.sections[index] = next;
  return true;
}

function flatten(section: Section, newId: () => NodeId): Paragraph[] {
  const text = bodyText({ ...section, heading: '' } as Section);
  return text === '' ? [] : [newParagraph(newId(), text)];
}

/** An item as printed, without its own marker (sub-items keep theirs). */
function printedText(item: Item): string {
  return bodyText({ id: '', type: 'section', kind: 'causes', heading: '', listStyle: 'none', children: [item] });
}

/** The printed paragraphs of a section below its heading, one per line. */
function bodyText(section: Section): string {
  return toLines({ title: '', opening: '', sections: [section] })
    .filter((l) => !(l.kind === 'heading' && l.level === 1))
    .map(lineText)
    .filter((t) => t !== '')
    .join('\n');
}

/** Items of a points section become aspect blocks (their heading naming the aspect); loose text stays as paragraphs. */
function toBlocks(children: ItemChild[], newId: () => NodeId): Array<AspectBlock | Paragraph> {
  return children.map((child) => {
    if (child.type === 'paragraph') return child;
    const inner: ItemChild[] = [];
    if (child.text !== '' || child.examples.length > 0) inner.push(newItem(newId(), { text: child.text, examples: child.examples }));
    inner.push(...child.children);
    return newAspectBlock(child.id, { heading: child.heading, label: child.label || aspectLabelOf(child.heading), listStyle: child.listStyle, children: inner });
  });
}

function blockToItem(block: AspectBlock): Item {
  return newItem(block.id, { heading: block.heading, label: block.label, listStyle: block.listStyle, children: block.children });
}


