import type { studyApi, StudySession } from '../../common/api/study';
import { notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { assertTeamMembers } from '../talks/people';
import type { HandlerMap, ParsedInput } from '../types';

const SESSION = { zh: '学习研讨记录', en: 'Study session' };
type SessionInput = ParsedInput<typeof studyApi, 'study.create'>['session'];

export async function listSessions(ctx: HandlerContext, meetingId: number, onlyId?: number): Promise<StudySession[]> {
  let query = ctx.db.selectFrom('study_sessions').selectAll().where('meeting_id', '=', meetingId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const rows = await query.orderBy('date').orderBy('id').execute();
  if (rows.length === 0) return [];
  const attendees = await ctx.db
    .selectFrom('study_attendees as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.session_id', 'm.id', 'm.name'])
    .where('a.session_id', 'in', rows.map((r) => r.id))
    .orderBy('m.sort_order')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => {
    const mine = attendees.filter((a) => a.session_id === r.id);
    return { id: r.id, meetingId: r.meeting_id, date: r.date, form: r.form, topic: r.topic, hours: r.hours, notes: r.notes, attendeeIds: mine.map((a) => a.id), attendeeNames: mine.map((a) => a.name) };
  });
}

async function getSession(ctx: HandlerContext, id: number): Promise<StudySession> {
  const row = await ctx.db.selectFrom('study_sessions').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(SESSION, id);
  return (await listSessions(ctx, row.meeting_id, id))[0];
}

async function save(ctx: HandlerContext, meetingId: number, input: SessionInput, id?: number): Promise<number> {
  const at = nowIso(ctx);
  const values = { date: input.date, form: input.form, topic: input.topic, hours: input.hours, notes: input.notes, updated_at: at };
  let sessionId = id;
  if (sessionId === undefined) {
    sessionId = (await ctx.db.insertInto('study_sessions').values({ meeting_id: meetingId, ...values, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    await ctx.db.updateTable('study_sessions').set(values).where('id', '=', sessionId).execute();
    await ctx.db.deleteFrom('study_attendees').where('session_id', '=', sessionId).execute();
  }
  for (const memberId of new Set(input.attendeeIds)) await ctx.db.insertInto('study_attendees').values({ session_id: sessionId, member_id: memberId }).execute();
  return sessionId;
}

export const studyHandlers: HandlerMap<typeof studyApi> = {
  async 'study.list'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    return listSessions(ctx, input.meetingId);
  },
  async 'study.create'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    await assertTeamMembers(ctx, meeting.teamId, [...new Set(input.session.attendeeIds)]);
    return getSession(ctx, await save(ctx, input.meetingId, input.session));
  },
  async 'study.update'(ctx, input) {
    const current = await getSession(ctx, input.id);
    const meeting = await getMeeting(ctx, current.meetingId);
    await assertTeamMembers(ctx, meeting.teamId, [...new Set(input.session.attendeeIds)]);
    return getSession(ctx, await save(ctx, current.meetingId, input.session, input.id));
  },
  async 'study.delete'(ctx, input) {
    const result = await ctx.db.deleteFrom('study_sessions').where('id', '=', input.id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound(SESSION, input.id);
    return { id: input.id };
  },
};
