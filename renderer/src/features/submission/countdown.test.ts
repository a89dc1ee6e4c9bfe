import { describe, expect, it } from 'vitest';
import { countdown } from './countdown';

const t = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`;

describe('countdown to the 报送 deadline', () => {
  it('counts the days left, says today, then counts the days over', () => {
    expect(countdown(t, '2026-12-20', '2026-12-24')).toEqual({ text: 'submission.daysLeft{"n":4}', tone: 'info' });
    expect(countdown(t, '2026-12-21', '2026-12-24').tone).toBe('warning');
    expect(countdown(t, '2026-12-24', '2026-12-24').text).toBe('submission.dueToday');
    expect(countdown(t, '2027-01-02', '2026-12-24')).toEqual({ text: 'submission.daysOver{"n":9}', tone: 'danger' });
  });
  it('turns green once a complete package went up, even past the deadline', () => {
    expect(countdown(t, '2027-01-02', '2026-12-24', true).tone).toBe('success');
  });
});
