import type { OpinionBoard, OpinionStats } from '../../common/api/opinions';
import { opinionsParagraph } from '../../common/opinions/paragraph';
import { CHANNEL_LABELS, OPINION_CHANNELS, TEAM_TARGET_LABEL } from '../../common/opinions/vocab';
import type { HandlerContext } from '../context';
import { getBoard } from './store';

/** The items a count of 梳理后 opinions is made of: consolidated opinions plus raw ones not merged yet. */
export function sortedItems(board: OpinionBoard): { targetMemberId: number | null; aspectId: number | null }[] {
  return [...board.consolidated, ...board.opinions.filter((o) => o.consolidatedId === null)];
}

export async function computeStats(ctx: HandlerContext, meetingId: number): Promise<OpinionStats> {
  const board = await getBoard(ctx, meetingId);
  const meeting = await ctx.db.selectFrom('meetings').select('team_id').where('id', '=', meetingId).executeTakeFirstOrThrow();
  const members = await ctx.db.selectFrom('members').select(['id', 'name']).where('team_id', '=', meeting.team_id).orderBy('sort_order').execute();
  const aspects = await ctx.db.selectFrom('meeting_aspects').select(['id', 'label']).where('meeting_id', '=', meetingId).orderBy('sort_order').execute();
  const items = sortedItems(board);
  const raw = board.opinions;
  const count = <T>(list: T[], pred: (x: T) => boolean) => list.filter(pred).length;

  const byChannel = OPINION_CHANNELS.map((channel) => {
    const form = board.forms.find((f) => f.channel === channel);
    return { key: channel, label: CHANNEL_LABELS[channel].zh, raw: count(raw, (o) => o.channel === channel), consolidated: 0, issued: form?.issued ?? 0, returned: form?.returned ?? 0 };
  }).filter((c) => c.raw > 0 || c.issued > 0);
  // A consolidated opinion is counted under the channel of its first raw opinion, so the column adds up.
  for (const item of board.consolidated) {
    const first = raw.find((o) => o.id === item.rawIds[0]);
    const row = byChannel.find((c) => c.key === first?.channel);
    if (row) row.consolidated++;
  }
  for (const o of raw.filter((r) => r.consolidatedId === null)) {
    const row = byChannel.find((c) => c.key === o.channel);
    if (row) row.consolidated++;
  }
  const targets: { memberId: number | null; label: string }[] = [{ memberId: null, label: TEAM_TARGET_LABEL }, ...members.map((m) => ({ memberId: m.id, label: m.name }))];
  const byTarget = targets
    .map((t) => ({ key: String(t.memberId ?? 'team'), memberId: t.memberId, label: t.label, raw: count(raw, (o) => o.targetMemberId === t.memberId), consolidated: count(items, (i) => i.targetMemberId === t.memberId) }))
    .filter((t) => t.raw > 0 || t.consolidated > 0);
  const aspectRows: { aspectId: number | null; label: string }[] = [...aspects.map((a) => ({ aspectId: a.id, label: a.label })), { aspectId: null, label: '未归类' }];
  const byAspect = aspectRows
    .map((a) => ({ key: String(a.aspectId ?? 'none'), aspectId: a.aspectId, label: a.label, raw: count(raw, (o) => o.aspectId === a.aspectId), consolidated: count(items, (i) => i.aspectId === a.aspectId) }))
    .filter((a) => a.raw > 0 || a.consolidated > 0);

  const formsIssued = board.forms.reduce((s, f) => s + f.issued, 0);
  const formsReturned = board.forms.reduce((s, f) => s + f.returned, 0);
  const consolidatedToTeam = count(items, (i) => i.targetMemberId === null);
  const stats = {
    raw: raw.length,
    consolidated: items.length,
    unsorted: count(raw, (o) => o.consolidatedId === null),
    anonymous: count(raw, (o) => o.anonymous),
    rawToTeam: count(raw, (o) => o.targetMemberId === null),
    rawToMembers: count(raw, (o) => o.targetMemberId !== null),
    consolidatedToTeam,
    consolidatedToMembers: items.length - consolidatedToTeam,
    byChannel,
    byTarget,
    byAspect,
    formsIssued,
    formsReturned,
  };
  const paragraph = opinionsParagraph({ ...stats, channels: byChannel.filter((c) => c.raw > 0).map((c) => c.key as (typeof OPINION_CHANNELS)[number]) });
  return { ...stats, paragraph };
}
