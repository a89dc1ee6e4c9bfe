import { chineseNumeral } from '../../documents/gbt9704';
import type { Meeting } from '../../common/api/meetings';

const TRIGGER_NAMES = { central_inspection: '巡视', inspection: '巡察', audit: '审计', discipline: '纪律检查', other: '' } as const;

/** 「巡察整改专题民主生活会」/「2026年度民主生活会」 (short) and with the team in front (full). */
export function meetingName(meeting: Pick<Meeting, 'teamName' | 'kind' | 'trigger' | 'year'>): { short: string; full: string } {
  const short = meeting.kind === 'special' ? `${meeting.trigger ? TRIGGER_NAMES[meeting.trigger] : ''}${meeting.trigger && meeting.trigger !== 'other' ? '整改' : ''}专题民主生活会` : `${meeting.year}年度民主生活会`;
  return { short, full: `${meeting.teamName}${short}` };
}

export const chineseOrdinal = (n: number): string => chineseNumeral(n);
