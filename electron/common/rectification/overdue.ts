import { daysBetween } from '../meetings/steps';
import type { Deadline, ItemStatus } from './model';

/** Statuses in which an item no longer waits on its owners: 已完成待验收 waits on the acceptor, not the deadline. */
const FINISHED: readonly ItemStatus[] = ['done_pending', 'closed'];

/**
 * 逾期 is derived, never stored: an item with a date (限期, or 立行立改 with a date) is overdue when that date has
 * passed on `today` and the item is not finished. 长期坚持 has no end and is never overdue.
 */
export function isOverdue(item: { deadline: Deadline; status: ItemStatus }, today: string): boolean {
  if (item.deadline.kind === 'ongoing' || item.status === 'ongoing') return false;
  if (!item.deadline.date || FINISHED.includes(item.status)) return false;
  return daysBetween(item.deadline.date, today) > 0;
}

/** Days until the deadline (negative once passed); null when the item has no date. */
export function daysLeft(deadline: Deadline, today: string): number | null {
  return deadline.date ? daysBetween(today, deadline.date) : null;
}
