import { defineStore } from 'pinia';
import { computed, reactive, ref, toRaw } from 'vue';
import type { Entry, MinutesConsole } from '../../../../electron/common/api/minutes';
import type { Input } from '../../../../electron/common/api';
import { entryDefaults } from '../../../../electron/common/minutes/agenda';
import { criticismMatrix, type CriticismMatrix } from '../../../../electron/common/minutes/matrix';
import type { EntryType } from '../../../../electron/common/minutes/types';
import { call } from '../../api/client';
import { i18n } from '../../i18n';
import { EntrySaver, newEntryKey, type EntryPayload } from './saver';
import { predictCursor } from './predict';

export interface Draft {
  key: string | null;
  revision: number;
  agendaItemId: number | null;
  type: EntryType;
  fromMemberId: number | null;
  fromGuest: string;
  toMemberId: number | null;
  aspectId: number | null;
  text: string;
}

function sameEntry(a: Entry, b: Entry): boolean {
  const keys = Object.keys(b) as (keyof Entry)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** The console's state: the meeting's minutes as loaded, the composer's draft, and the autosave status. */
export const useMinutesStore = defineStore('minutes', () => {
  const state = ref<MinutesConsole | null>(null);
  const saveState = reactive({ pending: 0, error: null as string | null, lastSaved: null as string | null });
  const draft = reactive<Draft>({ key: null, revision: 0, agendaItemId: null, type: 'other', fromMemberId: null, fromGuest: '', toMemberId: null, aspectId: null, text: '' });

  const saver = new EntrySaver(
    (payload, result) => upsertLocal(payload, result.id, result.revision, result.updatedAt),
    (s) => Object.assign(saveState, s),
    (e) => (i18n.global.locale.value === 'en' ? e.messageEn : e.message),
  );

  const currentItem = computed(() => state.value?.agenda.find((a) => a.id === state.value?.cursor.itemId) ?? null);
  const currentSpeaker = computed(() => {
    const s = state.value;
    if (!s?.cursor.speech) return null;
    return { memberId: s.cursor.speech.memberId, guestName: s.cursor.speech.guestName, role: s.cursor.speech.role };
  });
  const readOnly = computed(() => Boolean(state.value?.finalization.finalizedAt));
  const memberName = (id: number | null) => state.value?.members.find((m) => m.id === id)?.name ?? '';
  // Recounted when an entry changes (each autosave answer), but handed on only when a count really changed: typing
  // into an entry that is already counted does not re-render the matrix.
  // Entries change in place (upsertLocal) or all at once (adopt, load); both bump this, and the matrix counts the raw
  // entries after it rather than tracking each field of hundreds of entries.
  const entriesVersion = ref(0);
  const matrix = computed((previous?: CriticismMatrix | null) => {
    const s = state.value;
    if (!s) return null;
    void entriesVersion.value;
    const rounds = s.agenda.filter((a) => a.kind === 'member_round' && a.memberId !== null && s.members.find((m) => m.id === a.memberId)?.present);
    const next = criticismMatrix(toRaw(s.entries), rounds.map((a) => ({ itemId: a.id, memberId: a.memberId as number })));
    return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
  });

  /** A round is over once the console has left it, or the record is finalised. */
  const roundOver = (itemId: number) => {
    const s = state.value;
    const item = s?.agenda.find((a) => a.id === itemId);
    return Boolean(s && item && (readOnly.value || (item.startedAt && item.id !== s.cursor.itemId)));
  };
  // What the matrix says under the table (domain.md §10, 一团和气): the members whose round is over with nobody
  // criticising them, and whether the members criticised the 书记, once criticism has begun or his round is over.
  // Kept as the same object while it says the same, so F8 (a new agenda from main) does not redraw the matrix.
  const matrixNotes = computed((previous?: { silent: number[]; secretary: { name: string; n: number } | null }) => {
    const s = state.value;
    const m = matrix.value;
    let next: { silent: number[]; secretary: { name: string; n: number } | null } = { silent: [], secretary: null };
    if (s && m) {
      const silent = [...new Set(m.silentRounds.filter((r) => roundOver(r.itemId)).map((r) => r.memberId))];
      const sec = s.members.find((x) => x.role === 'secretary' && x.present);
      const round = sec ? s.agenda.find((a) => a.kind === 'member_round' && a.memberId === sec.id) : undefined;
      const begun = m.total > 0 || (round !== undefined && roundOver(round.id));
      next = { silent, secretary: sec && begun ? { name: sec.name, n: m.receivedFromMembers[sec.id] ?? 0 } : null };
    }
    return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
  });

  function upsertLocal(payload: EntryPayload, id: number, revision: number, updatedAt: string) {
    const s = state.value;
    if (!s) return;
    const existing = s.entries.find((e) => e.key === payload.key);
    if (existing) {
      // A stale answer (revision lower than what we show) must not roll the screen back.
      if (existing.revision > payload.revision) return;
      entriesVersion.value++;
      Object.assign(existing, { id, text: payload.text, type: payload.type, fromMemberId: payload.fromMemberId, fromGuest: payload.fromGuest, toMemberId: payload.toMemberId, aspectId: payload.aspectId, revision: Math.max(revision, payload.revision), updatedAt, agendaItemId: payload.agendaItemId });
      return;
    }
    const sameItem = s.entries.filter((e) => e.agendaItemId === payload.agendaItemId);
    const entry: Entry = {
      id, key: payload.key, agendaItemId: payload.agendaItemId, speechId: s.cursor.speech?.id ?? null, type: payload.type, fromMemberId: payload.fromMemberId,
      fromGuest: payload.fromGuest ?? '', toMemberId: payload.toMemberId, aspectId: payload.aspectId, text: payload.text, sortOrder: (sameItem.at(-1)?.sortOrder ?? 0) + 1,
      revision, createdAt: updatedAt, updatedAt, promotedAt: null, originRecorder: '',
    };
    // Keep agenda order: insert after the last entry of the same or an earlier item.
    const order = new Map(s.agenda.map((a, i) => [a.id, i]));
    const at = s.entries.findLastIndex((e) => (order.get(e.agendaItemId) ?? 0) <= (order.get(payload.agendaItemId) ?? 0));
    s.entries.splice(at + 1, 0, entry);
    entriesVersion.value++;
  }

  function resetDraft() {
    const item = currentItem.value;
    const defaults = item ? entryDefaults(item, currentSpeaker.value) : { type: 'other' as const, fromMemberId: null, fromGuest: '', toMemberId: null };
    Object.assign(draft, { key: null, revision: 0, agendaItemId: item?.id ?? null, text: '', aspectId: null, ...defaults });
  }

  function payloadOf(d: Draft, isDraft: boolean): EntryPayload | null {
    if (!state.value || d.agendaItemId === null || d.key === null) return null;
    return { meetingId: state.value.meetingId, key: d.key, revision: d.revision, agendaItemId: d.agendaItemId, type: d.type, fromMemberId: d.fromMemberId, fromGuest: d.fromGuest, toMemberId: d.type === 'criticism' ? (d.toMemberId ?? currentItem.value?.memberId ?? null) : d.toMemberId, aspectId: d.aspectId, text: d.text, draft: isDraft };
  }

  /** The entry last recorded with Enter: what 转为整改事项 (Alt+R) means right after Enter, even while it is being saved. */
  const lastRecordedKey = ref<string | null>(null);

  /** Called on every keystroke or field change in the composer. */
  function touchDraft() {
    if (readOnly.value || draft.agendaItemId === null) return;
    if (draft.key === null) {
      if (draft.text === '') return;
      draft.key = newEntryKey();
    }
    draft.revision++;
    const payload = payloadOf(draft, true);
    if (payload) saver.schedule(payload);
  }

  /** Enter: the entry is recorded (saved now, no longer a draft) and the composer starts a new one. */
  async function commitDraft() {
    let recorded: string | null = null;
    if (draft.key !== null && draft.text.trim() !== '') lastRecordedKey.value = draft.key;
    if (draft.key !== null) {
      draft.revision++;
      const payload = payloadOf(draft, false);
      if (payload) {
        saver.schedule(payload);
        recorded = payload.key;
      }
    }
    // The composer is cleared before waiting for the save: what the secretary types next goes into a new entry, never
    // into the one being stored (and is never wiped when that save returns). The saver holds its own copy and retries.
    resetDraft();
    if (recorded) await saver.flush(recorded);
  }

  async function load(meetingId: number) {
    state.value = await call('minutes.prepare', { meetingId });
    entriesVersion.value++;
    resetDraft();
    // After a crash: the entry being typed goes back into the composer.
    const pendingDraft = state.value.entries.find((e) => e.id === state.value?.cursor.draftEntryId);
    if (pendingDraft) {
      Object.assign(draft, { key: pendingDraft.key, revision: pendingDraft.revision, agendaItemId: pendingDraft.agendaItemId, type: pendingDraft.type, fromMemberId: pendingDraft.fromMemberId, fromGuest: pendingDraft.fromGuest, toMemberId: pendingDraft.toMemberId, aspectId: pendingDraft.aspectId, text: pendingDraft.text });
    }
  }

  /**
   * A fresh copy of the console from main (after F8, a move, a deletion) taken in, keeping every entry object that did
   * not change: the stream (hundreds of entries in a long meeting) then sees the same entries and is not drawn again.
   */
  function adopt(next: MinutesConsole) {
    const previous = state.value ? toRaw(state.value) : null;
    const before = new Map((previous?.entries ?? []).map((e) => [e.key, e]));
    next.entries = next.entries.map((e) => {
      const old = before.get(e.key);
      return old && sameEntry(old, e) ? old : e;
    });
    // The members and aspects rarely change during a meeting: kept as they were, the screens that show only them
    // (the matrix, the names in the stream) are not redrawn by F8.
    if (previous && JSON.stringify(previous.members) === JSON.stringify(next.members)) next.members = previous.members;
    if (previous && JSON.stringify(previous.aspects) === JSON.stringify(next.aspects)) next.aspects = previous.aspects;
    state.value = next;
    entriesVersion.value++;
  }

  async function refresh() {
    if (!state.value) return;
    adopt(await call('minutes.console', { meetingId: state.value.meetingId }));
  }

  async function advance(to: Input<'minutes.advance'>['to']) {
    if (!state.value) return;
    if (draft.text.trim() !== '' || draft.key !== null) await commitDraft();
    // The banner moves at once to the speaker main will name (F8 must answer within a frame or two, and main's answer
    // carries the whole record); a refusal puts the old speaker back.
    const before = state.value.cursor;
    const predicted = predictCursor(toRaw(state.value), to);
    if (predicted) {
      state.value.cursor = predicted;
      // An untouched composer follows the predicted speaker at once (type and chips), not only once main answers:
      // words typed in between must not be recorded under the previous speaker's type.
      if (draft.text === '' && draft.key === null) resetDraft();
    }
    try {
      adopt(await call('minutes.advance', { meetingId: state.value.meetingId, to }));
    } catch (error) {
      if (predicted && state.value && toRaw(state.value.cursor) === predicted) state.value.cursor = before;
      throw error;
    }
    // Words typed while the floor was changing are kept: they belong to the new speaker (same entry key, so the
    // autosave moves the entry rather than starting another). Only an untouched composer is simply reset.
    const typed = { key: draft.key, revision: draft.revision, text: draft.text };
    resetDraft();
    if (typed.text !== '') {
      Object.assign(draft, typed);
      touchDraft();
    }
  }

  async function flushAll() {
    const payload = payloadOf(draft, true);
    if (payload && draft.key !== null) saver.schedule(payload);
    await saver.flush();
  }

  return { state, draft, saveState, saver, lastRecordedKey, currentItem, currentSpeaker, readOnly, matrix, matrixNotes, memberName, load, adopt, refresh, advance, touchDraft, commitDraft, resetDraft, flushAll, upsertLocal };
});
