import { z } from 'zod';
import { channel } from './define';
import { fileBytes } from './exchange';
import { id, oneOf, text, verbatim, type Bilingual } from '../validation';
import { LONE_SURROGATE, LONG_TEXT_FORBIDDEN } from '../hiddenCharacters';
import { AGENDA_KINDS, ENTRY_TYPES, type AgendaKind, type EntryType, type MinutesMember, type Speaker } from '../minutes/types';

export const ENTRY_TEXT_MAX = 20000;
const L = {
  entry: { zh: '记录内容', en: 'Entry text' },
  type: { zh: '发言类型', en: 'Entry type' },
  key: { zh: '记录标识', en: 'Entry key' },
  title: { zh: '议程名称', en: 'Agenda item' },
  guest: { zh: '发言人', en: 'Speaker' },
  reason: { zh: '重新打开的理由', en: 'Reason for reopening' },
  confirm: { zh: '确认人', en: 'Confirmed by' },
  kind: { zh: '议程类别', en: 'Agenda kind' },
  recorder: { zh: '另一台的记录人', en: 'Other recorder' },
  choice: { zh: '合并选择', en: 'Merge choice' },
} satisfies Record<string, Bilingual>;

export interface AgendaItem {
  id: number;
  kind: AgendaKind;
  title: string;
  memberId: number | null;
  plannedMinutes: number | null;
  startedAt: string | null;
  endedAt: string | null;
  speakers: Speaker[];
  entryCount: number;
}

export interface Speech {
  id: number;
  agendaItemId: number;
  memberId: number | null;
  guestName: string;
  role: Speaker['role'];
  startedAt: string;
  endedAt: string | null;
}

export interface Entry {
  id: number;
  key: string;
  agendaItemId: number;
  speechId: number | null;
  type: EntryType;
  fromMemberId: number | null;
  fromGuest: string;
  toMemberId: number | null;
  aspectId: number | null;
  text: string;
  sortOrder: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
  promotedAt: string | null;
  /** The other recorder whose record this entry came from (a merge); '' for this laptop's own. */
  originRecorder: string;
}

export interface Cursor {
  itemId: number | null;
  speakerIndex: number;
  /** The speech being recorded now (null before the meeting starts or after it ends). */
  speech: Speech | null;
  /** The entry the composer was typing when the console was last used: reopened after a crash. */
  draftEntryId: number | null;
}

export interface Finalization {
  finalizedAt: string | null;
  hostConfirmed: string;
  recorderConfirmed: string;
  reopenLog: { at: string; reason: string; finalizedAt: string }[];
}

export interface MinutesConsole {
  meetingId: number;
  status: 'preparing' | 'in_progress' | 'held' | 'closed';
  startedAt: string | null;
  endedAt: string | null;
  members: MinutesMember[];
  hostMemberId: number | null;
  recorder: string;
  supervisors: string[];
  aspects: { id: number; label: string }[];
  agenda: AgendaItem[];
  speeches: Speech[];
  entries: Entry[];
  cursor: Cursor;
  finalization: Finalization;
}

export interface SaveEntryResult {
  id: number;
  key: string;
  /** The revision now stored: higher than the one sent when a newer save got there first. */
  revision: number;
  /** True when this save was older than what is stored and was ignored. */
  stale: boolean;
  updatedAt: string;
}

export interface ExportedFile {
  saved: boolean;
  path: string | null;
  fileName: string | null;
  bytes: number;
}

export interface DossierView {
  memberId: number | null;
  sections: { kind: string; title: { zh: string; en: string }; paragraphs: string[] }[];
}

/** One choice per difference: this laptop's text, the other recorder's, or both joined (with a visible mark). */
export type MergeChoice = 'here' | 'there' | 'both';

export interface MergeDifference {
  /** Stable for a preview and the apply that follows it: c<entry id> (changed), h<entry id> (only here), t<key> (only there). */
  id: string;
  kind: 'changed' | 'onlyHere' | 'onlyThere';
  /** This record's agenda item, or the negative `agendaItemId` of a `MissingAgendaItem` the merge would add. */
  agendaItemId: number;
  agendaTitle: string;
  type: EntryType;
  speaker: string;
  target: string;
  here: { entryId: number; text: string } | null;
  there: { key: string; text: string } | null;
  /** What the secretary may choose here (an entry only here that is promoted or revised cannot be removed). */
  choices: MergeChoice[];
  /** What happens when the secretary does not choose: nothing is dropped. */
  preset: MergeChoice;
}

