import type { talksApi } from '../../common/api/talks';
import { notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { withUndo } from '../undo';
import type { HandlerMap } from '../types';
import { computeCoverage, saveRules } from './coverage';
import { assertPersonUnused, assertTeamMembers, getPerson, listPeople, PERSON } from './people';
import { assertParticipants, getTalk, listTalks, saveTalk, TALK } from './records';

async function teamOf(ctx: HandlerContext, teamId: number): Promise<void> {
  const team = await ctx.db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound({ zh: '领导班子', en: 'Team' }, teamId);
}

export const talksHandlers: HandlerMap<typeof talksApi> = {
  async 'talks.list'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    return listTalks(ctx, input.meetingId);
  },
  async 'talks.create'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    await assertParticipants(ctx, meeting.teamId, input.talk);
    const id = await saveTalk(ctx.db, ctx, input.meetingId, input.talk);
    return getTalk(ctx, id);
  },
  async 'talks.update'(ctx, input) {
    const current = await getTalk(ctx, input.id);
    const meeting = await getMeeting(ctx, current.meetingId);
    await assertParticipants(ctx, meeting.teamId, input.talk);
    await saveTalk(ctx.db, ctx, current.meetingId, input.talk, input.id);
    return getTalk(ctx, input.id);
  },
  async 'talks.delete'(ctx, input) {
    const talk = await ctx.db.selectFrom('talks').select('meeting_id').where('id', '=', input.id).executeTakeFirst();
    return withUndo(ctx, 'talks', talk?.meeting_id ?? null, { zh: '删除谈心谈话记录', en: 'Deleted a talk' }, async () => {
      const result = await ctx.db.deleteFrom('talks').where('id', '=', input.id).executeTakeFirst();
      if (result.numDeletedRows === 0n) throw notFound(TALK, input.id);
      return { id: input.id };
    });
  },
  'talks.coverage': (ctx, input) => computeCoverage(ctx, input.meetingId),
  async 'talks.setRules'(ctx, input) {
    await saveRules(ctx, input.meetingId, input.rules);
    return computeCoverage(ctx, input.meetingId);
  },
  async 'talkPeople.list'(ctx, input) {
    await teamOf(ctx, input.teamId);
    return listPeople(ctx, input.teamId);
  },
  async 'talkPeople.create'(ctx, input) {
    await teamOf(ctx, input.teamId);
    if (input.person.overseerMemberId !== null) await assertTeamMembers(ctx, input.teamId, [input.person.overseerMemberId]);
    const at = nowIso(ctx);
    const row = await ctx.db
      .insertInto('talk_people')
      .values({ team_id: input.teamId, kind: input.person.kind, name: input.person.name, department: input.person.department, position: input.person.position, overseer_member_id: input.person.overseerMemberId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getPerson(ctx, row.id);
  },
  async 'talkPeople.update'(ctx, input) {
    const current = await getPerson(ctx, input.id);
    if (input.person.overseerMemberId !== null) await assertTeamMembers(ctx, current.teamId, [input.person.overseerMemberId]);
    await ctx.db
      .updateTable('talk_people')
      .set({ kind: input.person.kind, name: input.person.name, department: input.person.department, position: input.person.position, overseer_member_id: input.person.overseerMemberId, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .execute();
    return getPerson(ctx, input.id);
  },
  async 'talkPeople.delete'(ctx, input) {
    await getPerson(ctx, input.id);
    await assertPersonUnused(ctx, input.id);
    await ctx.db.deleteFrom('talk_people').where('id', '=', input.id).execute();
    return { id: input.id };
  },
};

export { PERSON };
