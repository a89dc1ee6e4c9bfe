import type { MeetingSummary } from '../../../../electron/common/api/meetings';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** 「中共青溪县人民政府党组巡察整改专题民主生活会」 / 「…2026年度民主生活会」, as documents name the meeting. */
export function meetingTitle(meeting: Pick<MeetingSummary, 'teamName' | 'year' | 'kind' | 'trigger'>, t: Translate): string {
  if (meeting.kind === 'special' && meeting.trigger) {
    return t('meetings.fullTitleSpecial', { team: meeting.teamName, trigger: t(`meetings.triggers.${meeting.trigger}`) });
  }
  return t('meetings.fullTitle', { team: meeting.teamName, year: meeting.year });
}
