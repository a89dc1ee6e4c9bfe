/** Follow-up: dated 督办 / 回头看 / 进展 entries that may move the status, with evidence; 销号 needs an acceptor. */
import type { rectificationApi } from '../../common/api/rectification';
import { AppError } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import type { HandlerMap } from '../types';
import { itemWithList, loadList } from './store';
import type { ItemStatus } from '../../common/rectification/model';

type Db = HandlerContext['db'];

export interface ProgressWrite {
  itemId: number;
  date: string;
  kind: 'supervision' | 'review' | 'progress';
  text: string;
  by: string;
  statusTo: ItemStatus | null;
  acceptor: string;
  evidence: { name: string; path: string }[];
}

/** One entry; updates the item's 整改进展 text and status. Runs inside the caller's transaction. */
export async function writeProgress(ctx: HandlerContext, db: Db, entry: ProgressWrite, current: { status: ItemStatus; progress: string }): Promise<void> {
  const moves = entry.statusTo !== null && entry.statusTo !== current.status;
  const at = nowIso(ctx);
  const row = await db
    .insertInto('rectification_progress')
    .values({ item_id: entry.itemId, on_date: entry.date, kind: entry.kind, text: entry.text, recorded_by: entry.by, status_from: moves ? current.status : null, status_to: moves ? entry.statusTo : null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const e of entry.evidence) await db.insertInto('rectification_evidence').values({ item_id: entry.itemId, progress_id: row.id, name: e.name, path: e.path, added_at: at }).execute();
  const set: Record<string, unknown> = { updated_at: at };
  if (entry.text && entry.kind !== 'supervision') set.progress = entry.text;
  if (moves) {
    set.status = entry.statusTo;
    set.closed_on = entry.statusTo === 'closed' ? entry.date : null;
    set.acceptor = entry.statusTo === 'closed' ? entry.acceptor : '';
  }
  await db.updateTable('rectification_items').set(set).where('id', '=', entry.itemId).execute();
}

export const progressHandlers: Pick<HandlerMap<typeof rectificationApi>, 'rectification.addProgress'> = {
  async 'rectification.addProgress'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    if (row.list_status !== 'agreed' && input.statusTo === 'closed') {
      throw new AppError('rectification.notAgreed', '整改清单审议通过后才能销号', 'Items can be closed only after the list has been agreed');
    }
    if (row.status === 'closed' && input.statusTo !== null && input.statusTo !== 'closed' && input.text.length === 0) {
      throw new AppError('rectification.reopenReason', '已销号事项重新打开须说明原因', 'Reopening a closed item needs an explanation');
    }
    await writeProgress(ctx, ctx.db, input, { status: row.status, progress: row.progress });
    return loadList(ctx, row.meeting_id);
  },
};