export interface MergeSummary {
  /** Entries identical on both sides (merged without asking). */
  same: number;
  kept: number;
  replaced: number;
  joined: number;
  added: number;
  removed: number;
  leftOut: number;
  /** Agenda items of the other record added here (absent from merges recorded before they could be). */
  agendaAdded?: number;
}

/** An agenda item of the other record that this record lacks: added by the merge unless the secretary says not to. */
export interface MissingAgendaItem {
  /** Stable for a preview and the apply that follows it: a<the other record's item id>. */
  id: string;
  /** Provisional (negative): the `agendaItemId` of the differences under it. */
  agendaItemId: number;
  kind: AgendaKind;
  title: string;
  /** The member of a member round ('' otherwise). */
  member: string;
  /** Where it would go: after this record's item of that title ('' at the head of the agenda). */
  afterTitle: string;
  /** The other record's entries under it (they are left out when the item is not added). */
  entries: number;
}

export interface MergePreview {
  fileExportedAt: string;
  fileTeam: string;
  fileMeeting: { date: string; theme: string };
  /** The other recorder's name as the file suggests it ('' when it cannot tell); the secretary confirms or types it. */
  recorderGuess: string;
  thereEntries: number;
  hereEntries: number;
  same: number;
  differences: MergeDifference[];
  /** The other record's agenda items missing here, in its order; each added by default. */
  missingAgenda: MissingAgendaItem[];
}

export interface MergeRecord {
  id: number;
  recorder: string;
  mergedAt: string;
  fileExportedAt: string;
  summary: MergeSummary;
  undoneAt: string | null;
}

export interface MergeResult {
  mergeId: number | null;
  summary: MergeSummary;
  console: MinutesConsole;
}

const meetingRef = z.object({ meetingId: id() }).strict();
const entryType = oneOf(L.type, ENTRY_TYPES);

export const entryFields = z
  .object({
    meetingId: id(),
    /** Made by the renderer when the first character is typed; the entry's identity for every later save. */
    key: z.string().refine((k) => /^[A-Za-z0-9_-]{8,64}$/.test(k), { params: { zh: '记录标识无效', en: 'Invalid entry key' }, message: '记录标识无效' }),
    /** Grows with each edit; a save with a revision not above the stored one changes nothing. */
    revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    agendaItemId: id(),
    type: entryType,
    fromMemberId: id().nullable(),
    fromGuest: text(L.guest, 50),
    toMemberId: id().nullable(),
    aspectId: id().nullable(),
    text: verbatim(L.entry, ENTRY_TEXT_MAX),
    /** True while the composer is still typing it (so a crash reopens it in the composer). */
    draft: z.boolean(),
  })
  .strict()
  .refine((e) => e.type !== 'criticism' || e.toMemberId !== null, {
    path: ['toMemberId'],
    params: { zh: '批评意见须注明被批评人', en: 'A criticism needs the member it is addressed to' },
    message: '批评意见须注明被批评人',
  })
  .refine((e) => e.type !== 'criticism' || e.fromMemberId === null || e.toMemberId !== e.fromMemberId, {
    path: ['toMemberId'],
    params: { zh: '批评人和被批评人不能是同一人：本人的检查请记为“自我批评”，对批评的回应请记为“回应表态”', en: 'A member cannot criticise himself or herself: record it as a self-criticism, or as a response' },
    message: '批评人和被批评人不能是同一人',
  });

const ENTRY_FIELDS = ['meetingId', 'key', 'revision', 'agendaItemId', 'type', 'fromMemberId', 'fromGuest', 'toMemberId', 'aspectId', 'text', 'draft'] as const;
const ENTRY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isIdOrNull = (value: unknown): value is number | null => value === null || isId(value);

/**
 * entryFields for the autosave as typed (a plain object, no guest name): the same output, without the schema's
 * machinery; null for anything else, which the schema then parses (and refuses with its messages).
 */
export function entryFieldsFast(input: unknown): z.output<typeof entryFields> | null {
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) return null;
  const names = Object.keys(input);
  if (names.length !== ENTRY_FIELDS.length || !ENTRY_FIELDS.every((name) => Object.hasOwn(input, name))) return null;
  const e = input as Record<(typeof ENTRY_FIELDS)[number], unknown>;
  const { meetingId, key, revision, agendaItemId, type, fromMemberId, fromGuest, toMemberId, aspectId, text, draft } = e;
  if (!isId(meetingId) || typeof key !== 'string' || !ENTRY_KEY.test(key) || !isId(revision) || !isId(agendaItemId)) return null;
  if (typeof type !== 'string' || !(ENTRY_TYPES as readonly string[]).includes(type)) return null;
  if (!isIdOrNull(fromMemberId) || fromGuest !== '' || !isIdOrNull(toMemberId) || !isIdOrNull(aspectId) || typeof draft !== 'boolean') return null;
  if (typeof text !== 'string' || text.length > ENTRY_TEXT_MAX || LONE_SURROGATE.test(text) || LONG_TEXT_FORBIDDEN.test(text)) return null;
  if (type === 'criticism' && (toMemberId === null || toMemberId === fromMemberId)) return null;
  return { meetingId, key, revision, agendaItemId, type: type as EntryType, fromMemberId, fromGuest, toMemberId, aspectId, text, draft };
}

