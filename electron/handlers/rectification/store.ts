/** The list as the screens get it, and its creation on first write. */
import type { RectificationList } from '../../common/api/rectification';
import { listStats } from '../../common/rectification/stats';
import { nowIso, type HandlerContext } from '../context';
import { userToday } from '../settings';
import { getMeeting } from '../meetings';
import { notFound } from '../../common/result';
import { findList, loadItems } from './read';

export { ITEM, findList, itemWithList, loadItems, refuseUnlessDraft } from './read';

type Db = HandlerContext['db'];

/** The list of a meeting, created empty on first write. */
export async function ensureList(ctx: HandlerContext, db: Db, meetingId: number) {
  const existing = await findList(db, meetingId);
  if (existing) return existing;
  // Checked through `db` (maybe a transaction): the context's own connection is busy while a transaction runs.
  const meeting = await db.selectFrom('meetings').select('id').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) throw notFound({ zh: '会议', en: 'Meeting' }, meetingId);
  const at = nowIso(ctx);
  return db.insertInto('rectification_lists').values({ meeting_id: meetingId, status: 'draft', agreed_by: '', created_at: at, updated_at: at }).returningAll().executeTakeFirstOrThrow();
}

export async function loadList(ctx: HandlerContext, meetingId: number, today?: string): Promise<RectificationList> {
  const meeting = await getMeeting(ctx, meetingId);
  const day = today ?? await userToday(ctx);
  const list = await findList(ctx.db, meetingId);
  const items = await loadItems(ctx, meetingId, day);
  const members = await ctx.db.selectFrom('members').select(['id', 'name', 'position']).where('team_id', '=', meeting.teamId).orderBy('sort_order').execute();
  return {
    meetingId,
    listId: list?.id ?? null,
    status: list?.status ?? 'draft',
    agreedOn: list?.agreed_on ?? null,
    agreedBy: list?.agreed_by ?? '',
    today: day,
    items,
    stats: listStats(items, day),
    members,
    aspects: meeting.aspects,
  };
}
