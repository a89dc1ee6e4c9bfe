import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, L, oneOf, text, verbatim } from '../validation';
import type { ReportEditState } from '../report/edit';
import { CHANGE_FIELDS, DEADLINE_KINDS, IMPORTED_ORIGIN_KINDS, ITEM_STATUSES, ORIGIN_KINDS, PROGRESS_KINDS, SOURCE_TYPES } from '../rectification/model';
import type { ChangeField, Deadline, DeadlineKind, ItemSourceType, ItemStatus, OriginKind, ProgressKind } from '../rectification/model';
import type { ListStats } from '../rectification/stats';
import { PRINT_COLUMN_KEYS } from '../rectification/printColumns';
import { SOURCE_IMPORT_FIELDS, type SourceImportField } from '../rectification/sourceImport';

export interface ItemSource {
  type: ItemSourceType;
  id: number;
  /** Snapshot of the source text when it was linked (verbatim). */
  text: string;
  origin: string;
}

export interface Evidence {
  id: number;
  name: string;
  /** Where an older reference pointed (no file stored); '' for a stored file. */
  path: string;
  /** The progress entry (or 销号) it was attached to; null: attached to the item. */
  progressId: number | null;
  /** The file itself is in the data file (can be opened and exported); false for a bare reference. */
  stored: boolean;
  format: string | null;
  bytes: number;
}

/** Another item the user linked as the same problem (raised by another source); its wording stays its own. */
export interface LinkedItem {
  itemId: number;
  meetingId: number;
  /** 2025年度民主生活会 (short name of the meeting whose list holds it). */
  meetingName: string;
  /** In the same list as the item that names it. */
  sameList: boolean;
  seq: number;
  originKind: OriginKind;
  origin: string;
  status: ItemStatus;
  /** 「与本清单第7项（巡视巡察反馈）为同一问题」: as every export says it. */
  phrase: string;
}

/** Two items of different sources whose problems read alike: offered for linking, never linked by the app. */
export interface DuplicateSuggestion {
  score: number;
  items: [DuplicateSide, DuplicateSide];
}

/** A suggestion the user answered 「不是同一问题」: no longer offered until restored. */
export interface DismissedDuplicate {
  dismissedAt: string;
  items: [DuplicateSide, DuplicateSide];
}

export interface DuplicateSide {
  itemId: number;
  meetingId: number;
  meetingName: string;
  sameList: boolean;
  seq: number;
  problem: string;
  originKind: OriginKind;
  origin: string;
  status: ItemStatus;
}

export interface RectificationItem {
  id: number;
  seq: number;
  aspectId: number | null;
  aspectLabel: string;
  /** The member the problem is about (个人清单); null: the 班子. */
  memberId: number | null;
  memberName: string;
  problem: string;
  target: string;
  measures: string[];
  leaders: { memberId: number; name: string }[];
  unit: string;
  ownerPerson: string;
  deadline: Deadline;
  progress: string;
  status: ItemStatus;
  /** Derived from the deadline and today; never stored. */
  overdue: boolean;
  closedOn: string | null;
  acceptor: string;
  note: string;
  /** Where the problem was raised: this meeting, or another rectification of the one ledger (巡察, 审计…). */
  originKind: OriginKind;
  /** The source's own name for it, e.g. 「县委第三巡察组反馈意见」; '' for the meeting's own items. */
  origin: string;
  evidence: Evidence[];
  /** The 验收人's reason when the item was closed without a stored file. */
  noEvidenceReason: string;
  /** 已销号 with no stored 佐证材料: every export marks it. */
  closedWithoutEvidence: boolean;
  sources: ItemSource[];
  /** Items of other sources the user linked as the same problem: progress and 销号 on one apply to all. */
  linked: LinkedItem[];
  /** Number of recorded changes since agreement. */
  changes: number;
}

export interface RectificationList {
  meetingId: number;
  listId: number | null;
  status: 'draft' | 'agreed';
  agreedOn: string | null;
  agreedBy: string;
  today: string;
  items: RectificationItem[];
  stats: ListStats;
  members: { id: number; name: string; position: string }[];
  aspects: { id: number; label: string }[];
}

