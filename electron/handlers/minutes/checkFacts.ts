/**
 * The speakers' check of their own words (domain.md §9: 「speakers check their own words」): who spoke, whose
 * 发言记录核对单 came back, how many corrections were entered. The 会议记录 export states it only when it is so.
 */
import type { HandlerContext } from '../context';

export interface CheckFacts {
  /** Members with at least one entry of their own or a criticism addressed to them, in team order. */
  speakerIds: number[];
  returned: Map<number, string>;
  revisions: number;
}

export async function checkFacts(ctx: HandlerContext, meetingId: number): Promise<CheckFacts> {
  const rows = await ctx.db
    .selectFrom('minutes_entries')
    .select(['from_member_id', 'to_member_id', 'type'])
    .where('meeting_id', '=', meetingId)
    .where('text', '!=', '')
    .execute();
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.from_member_id !== null) ids.add(r.from_member_id);
    if (r.type === 'criticism' && r.to_member_id !== null) ids.add(r.to_member_id);
  }
  const order = await ctx.db.selectFrom('members').select('id').where('id', 'in', ids.size ? [...ids] : [0]).orderBy('sort_order').orderBy('id').execute();
  const returned = await ctx.db.selectFrom('minutes_checks').select(['member_id', 'returned_on']).where('meeting_id', '=', meetingId).execute();
  const revisions = await ctx.db.selectFrom('minutes_entry_revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
  return { speakerIds: order.map((o) => o.id), returned: new Map(returned.map((r) => [r.member_id, r.returned_on])), revisions: Number(revisions.n) };
}

/** The sentences the 会议记录 may carry about the check: only what the data shows. */
export function checkSentences(facts: CheckFacts): string[] {
  const out: string[] = [];
  const n = facts.speakerIds.length;
  if (n > 0 && facts.speakerIds.every((id) => facts.returned.has(id))) out.push(`本记录已经${n}名发言人逐一核对本人发言记录，发言记录核对单均已签字交回。`);
  if (facts.revisions > 0) out.push(`根据发言人核对意见更正${facts.revisions}处，更正前原文及更正记录存档备查。`);
  return out;
}
