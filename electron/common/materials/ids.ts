// Node ids: short, stable strings. A counter is enough because ids only need to be unique within one
// material; an editor continues after the highest id already used.
import type { Material, NodeId } from './model';
import { walkMaterial } from './walk';

/** A generator yielding `${prefix}1`, `${prefix}2`, … starting after `start`. */
export function createIdGenerator(prefix = 'n', start = 0): () => NodeId {
  let next = start;
  return () => `${prefix}${++next}`;
}

/** A generator that never collides with ids already in `material` (for editors adding nodes). */
export function idGeneratorFor(material: Material, prefix = 'n'): () => NodeId {
  let max = 0;
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)$`);
  walkMaterial(material, (node) => {
    const m = pattern.exec(node.id);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return createIdGenerator(prefix, max);
}
