import { AppError } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { prepareMinutes } from './agenda';
import { assertOpen, sessionRow } from './state';

/** 主持人 and 记录人 confirm: the minutes become read-only and the meeting counts as held. */
export async function finalize(ctx: HandlerContext, meetingId: number, hostConfirmed: string, recorderConfirmed: string): Promise<void> {
  await prepareMinutes(ctx, meetingId);
  await assertOpen(ctx.db, meetingId);
  const entries = await ctx.db.selectFrom('minutes_entries').select('id').where('meeting_id', '=', meetingId).where('text', '!=', '').executeTakeFirst();
  if (!entries) throw new AppError('minutes.emptyMinutes', '会议记录还没有任何内容，不能定稿', 'The minutes are empty and cannot be finalised');
  const session = await sessionRow(ctx.db, meetingId);
  const now = nowIso(ctx);
  if (session?.current_speech_id) await ctx.db.updateTable('minutes_speeches').set({ ended_at: now }).where('id', '=', session.current_speech_id).where('ended_at', 'is', null).execute();
  if (session?.current_item_id) await ctx.db.updateTable('minutes_agenda_items').set({ ended_at: now }).where('id', '=', session.current_item_id).where('ended_at', 'is', null).execute();
  await ctx.db
    .updateTable('minutes_sessions')
    .set({ finalized_at: now, host_confirmed: hostConfirmed, recorder_confirmed: recorderConfirmed, current_speech_id: null, draft_entry_id: null, ended_at: session?.ended_at ?? now, updated_at: now })
    .where('meeting_id', '=', meetingId)
    .execute();
  await ctx.db.updateTable('meetings').set({ status: 'held', updated_at: now }).where('id', '=', meetingId).where('status', 'in', ['preparing', 'in_progress']).execute();
}

/** Reopening a signed record needs a reason, kept in the log with the time of the finalisation it undoes. */
export async function reopen(ctx: HandlerContext, meetingId: number, reason: string): Promise<void> {
  const session = await sessionRow(ctx.db, meetingId);
  if (!session?.finalized_at) throw new AppError('minutes.notFinalized', '会议记录尚未定稿，无需重新打开', 'The minutes are not finalised');
  const now = nowIso(ctx);
  await ctx.db.insertInto('minutes_reopen_log').values({ meeting_id: meetingId, at: now, reason, finalized_at: session.finalized_at as string }).execute();
  await ctx.db.updateTable('minutes_sessions').set({ finalized_at: null, host_confirmed: '', recorder_confirmed: '', updated_at: now }).where('meeting_id', '=', meetingId).execute();
  await ctx.db.updateTable('meetings').set({ status: 'in_progress', updated_at: now }).where('id', '=', meetingId).where('status', '=', 'held').execute();
}
