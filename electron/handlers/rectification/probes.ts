/** What the dashboard and reports learn from the list: step done when agreed; figures for MeetingFacts. */
import { listStats } from '../../common/rectification/stats';
import { type HandlerContext } from '../context';
import { userToday } from '../settings';
import type { FactsProvider } from '../meetings/facts';
import type { StepProbe } from '../meetings/steps';
import { findList, loadItems } from './read';

export const rectificationProbe: StepProbe = async (ctx, meetingId) => {
  const list = await findList(ctx.db, meetingId);
  if (!list) return {};
  const count = await ctx.db.selectFrom('rectification_items').select((eb) => eb.fn.countAll<number>().as('n')).where('list_id', '=', list.id).executeTakeFirst();
  const agreed = list.status === 'agreed';
  return { rectification: { done: agreed, doneOn: agreed ? list.agreed_on : null, progress: agreed ? null : String(Number(count?.n ?? 0)) } };
};

export const rectificationFacts: FactsProvider = async (ctx: HandlerContext, meetingId) => {
  const list = await findList(ctx.db, meetingId);
  if (!list) return {};
  const items = await loadItems(ctx, meetingId, await userToday(ctx));
  const stats = listStats(items, await userToday(ctx));
  return { rectification: { items: stats.total, closed: stats.byStatus.closed, overdue: stats.overdue, agreedOn: list.status === 'agreed' ? list.agreed_on : null } };
};
