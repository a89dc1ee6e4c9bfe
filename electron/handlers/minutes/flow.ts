import type { minutesApi } from '../../common/api/minutes';
import { plannedSpeakers } from '../../common/minutes/agenda';
import type { Speaker } from '../../common/minutes/types';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import type { ParsedInput } from '../types';
import { prepareMinutes } from './agenda';
import { agendaRows, assertOpen, sessionRow, speakerContext } from './state';

type Target = ParsedInput<typeof minutesApi, 'minutes.advance'>['to'];
interface Position {
  itemId: number;
  index: number;
  speaker: Speaker | null;
}

/**
 * Moves the console on by one step and records the times: the current speech ends, the next begins, items get their
 * start and end. One transaction, so a crash leaves the console at the old or the new speaker, never in between.
 */
export async function advance(ctx: HandlerContext, meetingId: number, to: Target): Promise<void> {
  await prepareMinutes(ctx, meetingId);
  await assertOpen(ctx.db, meetingId);
  const context = await speakerContext(ctx, meetingId);
  const items = (await agendaRows(ctx.db, meetingId)).map((r) => ({ ...r, speakers: plannedSpeakers({ kind: r.kind, memberId: r.member_id, title: r.title }, context) }));
  const session = await sessionRow(ctx.db, meetingId);
  const at = items.findIndex((i) => i.id === session?.current_item_id);
  const index = session?.speaker_index ?? 0;
  const firstOf = (from: number): Position | null => {
    for (let i = Math.max(0, from); i < items.length; i++) {
      if (items[i].speakers.length > 0) return { itemId: items[i].id, index: 0, speaker: items[i].speakers[0] };
    }
    return null;
  };
  let next: Position | null;
  switch (to.mode) {
    case 'nextSpeaker':
      if (at < 0) next = firstOf(0);
      else if (index + 1 < items[at].speakers.length && index >= 0) next = { itemId: items[at].id, index: index + 1, speaker: items[at].speakers[index + 1] };
      else next = firstOf(at + 1);
      break;
    case 'previousSpeaker': {
      if (at < 0) throw new AppError('minutes.notStarted', '会议尚未开始', 'The meeting has not started');
      if (index > 0) next = { itemId: items[at].id, index: index - 1, speaker: items[at].speakers[index - 1] };
      else {
        const prev = items.slice(0, at).findLastIndex((i) => i.speakers.length > 0);
        next = prev < 0 ? { itemId: items[at].id, index: 0, speaker: items[at].speakers[0] ?? null } : { itemId: items[prev].id, index: items[prev].speakers.length - 1, speaker: items[prev].speakers.at(-1)! };
      }
      break;
    }
    case 'nextItem':
      next = firstOf(at + 1);
      break;
    case 'item': {
      const target = items.find((i) => i.id === to.itemId);
      if (!target) throw notFound({ zh: '议程', en: 'Agenda item' }, to.itemId);
      next = { itemId: target.id, index: 0, speaker: target.speakers[0] ?? null };
      break;
    }
    case 'speaker': {
      if (at < 0) throw new AppError('minutes.notStarted', '请先开始会议（按 F8）再指定插话人', 'Start the meeting (F8) before naming an interjecting speaker');
      if (to.memberId !== null && !context.members.some((m) => m.id === to.memberId)) throw notFound({ zh: '本班子成员', en: 'Team member' }, to.memberId);
      if (to.memberId === null && !to.guestName) throw new AppError('minutes.noSpeaker', '请选择发言人', 'Choose the speaker');
      const item = items[at];
      const role = item.kind === 'member_round' ? (to.memberId === item.member_id ? 'response' : 'criticism') : to.memberId === null ? 'comment' : 'other';
      next = { itemId: item.id, index: -1, speaker: { memberId: to.memberId, guestName: to.memberId === null ? to.guestName : '', role } };
      break;
    }
    case 'end':
      next = null;
      break;
  }
  const now = nowIso(ctx);
  if (session?.current_speech_id) await ctx.db.updateTable('minutes_speeches').set({ ended_at: now }).where('id', '=', session.current_speech_id).where('ended_at', 'is', null).execute();
  const leaving = at >= 0 ? items[at].id : null;
  if (leaving !== null && leaving !== next?.itemId) await ctx.db.updateTable('minutes_agenda_items').set({ ended_at: now }).where('id', '=', leaving).execute();
  let speechId: number | null = null;
  if (next) {
    await ctx.db.updateTable('minutes_agenda_items').set({ started_at: now, ended_at: null }).where('id', '=', next.itemId).where('started_at', 'is', null).execute();
    await ctx.db.updateTable('minutes_agenda_items').set({ ended_at: null }).where('id', '=', next.itemId).execute();
    if (next.speaker) {
      const row = await ctx.db
        .insertInto('minutes_speeches')
        .values({ meeting_id: meetingId, agenda_item_id: next.itemId, member_id: next.speaker.memberId, guest_name: next.speaker.guestName, role: next.speaker.role, started_at: now, ended_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      speechId = row.id;
    }
  }
  await ctx.db
    .updateTable('minutes_sessions')
    .set({
      current_item_id: next?.itemId ?? null,
      speaker_index: next?.index ?? 0,
      current_speech_id: speechId,
      started_at: session?.started_at ?? now,
      ended_at: next ? null : now,
      updated_at: now,
    })
    .where('meeting_id', '=', meetingId)
    .execute();
  // The dashboard's 'meeting' step follows the status: the console marks the meeting as under way.
  await ctx.db.updateTable('meetings').set({ status: 'in_progress', updated_at: now }).where('id', '=', meetingId).where('status', '=', 'preparing').execute();
}
