import { addDays } from '../../electron/common/meetings/steps';
import { must, type Call } from './call';
import { DEMO_ASPECTS, DEMO_GUESTS, DEMO_MEMBERS, DEMO_TEAM } from './team';
import { opinionsDemo } from './opinions';
import { talksDemo } from './talks';
import { materialsDemo } from './materials';
import { minutesDemo } from './minutes';
import { rectificationDemo } from './rectification';

export interface DemoOptions {
  /** The day the demo is loaded; the meeting is set twelve days later so the dashboard shows a live preparation. */
  today?: string;
}

export interface DemoIds {
  teamId: number;
  meetingId: number;
}

export type DemoPart = (call: Call, ids: DemoIds & { memberIds: number[]; today: string }) => Promise<void>;

/**
 * Each feature adds its part of the demo (a file in this folder) to this list, in the order of the work, so every
 * screen has something real to show. Parts go through the real channels like the rest.
 */
export const demoParts: DemoPart[] = [opinionsDemo, talksDemo, materialsDemo, minutesDemo, rectificationDemo];

export async function loadDemo(call: Call, options: DemoOptions = {}): Promise<DemoIds> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const team = await must(call, 'teams.create', { ...DEMO_TEAM });
  const memberIds: number[] = [];
  for (const member of DEMO_MEMBERS) {
    memberIds.push((await must(call, 'members.create', { teamId: team.id, ...member })).id);
  }
  const date = addDays(today, 12);
  const meeting = await must(call, 'meetings.create', {
    teamId: team.id,
    kind: 'special',
    trigger: 'inspection',
    triggerReason: '县委第二巡察组对县政府党组开展常规巡察，于本年9月反馈巡察意见，指出4个方面18个问题。',
    year: Number(date.slice(0, 4)),
    theme: '深入学习贯彻习近平新时代中国特色社会主义思想，以巡察整改为契机推动高质量发展',
    date,
    startTime: '08:30',
    place: '县政府常务会议室',
    hostMemberId: memberIds[0],
    recorder: '郭文静',
    quorumRatio: 2 / 3,
    aspects: DEMO_ASPECTS.map((label) => ({ label })),
    guests: DEMO_GUESTS.map((g) => ({ ...g })),
  });
  // 赵立新 is away on the day: the attendance record shows a reasoned absence.
  await must(call, 'attendance.set', { meetingId: meeting.id, memberId: memberIds[4], present: false, absenceReason: 'business_trip', note: '赴省公安厅参加全省公安工作会议' });
  const ids = { teamId: team.id, meetingId: meeting.id, memberIds, today };
  for (const part of demoParts) await part(call, ids);
  return { teamId: team.id, meetingId: meeting.id };
}
