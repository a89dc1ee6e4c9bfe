// The one-click alternative of a parser guess (issue 14 §2), for the import preview: the row of a
// guess-* warning offers the other reading, and these functions apply it to the tree. Text is never
// lost: it only moves between a lead-in, a heading's run-in and problems.
import { convertNode } from './convert';
import { locate } from './edit';
import { idGeneratorFor } from './ids';
import type { AspectBlock, Item, Material } from './model';
import { newItem } from './nodes';
import type { OutlineWarning } from './outlineTypes';
import { runInStart } from './parse/classify';

/** What the row can be switched to now: 'problem' (作为问题), 'lead-in' (作为引言) or null. */
export type GuessAction = 'problem' | 'lead-in';

export function guessAction(material: Material, warning: OutlineWarning): GuessAction | null {
  if (!warning.guess || !warning.nodeId) return null;
  const at = locate(material, warning.nodeId);
  if (!at) return null;
  const node = at.list[at.index];
  switch (warning.guess) {
    case 'lead-in':
    case 'problem':
      if (node.type === 'paragraph') return 'problem';
      if (node.type === 'item') return 'lead-in';
      return null;
    case 'run-in':
      return node.type === 'aspect' && runInStart(node.heading) >= 0 ? 'problem' : null;
    case 'continuation':
      return node.type === 'item' && warning.part !== undefined && warning.part > 0 && node.text.split('\n').length > warning.part ? 'problem' : null;
  }
}

/** Applies guessAction(material, warning); false when there is nothing to switch. */
export function switchGuess(material: Material, warning: OutlineWarning): boolean {
  const action = guessAction(material, warning);
  if (action === null || !warning.nodeId) return false;
  const at = locate(material, warning.nodeId)!;
  const node = at.list[at.index];
  const newId = idGeneratorFor(material);
  if (node.type === 'paragraph' || (node.type === 'item' && warning.guess !== 'continuation')) {
    return convertNode(material, node.id, action === 'problem' ? 'item' : 'paragraph');
  }
  if (node.type === 'aspect') {
    const block = node as AspectBlock;
    const start = runInStart(block.heading);
    const rest = block.heading.slice(start).trim();
    block.heading = block.heading.slice(0, start).trimEnd();
    block.children.unshift(newItem(newId(), { text: rest }));
    return true;
  }
  if (node.type === 'item') {
    const item = node as Item;
    const parts = item.text.split('\n');
    const part = warning.part!;
    const moved = newItem(newId(), { text: parts.slice(part).join('\n'), examples: item.examples, children: item.children, listStyle: item.listStyle });
    item.text = parts.slice(0, part).join('\n');
    item.examples = [];
    item.children = [];
    item.listStyle = 'none';
    (at.list as Item[]).splice(at.index + 1, 0, moved);
    return true;
  }
  return false;
}
