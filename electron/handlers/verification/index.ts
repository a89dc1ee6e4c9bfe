/** The speakers' 核对单 and the corrections they ask for (domain.md §4, §9). */
import type { CheckEntry, CheckRole, VerificationOverview, verificationApi, EntryRevision } from '../../common/api/verification';
import { meetingName } from '../../common/meetings/name';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { checkFacts } from '../minutes/checkFacts';
import { sessionRow } from '../minutes/state';
import type { HandlerMap } from '../types';
import { checkSheetHtml } from './sheet';

const ENTRY = { zh: '会议记录条目', en: 'Minutes entry' };

async function overview(ctx: HandlerContext, meetingId: number): Promise<VerificationOverview> {
  await getMeeting(ctx, meetingId);
  const facts = await checkFacts(ctx, meetingId);
  const members = await ctx.db.selectFrom('members').select(['id', 'name', 'position']).where('id', 'in', facts.speakerIds.length ? facts.speakerIds : [0]).execute();
  const entries = await ctx.db.selectFrom('minutes_entries').select(['from_member_id', 'to_member_id', 'type']).where('meeting_id', '=', meetingId).where('text', '!=', '').execute();
  const speakers = facts.speakerIds.map((memberId) => {
    const m = members.find((x) => x.id === memberId)!;
    const count = entries.filter((e) => e.from_member_id === memberId || (e.type === 'criticism' && e.to_member_id === memberId)).length;
    return { memberId, name: m.name, position: m.position, entries: count, returnedOn: facts.returned.get(memberId) ?? null };
  });
  const revisions = await ctx.db
    .selectFrom('minutes_entry_revisions as r')
    .innerJoin('minutes_entries as e', 'e.id', 'r.entry_id')
    .leftJoin('members as m', 'm.id', 'e.from_member_id')
    .select(['r.id', 'r.entry_id', 'r.at', 'r.before_text', 'r.after_text', 'r.requested_by', 'r.reason', 'r.entered_by', 'r.after_finalization', 'm.name', 'e.from_guest'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('r.at')
    .orderBy('r.id')
    .execute();
  const session = await sessionRow(ctx.db, meetingId);
  return {
    finalized: Boolean(session?.finalized_at),
    speakers,
    revisions: revisions.map(
      (r): EntryRevision => ({ id: r.id, entryId: r.entry_id, speaker: r.name ?? r.from_guest, at: r.at, before: r.before_text, after: r.after_text, requestedBy: r.requested_by, reason: r.reason, enteredBy: r.entered_by, afterFinalization: r.after_finalization === 1 }),
    ),
    allReturned: speakers.length > 0 && speakers.every((s) => s.returnedOn !== null),
  };
}

function roleOf(e: { type: string; from_member_id: number | null; to_member_id: number | null }, memberId: number): CheckRole {
  if (e.type === 'criticism') return e.from_member_id === memberId ? 'given' : 'received';
  if (e.type === 'self_criticism') return 'self';
  if (e.type === 'response') return 'response';
  return 'other';
}

export const verificationHandlers: HandlerMap<typeof verificationApi> = {
  'verification.overview': (ctx, input) => overview(ctx, input.meetingId),
  async 'verification.sheet'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const member = await ctx.db.selectFrom('members').select(['id', 'name', 'position']).where('id', '=', input.memberId).where('team_id', '=', meeting.teamId).executeTakeFirst();
    if (!member) throw notFound({ zh: '班子成员（须属于本班子）', en: 'Team member (of this team)' }, input.memberId);
    const rows = await ctx.db
      .selectFrom('minutes_entries as e')
      .innerJoin('minutes_agenda_items as a', 'a.id', 'e.agenda_item_id')
      .leftJoin('members as f', 'f.id', 'e.from_member_id')
      .leftJoin('members as t', 't.id', 'e.to_member_id')
      .select(['e.id', 'e.type', 'e.from_member_id', 'e.to_member_id', 'e.from_guest', 'e.text', 'a.title', 'f.name as from_name', 't.name as to_name'])
      .select((eb) => eb.selectFrom('minutes_entry_revisions as r').select((x) => x.fn.countAll<number>().as('n')).whereRef('r.entry_id', '=', 'e.id').as('revisions'))
      .where('e.meeting_id', '=', input.meetingId)
      .where('e.text', '!=', '')
      .where((eb) => eb.or([eb('e.from_member_id', '=', member.id), eb.and([eb('e.type', '=', 'criticism'), eb('e.to_member_id', '=', member.id)])]))
      .orderBy('a.sort_order')
      .orderBy('e.sort_order')
      .orderBy('e.id')
      .execute();
    const entries = rows.map((r): CheckEntry => {
      const role = roleOf(r, member.id);
      return { entryId: r.id, agendaTitle: r.title, role, counterpart: role === 'given' ? (r.to_name ?? '') : role === 'received' ? (r.from_name ?? r.from_guest) : '', text: r.text, revisions: Number(r.revisions ?? 0) };
    });
    const title = `${meetingName(meeting).full}发言记录核对单`;
    return { memberId: member.id, name: member.name, entries, html: checkSheetHtml({ title, name: member.name, position: member.position, entries }) };
  },
  async 'verification.revise'(ctx, input) {
    const entry = await ctx.db.selectFrom('minutes_entries').select(['id', 'meeting_id', 'text', 'revision']).where('id', '=', input.entryId).executeTakeFirst();
    if (!entry) throw notFound(ENTRY, input.entryId);
    if (entry.text === input.text) throw new AppError('verification.unchanged', '更正后的内容与原记录相同，未作更正', 'The corrected text is the same as the record; nothing changed');
    const session = await sessionRow(ctx.db, entry.meeting_id);
    const now = nowIso(ctx);
    await ctx.db
      .insertInto('minutes_entry_revisions')
      .values({ entry_id: entry.id, meeting_id: entry.meeting_id, at: now, before_text: entry.text, after_text: input.text, requested_by: input.requestedBy, reason: input.reason, entered_by: input.enteredBy, after_finalization: session?.finalized_at ? 1 : 0 })
      .execute();
    // A correction is not a keystroke: the revision moves on so an autosave still in flight cannot overwrite it.
    await ctx.db.updateTable('minutes_entries').set({ text: input.text, revision: entry.revision + 1, updated_at: now }).where('id', '=', entry.id).execute();
    return overview(ctx, entry.meeting_id);
  },
  async 'verification.markReturned'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const member = await ctx.db.selectFrom('members').select('id').where('id', '=', input.memberId).where('team_id', '=', meeting.teamId).executeTakeFirst();
    if (!member) throw notFound({ zh: '班子成员（须属于本班子）', en: 'Team member (of this team)' }, input.memberId);
    if (input.returnedOn === null) await ctx.db.deleteFrom('minutes_checks').where('meeting_id', '=', input.meetingId).where('member_id', '=', input.memberId).execute();
    else
      await ctx.db
        .insertInto('minutes_checks')
        .values({ meeting_id: input.meetingId, member_id: input.memberId, returned_on: input.returnedOn, recorded_at: nowIso(ctx) })
        .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet({ returned_on: input.returnedOn as string, recorded_at: nowIso(ctx) }))
        .execute();
    return overview(ctx, input.meetingId);
  },
};
