/**
 * The standard preparation and follow-up steps of a meeting with their default deadlines relative to the meeting
 * day T (domain.md §2). Units change the offsets in settings; nothing here is a constant of the domain.
 */
export const STEP_KEYS = ['plan', 'opinions', 'study', 'talks', 'materials', 'notice', 'meeting', 'circular', 'report', 'rectification'] as const;
export type StepKey = (typeof STEP_KEYS)[number];
export type StepStatus = 'done' | 'overdue' | 'due' | 'upcoming';

export const DEFAULT_STEP_OFFSETS: Record<StepKey, number> = {
  plan: -15,
  opinions: -10,
  study: -7,
  talks: -5,
  materials: -5,
  notice: -3,
  meeting: 0,
  circular: 14,
  report: 15,
  rectification: 30,
};

/** Days before the deadline from which a step is shown as due soon. */
export const DUE_SOON_DAYS = 3;

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

export function stepStatus(due: string, today: string, done: boolean): StepStatus {
  if (done) return 'done';
  const left = daysBetween(today, due);
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS) return 'due';
  return 'upcoming';
}
