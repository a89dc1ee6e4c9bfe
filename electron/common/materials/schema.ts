// Runtime validation of a stored or edited material (IPC input, JSON read back from SQLite), built
// from the shared bilingual blocks. A compile-time check below keeps it identical to model.ts.
import { z } from 'zod';
import { verbatim, type Bilingual } from '../validation';
import type { Item, Material } from './model';
import { walkMaterial } from './walk';

const LABELS = {
  title: { zh: '标题', en: 'Title' },
  opening: { zh: '开头部分', en: 'Opening' },
  heading: { zh: '标题文字', en: 'Heading' },
  label: { zh: '对照检查方面', en: 'Aspect' },
  text: { zh: '正文', en: 'Text' },
  nodeId: { zh: '节点编号', en: 'Node id' },
} satisfies Record<string, Bilingual>;

// Generous limits: a whole material is usually 5,000–20,000 characters.
const MAX_TEXT = 100_000;
const MAX_HEADING = 2_000;
const MAX_CHILDREN = 500;
/** Section → block → item → sub-item → …: deeper nesting is refused (it also bounds recursion). */
export const MAX_ITEM_DEPTH = 6;

const nodeId = verbatim(LABELS.nodeId, 64).refine((v) => v.length > 0, { message: '节点编号不能为空', params: { zh: '节点编号不能为空', en: 'A node id is empty' } });
const listStyle = z.enum(['cn-paren', 'arabic-dot', 'arabic-paren', 'cn-shi', 'cn-yao', 'cn-di', 'circled', 'none']);

const paragraphSchema = z.object({ id: nodeId, type: z.literal('paragraph'), text: verbatim(LABELS.text, MAX_TEXT) });
const exampleSchema = z.object({ id: nodeId, type: z.literal('example'), text: verbatim(LABELS.text, MAX_TEXT) });

const itemSchema: z.ZodType<Item> = z.lazy(() =>
  z.object({
    id: nodeId,
    type: z.literal('item'),
    label: verbatim(LABELS.label, MAX_HEADING),
    heading: verbatim(LABELS.heading, MAX_HEADING),
    text: verbatim(LABELS.text, MAX_TEXT),
    examples: z.array(exampleSchema).max(MAX_CHILDREN),
    listStyle,
    children: z.array(z.union([itemSchema, paragraphSchema])).max(MAX_CHILDREN),
  }),
);

const itemChild = z.union([itemSchema, paragraphSchema]);

const aspectBlockSchema = z.object({
  id: nodeId,
  type: z.literal('aspect'),
  label: verbatim(LABELS.label, MAX_HEADING),
  heading: verbatim(LABELS.heading, MAX_HEADING),
  listStyle,
  children: z.array(itemChild).max(MAX_CHILDREN),
});

const sectionBase = {
  id: nodeId,
  type: z.literal('section'),
  heading: verbatim(LABELS.heading, MAX_HEADING),
  listStyle,
};

const sectionSchema = z.discriminatedUnion('kind', [
  z.object({ ...sectionBase, kind: z.literal('problems'), children: z.array(z.union([aspectBlockSchema, paragraphSchema])).max(MAX_CHILDREN) }),
  z.object({ ...sectionBase, kind: z.enum(['causes', 'measures', 'lastYear', 'statement', 'caseAnalysis']), children: z.array(itemChild).max(MAX_CHILDREN) }),
  z.object({ ...sectionBase, kind: z.literal('other'), children: z.array(paragraphSchema).max(MAX_CHILDREN) }),
]);

function itemDepth(children: Material['sections'][number]['children']): number {
  let depth = 0;
  for (const child of children) {
    if (child.type === 'item') depth = Math.max(depth, 1 + itemDepth(child.children));
    else if (child.type === 'aspect') depth = Math.max(depth, itemDepth(child.children));
  }
  return depth;
}

export const materialSchema = z
  .object({
    title: verbatim(LABELS.title, MAX_HEADING),
    opening: verbatim(LABELS.opening, MAX_TEXT),
    sections: z.array(sectionSchema).max(MAX_CHILDREN),
  })
  .refine((m) => m.sections.every((s) => itemDepth(s.children) <= MAX_ITEM_DEPTH), {
    message: `条目层级过深（最多 ${MAX_ITEM_DEPTH} 层）`,
    params: { zh: `条目层级过深（最多 ${MAX_ITEM_DEPTH} 层）`, en: `Items are nested too deeply (at most ${MAX_ITEM_DEPTH} levels)` },
  })
  .refine(
    (m) => {
      const ids = new Set<string>();
      let duplicate = false;
      walkMaterial(m, (node) => {
        if (ids.has(node.id)) duplicate = true;
        ids.add(node.id);
      });
      return !duplicate;
    },
    { message: '节点编号重复', params: { zh: '节点编号重复', en: 'Duplicate node ids' } },
  );

// model.ts is the source of truth; this fails to compile when the schema drifts from it.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaMatchesModel: Equals<z.infer<typeof materialSchema>, Material> = true;
void schemaMatchesModel;
