import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, oneOf, text, verbatim, type Bilingual } from '../validation';
import { type Material, type OutlineJoin, type OutlineWarning } from '../materials';
import { materialSchema } from '../materials/schema';
import { EDITABLE_STATUSES, MATERIAL_STATUSES, MATERIAL_STATUS_LABELS, type MaterialStatus } from '../materials/status';
import type { OpinionChannel } from '../opinions/vocab';

export { EDITABLE_STATUSES, MATERIAL_STATUSES, MATERIAL_STATUS_LABELS, type MaterialStatus };

export type ReviewDecision = 'returned' | 'approved' | 'reopened';

/** The stored JSON of one material (current content or a version) may not exceed this many characters. */
export const MAX_CONTENT_CHARS = 1_000_000;
/** Pasted text accepted by the import preview. */
export const MAX_PASTE_CHARS = 1_000_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const M = {
  content: { zh: '材料内容', en: 'Material content' },
  reviewer: { zh: '审核人', en: 'Reviewer' },
  comment: { zh: '审核意见', en: 'Review comment' },
  deadline: { zh: '修改时限', en: 'Revision deadline' },
  note: { zh: '提交说明', en: 'Submission note' },
  text: { zh: '粘贴的文字', en: 'Pasted text' },
  format: { zh: '导出格式', en: 'Format' },
  decision: { zh: '审核结论', en: 'Decision' },
  nodeId: { zh: '问题编号', en: 'Problem id' },
} satisfies Record<string, Bilingual>;

const tooLarge = {
  zh: `材料内容过大（超过 ${MAX_CONTENT_CHARS / 10_000} 万字符），未保存。请检查是否误粘贴了其他文件的内容`,
  en: `The material is too large (over ${MAX_CONTENT_CHARS.toLocaleString('en')} characters) and was not saved. Check that no other file was pasted into it`,
};

/** A material tree as the editor or the import preview sends it: validated node by node, and bounded in size. */
export const materialContent = materialSchema.refine((m) => JSON.stringify(m).length <= MAX_CONTENT_CHARS, { params: tooLarge, message: tooLarge.zh });

export interface MaterialOpinion {
  id: number;
  text: string;
  channel: OpinionChannel;
  aspectId: number | null;
  date: string | null;
  /** Problems of this material that answer it (node ids). */
  nodeIds: string[];
}

export interface MaterialVersionInfo {
  id: number;
  number: number;
  note: string;
  submittedAt: string;
  charCount: number;
}

export interface MaterialReview {
  id: number;
  /** The version reviewed (null for a reopening after approval, or when the version is gone). */
  versionNumber: number | null;
  reviewer: string;
  decision: ReviewDecision;
  comment: string;
  deadline: string | null;
  reviewedAt: string;
}

/** One row of the meeting's list: every active member and the 班子, with or without a material yet. */
export interface MaterialSummary {
  /** null: not started yet. */
  id: number | null;
  meetingId: number;
  /** null: the 班子 material. */
  memberId: number | null;
  author: string;
  position: string;
  status: MaterialStatus | null;
  charCount: number;
  problemCount: number;
  versionCount: number;
  lastSubmittedAt: string | null;
  /** The latest review, when there is one. */
  lastReview: MaterialReview | null;
  opinionCount: number;
  /** Opinions addressed to the author that no problem answers yet. */
  unansweredCount: number;
  updatedAt: string | null;
}

export interface MaterialDetail {
  id: number;
  meetingId: number;
  memberId: number | null;
  author: string;
  position: string;
  status: MaterialStatus;
  content: Material;
  revision: number;
  charCount: number;
  createdAt: string;
  updatedAt: string;
  versions: MaterialVersionInfo[];
  reviews: MaterialReview[];
  /** The opinions addressed to the author (raw, verbatim), with the problems that answer each. */
  opinions: MaterialOpinion[];
}

export interface MaterialSaveResult {
  revision: number;
  /** True when a newer save had already been stored: this one was ignored. */
  stale: boolean;
  updatedAt: string;
  charCount: number;
}

