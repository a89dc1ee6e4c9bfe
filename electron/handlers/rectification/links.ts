/**
 * 同一问题 across sources (issue 19 §1, domain.md §9): the app suggests items of different sources whose problems read
 * alike; the user links them (never the app), and then progress and 销号 with its evidence written on one are written
 * on the others too (progress.ts), each keeping its own wording. Every export names the link (linkPhrase), and the
 * sums count a linked problem once (stats.ts).
 */
import { sql } from 'kysely';
import type { DuplicateSide, DuplicateSuggestion, rectificationApi } from '../../common/api/rectification';
import { suggestDuplicates } from '../../common/rectification/duplicates';
import { AppError } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import type { HandlerMap } from '../types';
import { findList, itemWithList } from './read';
import { loadList } from './store';
import { place, placeColumns, placed, type ItemPlace } from './linkRead';
import { carryClosure, closureToCarry, refuseCarry } from './linkClosure';

type Db = HandlerContext['db'];

export const pairKey = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;

async function groupOf(db: Db, itemId: number): Promise<number | null> {
  const row = await db.selectFrom('rectification_links').select('link_group').where('item_id', '=', itemId).executeTakeFirst();
  return row?.link_group ?? null;
}

/** Two different items, both of the team of `meetingId` (a link or a dismissal is about such a pair only). */
export async function teamPair(ctx: HandlerContext, input: { meetingId: number; itemId: number; withItemId: number }) {
  if (input.itemId === input.withItemId) throw new AppError('rectification.linkSelf', '不能将事项与其自身关联为同一问题', 'An item cannot be linked to itself');
  const meeting = await getMeeting(ctx, input.meetingId);
  const [a, b] = await Promise.all([itemWithList(ctx.db, input.itemId), itemWithList(ctx.db, input.withItemId)]);
  const teams = await ctx.db.selectFrom('meetings').select(['id', 'team_id']).where('id', 'in', [a.meeting_id, b.meeting_id]).execute();
  const teamOf = (id: number) => teams.find((t) => t.id === id)?.team_id;
  if (teamOf(a.meeting_id) !== meeting.teamId || teamOf(b.meeting_id) !== meeting.teamId) {
    throw new AppError('rectification.linkTeams', '只能关联本班子的整改事项，其他班子的事项不能关联为同一问题', "Only items of this team's lists can be linked; an item of another team cannot");
  }
  return [a, b] as const;
}

/** The team's items a suggestion may pair: every item of this list, and the items of its other lists not yet closed. */
export async function duplicateSuggestions(ctx: HandlerContext, meetingId: number): Promise<DuplicateSuggestion[]> {
  const meeting = await getMeeting(ctx, meetingId);
  const list = await findList(ctx.db, meetingId);
  if (!list) return [];
  const rows = await placed(ctx.db)
    .leftJoin('rectification_links', 'rectification_links.item_id', 'rectification_items.id')
    .select(placeColumns)
    .select(['rectification_items.problem', 'rectification_links.link_group'])
    .where('meetings.team_id', '=', meeting.teamId)
    .where((eb) => eb.or([eb('rectification_items.list_id', '=', list.id), eb('rectification_items.status', '<>', 'closed')]))
    .execute();
  const places = new Map(rows.map((r) => [r.id, { ...place(r), problem: r.problem }]));
  // An item carried over as 上年未完成 is last year's item continued, not a second source of it.
  const carried = await placed(ctx.db)
    .innerJoin('rectification_item_sources', 'rectification_item_sources.item_id', 'rectification_items.id')
    .select(['rectification_item_sources.item_id', 'rectification_item_sources.source_id'])
    .where('meetings.team_id', '=', meeting.teamId)
    .where('rectification_item_sources.source_type', '=', 'last_year')
    .execute();
  const notOffered = new Set(carried.map((c) => pairKey(c.item_id, c.source_id)));
  // 「不是同一问题」: pairs the user dismissed are not offered again.
  const dismissed = await ctx.db
    .selectFrom('rectification_dismissals')
    .innerJoin('rectification_items', 'rectification_items.id', 'rectification_dismissals.item_a')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .innerJoin('meetings', 'meetings.id', 'rectification_lists.meeting_id')
    .select(['rectification_dismissals.item_a', 'rectification_dismissals.item_b'])
    .where('meetings.team_id', '=', meeting.teamId)
    .execute();
  for (const d of dismissed) notOffered.add(pairKey(d.item_a, d.item_b));
  const pairs = suggestDuplicates(
    rows.map((r) => ({
      id: r.id,
      problem: r.problem,
      // A meeting's own items are one source per meeting; another rectification is one source per origin.
      source: r.origin_kind === 'meeting' ? `meeting:${r.list_id}` : `${r.origin_kind}:${r.origin}`,
      group: r.link_group,
      here: r.list_id === list.id,
    })),
    { skip: (a, b) => notOffered.has(pairKey(a, b)) },
  );
  return pairs.map((pair) => ({ score: pair.score, items: sides(places.get(pair.a)!, places.get(pair.b)!, list.id) }));
}

