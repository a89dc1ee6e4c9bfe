import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, L, oneOf, text, verbatim } from '../validation';
import { HANDLINGS, OPINION_CHANNELS, type Handling, type OpinionChannel } from '../opinions/vocab';

export { HANDLINGS, OPINION_CHANNELS, type Handling, type OpinionChannel };

export const MAX_OPINION_CHARS = 5000;
export const MAX_BATCH = 500;
export const MAX_IMPORT_FILES = 20;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const O = {
  channel: { zh: '来源渠道', en: 'Channel' },
  source: { zh: '来源单位/群体', en: 'Source' },
  text: { zh: '意见原文', en: 'Opinion text' },
  consolidated: { zh: '梳理后意见', en: 'Consolidated opinion' },
  submitter: { zh: '提出人', en: 'Submitter' },
  handling: { zh: '处理方式', en: 'Handling' },
  format: { zh: '导出格式', en: 'Format' },
};

/** A raw opinion, as given. `submitter` is always null for an anonymous one (nothing else about its giver is kept). */
export interface RawOpinion {
  id: number;
  meetingId: number;
  channel: OpinionChannel;
  source: string;
  date: string | null;
  targetMemberId: number | null;
  aspectId: number | null;
  text: string;
  anonymous: boolean;
  submitter: string | null;
  consolidatedId: number | null;
  imported: boolean;
}

export interface ConsolidatedOpinion {
  id: number;
  meetingId: number;
  text: string;
  targetMemberId: number | null;
  aspectId: number | null;
  handling: Handling;
  note: string;
  rawIds: number[];
}

export interface FormCount {
  channel: OpinionChannel;
  issued: number;
  returned: number;
}

export interface OpinionBoard {
  opinions: RawOpinion[];
  consolidated: ConsolidatedOpinion[];
  forms: FormCount[];
}

export interface CountRow {
  key: string;
  label: string;
  raw: number;
  consolidated: number;
}

export interface OpinionStats {
  raw: number;
  /** Consolidated opinions plus raw opinions not yet merged into one (each still counts as one item). */
  consolidated: number;
  unsorted: number;
  anonymous: number;
  rawToTeam: number;
  rawToMembers: number;
  consolidatedToTeam: number;
  consolidatedToMembers: number;
  byChannel: (CountRow & { issued: number; returned: number })[];
  byTarget: (CountRow & { memberId: number | null })[];
  byAspect: (CountRow & { aspectId: number | null })[];
  formsIssued: number;
  formsReturned: number;
  /** The ready paragraph for the agenda item 通报征求意见情况. */
  paragraph: string;
}

export interface DuplicateCluster {
  opinionIds: number[];
  score: number;
}

export interface ImportRowPreview {
  sheet: string;
  rowNumber: number;
  text: string;
  targetLabel: string;
  targetMemberId: number | null;
  aspectId: number | null;
  aspectLabel: string;
  channel: OpinionChannel;
  source: string;
  date: string | null;
  anonymous: boolean;
  submitter: string | null;
  errors: string[];
  errorsEn: string[];
  /** Already imported before (same file, same row): will be skipped. */
  alreadyImported: boolean;
}

export interface ImportFilePreview {
  name: string;
  error: { message: string; messageEn: string } | null;
  notes: { message: string; messageEn: string }[];
  rows: ImportRowPreview[];
  valid: number;
  invalid: number;
  alreadyImported: number;
}

export interface ImportResult {
  imported: number;
  skippedInvalid: number;
  skippedDuplicate: number;
}

export interface SavedExport {
  saved: boolean;
  files: { path: string; fileName: string; bytes: number }[];
}

const targetMemberId = id().nullable();
const aspectId = id().nullable();
const date = isoDate(L.date).nullable();

export const opinionFields = z
  .object({
    channel: oneOf(O.channel, OPINION_CHANNELS),
    source: text(O.source, 100),
    date,
    targetMemberId,
    aspectId,
    text: verbatim(O.text, MAX_OPINION_CHARS).refine((t) => t.trim() !== '', { params: { zh: '请填写意见原文', en: 'The opinion text is required' }, message: '请填写意见原文' }),
    anonymous: z.boolean(),
    submitter: text(O.submitter, 50),
  })
  .strict();

const consolidatedFields = {
  text: text(O.consolidated, MAX_OPINION_CHARS, { min: 1 }),
  targetMemberId,
  aspectId,
  handling: oneOf(O.handling, HANDLINGS),
  note: text(L.note, 500),
};

const importFile = z
  .object({
    name: z.string().min(1).max(260),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_IMPORT_BYTES, {
      params: { zh: '文件超过 20 MB，无法导入', en: 'The file is larger than 20 MB and cannot be imported' },
      message: '文件超过 20 MB，无法导入',
    }),
  })
  .strict();