export interface MaterialParsePreview {
  material: Material;
  warnings: OutlineWarning[];
  /** Line breaks removed as hard wraps (PDF copies); each can be undone by parsing again with keepBreaks. */
  joins: OutlineJoin[];
  format: 'text' | 'txt' | 'docx';
  /** The detected encoding of a .txt file. */
  encoding: string | null;
  charCount: number;
  /** Larger than a material may be stored: the preview shows it, saving will be refused. */
  tooLarge: boolean;
}

export interface MaterialVersion {
  info: MaterialVersionInfo;
  content: Material;
}

export interface SavedMaterialExport {
  saved: boolean;
  files: { path: string; fileName: string; bytes: number }[];
}

/** Lines the user wants kept apart (joins undone in the preview). */
const keepBreaks = z.array(z.number().int().min(1).max(10_000_000)).max(100_000).optional();

const parseInput = z.discriminatedUnion('source', [
  z.object({ source: z.literal('text'), text: verbatim(M.text, MAX_PASTE_CHARS), keepBreaks }).strict(),
  z
    .object({
      source: z.literal('file'),
      keepBreaks,
      name: z.string().min(1).max(260),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, {
        params: { zh: '文件超过 20 MB，无法导入', en: 'The file is larger than 20 MB and cannot be imported' },
        message: '文件超过 20 MB，无法导入',
      }),
    })
    .strict(),
]);

const reviewer = text(M.reviewer, 50, { min: 1 });
const materialId = z.object({ id: id() }).strict();

export const materialsApi = {
  'materials.list': channel(z.object({ meetingId: id() }).strict()).returns<MaterialSummary[]>(),
  'materials.get': channel(materialId).returns<MaterialDetail>(),
  /** Starts a member's (or, with memberId null, the 班子's) material: the given content, or the usual outline. */
  'materials.create': channel(z.object({ meetingId: id(), memberId: id().nullable(), content: materialContent.nullable() }).strict()).returns<MaterialDetail>(),
  /** The autosave: stores the content when `revision` is newer than the stored one. Refused once submitted or approved. */
  'materials.save': channel(z.object({ id: id(), content: materialContent, revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict()).returns<MaterialSaveResult>(),
  /** Pasted text, a .txt or a .docx → the tree and warnings to preview. Nothing is stored. */
  'materials.parse': channel(parseInput).returns<MaterialParsePreview>(),
  'materials.submit': channel(z.object({ id: id(), note: text(M.note, 500) }).strict()).returns<MaterialDetail>(),
  /** The author takes a submitted material back before it is reviewed. */
  'materials.withdraw': channel(materialId).returns<MaterialDetail>(),
  'materials.review': channel(
    z
      .object({ id: id(), decision: oneOf(M.decision, ['approve', 'return']), reviewer, comment: text(M.comment, 5000), deadline: isoDate(M.deadline).nullable() })
      .strict()
      .refine((r) => r.decision === 'approve' || r.comment !== '', {
        path: ['comment'],
        params: { zh: '退回修改时请写明审核意见', en: 'Say what must be revised when returning a material' },
        message: '退回修改时请写明审核意见',
      }),
  ).returns<MaterialDetail>(),
  /** An approved material opened again for changes (it goes back to 退回修改, with the reason). */
  'materials.reopen': channel(z.object({ id: id(), reviewer, comment: text(M.comment, 5000, { min: 1 }) }).strict()).returns<MaterialDetail>(),
  'materials.version': channel(materialId).returns<MaterialVersion>(),
  /** The opinions one problem answers (replaces its links). */
  'materials.link': channel(
    z.object({ id: id(), nodeId: verbatim(M.nodeId, 64).refine((v) => v !== '', { params: { zh: '请选择问题', en: 'Choose a problem' }, message: '请选择问题' }), opinionIds: z.array(id()).max(500) }).strict(),
  ).returns<MaterialDetail>(),
  /** Word (GB/T 9704) or plain text; one material asks for a file name, several (or all: ids null) for a folder. */
  'materials.export': channel(z.object({ meetingId: id(), ids: z.array(id()).min(1).max(200).nullable(), format: oneOf(M.format, ['docx', 'txt']) }).strict()).returns<SavedMaterialExport>(),
};
