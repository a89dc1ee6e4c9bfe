// 材料体检 (issue 17 §3): what a reviewer checks before a material goes up, as a checklist whose rows point at the
// place in the text (a node) or at the opinion concerned. Advice only: nothing here stops a submission.
import type { Material } from '../materials/model';
import { charCount } from '../materials/summary';
import { aspectLabelOf } from '../materials/template';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import { materialSegments } from './segments';

export interface CheckupRow {
  code: 'aspect' | 'opinion' | 'lastYear' | 'causes' | 'measures' | 'caseAnalysis' | 'length';
  ok: boolean;
  /** What the row is about: the aspect's label, the opinion's text, last year's problem, the figure. */
  subject: string;
  /** The node to go to (a found aspect block, a section, the passage taking up last year's problem); null when missing. */
  nodeId: string | null;
  /** The opinion to go to (opinion rows). */
  opinionId: number | null;
  /** Last year's rectification item (lastYear rows). */
  itemId: number | null;
  /** Count (numbered items, characters, last year's seq) when the row has one. */
  count: number | null;
  /** Why the author leaves it unanswered, when marked so (opinion and lastYear rows); the row then counts as done. */
  left: string | null;
}

export type LeftKind = 'opinion' | 'last_year';

/** The four reasons a 督导组 returns a material for (domain.md §10), in the order they are shown. */
export const REVIEW_REASONS = ['practice', 'opinions', 'problems', 'depth'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface LengthRange {
  min: number;
  max: number;
}

export interface CheckupInput {
  material: Material;
  /** The meeting's aspects (方面), as labels. */
  aspects: readonly string[];
  /** Opinions addressed to the author, with the problems that answer them. */
  opinions: readonly { id: number; text: string; nodeIds: readonly string[] }[];
  /** The author's own problems on last year's 整改清单 (items of the previous meeting's list naming this member). */
  lastYear?: readonly { id: number; seq: number; problem: string }[];
  /** Opinions and last year's problems explicitly left unanswered, with the reason. */
  left?: readonly { kind: LeftKind; refId: number; reason: string }[];
  length: LengthRange;
  /** The meeting's rules ask for a 反面典型案例剖析 part (domain.md §9); omitted: not asked. */
  caseAnalysis?: boolean;
}

/** Default length range of a member's material (characters); a unit's own range (settings) replaces it. */
export const DEFAULT_LENGTH: LengthRange = DEFAULT_SETTINGS.materialLength;

/** Share of last year's problem's character pairs a passage must hold to count as taking it up. */
export const LAST_YEAR_OVERLAP = 0.5;

const bare = (s: string) => s.replace(/^在|方面[。.]?$|[\s，。、“”]/g, '');

/** Distinct pairs of adjacent letters (CJK, Latin, digits), punctuation and spaces left out. */
function pairs(text: string): Set<string> {
  const t = text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** The passage of the material that best takes up a problem (most shared character pairs), when enough do. */
export function passageTakingUp(material: Material, problem: string): string | null {
  const want = pairs(problem);
  if (want.size === 0) return null;
  let best: { nodeId: string | null; share: number } | null = null;
  for (const s of materialSegments(material)) {
    const have = pairs(s.text);
    let n = 0;
    for (const p of want) if (have.has(p)) n++;
    const share = n / want.size;
    if (share >= LAST_YEAR_OVERLAP && (best === null || share > best.share)) best = { nodeId: s.nodeId, share };
  }
  return best?.nodeId ?? null;
}

export function checkup(input: CheckupInput): CheckupRow[] {
  const rows: CheckupRow[] = [];
  const m = input.material;
  const leftOf = (kind: LeftKind, id: number) => input.left?.find((l) => l.kind === kind && l.refId === id)?.reason ?? null;
  const row = (r: Pick<CheckupRow, 'code' | 'ok' | 'subject'> & Partial<CheckupRow>): CheckupRow => ({ nodeId: null, opinionId: null, itemId: null, count: null, left: null, ...r });
  const blocks = m.sections.filter((s) => s.kind === 'problems').flatMap((s) => s.children.filter((c) => c.type === 'aspect'));
  for (const aspect of input.aspects) {
    const want = bare(aspectLabelOf(aspect) || aspect);
    const block = blocks.find((b) => {
      const have = bare(b.label || b.heading);
      return have !== '' && (have.includes(want) || want.includes(have)) && b.children.length > 0;
    });
    rows.push(row({ code: 'aspect', ok: block !== undefined, subject: aspect, nodeId: block?.id ?? null }));
  }
  for (const o of input.opinions) {
    const left = leftOf('opinion', o.id);
    rows.push(row({ code: 'opinion', ok: o.nodeIds.length > 0 || left !== null, subject: o.text, nodeId: o.nodeIds[0] ?? null, opinionId: o.id, left: o.nodeIds.length > 0 ? null : left }));
  }
  for (const item of input.lastYear ?? []) {
    const nodeId = passageTakingUp(m, item.problem);
    const left = nodeId === null ? leftOf('last_year', item.id) : null;
    rows.push(row({ code: 'lastYear', ok: nodeId !== null || left !== null, subject: item.problem, nodeId, itemId: item.id, count: item.seq, left }));
  }
  for (const kind of ['causes', 'measures'] as const) {
    const section = m.sections.find((s) => s.kind === kind);
    const items = section?.children.length ?? 0;
    const numbered = section !== undefined && (items <= 1 || section.listStyle !== 'none');
    rows.push(row({ code: kind, ok: items > 0 && numbered, subject: section?.heading ?? '', nodeId: section?.id ?? null, count: items }));
  }
  if (input.caseAnalysis) {
    const section = m.sections.find((s) => s.kind === 'caseAnalysis');
    const items = section?.children.length ?? 0;
    rows.push(row({ code: 'caseAnalysis', ok: items > 0, subject: section?.heading ?? '', nodeId: section?.id ?? null, count: items }));
  }
  const n = charCount(m);
  rows.push(row({ code: 'length', ok: n >= input.length.min && n <= input.length.max, subject: `${input.length.min}–${input.length.max}`, count: n }));
  return rows;
}
