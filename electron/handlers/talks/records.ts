import type { talksApi, Talk } from '../../common/api/talks';
import { memberKey, personKey, type PersonKey } from '../../common/talks/pairs';
import { notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import type { ParsedInput } from '../types';
import { assertTeamMembers, assertTeamPeople } from './people';

export const TALK = { zh: '谈话记录', en: 'Talk' };
export type TalkInput = ParsedInput<typeof talksApi, 'talks.create'>['talk'];

/** All talks of a meeting with their participants, oldest first. */
export async function listTalks(ctx: HandlerContext, meetingId: number, onlyId?: number): Promise<Talk[]> {
  let query = ctx.db.selectFrom('talks').selectAll().where('meeting_id', '=', meetingId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const talks = await query.orderBy('date').orderBy('id').execute();
  if (talks.length === 0) return [];
  const parts = await ctx.db
    .selectFrom('talk_participants as tp')
    .leftJoin('members as m', 'm.id', 'tp.member_id')
    .leftJoin('talk_people as p', 'p.id', 'tp.person_id')
    .select(['tp.talk_id', 'tp.member_id', 'tp.person_id', 'tp.points', 'm.name as member_name', 'm.position as member_position', 'p.name as person_name', 'p.department', 'p.position as person_position'])
    .where('tp.talk_id', 'in', talks.map((t) => t.id))
    .orderBy('tp.talk_id')
    .orderBy('tp.sort_order')
    .execute();
  return talks.map((t) => ({
    id: t.id,
    meetingId: t.meeting_id,
    date: t.date,
    place: t.place,
    type: t.type,
    topic: t.topic,
    agreed: t.agreed,
    recorder: t.recorder,
    participants: parts
      .filter((p) => p.talk_id === t.id)
      .map((p) => ({
        memberId: p.member_id,
        personId: p.person_id,
        name: p.member_name ?? p.person_name ?? '',
        position: p.member_id !== null ? (p.member_position ?? '') : [p.department, p.person_position].filter(Boolean).join(''),
        points: p.points,
      })),
  }));
}

export async function getTalk(ctx: HandlerContext, id: number): Promise<Talk> {
  const row = await ctx.db.selectFrom('talks').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(TALK, id);
  const [talk] = await listTalks(ctx, row.meeting_id, id);
  return talk;
}

export const participantKeys = (talk: Pick<Talk, 'participants'>): PersonKey[] =>
  talk.participants.map((p) => (p.memberId !== null ? memberKey(p.memberId) : personKey(p.personId as number)));

/** Checks every person against the meeting's team before anything is written. */
export async function assertParticipants(ctx: HandlerContext, teamId: number, input: TalkInput): Promise<void> {
  await assertTeamMembers(ctx, teamId, input.participants.flatMap((p) => (p.memberId !== null ? [p.memberId] : [])));
  await assertTeamPeople(ctx, teamId, input.participants.flatMap((p) => (p.personId !== null ? [p.personId] : [])));
}

/** Writes the talk row and replaces its participants; the caller runs it inside a transaction. */
export async function saveTalk(trx: HandlerContext['db'], ctx: HandlerContext, meetingId: number, input: TalkInput, id?: number): Promise<number> {
  const at = nowIso(ctx);
  const values = { date: input.date, place: input.place, type: input.type, topic: input.topic, agreed: input.agreed, recorder: input.recorder, updated_at: at };
  let talkId = id;
  if (talkId === undefined) {
    talkId = (await trx.insertInto('talks').values({ meeting_id: meetingId, ...values, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    await trx.updateTable('talks').set(values).where('id', '=', talkId).execute();
    await trx.deleteFrom('talk_participants').where('talk_id', '=', talkId).execute();
  }
  let order = 0;
  for (const p of input.participants) {
    await trx.insertInto('talk_participants').values({ talk_id: talkId, sort_order: order++, member_id: p.memberId, person_id: p.personId, points: p.points }).execute();
  }
  return talkId;
}
