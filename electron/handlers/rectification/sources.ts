/**
 * Where items come from: the candidates other features register (collectSources) plus the open items of the team's
 * previous list (上年未完成). A link stores a snapshot of the text, so it survives later edits of the source.
 */
import type { SourceOption } from '../../common/api/rectification';
import type { ItemSourceType } from '../../common/rectification/model';
import { STATUS_ZH } from '../../common/rectification/model';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import { collectSources, type SourceCandidate } from '../meetings/sources';
import { previousMeetingOf } from './previous';

/** Open items of the previous meeting's list, offered as 'last_year' sources. */
export async function lastYearCandidates(ctx: HandlerContext, meetingId: number): Promise<SourceCandidate[]> {
  const previous = await previousMeetingOf(ctx, meetingId);
  if (!previous) return [];
  const rows = await ctx.db
    .selectFrom('rectification_items')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .select(['rectification_items.id', 'rectification_items.seq', 'rectification_items.problem', 'rectification_items.member_id', 'rectification_items.status'])
    .where('rectification_lists.meeting_id', '=', previous.id)
    .where('rectification_items.status', 'not in', ['closed'])
    .orderBy('rectification_items.seq')
    .execute();
  return rows.map((r) => ({
    type: 'last_year',
    id: r.id,
    text: r.problem,
    aspectId: null,
    memberId: r.member_id,
    origin: `${previous.year}年度整改清单第${r.seq}项（${STATUS_ZH[r.status]}）`,
  }));
}

export async function allCandidates(ctx: HandlerContext, meetingId: number): Promise<SourceCandidate[]> {
  return [...(await collectSources(ctx, meetingId)), ...(await lastYearCandidates(ctx, meetingId))];
}

export async function sourceOptions(ctx: HandlerContext, meetingId: number): Promise<SourceOption[]> {
  const candidates = await allCandidates(ctx, meetingId);
  const used = await ctx.db
    .selectFrom('rectification_item_sources')
    .innerJoin('rectification_items', 'rectification_items.id', 'rectification_item_sources.item_id')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .select(['rectification_item_sources.source_type', 'rectification_item_sources.source_id', 'rectification_items.seq'])
    .where('rectification_lists.meeting_id', '=', meetingId)
    .execute();
  const usedBy = new Map<string, number[]>();
  for (const u of used) usedBy.set(`${u.source_type}:${u.source_id}`, [...(usedBy.get(`${u.source_type}:${u.source_id}`) ?? []), u.seq]);
  const options = candidates.map((c) => ({ type: c.type, id: c.id, text: c.text, origin: c.origin, aspectId: c.aspectId, memberId: c.memberId, usedBy: usedBy.get(`${c.type}:${c.id}`) ?? [], promoted: c.promoted === true }));
  // What the meeting itself marked 转为整改事项 comes first (stable: each group keeps its order).
  return [...options.filter((o) => o.promoted), ...options.filter((o) => !o.promoted)];
}

/** Resolves references against what is offered now; an unknown reference refuses the whole write. */
export async function resolveSources(ctx: HandlerContext, meetingId: number, refs: readonly { type: ItemSourceType; id: number }[]): Promise<SourceCandidate[]> {
  if (refs.length === 0) return [];
  const candidates = await allCandidates(ctx, meetingId);
  return refs.map((ref) => {
    const found = candidates.find((c) => c.type === ref.type && c.id === ref.id);
    if (!found) {
      throw new AppError('rectification.unknownSource', `问题来源（${ref.type} 编号 ${ref.id}）不存在或不属于本次会议，未作任何修改`, `Source ${ref.type} #${ref.id} does not exist or is not part of this meeting; nothing was changed`);
    }
    return found;
  });
}