export interface SourceOption extends ItemSource {
  aspectId: number | null;
  memberId: number | null;
  /** Sequence numbers of the items already built from this source. */
  usedBy: number[];
  /** Marked 转为整改事项 in the minutes console. */
  promoted: boolean;
}

export interface ChangeEntry {
  id: number;
  at: string;
  by: string;
  reason: string;
  field: ChangeField;
  before: string;
  after: string;
}

export interface ProgressEntry {
  id: number;
  date: string;
  kind: ProgressKind;
  text: string;
  by: string;
  statusFrom: ItemStatus | null;
  statusTo: ItemStatus | null;
  noEvidenceReason: string;
  evidence: Evidence[];
  /**
   * Written here because it was written on a linked item (its 序号 then); null for an entry made on this item.
   * `stillLinked` false: the two were unlinked later (the copy stays, marked).
   */
  linkedFrom: { itemId: number; seq: number; stillLinked: boolean } | null;
}

export interface ItemHistory {
  changes: ChangeEntry[];
  progress: ProgressEntry[];
  /** The item as agreed, or null when the list was not agreed or the item was added afterwards. */
  agreed: AgreedItem | null;
}

/** One item as frozen at agreement (the JSON snapshot). */
export interface AgreedItem {
  id: number;
  seq: number;
  aspectLabel: string;
  memberId: number | null;
  memberName: string;
  problem: string;
  sources: string[];
  target: string;
  measures: string[];
  leaders: string[];
  unit: string;
  ownerPerson: string;
  deadline: Deadline;
  note: string;
}

export interface CarryOverReport {
  previousMeeting: { id: number; year: number; kind: 'annual' | 'special'; date: string; theme: string } | null;
  /** The 通报上年度整改落实情况 text, paragraph by paragraph; empty without a previous list. */
  paragraphs: string[];
  open: { id: number; seq: number; problem: string; status: ItemStatus; leaders: string[]; why: string; carried: boolean }[];
  /** 通报××整改整治情况: one per other source held in this meeting's ledger (巡察, 学习教育整改整治…), from its items. */
  sources: { originKind: OriginKind; origin: string; title: string; paragraphs: string[] }[];
}

/**
 * One opening 通报 item of the meeting (domain.md §9), generated from the ledger: the meeting's extra 通报 items, then
 * 通报上年度民主生活会整改落实情况. `paragraphs` empty and `missing` set when the ledger cannot support the text.
 */
export interface OpeningNotice {
  kind: 'notice' | 'last_year';
  /** The agenda title: 「通报中央八项规定精神学习教育整改整治情况」. */
  title: string;
  paragraphs: string[];
  /** Why there is no text ('' when there is). */
  missing: string;
  missingEn: string;
  /**
   * What a printed draft (the 主持词) says in the text's place: the fact alone, without the advice `missing` gives the
   * user on screen ('' when there is text).
   */
  gap: string;
}

export interface ImportDiffRow {
  rowNumber: number;
  itemId: number | null;
  seq: number | null;
  changes: { field: 'progress' | 'status' | 'closedOn' | 'acceptor' | 'note'; before: string; after: string }[];
  errors: string[];
  errorsEn: string[];
}

export interface ImportPreview {
  rows: ImportDiffRow[];
  /** Problems with the file as a whole (no header, wrong meeting…). */
  errors: { message: string; messageEn: string }[];
  changedItems: number;
}

export interface SavedExport {
  saved: boolean;
  path: string | null;
  fileName: string | null;
  bytes: number;
}

/** One row of the 回头看 view: an item not yet closed, in any list of the team. */
export interface ReviewRow {
  itemId: number;
  meetingId: number;
  /** 2025年度民主生活会 …: the list the item belongs to. */
  meetingName: string;
  seq: number;
  problem: string;
  sources: string[];
  originKind: OriginKind;
  status: ItemStatus;
  overdue: boolean;
  deadline: Deadline;
  leaders: string[];
  unit: string;
  ownerPerson: string;
  /** Days since the list was agreed (or the item created, for a draft). */
  ageDays: number;
  lastProgress: { date: string; text: string } | null;
  /** 「与2025年度民主生活会整改清单第7项（…）为同一问题」 for each item linked to it. */
  linked: string[];
  linkedIds: number[];
}

