// Structural edits an editor makes on a material: find a node, insert, remove, move. They mutate the
// material in place (callers that need undo clone first) and refuse moves the model cannot hold,
// e.g. an item directly under the problems section or inside an unrecognised section.
import type { AspectBlock, Example, Item, Material, MaterialNode, NodeId, Paragraph, Section } from './model';

export type Container = Material | Section | AspectBlock | Item;
type Child = Section | AspectBlock | Item | Paragraph | Example;

/** Where a node sits: its container, the list holding it, and its index there. */
export interface Location {
  container: Container;
  list: Child[];
  index: number;
}

function isMaterial(c: Container): c is Material {
  return !('type' in c);
}

/** The list of `container` that would hold `node`, or null when the model does not allow it. */
function listFor(container: Container, node: Child): Child[] | null {
  if (isMaterial(container)) return node.type === 'section' ? container.sections : null;
  if (node.type === 'example') return container.type === 'item' ? container.examples : null;
  if (node.type === 'section') return null;
  switch (container.type) {
    case 'section':
      if (container.kind === 'other') return node.type === 'paragraph' ? container.children : null;
      if (container.kind === 'problems') return node.type === 'item' ? null : container.children;
      return node.type === 'aspect' ? null : container.children;
    case 'aspect':
    case 'item':
      return node.type === 'aspect' ? null : container.children;
  }
}

/** Whether `container` may hold `node` (for drag-and-drop feedback). */
export function canContain(container: Container, node: MaterialNode): boolean {
  return listFor(container, node) !== null;
}

function* containers(material: Material): Generator<Container> {
  yield material;
  const stack: Container[] = [...material.sections];
  while (stack.length > 0) {
    const c = stack.pop()!;
    yield c;
    if (isMaterial(c)) continue;
    for (const child of c.children) if (child.type === 'aspect' || child.type === 'item') stack.push(child);
  }
}

function listsOf(container: Container): Child[][] {
  if (isMaterial(container)) return [container.sections];
  if (container.type === 'item') return [container.examples, container.children];
  return [container.children];
}

export function locate(material: Material, id: NodeId): Location | null {
  for (const container of containers(material)) {
    for (const list of listsOf(container)) {
      const index = list.findIndex((n) => n.id === id);
      if (index >= 0) return { container, list, index };
    }
  }
  return null;
}

/** The container with this id (the material itself for null). */
export function findContainer(material: Material, id: NodeId | null): Container | null {
  if (id === null) return material;
  for (const c of containers(material)) if (!isMaterial(c) && c.id === id) return c;
  return null;
}

/** Insert `node` into the container with id `parentId` (null: the material) at `index` (default: end). */
export function insertNode(material: Material, parentId: NodeId | null, node: MaterialNode, index?: number): boolean {
  const container = findContainer(material, parentId);
  const list = container ? listFor(container, node) : null;
  if (!list) return false;
  list.splice(index === undefined ? list.length : Math.max(0, Math.min(index, list.length)), 0, node);
  return true;
}

/** Remove the node with `id`; returns it, or null when there is none. */
export function removeNode(material: Material, id: NodeId): MaterialNode | null {
  const at = locate(material, id);
  if (!at) return null;
  return at.list.splice(at.index, 1)[0];
}

/**
 * Move the node with `id` into the container `parentId` at `index` (counted after removal).
 * Refused (false, nothing changed) when the target cannot hold it or lies inside the node itself.
 */
export function moveNode(material: Material, id: NodeId, parentId: NodeId | null, index?: number): boolean {
  const at = locate(material, id);
  const target = findContainer(material, parentId);
  if (!at || !target) return false;
  const node = at.list[at.index];
  if (!listFor(target, node)) return false;
  if (parentId !== null && (parentId === id || containsId(node, parentId))) return false;
  at.list.splice(at.index, 1);
  return insertNode(material, parentId, node, index);
}

function containsId(node: Child, id: NodeId): boolean {
  if (node.type === 'paragraph' || node.type === 'example') return false;
  const children: Child[] = node.type === 'item' ? [...node.examples, ...node.children] : node.children;
  return children.some((c) => c.id === id || containsId(c, id));
}

/**
 * Moves a node one place up (-1) or down (+1) among its siblings. A problem at the top or bottom of
 * its aspect moves on into the neighbouring aspect (to its end or start), so the same two keys take
 * an item anywhere. False when there is nowhere to go.
 */
export function shiftNode(material: Material, id: NodeId, direction: -1 | 1): boolean {
  const at = locate(material, id);
  if (!at) return false;
  const target = at.index + direction;
  if (target >= 0 && target < at.list.length) {
    const [node] = at.list.splice(at.index, 1);
    at.list.splice(target, 0, node);
    return true;
  }
  const node = at.list[at.index];
  if (isMaterial(at.container) || at.container.type !== 'aspect' || node.type === 'example') return false;
  const section = material.sections.find((s) => s.kind === 'problems' && s.children.includes(at.container as AspectBlock));
  if (!section) return false;
  const blocks = section.children.filter((c): c is AspectBlock => c.type === 'aspect');
  const next = blocks[blocks.indexOf(at.container) + direction];
  if (!next) return false;
  at.list.splice(at.index, 1);
  if (direction < 0) next.children.push(node as Item | Paragraph);
  else next.children.unshift(node as Item | Paragraph);
  return true;
}

/**
 * Gives a container holding several items a numbering style when it has none. Unnumbered items
 * written one after another read as one item once printed (and parse back as one), so an editor
 * calls this after adding an item.
 */
export function ensureNumbered(container: Container): void {
  if (isMaterial(container) || (container.type === 'section' && container.kind === 'other')) return;
  if (container.listStyle !== 'none') return;
  const items = container.children.filter((c) => c.type === 'item');
  if (items.length < 2) return;
  container.listStyle = container.type === 'section' ? 'cn-paren' : 'cn-shi';
}
