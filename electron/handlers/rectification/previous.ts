import type { HandlerContext } from '../context';
import { getMeeting } from '../meetings';

/** The same team's latest meeting held before this one that has a rectification list (上年度 / 上次). */
export async function previousMeetingOf(ctx: HandlerContext, meetingId: number) {
  const meeting = await getMeeting(ctx, meetingId);
  return ctx.db
    .selectFrom('meetings')
    .innerJoin('rectification_lists', 'rectification_lists.meeting_id', 'meetings.id')
    .select(['meetings.id', 'meetings.year', 'meetings.kind', 'meetings.trigger', 'meetings.date', 'meetings.theme', 'rectification_lists.id as list_id'])
    .where('meetings.team_id', '=', meeting.teamId)
    .where('meetings.id', '!=', meetingId)
    .where('meetings.date', '<', meeting.date)
    .orderBy('meetings.date', 'desc')
    .limit(1)
    .executeTakeFirst();
}