export interface ReviewView {
  today: string;
  rows: ReviewRow[];
  /** Open problems (items linked as the same problem count once), how many of them overdue, and the rows shown. */
  counts: { open: number; overdue: number; rows: number };
}

export interface EvidenceExport {
  saved: boolean;
  folder: string | null;
  files: number;
  items: number;
  /** Items closed without evidence, listed in the folder's 佐证材料目录. */
  closedWithoutEvidence: number;
}

export interface SourceImportRow {
  rowNumber: number;
  problem: string;
  aspect: string;
  aspectId: number | null;
  target: string;
  measures: string[];
  leaders: string[];
  leaderIds: number[];
  unit: string;
  ownerPerson: string;
  deadline: Deadline;
  note: string;
  errors: string[];
  errorsEn: string[];
  /** Kept out of the item, said so (an aspect or a leader the meeting does not know). */
  warnings: string[];
}

export interface SourceImportPreview {
  sheet: string;
  headerRow: number | null;
  /** Every column of the header, with the field it is taken for; guessed: the app's guess, not the user's choice. */
  columns: { column: number; header: string; field: SourceImportField | null; guessed: boolean }[];
  /** The first 200 rows as they would be imported. */
  rows: SourceImportRow[];
  total: number;
  valid: number;
  errors: { message: string; messageEn: string }[];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
}

/** A claim the report leaves out, and why the data does not support it. */
export interface ReportMissing {
  claim: string;
  why: string;
  /** The same in English, for the English interface (the Word report is Chinese only). */
  claimEn: string;
  whyEn: string;
}

export interface ReportDraft {
  title: string;
  /** 主送机关, or a visible placeholder (listed in missing) when none is set. */
  addressee: string;
  /** The opening paragraph (time, place, 主持人, attendance, guests), empty when the meeting is not known as held. */
  opening: string[];
  sections: ReportSection[];
  /** 「特此报告。」 */
  closing: string;
  attachments: string[];
  /** 落款: the team and the draft's date. */
  signature: { organ: string; date: string };
  /** Claims left out because the data does not support them (never shown as 0 or guessed). */
  missing: ReportMissing[];
}

const LR = {
  problem: { zh: '问题表现', en: 'Problem' },
  addressee: { zh: '主送机关', en: 'Addressed to' },
  target: { zh: '整改目标', en: 'Target' },
  measure: { zh: '整改措施', en: 'Measure' },
  unit: { zh: '责任单位', en: 'Responsible unit' },
  ownerPerson: { zh: '具体责任人', en: 'Person in charge' },
  progress: { zh: '整改进展', en: 'Progress' },
  acceptor: { zh: '验收人', en: 'Acceptor' },
  by: { zh: '经办人', en: 'Recorded by' },
  reason: { zh: '修改原因', en: 'Reason for the change' },
  evidenceName: { zh: '佐证材料名称', en: 'Evidence name' },
  originKind: { zh: '整改来源', en: 'Raised by' },
  origin: { zh: '来源说明', en: 'Origin' },
  noEvidenceReason: { zh: '无佐证材料的原因', en: 'Reason for closing without evidence' },
  status: { zh: '整改状态', en: 'Status' },
  deadline: { zh: '整改时限', en: 'Deadline' },
  source: { zh: '问题来源', en: 'Source' },
  kind: { zh: '记录类型', en: 'Entry type' },
};

// 限期 without a date is 未定 (not chosen yet): a draft may hold it, 审议通过 refuses it (see deadlineChosen).
const deadline = z.object({ kind: oneOf(LR.deadline, DEADLINE_KINDS), date: isoDate(L.date).nullable() }).strict();

const MB = 1024 * 1024;
const fileBytes = (max: number) =>
  z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= max * MB, {
    params: { zh: `文件为空或超过 ${max} MB`, en: `The file is empty or larger than ${max} MB` },
    message: `文件为空或超过 ${max} MB`,
  });
/** A 佐证材料 file as uploaded: its name (extension checked against the bytes) and its content. */
const evidenceFile = z.object({ name: text(LR.evidenceName, 200, { min: 1 }), file: fileBytes(20) }).strict();
/** Several files travel in one call: together they stay within what the bridge carries (see harness/gate.ts). */
const evidenceFiles = (min: number) =>
  z
    .array(evidenceFile)
    .min(min)
    .max(10)
    .refine((files) => files.reduce((n, f) => n + f.file.byteLength, 0) <= 40 * MB, {
      params: { zh: '一次上传的佐证材料合计不能超过 40 MB', en: 'Files uploaded at once must not exceed 40 MB in total' },
      message: '一次上传的佐证材料合计不能超过 40 MB',
    });
