import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, L, oneOf, text, verbatim } from '../validation';
import type { ReportEditState } from '../report/edit';
import { CHANGE_FIELDS, DEADLINE_KINDS, ITEM_STATUSES, PROGRESS_KINDS, SOURCE_TYPES } from '../rectification/model';
import type { ChangeField, Deadline, DeadlineKind, ItemSourceType, ItemStatus, ProgressKind } from '../rectification/model';
import type { ListStats } from '../rectification/stats';
import { PRINT_COLUMN_KEYS } from '../rectification/printColumns';

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
  path: string;
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
  evidence: Evidence[];
  sources: ItemSource[];
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
  evidence: Evidence[];
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
  evidencePath: { zh: '佐证材料位置', en: 'Evidence location' },
  status: { zh: '整改状态', en: 'Status' },
  deadline: { zh: '整改时限', en: 'Deadline' },
  source: { zh: '问题来源', en: 'Source' },
  kind: { zh: '记录类型', en: 'Entry type' },
};

// 限期 without a date is 未定 (not chosen yet): a draft may hold it, 审议通过 refuses it (see deadlineChosen).
const deadline = z.object({ kind: oneOf(LR.deadline, DEADLINE_KINDS), date: isoDate(L.date).nullable() }).strict();

const evidence = z.object({ name: text(LR.evidenceName, 200, { min: 1 }), path: text(LR.evidencePath, 1000) }).strict();
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
        evidence: z.array(evidence).max(20),
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
  'rectification.history': channel(z.object({ itemId: id() }).strict()).returns<ItemHistory>(),
  'rectification.agreedVersion': channel(z.object({ meetingId: id() }).strict()).returns<{ agreedOn: string; agreedBy: string; items: AgreedItem[] } | null>(),
  'rectification.carryOver': channel(z.object({ meetingId: id(), today: isoDate(L.date).optional() }).strict()).returns<CarryOverReport>(),
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
export type { ChangeField, Deadline, DeadlineKind, ItemSourceType, ItemStatus, ProgressKind };
export { CHANGE_FIELDS };
