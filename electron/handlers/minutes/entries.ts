import type { Entry, minutesApi, SaveEntryResult } from '../../common/api/minutes';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { withUndo } from '../undo';
import type { ParsedInput } from '../types';
import { cachedStatement } from '../../../db/statements';
import { assertOpen, finalizedError, listEntries } from './state';

type SaveInput = ParsedInput<typeof minutesApi, 'minutes.saveEntry'>;
const ENTRY = { zh: '记录', en: 'Entry' };

// The autosave's statements, each a lookup by key or index, prepared once per connection (see statements.ts).
const SQL = {
  // Every check of a save in one statement (one step into SQLite instead of five): the session, the agenda item's team,
  // whether the members belong to that team and the aspect to the meeting. The handler refuses in the same order.
  checks: `SELECT s.finalized_at AS finalizedAt, s.draft_entry_id AS draftEntryId, s.current_speech_id AS speechId, s.meeting_id IS NOT NULL AS hasSession,
                  i.team_id AS teamId,
                  (:from IS NULL OR EXISTS (SELECT 1 FROM members WHERE id = :from AND team_id = i.team_id)) AS fromOk,
                  (:to IS NULL OR EXISTS (SELECT 1 FROM members WHERE id = :to AND team_id = i.team_id)) AS toOk,
                  (:aspect IS NULL OR EXISTS (SELECT 1 FROM meeting_aspects WHERE id = :aspect AND meeting_id = :meeting)) AS aspectOk
           FROM (SELECT 1) LEFT JOIN minutes_sessions s ON s.meeting_id = :meeting
           LEFT JOIN (SELECT m.team_id FROM minutes_agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = :item AND a.meeting_id = :meeting) i`,
  entry: `SELECT id, meeting_id AS meetingId, revision, updated_at AS updatedAt, agenda_item_id AS agendaItemId, type, from_member_id AS fromMemberId,
                from_guest AS fromGuest, to_member_id AS toMemberId, aspect_id AS aspectId
         FROM minutes_entries WHERE key = ?`,
  // A known key is rewritten only by a higher revision: the stored text never goes back, whatever arrives late.
  update: `UPDATE minutes_entries SET agenda_item_id = ?, type = ?, from_member_id = ?, from_guest = ?, to_member_id = ?, aspect_id = ?, text = ?, revision = ?, updated_at = ?
           WHERE id = ? AND revision < ?`,
  // The usual autosave changes the text alone: setting only it spares the index and foreign-key work of the others.
  updateText: 'UPDATE minutes_entries SET text = ?, revision = ?, updated_at = ? WHERE id = ? AND revision < ?',
  // A new entry goes to the end of its agenda item, under the speech under way if that speech belongs to the item.
  lastSortOrder: 'SELECT max(sort_order) AS top FROM minutes_entries WHERE meeting_id = ? AND agenda_item_id = ?',
  speechOfItem: 'SELECT id FROM minutes_speeches WHERE id = ? AND agenda_item_id = ?',
  insert: `INSERT INTO minutes_entries (key, meeting_id, speech_id, sort_order, created_at, agenda_item_id, type, from_member_id, from_guest, to_member_id, aspect_id, text, revision, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  setDraft: 'UPDATE minutes_sessions SET draft_entry_id = ? WHERE meeting_id = ?',
  clearDraft: 'UPDATE minutes_sessions SET draft_entry_id = NULL WHERE meeting_id = ? AND draft_entry_id = ?',
} as const;

type Session = { finalizedAt: string | null; draftEntryId: number | null; speechId: number | null };
type Checks = Session & { hasSession: number | null; teamId: number | null; fromOk: number; toOk: number; aspectOk: number };
type Stored = {
  id: number;
  meetingId: number;
  revision: number;
  updatedAt: string;
  agendaItemId: number;
  type: string;
  fromMemberId: number | null;
  fromGuest: string;
  toMemberId: number | null;
  aspectId: number | null;
};

/**
 * The autosave: upserts an entry by its key. A save whose revision is not above the stored one is ignored, so an
 * older save that arrives late never overwrites newer text. It is the hottest write of the app (every pause in
 * typing), so it runs on cached statements — every check in one statement, then one guarded write, and the
 * composer's draft mark only when it changes — inside the call's own transaction (dispatch's savepoint), with no
 * Kysely query building and no nested transaction.
 */
export function saveEntry(ctx: HandlerContext, input: SaveInput): SaveEntryResult {
  const sqlite = ctx.sqlite;
  const get = <T>(sql: string, ...params: unknown[]) => cachedStatement(sqlite, sql).get(...params) as T | undefined;
  const run = (): SaveEntryResult => {
    // The same refusals, in the same order, as before this path was made lean.
    const c = cachedStatement(sqlite, SQL.checks).get({ meeting: input.meetingId, item: input.agendaItemId, from: input.fromMemberId, to: input.toMemberId, aspect: input.aspectId }) as Checks;
    const session: Session | undefined = c.hasSession ? { finalizedAt: c.finalizedAt, draftEntryId: c.draftEntryId, speechId: c.speechId } : undefined;
    if (session?.finalizedAt) throw finalizedError();
    if (c.teamId === null) throw notFound({ zh: '本次会议的议程', en: 'Agenda item of this meeting' }, input.agendaItemId);
    if (!c.fromOk) throw notFound({ zh: '本班子成员', en: 'Team member' }, input.fromMemberId!);
    if (!c.toOk) throw notFound({ zh: '本班子成员', en: 'Team member' }, input.toMemberId!);
    if (!c.aspectOk) throw notFound({ zh: '对照检查方面', en: 'Aspect' }, input.aspectId!);
    const stored = get<Stored>(SQL.entry, input.key);
    if (stored && stored.meetingId !== input.meetingId) throw notFound(ENTRY, input.key);
    if (stored && stored.revision >= input.revision) return { id: stored.id, key: input.key, revision: stored.revision, stale: true, updatedAt: stored.updatedAt };

    const now = nowIso(ctx);
    const fromGuest = input.fromMemberId === null ? input.fromGuest : '';
    const fields = [input.agendaItemId, input.type, input.fromMemberId, fromGuest, input.toMemberId, input.aspectId, input.text, input.revision, now];
    let id: number;
    if (stored) {
      id = stored.id;
      const textOnly =
        stored.agendaItemId === input.agendaItemId && stored.type === input.type && stored.fromMemberId === input.fromMemberId && stored.fromGuest === fromGuest && stored.toMemberId === input.toMemberId && stored.aspectId === input.aspectId;
      const written = textOnly ? cachedStatement(sqlite, SQL.updateText).run(input.text, input.revision, now, id, input.revision) : cachedStatement(sqlite, SQL.update).run(...fields, id, input.revision);
      // Checked above in the same transaction; the guard in the statement has the last word all the same.
      if (written.changes !== 1) throw notFound(ENTRY, input.key);
    } else {
      const top = get<{ top: number | null }>(SQL.lastSortOrder, input.meetingId, input.agendaItemId)?.top ?? 0;
      const speech = session?.speechId ? get<{ id: number }>(SQL.speechOfItem, session.speechId, input.agendaItemId) : undefined;
      id = get<{ id: number }>(SQL.insert, input.key, input.meetingId, speech?.id ?? null, top + 1, now, ...fields)!.id;
    }
    if (input.draft && session && session.draftEntryId !== id) cachedStatement(sqlite, SQL.setDraft).run(id, input.meetingId);
    if (!input.draft && session?.draftEntryId === id) cachedStatement(sqlite, SQL.clearDraft).run(input.meetingId, id);
    return { id, key: input.key, revision: input.revision, stale: false, updatedAt: now };
  };
  // dispatch runs every call inside its savepoint; a caller outside one still gets all or nothing.
  return sqlite.inTransaction ? run() : sqlite.transaction(run)();
}

async function entryRow(ctx: HandlerContext, id: number) {
  const row = await ctx.db.selectFrom('minutes_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(ENTRY, id);
  await assertOpen(ctx.db, row.meeting_id);
  return row;
}

/** Swaps an entry with its neighbour within its agenda item; returns the item's entries in the new order. */
export async function moveEntry(ctx: HandlerContext, id: number, direction: 'up' | 'down'): Promise<Entry[]> {
  const row = await entryRow(ctx, id);
  const siblings = await listEntries(ctx.db, row.meeting_id, row.agenda_item_id);
  const at = siblings.findIndex((s) => s.id === id);
  const other = siblings[direction === 'up' ? at - 1 : at + 1];
  if (!other) return siblings;
  await ctx.db.updateTable('minutes_entries').set({ sort_order: other.sortOrder }).where('id', '=', id).execute();
  await ctx.db.updateTable('minutes_entries').set({ sort_order: siblings[at].sortOrder }).where('id', '=', other.id).execute();
  return listEntries(ctx.db, row.meeting_id, row.agenda_item_id);
}

export async function deleteEntry(ctx: HandlerContext, id: number): Promise<{ deleted: boolean }> {
  const row = await entryRow(ctx, id);
  return withUndo(ctx, 'minutes', row.meeting_id, { zh: '删除记录', en: 'Deleted an entry' }, async () => {
    await ctx.db.deleteFrom('minutes_entries').where('id', '=', id).execute();
    return { deleted: true };
  });
}

/** Offers an entry as a draft rectification item (or withdraws the offer); the link to the entry stays. */
export async function promote(ctx: HandlerContext, entryId: number, promoted: boolean): Promise<Entry> {
  const row = await entryRow(ctx, entryId);
  if (promoted && row.text.trim() === '') throw new AppError('minutes.emptyEntry', '空白记录不能转为整改事项', 'An empty entry cannot become a rectification item');
  if (promoted) {
    await ctx.db.insertInto('minutes_promotions').values({ entry_id: entryId, meeting_id: row.meeting_id, promoted_at: nowIso(ctx) }).onConflict((oc) => oc.column('entry_id').doNothing()).execute();
  } else {
    const adopted = await ctx.db.selectFrom('minutes_promotions').select('status').where('entry_id', '=', entryId).executeTakeFirst();
    if (adopted?.status === 'adopted') throw new AppError('minutes.promotionAdopted', '该记录已纳入整改清单，不能撤回', 'This entry is already in the rectification list');
    await ctx.db.deleteFrom('minutes_promotions').where('entry_id', '=', entryId).execute();
  }
  const entries = await listEntries(ctx.db, row.meeting_id, row.agenda_item_id);
  return entries.find((e) => e.id === entryId)!;
}
