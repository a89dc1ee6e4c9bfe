import type { Entry, minutesApi, SaveEntryResult } from '../../common/api/minutes';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import type { ParsedInput } from '../types';
import { assertOpen, listEntries, sessionRow } from './state';

type SaveInput = ParsedInput<typeof minutesApi, 'minutes.saveEntry'>;
const ENTRY = { zh: '记录', en: 'Entry' };

async function assertRefs(ctx: HandlerContext, input: SaveInput): Promise<void> {
  const item = await ctx.db
    .selectFrom('minutes_agenda_items as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select(['a.id', 'm.team_id'])
    .where('a.id', '=', input.agendaItemId)
    .where('a.meeting_id', '=', input.meetingId)
    .executeTakeFirst();
  if (!item) throw notFound({ zh: '本次会议的议程', en: 'Agenda item of this meeting' }, input.agendaItemId);
  for (const memberId of [input.fromMemberId, input.toMemberId]) {
    if (memberId === null) continue;
    const found = await ctx.db.selectFrom('members').select('id').where('id', '=', memberId).where('team_id', '=', item.team_id).executeTakeFirst();
    if (!found) throw notFound({ zh: '本班子成员', en: 'Team member' }, memberId);
  }
  if (input.aspectId !== null) {
    const aspect = await ctx.db.selectFrom('meeting_aspects').select('id').where('id', '=', input.aspectId).where('meeting_id', '=', input.meetingId).executeTakeFirst();
    if (!aspect) throw notFound({ zh: '对照检查方面', en: 'Aspect' }, input.aspectId);
  }
}

/**
 * The autosave: upserts an entry by its key. A save whose revision is not above the stored one is ignored, so an
 * older save that arrives late never overwrites newer text. One transaction per save.
 */
export async function saveEntry(ctx: HandlerContext, input: SaveInput): Promise<SaveEntryResult> {
  await assertOpen(ctx.db, input.meetingId);
  await assertRefs(ctx, input);
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('minutes_entries').select(['id', 'meeting_id', 'revision', 'updated_at']).where('key', '=', input.key).executeTakeFirst();
    if (existing && existing.meeting_id !== input.meetingId) throw notFound(ENTRY, input.key);
    if (existing && existing.revision >= input.revision) {
      return { id: existing.id, key: input.key, revision: existing.revision, stale: true, updatedAt: existing.updated_at };
    }
    const fields = {
      agenda_item_id: input.agendaItemId,
      type: input.type,
      from_member_id: input.fromMemberId,
      from_guest: input.fromMemberId === null ? input.fromGuest : '',
      to_member_id: input.toMemberId,
      aspect_id: input.aspectId,
      text: input.text,
      revision: input.revision,
      updated_at: now,
    };
    let id: number;
    if (existing) {
      id = existing.id;
      await trx.updateTable('minutes_entries').set(fields).where('id', '=', id).execute();
    } else {
      const last = await trx.selectFrom('minutes_entries').select((eb) => eb.fn.max('sort_order').as('top')).where('agenda_item_id', '=', input.agendaItemId).executeTakeFirst();
      const session = await sessionRow(trx, input.meetingId);
      const speech = session?.current_speech_id
        ? await trx.selectFrom('minutes_speeches').select('id').where('id', '=', session.current_speech_id).where('agenda_item_id', '=', input.agendaItemId).executeTakeFirst()
        : undefined;
      const row = await trx
        .insertInto('minutes_entries')
        .values({ key: input.key, meeting_id: input.meetingId, speech_id: speech?.id ?? null, sort_order: Number(last?.top ?? 0) + 1, created_at: now, ...fields })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    if (input.draft) {
      await trx.updateTable('minutes_sessions').set({ draft_entry_id: id }).where('meeting_id', '=', input.meetingId).execute();
    } else {
      await trx.updateTable('minutes_sessions').set({ draft_entry_id: null }).where('meeting_id', '=', input.meetingId).where('draft_entry_id', '=', id).execute();
    }
    return { id, key: input.key, revision: input.revision, stale: false, updatedAt: now };
  });
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
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('minutes_entries').set({ sort_order: other.sortOrder }).where('id', '=', id).execute();
    await trx.updateTable('minutes_entries').set({ sort_order: siblings[at].sortOrder }).where('id', '=', other.id).execute();
  });
  return listEntries(ctx.db, row.meeting_id, row.agenda_item_id);
}

export async function deleteEntry(ctx: HandlerContext, id: number): Promise<{ deleted: boolean }> {
  await entryRow(ctx, id);
  await ctx.db.deleteFrom('minutes_entries').where('id', '=', id).execute();
  return { deleted: true };
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
