import { z } from 'zod';
import { channel } from './define';
import { id, oneOf, text, type Bilingual } from '../validation';
import { REVIEW_REASONS, type CriticismRule, type LeftKind, type LengthRange, type NameFlag, type ReviewReason, type SourceKind } from '../checks';
import type { ItemStatus } from '../rectification/model';

export { REVIEW_REASONS };
export type { CriticismRule, LeftKind, LengthRange, NameFlag, ReviewReason, SourceKind };

export const MAX_LIBRARY_BYTES = 20 * 1024 * 1024;

const C = {
  title: { zh: '标题', en: 'Title' },
  name: { zh: '名称', en: 'Name' },
  verdict: { zh: '标记', en: 'Mark' },
  label: { zh: '规则名称', en: 'Rule name' },
  labelEn: { zh: '英文名称', en: 'English name' },
  advice: { zh: '提示语', en: 'Advice' },
  phrase: { zh: '触发词', en: 'Trigger phrase' },
  example: { zh: '示例', en: 'Example' },
  kind: { zh: '规则类型', en: 'Rule kind' },
  reason: { zh: '理由', en: 'Reason' },
  leftKind: { zh: '对象', en: 'Subject' },
  reviewReason: { zh: '退回理由', en: 'Reason for return' },
  comment: { zh: '意见', en: 'Comment' },
} satisfies Record<string, Bilingual>;

/** One repeated passage: the checked text as written beside the source as written. */
export interface SimilarityPassage {
  /** The node of the checked material where the passage starts (null: the opening paragraph or a talk record). */
  nodeId: string | null;
  text: string;
  sourceText: string;
  /** Edit-distance similarity, 0.9–1. */
  similarity: number;
  /** Length in normalised characters (punctuation and spaces not counted). */
  chars: number;
}

export interface SimilaritySource {
  kind: SourceKind;
  /** own / colleague: the material and its author; library: the library item. */
  materialId: number | null;
  libraryId: number | null;
  /** 张三 (2024年度) or the library title. */
  who: string;
  year: number | null;
  /** Share (0–1) of the checked material that repeats this source. */
  share: number;
  /** More than WARN_SHARE repeats this single source. */
  warn: boolean;
  passages: SimilarityPassage[];
}

export interface MaterialCheck {
  materialId: number;
  /** Normalised length of what was compared (headings and formulas left out). */
  chars: number;
  /** Share repeating the author's own earlier materials, all years together. */
  ownShare: number;
  ownWarn: boolean;
  /** Characters left out as quotations of official texts (library items marked official). */
  officialChars: number;
  sources: SimilaritySource[];
  names: NameFlag[];
  /** How many materials the check had to (re)index first. */
  reindexed: number;
  /** Library documents sharing a few fingerprints that were not verified (beyond the 30 sharing the most). */
  unverifiedLibrary: number;
}

export interface TalkRecordPair {
  memberId: number;
  talker: string;
  a: { talkId: number; date: string; partner: string };
  b: { talkId: number; date: string; partner: string };
  /** Share (0–1) of the shorter record repeating the other. */
  share: number;
  passages: SimilarityPassage[];
}

export interface LibraryItem {
  id: number;
  title: string;
  fileName: string;
  year: number | null;
  official: boolean;
  chars: number;
  importedAt: string;
}

export interface NameEntry {
  id: number;
  name: string;
  verdict: 'foreign' | 'own';
}

/** A rule as stored: the built-in ones (seeded) can be disabled and edited, not deleted. */
export interface StoredCriticismRule extends CriticismRule {
  builtin: boolean;
}

