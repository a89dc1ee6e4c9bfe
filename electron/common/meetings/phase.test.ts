import { describe, expect, it } from 'vitest';
import { meetingState } from './phase';

describe('where a meeting stands: one rule for the list and the header', () => {
  const today = '2026-12-03';
  it('is 已召开 only when recorded as held, never because of its date, and a date ahead stays ahead', () => {
    expect(meetingState({ date: '2026-12-24', status: 'preparing' }, today)).toEqual({ phase: 'upcoming', days: 21, dateAhead: true });
    expect(meetingState({ date: '2026-12-03', status: 'preparing' }, today)).toEqual({ phase: 'today', days: 0, dateAhead: false });
    // The date has passed but nothing says the meeting was held: not 已召开.
    expect(meetingState({ date: '2026-11-30', status: 'preparing' }, today)).toEqual({ phase: 'unrecorded', days: -3, dateAhead: false });
    // Held (minutes finalised) three weeks before its date: held, and the date is still said to be ahead.
    expect(meetingState({ date: '2026-12-24', status: 'held' }, today)).toEqual({ phase: 'held', days: 21, dateAhead: true });
    expect(meetingState({ date: '2026-11-30', status: 'held' }, today)).toEqual({ phase: 'held', days: -3, dateAhead: false });
    expect(meetingState({ date: '2026-12-24', status: 'in_progress' }, today).phase).toBe('inProgress');
    expect(meetingState({ date: '2026-01-10', status: 'closed' }, today).phase).toBe('closed');
  });
});
