// Depth-first visit of every node of a material, in document order.
import type { Item, ItemChild, Material, MaterialNode } from './model';

export function walkMaterial(material: Material, visit: (node: MaterialNode) => void): void {
  for (const section of material.sections) {
    visit(section);
    for (const child of section.children) {
      if (child.type === 'aspect') {
        visit(child);
        walkChildren(child.children, visit);
      } else {
        walkChildren([child], visit);
      }
    }
  }
}

function walkChildren(children: ItemChild[], visit: (node: MaterialNode) => void): void {
  for (const child of children) {
    visit(child);
    if (child.type === 'item') walkItem(child, visit);
  }
}

function walkItem(item: Item, visit: (node: MaterialNode) => void): void {
  for (const example of item.examples) visit(example);
  walkChildren(item.children, visit);
}
