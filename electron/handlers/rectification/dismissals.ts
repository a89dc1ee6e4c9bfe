/**
 * 「不是同一问题」: a 同一问题 suggestion the user rejected is stored (migration 022) and not offered again; the
 * dialog lists the rejected pairs so a rejection can be undone. Only pairs of the team's own items.
 */
import type { DismissedDuplicate, rectificationApi } from '../../common/api/rectification';
import { AppError } from '../../common/result';
import { nowIso } from '../context';
import type { HandlerMap } from '../types';
import { place, placeColumns, placed } from './linkRead';
import { duplicateSuggestions, sides, teamPair } from './links';
import { findList } from './read';
import type { HandlerContext } from '../context';

async function dismissedOf(ctx: HandlerContext, meetingId: number): Promise<DismissedDuplicate[]> {
  const list = await findList(ctx.db, meetingId);
  if (!list) return [];
  const rows = await ctx.db
    .selectFrom('rectification_dismissals')
    .select(['item_a', 'item_b', 'dismissed_at'])
    .where((eb) =>
      eb.or([
        eb('item_a', 'in', eb.selectFrom('rectification_items').select('id').where('list_id', '=', list.id)),
        eb('item_b', 'in', eb.selectFrom('rectification_items').select('id').where('list_id', '=', list.id)),
      ]),
    )
    .orderBy('dismissed_at', 'desc')
    .orderBy('item_a')
    .orderBy('item_b')
    .execute();
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.flatMap((r) => [r.item_a, r.item_b]))];
  const placesRows = await placed(ctx.db).select(placeColumns).select('rectification_items.problem').where('rectification_items.id', 'in', ids).execute();
  const places = new Map(placesRows.map((r) => [r.id, { ...place(r), problem: r.problem }]));
  return rows.map((r) => ({ dismissedAt: r.dismissed_at, items: sides(places.get(r.item_a)!, places.get(r.item_b)!, list.id) }));
}

type Api = typeof rectificationApi;
export const dismissalHandlers: Pick<HandlerMap<Api>, 'rectification.dismissDuplicate' | 'rectification.dismissedDuplicates' | 'rectification.restoreDuplicate'> = {
  async 'rectification.dismissDuplicate'(ctx, input) {
    const [a, b] = await teamPair(ctx, input);
    await ctx.db
      .insertInto('rectification_dismissals')
      .values({ item_a: Math.min(a.id, b.id), item_b: Math.max(a.id, b.id), dismissed_at: nowIso(ctx) })
      .onConflict((oc) => oc.columns(['item_a', 'item_b']).doNothing())
      .execute();
    return duplicateSuggestions(ctx, input.meetingId);
  },

  'rectification.dismissedDuplicates': (ctx, input) => dismissedOf(ctx, input.meetingId),

  async 'rectification.restoreDuplicate'(ctx, input) {
    const [a, b] = await teamPair(ctx, input);
    const gone = await ctx.db.deleteFrom('rectification_dismissals').where('item_a', '=', Math.min(a.id, b.id)).where('item_b', '=', Math.max(a.id, b.id)).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) {
      throw new AppError('rectification.notDismissed', `第${a.seq}项与第${b.seq}项的同一问题建议未被忽略，无需恢复`, `The suggestion pairing items ${a.seq} and ${b.seq} was not dismissed; there is nothing to restore`);
    }
    return dismissedOf(ctx, input.meetingId);
  },
};
