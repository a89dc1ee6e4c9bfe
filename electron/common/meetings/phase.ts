import { daysBetween } from './steps';

/**
 * Where a meeting stands, from the two facts the app holds: its date and what was recorded (the status). One rule for
 * every screen (the meeting list, the workspace header, the confirmations before starting, finalising and agreeing):
 * a meeting is 已召开 only when it was recorded as held, never because its date has passed, and a date that has not
 * come yet is never shown as past.
 */
export type MeetingPhase =
  /** Being prepared; the date is ahead. */
  | 'upcoming'
  /** Being prepared; the date is today. */
  | 'today'
  /** Being prepared, but the date has passed without the meeting being recorded. */
  | 'unrecorded'
  | 'inProgress'
  | 'held'
  | 'closed';

export interface MeetingState {
  phase: MeetingPhase;
  /** Days from today to the meeting date: positive ahead, negative past. */
  days: number;
  /** The meeting date has not come yet (whatever was recorded): said before minutes, finalisation or agreement. */
  dateAhead: boolean;
}

export function meetingState(meeting: { date: string; status: 'preparing' | 'in_progress' | 'held' | 'closed' }, today: string): MeetingState {
  const days = daysBetween(today, meeting.date);
  const dateAhead = days > 0;
  switch (meeting.status) {
    case 'closed':
      return { phase: 'closed', days, dateAhead };
    case 'held':
      return { phase: 'held', days, dateAhead };
    case 'in_progress':
      return { phase: 'inProgress', days, dateAhead };
    case 'preparing':
      return { phase: days > 0 ? 'upcoming' : days === 0 ? 'today' : 'unrecorded', days, dateAhead };
  }
}
