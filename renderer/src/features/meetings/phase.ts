import { ElMessageBox } from 'element-plus';
import type { Meeting } from '../../../../electron/common/api/meetings';
import { meetingState } from '../../../../electron/common/meetings/phase';
import { displayDate, todayIso } from '../../utils/format';

type T = (key: string, values?: Record<string, unknown>) => string;

/**
 * Where a meeting stands, in words, by the one rule of electron/common/meetings/phase.ts: the meeting list and the
 * workspace header say the same thing (never 已召开 beside 距会议 21 天).
 */
export function phaseText(meeting: Pick<Meeting, 'date' | 'status'>, t: T, locale: string): string {
  const s = meetingState(meeting, todayIso());
  const date = displayDate(meeting.date, locale);
  switch (s.phase) {
    case 'upcoming':
      return t('workspace.daysLeft', { n: s.days });
    case 'today':
      return t('workspace.today');
    case 'unrecorded':
      return t('workspace.unrecorded', { n: -s.days });
    case 'inProgress':
      return s.dateAhead ? t('workspace.recordedAhead', { status: t('meetings.statuses.in_progress'), date }) : t('workspace.inProgress');
    case 'held':
    case 'closed':
      if (s.dateAhead) return t('workspace.recordedAhead', { status: t(`meetings.statuses.${meeting.status}`), date });
      return s.days === 0 ? t('workspace.heldToday') : t('workspace.daysAgo', { n: -s.days });
  }
}

/** The confirmation before a fact is recorded for a meeting whose date has not come: null when the date has come. */
export function futureMeetingWarning(meeting: Pick<Meeting, 'date' | 'status'>, t: T, locale: string, action: 'start' | 'finalize' | 'agree'): string | null {
  if (!meetingState(meeting, todayIso()).dateAhead) return null;
  return t(`workspace.futureConfirm.${action}`, { date: displayDate(meeting.date, locale) });
}

/**
 * Asks before recording a fact (minutes started, minutes finalised, list agreed) for a meeting whose date has not
 * come; resolves true at once when the date has come. The message names the date.
 */
export async function confirmIfAhead(meeting: Pick<Meeting, 'date' | 'status'>, t: T, locale: string, action: 'start' | 'finalize' | 'agree'): Promise<boolean> {
  const message = futureMeetingWarning(meeting, t, locale, action);
  if (!message) return true;
  return ElMessageBox.confirm(message, t('workspace.futureConfirm.title'), {
    type: 'warning',
    confirmButtonText: t('workspace.futureConfirm.ok'),
    cancelButtonText: t('workspace.futureConfirm.cancel'),
    customClass: 'future-confirm',
  })
    .then(() => true)
    .catch(() => false);
}
