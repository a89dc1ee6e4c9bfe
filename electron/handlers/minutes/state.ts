import type { AgendaItem, Entry, MinutesConsole, Speech } from '../../common/api/minutes';
import { plannedSpeakers, type SpeakerContext } from '../../common/minutes/agenda';
import type { MinutesMember } from '../../common/minutes/types';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import { getAttendance, getMeeting } from '../meetings';

type Db = HandlerContext['db'];

/** Members in team order with the day's attendance, the host and the supervisors: what speaker planning needs. */
export async function speakerContext(ctx: HandlerContext, meetingId: number): Promise<SpeakerContext & { teamId: number; recorder: string }> {
  const meeting = await getMeeting(ctx, meetingId);
  const attendance = await getAttendance(ctx, meetingId);
  const roles = await ctx.db.selectFrom('members').select(['id', 'role']).where('team_id', '=', meeting.teamId).execute();
  const roleOf = new Map(roles.map((r) => [r.id, r.role]));
  const members: MinutesMember[] = attendance.rows.map((r) => ({ id: r.memberId, name: r.name, position: r.position, role: roleOf.get(r.memberId) ?? 'member', present: r.present }));
  return {
    teamId: meeting.teamId,
    recorder: meeting.recorder,
    members,
    hostMemberId: meeting.hostMemberId,
    supervisors: meeting.guests.filter((g) => g.kind === 'supervisor').map((g) => g.name),
  };
}

export async function agendaRows(db: Db, meetingId: number) {
  return db.selectFrom('minutes_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('sort_order').orderBy('id').execute();
}

export async function sessionRow(db: Db, meetingId: number) {
  return db.selectFrom('minutes_sessions').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** Every write after finalisation is refused: the minutes are a signed record. */
export async function assertOpen(db: Db, meetingId: number): Promise<void> {
  const session = await sessionRow(db, meetingId);
  if (session?.finalized_at) throw finalizedError();
}

export const finalizedError = (): AppError =>
  new AppError('minutes.finalized', '会议记录已由主持人和记录人确认定稿，处于只读状态；如需修改，请先填写理由重新打开', 'The minutes were confirmed and are read-only; reopen them with a reason to change anything');

const toSpeech = (r: { id: number; agenda_item_id: number; member_id: number | null; guest_name: string; role: Speech['role']; started_at: string; ended_at: string | null }): Speech => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  memberId: r.member_id,
  guestName: r.guest_name,
  role: r.role,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

export async function listEntries(db: Db, meetingId: number, agendaItemId?: number): Promise<Entry[]> {
  let query = db
    .selectFrom('minutes_entries as e')
    .leftJoin('minutes_promotions as p', 'p.entry_id', 'e.id')
    .innerJoin('minutes_agenda_items as a', 'a.id', 'e.agenda_item_id')
    .selectAll('e')
    .select('p.promoted_at')
    .where('e.meeting_id', '=', meetingId);
  if (agendaItemId !== undefined) query = query.where('e.agenda_item_id', '=', agendaItemId);
  const rows = await query.orderBy('a.sort_order').orderBy('e.sort_order').orderBy('e.id').execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    agendaItemId: r.agenda_item_id,
    speechId: r.speech_id,
    type: r.type,
    fromMemberId: r.from_member_id,
    fromGuest: r.from_guest,
    toMemberId: r.to_member_id,
    aspectId: r.aspect_id,
    text: r.text,
    sortOrder: r.sort_order,
    revision: r.revision,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    promotedAt: r.promoted_at ?? null,
    originRecorder: r.origin_recorder,
  }));
}

export async function loadConsole(ctx: HandlerContext, meetingId: number): Promise<MinutesConsole> {
  const meeting = await getMeeting(ctx, meetingId);
  const context = await speakerContext(ctx, meetingId);
  const items = await agendaRows(ctx.db, meetingId);
  const entries = await listEntries(ctx.db, meetingId);
  const speeches = (await ctx.db.selectFrom('minutes_speeches').selectAll().where('meeting_id', '=', meetingId).orderBy('started_at').orderBy('id').execute()).map(toSpeech);
  const session = await sessionRow(ctx.db, meetingId);
  const reopenLog = await ctx.db.selectFrom('minutes_reopen_log').select(['at', 'reason', 'finalized_at']).where('meeting_id', '=', meetingId).orderBy('id').execute();
  const counts = new Map<number, number>();
  for (const e of entries) if (e.text.trim()) counts.set(e.agendaItemId, (counts.get(e.agendaItemId) ?? 0) + 1);
  const agenda: AgendaItem[] = items.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    memberId: r.member_id,
    plannedMinutes: r.planned_minutes,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    speakers: plannedSpeakers({ kind: r.kind, memberId: r.member_id, title: r.title }, context),
    entryCount: counts.get(r.id) ?? 0,
  }));
  const currentSpeech = session?.current_speech_id ? (speeches.find((s) => s.id === session.current_speech_id) ?? null) : null;
  return {
    meetingId,
    status: meeting.status,
    startedAt: session?.started_at ?? null,
    endedAt: session?.ended_at ?? null,
    members: [...context.members],
    hostMemberId: context.hostMemberId,
    recorder: meeting.recorder,
    supervisors: [...context.supervisors],
    aspects: meeting.aspects,
    agenda,
    speeches,
    entries,
    cursor: { itemId: session?.current_item_id ?? null, speakerIndex: session?.speaker_index ?? 0, speech: currentSpeech, draftEntryId: session?.draft_entry_id ?? null },
    finalization: {
      finalizedAt: session?.finalized_at ?? null,
      hostConfirmed: session?.host_confirmed ?? '',
      recorderConfirmed: session?.recorder_confirmed ?? '',
      reopenLog: reopenLog.map((r) => ({ at: r.at, reason: r.reason, finalizedAt: r.finalized_at })),
    },
  };
}
