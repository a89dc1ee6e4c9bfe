import type { Deadline, ItemStatus } from './model';
import { isOverdue } from './overdue';

export interface ListStats {
  /** Problems: items the user linked as one problem (同一问题) within the list count once. */
  total: number;
  byStatus: Record<ItemStatus, number>;
  overdue: number;
  /**
   * 已销号 / (all items except 长期坚持), in percent rounded to one decimal; null when there is nothing to complete.
   * Only 销号 counts as complete: 「没办完的不写成已办结」, and 已完成待验收 is not yet accepted.
   */
  completionRate: number | null;
  /** Rows of the list counted with a linked row of another source (rows = total + linkedRows). */
  linkedRows: number;
}

/** Least advanced first: a linked problem counts as done only when every one of its rows is. */
const ADVANCE: Record<ItemStatus, number> = { not_started: 0, in_progress: 1, done_pending: 2, ongoing: 3, closed: 4 };

interface Countable {
  id?: number;
  deadline: Deadline;
  status: ItemStatus;
  /** Other items linked as the same problem, with a flag telling whether they are in this list. */
  linked?: readonly { itemId: number; sameList: boolean }[];
}

/**
 * The sums of a list. One problem raised by two sources and linked by the user is one piece of work: its rows in the
 * same list count once, with the least advanced status among them and overdue when any of them is.
 */
export function listStats(items: readonly Countable[], today: string): ListStats {
  const byStatus: Record<ItemStatus, number> = { not_started: 0, in_progress: 0, done_pending: 0, closed: 0, ongoing: 0 };
  let overdue = 0;
  let total = 0;
  const counted = new Set<number>();
  const byId = new Map(items.filter((i) => i.id !== undefined).map((i) => [i.id!, i]));
  for (const item of items) {
    if (item.id !== undefined && counted.has(item.id)) continue;
    const rows = [item, ...(item.linked ?? []).filter((l) => l.sameList && byId.has(l.itemId)).map((l) => byId.get(l.itemId)!)];
    for (const r of rows) if (r.id !== undefined) counted.add(r.id);
    const status = rows.reduce((least, r) => (ADVANCE[r.status] < ADVANCE[least] ? r.status : least), item.status);
    byStatus[status]++;
    total++;
    if (rows.some((r) => isOverdue(r, today))) overdue++;
  }
  const completable = total - byStatus.ongoing;
  const completionRate = completable > 0 ? Math.round((byStatus.closed / completable) * 1000) / 10 : null;
  return { total, byStatus, overdue, completionRate, linkedRows: items.length - total };
}
