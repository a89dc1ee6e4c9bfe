// 材料体检 (issue 17 §3): what a reviewer checks before a material goes up, as a checklist whose rows point at the
// place in the text (a node) or at the opinion concerned. Advice only: nothing here stops a submission.
import type { Material } from '../materials/model';
import { charCount } from '../materials/summary';
import { aspectLabelOf } from '../materials/template';

export interface CheckupRow {
  code: 'aspect' | 'opinion' | 'causes' | 'measures' | 'caseAnalysis' | 'length';
  ok: boolean;
  /** What the row is about: the aspect's label, the opinion's text, the figure. */
  subject: string;
  /** The node to go to (a found aspect block, a section); null when the thing is missing. */
  nodeId: string | null;
  /** The opinion to go to (opinion rows). */
  opinionId: number | null;
  /** Count (numbered items, characters) when the row has one. */
  count: number | null;
}

export interface CheckupInput {
  material: Material;
  /** The meeting's aspects (方面), as labels. */
  aspects: readonly string[];
  /** Opinions addressed to the author, with the problems that answer them. */
  opinions: readonly { id: number; text: string; nodeIds: readonly string[] }[];
  length: { min: number; max: number };
  /** The meeting's rules ask for a 反面典型案例剖析 part (domain.md §9); omitted: not asked. */
  caseAnalysis?: boolean;
}

/** Default length range of a member's material (characters); a unit's own range replaces it. */
export const DEFAULT_LENGTH = { min: 3000, max: 10000 } as const;

const bare = (s: string) => s.replace(/^在|方面[。.]?$|[\s，。、“”]/g, '');

export function checkup(input: CheckupInput): CheckupRow[] {
  const rows: CheckupRow[] = [];
  const m = input.material;
  const blocks = m.sections.filter((s) => s.kind === 'problems').flatMap((s) => s.children.filter((c) => c.type === 'aspect'));
  for (const aspect of input.aspects) {
    const want = bare(aspectLabelOf(aspect) || aspect);
    const block = blocks.find((b) => {
      const have = bare(b.label || b.heading);
      return have !== '' && (have.includes(want) || want.includes(have)) && b.children.length > 0;
    });
    rows.push({ code: 'aspect', ok: block !== undefined, subject: aspect, nodeId: block?.id ?? null, opinionId: null, count: null });
  }
  for (const o of input.opinions) rows.push({ code: 'opinion', ok: o.nodeIds.length > 0, subject: o.text, nodeId: o.nodeIds[0] ?? null, opinionId: o.id, count: null });
  for (const kind of ['causes', 'measures'] as const) {
    const section = m.sections.find((s) => s.kind === kind);
    const items = section?.children.length ?? 0;
    const numbered = section !== undefined && (items <= 1 || section.listStyle !== 'none');
    rows.push({ code: kind, ok: items > 0 && numbered, subject: section?.heading ?? '', nodeId: section?.id ?? null, opinionId: null, count: items });
  }
  if (input.caseAnalysis) {
    const section = m.sections.find((s) => s.kind === 'caseAnalysis');
    const items = section?.children.length ?? 0;
    rows.push({ code: 'caseAnalysis', ok: items > 0, subject: section?.heading ?? '', nodeId: section?.id ?? null, opinionId: null, count: items });
  }
  const n = charCount(m);
  rows.push({ code: 'length', ok: n >= input.length.min && n <= input.length.max, subject: `${input.length.min}–${input.length.max}`, nodeId: null, opinionId: null, count: n });
  return rows;
}