const importFiles = z.array(importFile).min(1).max(MAX_IMPORT_FILES);
const ids = z.array(id()).min(1).max(5000);
const meetingOnly = z.object({ meetingId: id() }).strict();

export const opinionsApi = {
  'opinions.board': channel(meetingOnly).returns<OpinionBoard>(),
  'opinions.create': channel(z.object({ meetingId: id(), opinion: opinionFields }).strict()).returns<RawOpinion>(),
  'opinions.createBatch': channel(
    z
      .object({
        meetingId: id(),
        common: opinionFields.omit({ text: true }),
        texts: z.array(verbatim(O.text, MAX_OPINION_CHARS)).min(1).max(MAX_BATCH),
        /** Targets set by lead-ins of the pasted text (「对张卫东同志的意见：」): texts[index] is about this member (null: the 班子). */
        targets: z
          .array(z.object({ index: z.number().int().min(0).max(MAX_BATCH - 1), targetMemberId }).strict())
          .max(MAX_BATCH)
          .optional(),
      })
      .strict()
      .refine((b) => (b.targets ?? []).every((t) => t.index < b.texts.length), {
        path: ['targets'],
        params: { zh: '意见对象与意见条目不对应', en: 'A target points at no opinion of the batch' },
        message: '意见对象与意见条目不对应',
      }),
  ).returns<RawOpinion[]>(),
  'opinions.update': channel(z.object({ id: id(), opinion: opinionFields }).strict()).returns<RawOpinion>(),
  'opinions.delete': channel(z.object({ meetingId: id(), ids }).strict()).returns<number>(),
  'opinions.classify': channel(
    z
      .object({ meetingId: id(), opinionIds: z.array(id()).max(5000), consolidatedIds: z.array(id()).max(5000), targetMemberId: targetMemberId.optional(), aspectId: aspectId.optional() })
      .strict(),
  ).returns<OpinionBoard>(),
  'opinions.merge': channel(z.object({ meetingId: id(), opinionIds: ids, ...consolidatedFields }).strict()).returns<ConsolidatedOpinion>(),
  'opinions.updateConsolidated': channel(z.object({ id: id(), ...consolidatedFields }).strict()).returns<ConsolidatedOpinion>(),
  'opinions.unmerge': channel(z.object({ id: id() }).strict()).returns<number[]>(),
  'opinions.detach': channel(z.object({ opinionId: id() }).strict()).returns<OpinionBoard>(),
  /** Each raw opinion not yet merged becomes a consolidated opinion of its own, text unchanged. */
  'opinions.confirmSingles': channel(z.object({ meetingId: id(), handling: oneOf(O.handling, HANDLINGS) }).strict()).returns<number>(),
  'opinions.duplicates': channel(z.object({ meetingId: id(), threshold: z.number().min(0.3).max(1).optional() }).strict()).returns<DuplicateCluster[]>(),
  'opinions.setForms': channel(
    z
      .object({ meetingId: id(), channel: oneOf(O.channel, OPINION_CHANNELS), issued: z.number().int().min(0).max(1_000_000), returned: z.number().int().min(0).max(1_000_000) })
      .strict()
      .refine((f) => f.returned <= f.issued, { path: ['returned'], params: { zh: '收回份数不能多于发放份数', en: 'Forms returned cannot exceed forms issued' }, message: '收回份数不能多于发放份数' }),
  ).returns<FormCount[]>(),
  'opinions.stats': channel(meetingOnly).returns<OpinionStats>(),
  'opinions.importPreview': channel(z.object({ meetingId: id(), files: importFiles }).strict()).returns<ImportFilePreview[]>(),
  'opinions.importCommit': channel(z.object({ meetingId: id(), files: importFiles, skipInvalid: z.boolean() }).strict()).returns<ImportResult>(),
  'opinions.exportTemplate': channel(meetingOnly).returns<SavedExport>(),
  'opinions.exportSummary': channel(z.object({ meetingId: id(), format: oneOf(O.format, ['xlsx', 'docx']) }).strict()).returns<SavedExport>(),
  'opinions.exportStats': channel(meetingOnly).returns<SavedExport>(),
  /** memberIds: the members to export for (null in the list: the 班子); one file each. A folder is asked for when there are several. */
  'opinions.exportFeedback': channel(
    z.object({ meetingId: id(), memberIds: z.array(id().nullable()).min(1).max(100), format: oneOf(O.format, ['xlsx', 'docx']) }).strict(),
  ).returns<SavedExport>(),
};