/**
 * A source is named by the id its provider gives it: opinions offer raw (not yet consolidated) opinions under negative
 * ids so they never collide with consolidated ones, so any non-zero integer is valid here; resolveSources checks it.
 */
const sourceId = z
  .number()
  .int()
  .min(-Number.MAX_SAFE_INTEGER)
  .max(Number.MAX_SAFE_INTEGER)
  .refine((n) => n !== 0, { params: { zh: '问题来源编号无效', en: 'Invalid source id' }, message: '问题来源编号无效' });
const sourceRef = z.object({ type: oneOf(LR.source, SOURCE_TYPES), id: sourceId }).strict();

export const itemFields = z
  .object({
    aspectId: id().nullable(),
    memberId: id().nullable(),
    problem: text(LR.problem, 4000, { min: 1 }),
    target: text(LR.target, 2000),
    measures: z.array(text(LR.measure, 2000, { min: 1 })).max(30),
    leaderIds: z.array(id()).max(20),
    unit: text(LR.unit, 200),
    ownerPerson: text(LR.ownerPerson, 200),
    deadline,
    note: text(L.note, 1000),
    originKind: oneOf(LR.originKind, ORIGIN_KINDS).optional(),
    origin: text(LR.origin, 200).optional(),
  })
  .strict();

/** Who changes an agreed item and why: required for changes to problem, measures, owners or deadline. */
const changeReason = z.object({ by: text(LR.by, 50, { min: 1 }), reason: text(LR.reason, 1000, { min: 1 }) }).strict();

const exportVersion = oneOf({ zh: '导出版本', en: 'Version' }, ['current', 'agreed']);
const scope = z.union([z.literal('all'), z.literal('team'), id()]);
const bytes = z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 20 * 1024 * 1024, {
  params: { zh: '文件为空或超过 20 MB', en: 'The file is empty or larger than 20 MB' },
  message: '文件为空或超过 20 MB',
});

const sourceMapping = z
  .array(z.object({ column: z.number().int().min(1).max(500), field: oneOf({ zh: '对应内容', en: 'Field' }, SOURCE_IMPORT_FIELDS).nullable() }).strict())
  .max(500);

