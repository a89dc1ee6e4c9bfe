/**
 * The secretary's edit of the 会议情况报告 body over the generated draft. Every generated paragraph has a slot
 * (「o0」 for the opening, 「一、会前准备工作#2」 in a section); an edited paragraph remembers the slot it came from and
 * the generated text it started from (its basis). When the data changes, the generated text of the slot differs from
 * the basis: the sentences that changed are listed, and flagged stale where the edited text still holds the old one.
 * Pure: the handler stores and reads, the renderer shows.
 */
import type { ReportDraft } from '../api/rectification';

export interface ReportParagraphInput {
  /** The generated paragraph this one started from; null for a paragraph the secretary added. */
  slot: string | null;
  /** The section heading it sits under; '' for the opening. */
  section: string;
  text: string;
}

export interface StoredReportParagraph extends ReportParagraphInput {
  /** The generated text of the slot when the paragraph was last saved (null for an added paragraph). */
  basis: string | null;
}

export interface GeneratedParagraph {
  slot: string;
  section: string;
  text: string;
}

export interface ReportChange {
  /** Index of the edited paragraph, or null for a generated paragraph the edit does not hold (new data). */
  index: number | null;
  slot: string;
  section: string;
  /** Sentences the data no longer supports as they were. */
  before: string[];
  /** What the data says now in that paragraph. */
  after: string[];
  /** The edited text still holds one of the old sentences: its figure is out of date. */
  stale: boolean;
}

export interface ReportEditState {
  paragraphs: StoredReportParagraph[];
  changes: ReportChange[];
  updatedAt: string;
}

/** Every generated body paragraph with its slot, in order. */
export function generatedParagraphs(draft: Pick<ReportDraft, 'opening' | 'sections'>): GeneratedParagraph[] {
  return [
    ...draft.opening.map((text, i) => ({ slot: `o${i}`, section: '', text })),
    ...draft.sections.flatMap((s) => s.paragraphs.map((text, i) => ({ slot: `${s.heading}#${i}`, section: s.heading, text }))),
  ];
}

/** Sentences, each with its closing mark: 「……252条。」「……」. */
export function sentences(text: string): string[] {
  return (text.match(/[^。！？；]+[。！？；]?/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** The edit to store: each paragraph keeps the generated text of its slot as its basis. */
export function withBasis(draft: Pick<ReportDraft, 'opening' | 'sections'>, input: readonly ReportParagraphInput[]): StoredReportParagraph[] {
  const bySlot = new Map(generatedParagraphs(draft).map((g) => [g.slot, g.text]));
  return input.map((p) => ({ ...p, slot: p.slot !== null && bySlot.has(p.slot) ? p.slot : null, basis: p.slot !== null ? (bySlot.get(p.slot) ?? null) : null }));
}

/** What changed in the data since each paragraph was saved, and generated paragraphs the edit does not hold. */
export function reviewEdit(draft: Pick<ReportDraft, 'opening' | 'sections'>, stored: readonly StoredReportParagraph[]): ReportChange[] {
  const generated = generatedParagraphs(draft);
  const bySlot = new Map(generated.map((g) => [g.slot, g]));
  const changes: ReportChange[] = [];
  stored.forEach((p, index) => {
    if (p.slot === null || p.basis === null) return;
    const now = bySlot.get(p.slot)?.text ?? '';
    if (now === p.basis) return;
    const nowSentences = sentences(now);
    const before = sentences(p.basis).filter((s) => !nowSentences.includes(s));
    const after = nowSentences.filter((s) => !sentences(p.basis!).includes(s));
    if (before.length === 0 && after.length === 0) return;
    changes.push({ index, slot: p.slot, section: p.section, before, after, stale: before.some((s) => p.text.includes(s)) });
  });
  const held = new Set(stored.map((p) => p.slot));
  for (const g of generated) {
    // A paragraph the data supports now and did not when the edit was saved (e.g. the list was agreed since).
    if (!held.has(g.slot) && !stored.some((p) => p.basis === g.text)) changes.push({ index: null, slot: g.slot, section: g.section, before: [], after: sentences(g.text), stale: false });
  }
  return changes;
}

/** The draft with its body replaced by the edit: sections in the order the edit holds them. */
export function applyEdit(draft: ReportDraft, stored: readonly StoredReportParagraph[]): ReportDraft {
  const opening = stored.filter((p) => p.section === '').map((p) => p.text);
  const sections: ReportDraft['sections'] = [];
  for (const p of stored.filter((q) => q.section !== '')) {
    let section = sections.find((s) => s.heading === p.section);
    if (!section) sections.push((section = { heading: p.section, paragraphs: [] }));
    section.paragraphs.push(p.text);
  }
  return { ...draft, opening, sections };
}
