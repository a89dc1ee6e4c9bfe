import type { Selectable } from 'kysely';
import type { TalkPeopleTable } from '../../../db/schema';
import type { TalkPerson } from '../../common/api/talks';
import { AppError, notFound } from '../../common/result';
import type { HandlerContext } from '../context';

export const PERSON = { zh: '班子外谈话人员', en: 'Outside person' };

export const toPerson = (row: Selectable<TalkPeopleTable>): TalkPerson => ({
  id: row.id,
  teamId: row.team_id,
  kind: row.kind,
  name: row.name,
  department: row.department,
  position: row.position,
  overseerMemberId: row.overseer_member_id,
});

export async function listPeople(ctx: HandlerContext, teamId: number): Promise<TalkPerson[]> {
  const rows = await ctx.db.selectFrom('talk_people').selectAll().where('team_id', '=', teamId).orderBy('kind').orderBy('overseer_member_id').orderBy('id').execute();
  return rows.map(toPerson);
}

export async function getPerson(ctx: HandlerContext, id: number): Promise<TalkPerson> {
  const row = await ctx.db.selectFrom('talk_people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(PERSON, id);
  return toPerson(row);
}

/** Every member id must belong to the team (members who left included: their past talks stay valid). */
export async function assertTeamMembers(ctx: HandlerContext, teamId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.db.selectFrom('members').select('id').where('team_id', '=', teamId).where('id', 'in', ids).execute();
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound({ zh: '本班子成员', en: 'Team member' }, missing);
}

export async function assertTeamPeople(ctx: HandlerContext, teamId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.db.selectFrom('talk_people').select('id').where('team_id', '=', teamId).where('id', 'in', ids).execute();
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound(PERSON, missing);
}

export async function assertPersonUnused(ctx: HandlerContext, id: number): Promise<void> {
  const used = await ctx.db.selectFrom('talk_participants').select('id').where('person_id', '=', id).limit(1).executeTakeFirst();
  if (used) {
    throw new AppError('talkPeople.inUse', '此人已出现在谈话记录中，不能删除；如已调离，可修改其部门或分管领导', 'This person appears in talk records and cannot be deleted; edit the department or overseeing member instead');
  }
}
