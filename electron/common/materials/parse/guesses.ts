// Where the parser has to guess, it says so (issue 14 §2). After the tree is built, each block of the
// problems section is reviewed:
// - a summary paragraph before numbered problems is the block's lead-in, not its first problem;
// - a heading 「（一）在……方面，主要是……」 with nothing after it holds the block's one problem in its
//   run-in, which becomes that problem; with problems after it, the run-in stays in the heading;
// - guesses that change what is counted get a warning on their row, whose one-click alternative
//   (guesses.ts one level up) turns the guess around.
import type { AspectBlock, Item, Material, NodeId } from '../model';
import { newItem, newParagraph } from '../nodes';
import type { OutlineWarning } from '../outlineTypes';
import { runInStart } from './classify';
import { endsWithColon, SINGLE_ITEM_CUE } from './markers';
import { normalizeOnly } from './normalize';
import { warn } from './warnings';

/** What the builder knows about how each problem was found. */
export interface BuildFacts {
  unmarked: ReadonlySet<NodeId>;
  continuations: ReadonlyArray<{ itemId: NodeId; part: number; line: number }>;
}

/** Run-ins longer than this are more than an aspect's short summary: the preview asks. */
export const LONG_RUN_IN = 20;

export function reviewGuesses(material: Material, facts: BuildFacts, warnings: OutlineWarning[], newId: () => NodeId): void {
  const continuations = new Map<NodeId, BuildFacts['continuations'][number][]>();
  for (const c of facts.continuations) {
    const list = continuations.get(c.itemId);
    if (list) list.push(c);
    else continuations.set(c.itemId, [c]);
  }
  for (const section of material.sections) {
    if (section.kind !== 'problems') continue;
    for (const block of section.children) if (block.type === 'aspect') reviewBlock(block, facts, continuations, warnings, newId);
  }
}

const norm = (text: string) => normalizeOnly(text.slice(0, 400)).trim();
export const hasSingleItemCue = (text: string) => SINGLE_ITEM_CUE.test(norm(text));

function reviewBlock(
  block: AspectBlock,
  facts: BuildFacts,
  continuations: Map<NodeId, BuildFacts['continuations'][number][]>,
  warnings: OutlineWarning[],
  newId: () => NodeId,
): void {
  const marked = (c: AspectBlock['children'][number]) => c.type === 'item' && !facts.unmarked.has(c.id);
  const hasMarked = block.children.some(marked);

  const runIn = runInStart(block.heading);
  if (runIn >= 0) {
    const rest = block.heading.slice(runIn).trim();
    const first = block.children[0];
    const empty = block.children.length === 0 || (block.children.length === 1 && first.type === 'item' && first.text === '' && first.children.length === 0);
    if (empty && !endsWithColon(norm(rest))) {
      // 「（一）在学习方面，主要是学得不深。」: the run-in is the block's one problem.
      block.heading = block.heading.slice(0, runIn).trimEnd();
      const item = first?.type === 'item' ? first : newItem(newId());
      item.text = rest;
      if (block.children.length === 0) block.children.push(item);
      if (!hasSingleItemCue(rest)) warnings.push(warn.guess('problem', rest, { nodeId: item.id }));
      return;
    }
    // A run-in that ends with ： introduces what follows; a long one that does not may be a problem.
    if (!empty && !endsWithColon(norm(rest)) && [...rest].length > LONG_RUN_IN) warnings.push(warn.guess('run-in', rest, { nodeId: block.id }));
  }

  // An unnumbered first paragraph before numbered problems is the lead-in.
  const first = block.children[0];
  if (first?.type === 'item' && facts.unmarked.has(first.id) && hasMarked && first.examples.length === 0 && first.children.length === 0) {
    block.children[0] = newParagraph(first.id, first.text);
  }
  const lastItem = block.children.findLastIndex((n) => n.type === 'item');
  block.children.forEach((c, i) => {
    if (c.type !== 'paragraph' || i > lastItem || endsWithColon(norm(c.text))) return;
    warnings.push(warn.guess('lead-in', c.text, { nodeId: c.id }));
  });

  const items = block.children.filter((c): c is Item => c.type === 'item');
  if (items.length === 1 && facts.unmarked.has(items[0].id) && !hasSingleItemCue(items[0].text)) {
    warnings.push(warn.guess('problem', items[0].text, { nodeId: items[0].id }));
  }
  for (const item of items) {
    const list = continuations.get(item.id) ?? [];
    const parts = list.length > 0 ? item.text.split('\n') : [];
    for (const c of list) {
      const part = parts[c.part];
      if (part !== undefined) warnings.push(warn.guess('continuation', part, { nodeId: c.itemId, line: c.line }, c.part));
    }
  }
}
