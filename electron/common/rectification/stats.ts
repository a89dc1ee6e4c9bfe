import type { Deadline, ItemStatus } from './model';
import { isOverdue } from './overdue';

export interface ListStats {
  total: number;
  byStatus: Record<ItemStatus, number>;
  overdue: number;
  /**
   * 已销号 / (all items except 长期坚持), in percent rounded to one decimal; null when there is nothing to complete.
   * Only 销号 counts as complete: 「没办完的不写成已办结」, and 已完成待验收 is not yet accepted.
   */
  completionRate: number | null;
}

export function listStats(items: readonly { deadline: Deadline; status: ItemStatus }[], today: string): ListStats {
  const byStatus: Record<ItemStatus, number> = { not_started: 0, in_progress: 0, done_pending: 0, closed: 0, ongoing: 0 };
  let overdue = 0;
  for (const item of items) {
    byStatus[item.status]++;
    if (isOverdue(item, today)) overdue++;
  }
  const completable = items.length - byStatus.ongoing;
  const completionRate = completable > 0 ? Math.round((byStatus.closed / completable) * 1000) / 10 : null;
  return { total: items.length, byStatus, overdue, completionRate };
}
