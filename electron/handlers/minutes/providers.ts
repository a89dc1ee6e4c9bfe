import type { FactsProvider } from '../meetings/facts';
import type { SourceCandidate, SourceProvider } from '../meetings/sources';
import { criticismMatrix } from '../../common/minutes/matrix';
import type { HandlerContext } from '../context';
import { listEntries } from './state';

/** MeetingFacts.minutes: the counts the report quotes («相互提出批评意见 N 条»), from the recorded entries. */
export const minutesFacts: FactsProvider = async (ctx, meetingId) => {
  const session = await ctx.db.selectFrom('minutes_sessions').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!session) return {};
  const entries = await listEntries(ctx.db, meetingId);
  const agenda = await ctx.db.selectFrom('minutes_agenda_items').select('title').where('meeting_id', '=', meetingId).orderBy('sort_order').execute();
  const matrix = criticismMatrix(entries, []);
  return {
    minutes: {
      criticisms: matrix.total,
      selfCriticisms: matrix.selfCriticisms,
      startedAt: session.started_at,
      endedAt: session.ended_at,
      agenda: agenda.map((a) => a.title),
      finalized: session.finalized_at !== null,
    },
  };
};

async function memberNames(ctx: HandlerContext, meetingId: number): Promise<Map<number, string>> {
  const rows = await ctx.db.selectFrom('members').innerJoin('meetings', 'meetings.team_id', 'members.team_id').select(['members.id', 'members.name']).where('meetings.id', '=', meetingId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Criticisms and self-criticism points offered to the rectification list: every promoted entry first (the
 * secretary marked it during the meeting), then the other criticisms and self-criticisms.
 */
export const minutesSources: SourceProvider = async (ctx, meetingId) => {
  const entries = (await listEntries(ctx.db, meetingId)).filter((e) => e.text.trim() !== '' && (e.type === 'criticism' || e.type === 'self_criticism'));
  const names = await memberNames(ctx, meetingId);
  const ordered = [...entries.filter((e) => e.promotedAt), ...entries.filter((e) => !e.promotedAt)];
  return ordered.map((e): SourceCandidate => {
    const from = e.fromMemberId ? (names.get(e.fromMemberId) ?? '') : e.fromGuest;
    const to = e.toMemberId ? (names.get(e.toMemberId) ?? '') : '';
    return {
      type: e.type === 'criticism' ? 'criticism' : 'self_check',
      id: e.id,
      text: e.text,
      aspectId: e.aspectId,
      memberId: e.type === 'criticism' ? e.toMemberId : (e.fromMemberId ?? e.toMemberId),
      origin: e.type === 'criticism' ? `${from}→${to}` : `${from || to}·会上自我批评`,
    };
  });
};

/** The entries promoted in the console, waiting for the rectification list: its engineer reads this table. */
export async function pendingPromotions(ctx: HandlerContext, meetingId: number) {
  return ctx.db.selectFrom('minutes_promotions').select(['entry_id', 'promoted_at', 'status']).where('meeting_id', '=', meetingId).where('status', '=', 'pending').orderBy('promoted_at').execute();
}