const agendaItemInput = z
  .object({
    id: id().optional(),
    kind: oneOf(L.kind, AGENDA_KINDS),
    title: text(L.title, 200, { min: 1 }),
    memberId: id().nullable(),
    plannedMinutes: z.number().int().min(1).max(600).nullable(),
  })
  .strict();

const advanceTarget = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('nextSpeaker') }).strict(),
  z.object({ mode: z.literal('previousSpeaker') }).strict(),
  z.object({ mode: z.literal('nextItem') }).strict(),
  z.object({ mode: z.literal('item'), itemId: id() }).strict(),
  z.object({ mode: z.literal('speaker'), memberId: id().nullable(), guestName: text(L.guest, 50) }).strict(),
  z.object({ mode: z.literal('end') }).strict(),
]);

export const minutesApi = {
  /** Opens the console: creates the agenda in the standard order the first time. */
  'minutes.prepare': channel(meetingRef).returns<MinutesConsole>(),
  'minutes.console': channel(meetingRef).returns<MinutesConsole>(),
  'minutes.saveAgenda': channel(z.object({ meetingId: id(), items: z.array(agendaItemInput).min(1).max(200) }).strict()).returns<MinutesConsole>(),
  /** Moves the console to the next speaker or item; closes the current speech and opens the next (times recorded). */
  'minutes.advance': channel(z.object({ meetingId: id(), to: advanceTarget }).strict()).returns<MinutesConsole>(),
  'minutes.saveEntry': channel(entryFields, entryFieldsFast).returns<SaveEntryResult>(),
  'minutes.moveEntry': channel(z.object({ id: id(), direction: z.enum(['up', 'down']) }).strict()).returns<Entry[]>(),
  'minutes.deleteEntry': channel(z.object({ id: id() }).strict()).returns<{ deleted: boolean }>(),
  'minutes.promote': channel(z.object({ entryId: id(), promoted: z.boolean() }).strict()).returns<Entry>(),
  /** Entries promoted in the console that no rectification item uses yet (the counter on 整改清单). */
  'minutes.pendingPromotions': channel(meetingRef).returns<{ pending: number }>(),
  'minutes.dossier': channel(z.object({ meetingId: id(), memberId: id().nullable() }).strict()).returns<DossierView>(),
  'minutes.finalize': channel(
    z.object({ meetingId: id(), hostConfirmed: text(L.confirm, 50, { min: 1 }), recorderConfirmed: text(L.confirm, 50, { min: 1 }) }).strict(),
  ).returns<MinutesConsole>(),
  'minutes.reopen': channel(z.object({ meetingId: id(), reason: text(L.reason, 500, { min: 2 }) }).strict()).returns<MinutesConsole>(),
  /** Reads another recorder's exchange file of this meeting and lists the differences with this record; writes nothing. */
  'minutes.mergePreview': channel(z.object({ meetingId: id(), bytes: fileBytes }).strict()).returns<MergePreview>(),
  /** Merges it as decided (an undecided difference keeps both: nothing is dropped), recorded and undoable until 定稿. */
  'minutes.mergeApply': channel(
    z
      .object({
        meetingId: id(),
        bytes: fileBytes,
        recorder: text(L.recorder, 50, { min: 1 }),
        decisions: z.array(z.object({ id: z.string().min(2).max(80), choice: oneOf(L.choice, ['here', 'there', 'both']) }).strict()).max(20000),
        /** Per missing agenda item of the preview, whether to add it; an item not named is added. */
        agenda: z.array(z.object({ id: z.string().min(2).max(80), add: z.boolean() }).strict()).max(500).optional(),
      })
      .strict(),
  ).returns<MergeResult>(),
  'minutes.merges': channel(meetingRef).returns<MergeRecord[]>(),
  'minutes.mergeUndo': channel(z.object({ meetingId: id(), mergeId: id() }).strict()).returns<MinutesConsole>(),
  'minutes.export': channel(z.object({ meetingId: id(), format: z.enum(['docx', 'txt']) }).strict()).returns<ExportedFile>(),
};
