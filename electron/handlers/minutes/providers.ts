import type { FactsProvider } from '../meetings/facts';
import type { SourceCandidate, SourceProvider } from '../meetings/sources';
import { criticismMatrix } from '../../common/minutes/matrix';
import type { HandlerContext } from '../context';
import { getAttendance } from '../meetings';
import { listEntries } from './state';

/**
 * MeetingFacts.minutes: what the minutes show was said. An agenda item counts as held only when the minutes hold
 * words under it, and a member's 对照检查 only when that member was present and his or her 自我批评 is recorded:
 * opening the console or exporting a blank record proves nothing.
 */
export const minutesFacts: FactsProvider = async (ctx, meetingId) => {
  const session = await ctx.db.selectFrom('minutes_sessions').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!session) return {};
  const entries = (await listEntries(ctx.db, meetingId)).filter((e) => e.text.trim() !== '');
  const agenda = await ctx.db.selectFrom('minutes_agenda_items').select(['id', 'title', 'kind', 'member_id']).where('meeting_id', '=', meetingId).orderBy('sort_order').orderBy('id').execute();
  const attendance = await getAttendance(ctx, meetingId);
  const present = new Map(attendance.rows.filter((r) => r.present).map((r) => [r.memberId, r.name]));
  const kindOf = new Map(agenda.map((a) => [a.id, a.kind]));
  const rounds = agenda.flatMap((a) => (a.kind === 'member_round' && a.member_id !== null ? [{ itemId: a.id, memberId: a.member_id }] : []));
  const matrix = criticismMatrix(entries, rounds);
  const roles = new Map(
    (await ctx.db.selectFrom('members').innerJoin('meetings', 'meetings.team_id', 'members.team_id').select(['members.id', 'members.role']).where('meetings.id', '=', meetingId).execute()).map((r) => [r.id, r.role]),
  );
  const inOwnRound = (memberId: number) => {
    const own = rounds.filter((r) => r.memberId === memberId);
    return own.length === 0 ? null : own.reduce((n, r) => n + matrix.roundReceived[r.itemId], 0);
  };
  const selfCritics: string[] = [];
  for (const e of entries) {
    if (e.type !== 'self_criticism' || e.fromMemberId === null || kindOf.get(e.agendaItemId) === 'team_check') continue;
    const name = present.get(e.fromMemberId);
    if (name !== undefined && !selfCritics.includes(name)) selfCritics.push(name);
  }
  const roundsHeld = agenda.filter(
    (a) => a.kind === 'member_round' && a.member_id !== null && present.has(a.member_id) && entries.some((e) => e.agendaItemId === a.id && e.type === 'self_criticism' && e.fromMemberId === a.member_id),
  ).length;
  return {
    minutes: {
      criticisms: matrix.mutual,
      selfCriticisms: matrix.selfCriticisms,
      selfCritics,
      roundsHeld,
      members: attendance.rows.map((r) => ({
        name: r.name,
        secretary: roles.get(r.memberId) === 'secretary',
        present: r.present,
        given: matrix.given[r.memberId] ?? 0,
        received: matrix.received[r.memberId] ?? 0,
        receivedFromMembers: matrix.receivedFromMembers[r.memberId] ?? 0,
        inOwnRound: inOwnRound(r.memberId),
      })),
      startedAt: session.started_at,
      endedAt: session.ended_at,
      agenda: agenda.map((a) => a.title),
      heldItems: agenda.filter((a) => a.kind !== 'member_round' && entries.some((e) => e.agendaItemId === a.id)).map((a) => a.title),
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
      promoted: e.promotedAt !== null,
    };
  });
};

/** The entries promoted in the console, waiting for the rectification list: its engineer reads this table. */
export async function pendingPromotions(ctx: HandlerContext, meetingId: number) {
  return ctx.db.selectFrom('minutes_promotions').select(['entry_id', 'promoted_at', 'status']).where('meeting_id', '=', meetingId).where('status', '=', 'pending').orderBy('promoted_at').execute();
}
