import type { Meeting } from '../../common/api/meetings';
import type { Member } from '../../common/api/teams';
import { generateAgenda } from '../../common/minutes/agenda';
import type { AgendaKind } from '../../common/minutes/types';
import { draftGaps, GAP_PLACEHOLDERS, type DraftGap, type DraftKind } from '../../common/prep/gaps';
import { formatChineseDate } from '../../documents/gbt9704';
import type { HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { agendaRows } from '../minutes/state';
import { listMembers } from '../teams';
import { clockText, weekday } from './texts';

export interface DraftAgendaItem {
  kind: AgendaKind;
  title: string;
  memberId: number | null;
}

/** What the 会议通知, 签到表 and 主持词 are built from: the meeting, its members, host and agenda. */
export interface DraftData {
  meeting: Meeting;
  members: Member[];
  host: Member | null;
  /** The console's agenda once the minutes are prepared, else the standard one the console would create. */
  agenda: DraftAgendaItem[];
  agendaFromMinutes: boolean;
}

export async function draftData(ctx: HandlerContext, meetingId: number): Promise<DraftData> {
  const meeting = await getMeeting(ctx, meetingId);
  const members = await listMembers(ctx, meeting.teamId);
  const host = members.find((m) => m.id === meeting.hostMemberId) ?? members.find((m) => m.role === 'secretary') ?? null;
  const rows = await agendaRows(ctx.db, meetingId);
  const agenda = rows.length > 0 ? rows.map((r) => ({ kind: r.kind, title: r.title, memberId: r.member_id })) : generateAgenda({ kind: meeting.kind, members, rules: meeting.rules });
  return { meeting, members, host, agenda, agendaFromMinutes: rows.length > 0 };
}

export function gapsOf(kind: DraftKind, data: DraftData): DraftGap[] {
  return draftGaps(kind, { startTime: data.meeting.startTime, place: data.meeting.place, hostName: data.host?.name ?? null, memberCount: data.members.length });
}

/** 「2026年12月9日（星期三）上午8:30」, or the date with 「（时间待定）」 when no start time is set. */
export function meetingTime(meeting: Meeting): string {
  const day = `${formatChineseDate(meeting.date)}（${weekday(meeting.date)}）`;
  return meeting.startTime ? `${day}${clockText(meeting.startTime)}` : `${day}${GAP_PLACEHOLDERS.startTime}`;
}

export const meetingPlace = (meeting: Meeting): string => meeting.place.trim() || GAP_PLACEHOLDERS.place;

export const personText = (p: { name: string; position: string }): string => (p.position ? `${p.name}（${p.position}）` : p.name);
