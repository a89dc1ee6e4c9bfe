/**
 * The meeting's name, built here and only here, so the 方案, 通知, 材料, 会议记录, 征求意见 files, 整改清单 and 报告
 * all call the meeting the same thing: 「2026年度民主生活会」, 「巡察整改专题民主生活会」 (short), with the
 * team in front (full): 「中共××党组2026年度民主生活会」.
 */
export type MeetingNameKind = 'annual' | 'special';
export type MeetingNameTrigger = 'central_inspection' | 'inspection' | 'audit' | 'discipline' | 'other';

const TRIGGER_NAMES: Record<MeetingNameTrigger, string> = { central_inspection: '巡视', inspection: '巡察', audit: '审计', discipline: '纪律检查', other: '' };

export interface MeetingNameParts {
  readonly teamName: string;
  readonly kind: MeetingNameKind;
  readonly trigger: MeetingNameTrigger | null;
  readonly year: number;
}

export function meetingName(meeting: MeetingNameParts): { short: string; full: string } {
  const trigger = meeting.trigger && meeting.trigger !== 'other' ? `${TRIGGER_NAMES[meeting.trigger]}整改` : '';
  const short = meeting.kind === 'special' ? `${trigger}专题民主生活会` : `${meeting.year}年度民主生活会`;
  return { short, full: `${meeting.teamName}${short}` };
}