export const rectificationApi = {
  'rectification.get': channel(z.object({ meetingId: id(), today: isoDate(L.date).optional() }).strict()).returns<RectificationList>(),
  'rectification.sources': channel(z.object({ meetingId: id() }).strict()).returns<SourceOption[]>(),
  'rectification.createItem': channel(z.object({ meetingId: id(), item: itemFields, sources: z.array(sourceRef).max(100) }).strict()).returns<RectificationList>(),
  'rectification.updateItem': channel(
    z.object({ itemId: id(), patch: itemFields.partial(), change: changeReason.optional() }).strict(),
  ).returns<RectificationList>(),
  'rectification.deleteItem': channel(z.object({ itemId: id() }).strict()).returns<RectificationList>(),
  'rectification.merge': channel(z.object({ itemIds: z.array(id()).min(2).max(50) }).strict()).returns<RectificationList>(),
  'rectification.split': channel(
    z.object({ itemId: id(), problems: z.array(text(LR.problem, 4000, { min: 1 })).min(2).max(20) }).strict(),
  ).returns<RectificationList>(),
  'rectification.linkSource': channel(z.object({ itemId: id(), source: sourceRef }).strict()).returns<RectificationList>(),
  'rectification.unlinkSource': channel(z.object({ itemId: id(), source: sourceRef }).strict()).returns<RectificationList>(),
  /** 同一问题: items of other sources whose problems read alike (this list's items against the team's open ledger). */
  'rectification.duplicates': channel(z.object({ meetingId: id() }).strict()).returns<DuplicateSuggestion[]>(),
  /** 「不是同一问题」: the pair is no longer suggested (kept until restored). Returns the suggestions left. */
  'rectification.dismissDuplicate': channel(z.object({ meetingId: id(), itemId: id(), withItemId: id() }).strict()).returns<DuplicateSuggestion[]>(),
  /** The pairs dismissed that involve this list's items, the latest first. */
  'rectification.dismissedDuplicates': channel(z.object({ meetingId: id() }).strict()).returns<DismissedDuplicate[]>(),
  /** Undoes a dismissal: the pair is suggested again when its problems still read alike. Returns the dismissals left. */
  'rectification.restoreDuplicate': channel(z.object({ meetingId: id(), itemId: id(), withItemId: id() }).strict()).returns<DismissedDuplicate[]>(),
  /**
   * Links two items of the same team as one problem; the returned list is the one of `meetingId`. When one side is
   * closed and the other open, its 销号 with the evidence is copied to the open side: refused unless `carryClosure`
   * confirms it (rectification.linkCarriesClosure names what would be closed).
   */
  'rectification.link': channel(z.object({ meetingId: id(), itemId: id(), withItemId: id(), carryClosure: z.boolean().optional() }).strict()).returns<RectificationList>(),
  /** Takes the item out of its link (the others stay linked with each other). */
  'rectification.unlink': channel(z.object({ meetingId: id(), itemId: id() }).strict()).returns<RectificationList>(),
  'rectification.move': channel(z.object({ itemId: id(), toSeq: z.number().int().min(1).max(100000) }).strict()).returns<RectificationList>(),
  'rectification.agree': channel(z.object({ meetingId: id(), agreedOn: isoDate(L.date), agreedBy: text(LR.by, 50, { min: 1 }) }).strict()).returns<RectificationList>(),
  'rectification.addProgress': channel(
    z
      .object({
        itemId: id(),
        date: isoDate(L.date),
        kind: oneOf(LR.kind, PROGRESS_KINDS),
        text: text(LR.progress, 4000),
        by: text(LR.by, 50),
        statusTo: oneOf(LR.status, ITEM_STATUSES).nullable(),
        acceptor: text(LR.acceptor, 50),
        evidence: evidenceFiles(0),
        /** 销号 without a file: the 验收人's reason (required then, see progress.ts). */
        noEvidenceReason: text(LR.noEvidenceReason, 1000).optional(),
      })
      .strict()
      .refine((p) => p.statusTo !== 'closed' || p.acceptor.length > 0, {
        path: ['acceptor'],
        params: { zh: '销号须填写验收人', en: 'Closing an item needs the acceptor' },
        message: '销号须填写验收人',
      })
      .refine((p) => p.text.length > 0 || p.statusTo !== null || p.evidence.length > 0, {
        path: ['text'],
        params: { zh: '请填写进展情况', en: 'Describe the progress' },
        message: '请填写进展情况',
      }),
  ).returns<RectificationList>(),
  'rectification.attachEvidence': channel(z.object({ itemId: id(), progressId: id().nullable(), files: evidenceFiles(1) }).strict()).returns<RectificationList>(),
  'rectification.removeEvidence': channel(z.object({ evidenceId: id() }).strict()).returns<RectificationList>(),
  /** One stored file, saved where the user chooses (to open it). */
  'rectification.saveEvidence': channel(z.object({ evidenceId: id() }).strict()).returns<SavedExport>(),
  /** Every stored file of the list into a chosen folder, one sub-folder per item, with a 佐证材料目录 workbook. */
  'rectification.exportEvidence': channel(z.object({ meetingId: id(), scope }).strict()).returns<EvidenceExport>(),
  /** 回头看: every item of the team's lists not yet closed, with age, owners and last progress. */
  'rectification.review': channel(z.object({ meetingId: id(), today: isoDate(L.date).optional() }).strict()).returns<ReviewView>(),
  'rectification.exportReview': channel(z.object({ meetingId: id() }).strict()).returns<SavedExport>(),
  /** 一本台账: another source's list from Excel, columns guessed and shown; `mapping` overrides the guesses. */
  'rectification.sourcePreview': channel(z.object({ meetingId: id(), file: bytes, mapping: sourceMapping.optional() }).strict()).returns<SourceImportPreview>(),
  'rectification.sourceImport': channel(
    z
      .object({ meetingId: id(), file: bytes, mapping: sourceMapping, originKind: oneOf(LR.originKind, IMPORTED_ORIGIN_KINDS), origin: text(LR.origin, 200, { min: 1 }) })
      .strict(),
  ).returns<{ list: RectificationList; imported: number }>(),
  'rectification.history': channel(z.object({ itemId: id() }).strict()).returns<ItemHistory>(),
  'rectification.agreedVersion': channel(z.object({ meetingId: id() }).strict()).returns<{ agreedOn: string; agreedBy: string; items: AgreedItem[] } | null>(),
  'rectification.carryOver': channel(z.object({ meetingId: id(), today: isoDate(L.date).optional() }).strict()).returns<CarryOverReport>(),
  'rectification.opening': channel(z.object({ meetingId: id(), today: isoDate(L.date).optional() }).strict()).returns<OpeningNotice[]>(),
  'rectification.carryItems': channel(z.object({ meetingId: id(), itemIds: z.array(id()).min(1).max(500) }).strict()).returns<RectificationList>(),
  'rectification.exportXlsx': channel(z.object({ meetingId: id(), version: exportVersion, scope }).strict()).returns<SavedExport>(),
  'rectification.exportDocx': channel(
    z
      .object({
        meetingId: id(),
        version: exportVersion,
        scope,
        attachmentLabel: text({ zh: '附件标识', en: 'Attachment label' }, 20).nullable(),
        /** Columns the working version prints (序号 and 问题表现 always); the agreed version prints its fixed 11. */
        columns: z.array(oneOf({ zh: '打印列', en: 'Printed column' }, PRINT_COLUMN_KEYS)).max(PRINT_COLUMN_KEYS.length).optional(),
      })
      .strict(),
  ).returns<SavedExport>(),
  'rectification.exportCsv': channel(z.object({ meetingId: id(), scope }).strict()).returns<SavedExport>(),
  /** The print HTML as an A4 landscape PDF (desktop app only; refused with rectification.pdfUnavailable elsewhere). */
  'rectification.exportPdf': channel(z.object({ meetingId: id(), version: exportVersion, scope }).strict()).returns<SavedExport>(),
  'rectification.printHtml': channel(z.object({ meetingId: id(), version: exportVersion, scope }).strict()).returns<string>(),
  'rectification.importPreview': channel(z.object({ meetingId: id(), file: bytes }).strict()).returns<ImportPreview>(),
  'rectification.importApply': channel(z.object({ meetingId: id(), file: bytes, by: text(LR.by, 50), date: isoDate(L.date) }).strict()).returns<RectificationList>(),
  'report.draft': channel(z.object({ meetingId: id() }).strict()).returns<ReportDraft>(),
  'report.exportDocx': channel(z.object({ meetingId: id() }).strict()).returns<SavedExport>(),
  /** 主送机关 of the meeting's team (its superior, e.g. 中共青溪县委); '' clears it. */
  'report.setAddressee': channel(z.object({ meetingId: id(), addressee: text(LR.addressee, 100) }).strict()).returns<ReportDraft>(),
  /** The secretary's edit of the report body with what changed in the data since (null: the generated draft is used). */
  'report.edit': channel(z.object({ meetingId: id() }).strict()).returns<ReportEditState | null>(),
  /** Stores the edited body; each paragraph keeps the generated text of its slot as its basis. */
  'report.saveEdit': channel(
    z
      .object({
        meetingId: id(),
        paragraphs: z
          .array(
            z
              .object({
                slot: z.string().max(300).nullable(),
                section: z.string().max(200),
                text: verbatim({ zh: '报告段落', en: 'Report paragraph' }, 5000).refine((t) => t.trim().length > 0, { params: { zh: '段落不能为空（不需要的段落请删除）', en: 'A paragraph cannot be empty (delete it instead)' }, message: '段落不能为空' }),
              })
              .strict(),
          )
          .max(300),
      })
      .strict(),
  ).returns<ReportEditState>(),
  /** Drops the edit: the report is the generated draft again. */
  'report.discardEdit': channel(z.object({ meetingId: id() }).strict()).returns<null>(),
};

export type { ReportEditState };
export type { ChangeField, Deadline, DeadlineKind, ItemSourceType, ItemStatus, OriginKind, ProgressKind };
export { CHANGE_FIELDS };