/** What the 材料体检 reads besides the material itself: stored marks, last year's problems, the unit's length range. */
export interface CheckupData {
  materialId: number;
  /** The author's problems on last year's 整改清单 (the previous meeting's list, items naming this member). */
  lastYear: { id: number; seq: number; problem: string; status: ItemStatus; meetingYear: number }[];
  /** Opinions and last year's problems the author or secretary leaves unanswered, with the reason. */
  left: { kind: LeftKind; refId: number; reason: string; markedAt: string }[];
  /** The reviewer's ticks: reasons this material would be returned for, each with a comment. */
  reviews: { reason: ReviewReason; comment: string; setAt: string }[];
  length: LengthRange;
}

const year = z.number().int().min(1949).max(2200).nullable();

const ruleInput = z
  .object({
    id: id().nullable(),
    kind: oneOf(C.kind, ['contains', 'lacks']),
    label: text(C.label, 60, { min: 1 }),
    labelEn: text(C.labelEn, 120),
    advice: text(C.advice, 300),
    phrases: z.array(text(C.phrase, 40, { min: 1 })).min(1).max(100),
    examples: z.array(text(C.example, 200, { min: 1 })).max(30),
    enabled: z.boolean(),
  })
  .strict();

export const checksApi = {
  /** Similarity of one material to the author's earlier materials, colleagues' of this meeting and the library; wrong-unit names. */
  'checks.material': channel(z.object({ id: id() }).strict()).returns<MaterialCheck>(),
  /** Pairs of near-identical talk records of one talker in a meeting. */
  'checks.talks': channel(z.object({ meetingId: id() }).strict()).returns<TalkRecordPair[]>(),
  'checks.library.list': channel(z.object({}).strict()).returns<LibraryItem[]>(),
  'checks.library.import': channel(
    z
      .object({
        name: z.string().min(1).max(260),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_LIBRARY_BYTES, {
          params: { zh: '文件超过 20 MB，无法导入', en: 'The file is larger than 20 MB and cannot be imported' },
          message: '文件超过 20 MB，无法导入',
        }),
        official: z.boolean(),
        year,
      })
      .strict(),
  ).returns<LibraryItem>(),
  'checks.library.update': channel(z.object({ id: id(), title: text(C.title, 200, { min: 1 }), year, official: z.boolean() }).strict()).returns<LibraryItem>(),
  'checks.library.remove': channel(z.object({ id: id() }).strict()).returns<null>(),
  'checks.names.list': channel(z.object({ teamId: id() }).strict()).returns<NameEntry[]>(),
  'checks.names.set': channel(z.object({ teamId: id(), name: text(C.name, 40, { min: 2 }), verdict: oneOf(C.verdict, ['foreign', 'own']) }).strict()).returns<NameEntry[]>(),
  'checks.names.remove': channel(z.object({ teamId: id(), id: id() }).strict()).returns<NameEntry[]>(),
  /** What the 材料体检 of one material reads besides its content. */
  'checks.checkup': channel(z.object({ materialId: id() }).strict()).returns<CheckupData>(),
  /** Marks an opinion or last year's problem as left unanswered with a reason (null clears the mark). */
  'checks.checkup.leave': channel(
    z.object({ materialId: id(), kind: oneOf(C.leftKind, ['opinion', 'last_year']), refId: id(), reason: text(C.reason, 500, { min: 1 }).nullable() }).strict(),
  ).returns<CheckupData>(),
  /** The reviewer sets (or clears) one of the four 督导组 reasons with a comment. */
  'checks.checkup.review': channel(
    z.object({ materialId: id(), reason: oneOf(C.reviewReason, REVIEW_REASONS), set: z.boolean(), comment: text(C.comment, 1000) }).strict(),
  ).returns<CheckupData>(),
  'checks.rules.list': channel(z.object({}).strict()).returns<StoredCriticismRule[]>(),
  'checks.rules.save': channel(ruleInput).returns<StoredCriticismRule[]>(),
  /** Deletes a rule the unit added; a built-in rule is refused (it can be disabled instead). */
  'checks.rules.remove': channel(z.object({ id: id() }).strict()).returns<StoredCriticismRule[]>(),
};
