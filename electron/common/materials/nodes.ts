// Constructors for material nodes, used by the parser and by editors, so that every node starts
// with all of its fields (the stored JSON never has missing keys).
import type {
  AspectBlock,
  Example,
  Item,
  ListStyle,
  NodeId,
  OtherSection,
  Paragraph,
  PointsKind,
  PointsSection,
  ProblemsSection,
  Section,
  SectionKind,
} from './model';

export function newParagraph(id: NodeId, text: string): Paragraph {
  return { id, type: 'paragraph', text };
}

export function newExample(id: NodeId, text: string): Example {
  return { id, type: 'example', text };
}

export function newItem(id: NodeId, fields: Partial<Omit<Item, 'id' | 'type'>> = {}): Item {
  return {
    id,
    type: 'item',
    label: fields.label ?? '',
    heading: fields.heading ?? '',
    text: fields.text ?? '',
    examples: fields.examples ?? [],
    listStyle: fields.listStyle ?? 'none',
    children: fields.children ?? [],
  };
}

export function newAspectBlock(id: NodeId, fields: Partial<Omit<AspectBlock, 'id' | 'type'>> = {}): AspectBlock {
  return {
    id,
    type: 'aspect',
    label: fields.label ?? '',
    heading: fields.heading ?? '',
    listStyle: fields.listStyle ?? 'none',
    children: fields.children ?? [],
  };
}

export function newSection(id: NodeId, kind: 'problems', heading: string, listStyle?: ListStyle): ProblemsSection;
export function newSection(id: NodeId, kind: PointsKind, heading: string, listStyle?: ListStyle): PointsSection;
export function newSection(id: NodeId, kind: 'other', heading: string, listStyle?: ListStyle): OtherSection;
export function newSection(id: NodeId, kind: SectionKind, heading: string, listStyle?: ListStyle): Section;
export function newSection(id: NodeId, kind: SectionKind, heading: string, listStyle: ListStyle = 'none'): Section {
  const base = { id, type: 'section' as const, heading, listStyle };
  if (kind === 'problems') return { ...base, kind, children: [] };
  if (kind === 'other') return { ...base, kind, children: [] };
  return { ...base, kind, children: [] };
}