/** The two sides of a pair as the 同一问题 dialog shows them: this list's item first (the lower 序号 when both are). */
export function sides(pa: ItemPlace & { problem: string }, pb: ItemPlace & { problem: string }, listId: number): [DuplicateSide, DuplicateSide] {
  const side = (p: ItemPlace & { problem: string }): DuplicateSide => ({ itemId: p.id, meetingId: p.meetingId, meetingName: p.meetingName, sameList: p.listId === listId, seq: p.seq, problem: p.problem, originKind: p.originKind, origin: p.origin, status: p.status });
  const [a, b] = [side(pa), side(pb)];
  const aFirst = a.sameList !== b.sameList ? a.sameList : a.seq < b.seq;
  return aFirst ? [a, b] : [b, a];
}

type Api = typeof rectificationApi;
export const linkHandlers: Pick<HandlerMap<Api>, 'rectification.duplicates' | 'rectification.link' | 'rectification.unlink'> = {
  'rectification.duplicates': (ctx, input) => duplicateSuggestions(ctx, input.meetingId),

  async 'rectification.link'(ctx, input) {
    const [a, b] = await teamPair(ctx, input);
    if (a.list_id === b.list_id && a.origin_kind === b.origin_kind && a.origin === b.origin) {
      throw new AppError('rectification.linkSameSource', '两项来自同一来源、同一清单，重复的事项请使用“合并”，未作任何修改', 'Both items come from the same source in the same list: merge duplicates instead. Nothing was changed');
    }
    const [ga, gb] = [await groupOf(ctx.db, a.id), await groupOf(ctx.db, b.id)];
    if (ga !== null && ga === gb) throw new AppError('rectification.alreadyLinked', `第${a.seq}项与第${b.seq}项已关联为同一问题`, `Items ${a.seq} and ${b.seq} are already linked`);
    const carry = await closureToCarry(ctx, a, b);
    if (carry) refuseCarry(carry, input.carryClosure === true);
    const at = nowIso(ctx);
    if (ga !== null && gb !== null) {
      await ctx.db.updateTable('rectification_links').set({ link_group: ga }).where('link_group', '=', gb).execute();
    } else if (ga !== null || gb !== null) {
      await ctx.db.insertInto('rectification_links').values({ item_id: ga === null ? a.id : b.id, link_group: (ga ?? gb)!, linked_at: at }).execute();
    } else {
      const next = await ctx.db.selectFrom('rectification_links').select(sql<number>`coalesce(max(link_group), 0) + 1`.as('n')).executeTakeFirstOrThrow();
      await ctx.db.insertInto('rectification_links').values([{ item_id: a.id, link_group: next.n, linked_at: at }, { item_id: b.id, link_group: next.n, linked_at: at }]).execute();
    }
    if (carry) await carryClosure(ctx, carry);
    return loadList(ctx, input.meetingId);
  },

  async 'rectification.unlink'(ctx, input) {
    const item = await itemWithList(ctx.db, input.itemId);
    const group = await groupOf(ctx.db, item.id);
    if (group === null) throw new AppError('rectification.notLinked', `第${item.seq}项没有与其他事项关联`, `Item ${item.seq} is not linked to another item`);
    await ctx.db.deleteFrom('rectification_links').where('item_id', '=', item.id).execute();
    const left = await ctx.db.selectFrom('rectification_links').select('item_id').where('link_group', '=', group).execute();
    if (left.length < 2) await ctx.db.deleteFrom('rectification_links').where('link_group', '=', group).execute();
    return loadList(ctx, input.meetingId);
  },
};
