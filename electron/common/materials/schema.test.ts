import { describe, expect, it } from 'vitest';
import { createIdGenerator } from './ids';
import type { Item, Material } from './model';
import { newItem, newSection } from './nodes';
import { parseOutline } from './outline';
import { materialSchema, MAX_ITEM_DEPTH } from './schema';

const SAMPLE =
  '对照检查材料\n现对照检查如下：\n一、存在的问题\n（一）在学习方面。一是学得不深。比如，笔记少。\n二、整改措施\n（一）加强学习。1.每周自学。\n三、其他\n说明。';

describe('materialSchema', () => {
  it('accepts what the parser produces, unchanged (text is never trimmed)', () => {
    const { material } = parseOutline(SAMPLE);
    material.opening = '  现对照检查如下：  ';
    expect(materialSchema.parse(JSON.parse(JSON.stringify(material)))).toEqual(material);
  });

  it('refuses an item inside an unrecognised section and unknown kinds or styles', () => {
    const { material } = parseOutline(SAMPLE);
    const broken = JSON.parse(JSON.stringify(material)) as { sections: Array<Record<string, unknown>> };
    broken.sections[2].children = [newItem('x1')];
    expect(materialSchema.safeParse(broken).success).toBe(false);
    const badKind = JSON.parse(JSON.stringify(material)) as { sections: Array<Record<string, unknown>> };
    badKind.sections[0].kind = 'opinions';
    expect(materialSchema.safeParse(badKind).success).toBe(false);
    const badStyle = JSON.parse(JSON.stringify(material)) as { sections: Array<Record<string, unknown>> };
    badStyle.sections[1].listStyle = 'roman';
    expect(materialSchema.safeParse(badStyle).success).toBe(false);
  });

  it('refuses duplicate ids and missing fields', () => {
    const { material } = parseOutline(SAMPLE);
    const dup = JSON.parse(JSON.stringify(material)) as Material;
    dup.sections[1].id = dup.sections[0].id;
    expect(materialSchema.safeParse(dup).success).toBe(false);
    const missing = JSON.parse(JSON.stringify(material)) as { sections: Array<Record<string, unknown>> };
    delete missing.sections[0].heading;
    expect(materialSchema.safeParse(missing).success).toBe(false);
  });

  it('refuses nesting deeper than the editor allows', () => {
    const id = createIdGenerator();
    const measures = newSection(id(), 'measures', '整改措施');
    let parent: Item = newItem(id());
    measures.children.push(parent);
    for (let depth = 1; depth < MAX_ITEM_DEPTH; depth++) {
      const child = newItem(id());
      parent.children.push(child);
      parent = child;
    }
    const material: Material = { title: '', opening: '', sections: [measures] };
    expect(materialSchema.safeParse(material).success).toBe(true);
    parent.children.push(newItem(id()));
    expect(materialSchema.safeParse(material).success).toBe(false);
  });
});
