import type { Selectable } from 'kysely';
import type { teamsApi, Member, Team } from '../../common/api/teams';
import { AppError, notFound } from '../../common/result';
import type { MembersTable } from '../../../db/schema';
import { nowIso, type HandlerContext } from '../context';
import type { HandlerMap } from '../types';

const TEAM = { zh: '领导班子', en: 'Team' };
const MEMBER = { zh: '班子成员', en: 'Member' };

export const toMember = (row: Selectable<MembersTable>): Member => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  position: row.position,
  role: row.role,
  portfolio: row.portfolio,
  sortOrder: row.sort_order,
  status: row.status,
  leftOn: row.left_on,
});

async function getTeam(ctx: HandlerContext, id: number): Promise<Team> {
  const row = await ctx.db
    .selectFrom('teams')
    .select(['id', 'name', 'organ', 'unit'])
    .select((eb) => eb.selectFrom('members').whereRef('members.team_id', '=', 'teams.id').where('members.status', '=', 'active').select(eb.fn.countAll<number>().as('n')).as('memberCount'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(TEAM, id);
  return { ...row, memberCount: Number(row.memberCount ?? 0) };
}

export async function getMember(ctx: HandlerContext, id: number): Promise<Member> {
  const row = await ctx.db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(MEMBER, id);
  return toMember(row);
}

export async function listMembers(ctx: HandlerContext, teamId: number, includeLeft = false): Promise<Member[]> {
  let query = ctx.db.selectFrom('members').selectAll().where('team_id', '=', teamId);
  if (!includeLeft) query = query.where('status', '=', 'active');
  const rows = await query.orderBy('sort_order').orderBy('id').execute();
  return rows.map(toMember);
}

/** Only one 书记 per team: the agenda, minutes and reports rely on it. */
async function assertSingleSecretary(ctx: HandlerContext, teamId: number, role: string, exceptId?: number): Promise<void> {
  if (role !== 'secretary') return;
  let query = ctx.db.selectFrom('members').select('name').where('team_id', '=', teamId).where('role', '=', 'secretary').where('status', '=', 'active');
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  const other = await query.executeTakeFirst();
  if (other) {
    throw new AppError('members.secretaryExists', `本班子已有书记（${other.name}），请先调整其班子职务`, `The team already has a secretary (${other.name}); change that member's role first`);
  }
}

export const teamsHandlers: HandlerMap<typeof teamsApi> = {
  async 'teams.list'(ctx) {
    const rows = await ctx.db.selectFrom('teams').select('id').orderBy('id').execute();
    return Promise.all(rows.map((r) => getTeam(ctx, r.id)));
  },
  async 'teams.create'(ctx, input) {
    const at = nowIso(ctx);
    const row = await ctx.db
      .insertInto('teams')
      .values({ name: input.name, organ: input.organ, unit: input.unit, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getTeam(ctx, row.id);
  },
  async 'teams.update'(ctx, input) {
    const result = await ctx.db
      .updateTable('teams')
      .set({ name: input.name, organ: input.organ, unit: input.unit, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound(TEAM, input.id);
    return getTeam(ctx, input.id);
  },
  async 'members.list'(ctx, input) {
    await getTeam(ctx, input.teamId);
    return listMembers(ctx, input.teamId, input.includeLeft ?? false);
  },
  async 'members.create'(ctx, input) {
    await getTeam(ctx, input.teamId);
    await assertSingleSecretary(ctx, input.teamId, input.role);
    const at = nowIso(ctx);
    const last = await ctx.db.selectFrom('members').select((eb) => eb.fn.max('sort_order').as('max')).where('team_id', '=', input.teamId).executeTakeFirst();
    const row = await ctx.db
      .insertInto('members')
      .values({
        team_id: input.teamId,
        name: input.name,
        position: input.position,
        role: input.role,
        portfolio: input.portfolio,
        sort_order: Number(last?.max ?? 0) + 1,
        status: 'active',
        left_on: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return getMember(ctx, row.id);
  },
  async 'members.update'(ctx, input) {
    const current = await getMember(ctx, input.id);
    await assertSingleSecretary(ctx, current.teamId, input.role, input.id);
    await ctx.db
      .updateTable('members')
      .set({ name: input.name, position: input.position, role: input.role, portfolio: input.portfolio, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .execute();
    return getMember(ctx, input.id);
  },
  async 'members.reorder'(ctx, input) {
    const all = await listMembers(ctx, input.teamId, true);
    const known = new Set(all.map((m) => m.id));
    const given = new Set(input.order);
    if (given.size !== input.order.length || input.order.some((id) => !known.has(id))) {
      throw new AppError('members.badOrder', '排序列表与本班子成员不一致，未作修改', 'The new order does not match the team members; nothing was changed');
    }
    // Members not named (e.g. those who left) keep their relative order after the named ones.
    const rest = all.filter((m) => !given.has(m.id)).map((m) => m.id);
    let order = 1;
    for (const id of [...input.order, ...rest]) {
      await ctx.db.updateTable('members').set({ sort_order: order++ }).where('id', '=', id).execute();
    }
    return listMembers(ctx, input.teamId, true);
  },
  async 'members.setStatus'(ctx, input) {
    const current = await getMember(ctx, input.id);
    if (input.status === 'active') await assertSingleSecretary(ctx, current.teamId, current.role, current.id);
    await ctx.db
      .updateTable('members')
      .set({ status: input.status, left_on: input.status === 'left' ? (input.leftOn ?? null) : null, updated_at: nowIso(ctx) })
      .where('id', '=', input.id)
      .execute();
    return getMember(ctx, input.id);
  },
};
