import type { minutesApi } from '../../common/api/minutes';
import { generateAgenda } from '../../common/minutes/agenda';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import type { ParsedInput } from '../types';
import { agendaRows, assertOpen, speakerContext } from './state';

/** The first time the console opens: the agenda in the standard order and the session row, in one transaction. */
export async function prepareMinutes(ctx: HandlerContext, meetingId: number): Promise<void> {
  const meeting = await getMeeting(ctx, meetingId);
  if ((await agendaRows(ctx.db, meetingId)).length > 0) return;
  const context = await speakerContext(ctx, meetingId);
  const items = generateAgenda({ kind: meeting.kind, members: context.members, rules: meeting.rules });
  let order = 1;
  for (const item of items) {
    await ctx.db.insertInto('minutes_agenda_items').values({ meeting_id: meetingId, sort_order: order++, kind: item.kind, title: item.title, member_id: item.memberId, planned_minutes: null }).execute();
  }
  await ctx.db.insertInto('minutes_sessions').values({ meeting_id: meetingId, current_item_id: null, current_speech_id: null, draft_entry_id: null, started_at: null, ended_at: null, finalized_at: null, updated_at: nowIso(ctx) }).onConflict((oc) => oc.doNothing()).execute();
}

/** The full new agenda, as edited: items keep their ids; an item that holds entries cannot be removed. */
export async function saveAgenda(ctx: HandlerContext, input: ParsedInput<typeof minutesApi, 'minutes.saveAgenda'>): Promise<void> {
  await assertOpen(ctx.db, input.meetingId);
  const context = await speakerContext(ctx, input.meetingId);
  const existing = await agendaRows(ctx.db, input.meetingId);
  const existingIds = new Set(existing.map((e) => e.id));
  for (const item of input.items) {
    if (item.id !== undefined && !existingIds.has(item.id)) throw notFound({ zh: '议程', en: 'Agenda item' }, item.id);
    if (item.memberId !== null && !context.members.some((m) => m.id === item.memberId)) throw notFound({ zh: '本班子成员', en: 'Team member' }, item.memberId);
    if (item.kind === 'member_round' && item.memberId === null) {
      throw new AppError('minutes.roundWithoutMember', '个人对照检查议程须选定班子成员', 'A member round needs the member whose round it is');
    }
  }
  const kept = new Set(input.items.flatMap((i) => (i.id ? [i.id] : [])));
  const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (removed.length > 0) {
    const used = await ctx.db.selectFrom('minutes_entries').select('agenda_item_id').where('agenda_item_id', 'in', removed).where('text', '!=', '').executeTakeFirst();
    if (used) {
      throw new AppError('minutes.itemHasEntries', '该议程下已有记录内容，不能删除；可先将记录移到其他议程或删除记录', 'This agenda item holds entries and cannot be removed');
    }
  }
  if (removed.length > 0) {
    await ctx.db.updateTable('minutes_sessions').set({ current_item_id: null, current_speech_id: null, speaker_index: 0 }).where('meeting_id', '=', input.meetingId).where('current_item_id', 'in', removed).execute();
    await ctx.db.deleteFrom('minutes_entries').where('agenda_item_id', 'in', removed).execute();
    await ctx.db.deleteFrom('minutes_agenda_items').where('id', 'in', removed).execute();
  }
  let order = 1;
  for (const item of input.items) {
    const values = { sort_order: order++, kind: item.kind, title: item.title, member_id: item.memberId, planned_minutes: item.plannedMinutes };
    if (item.id) await ctx.db.updateTable('minutes_agenda_items').set(values).where('id', '=', item.id).execute();
    else await ctx.db.insertInto('minutes_agenda_items').values({ meeting_id: input.meetingId, ...values }).execute();
  }
}
