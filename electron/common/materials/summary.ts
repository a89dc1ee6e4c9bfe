// Figures and lookups derived from a material: its printed length, its problems, and the marker
// each node gets when printed (the editor shows them; they are never stored).
import type { AspectBlock, Item, Material, NodeId } from './model';
import { lineText, toLines } from './toText';

/** Characters as printed (numbering included), without spaces or line breaks, as Word's 字数 counts them. */
export function charCount(material: Material): number {
  let n = 0;
  for (const line of toLines(material)) for (const ch of lineText(line)) if (!/\s/.test(ch)) n++;
  return n;
}

export interface ProblemRef {
  item: Item;
  /** The aspect block holding it. */
  block: AspectBlock;
}

/** Every problem (item directly under an aspect block of a problems section), in document order. */
export function problemItems(material: Material): ProblemRef[] {
  const out: ProblemRef[] = [];
  for (const section of material.sections) {
    if (section.kind !== 'problems') continue;
    for (const block of section.children) {
      if (block.type !== 'aspect') continue;
      for (const child of block.children) if (child.type === 'item') out.push({ item: child, block });
    }
  }
  return out;
}

/** The problem's text as printed, examples included, without its marker. */
export function problemText(item: Item): string {
  return [item.heading + item.text, ...item.examples.map((e) => e.text)].join('');
}

/** Generated marker of each numbered node (一、 （一） 一是 1. …), as the printed material shows it. */
export function markersOf(material: Material): Map<NodeId, string> {
  const out = new Map<NodeId, string>();
  for (const line of toLines(material)) {
    if (line.nodeId !== null && line.marker !== '' && !out.has(line.nodeId)) out.set(line.nodeId, line.marker);
  }
  return out;
}
