/**
 * Follow-up: dated 督办 / 回头看 / 进展 entries that may move the status, with 佐证材料 files. 销号 needs an acceptor and
 * evidence: a stored file (this entry's or an earlier one's), or else the 验收人's reason, kept on the item so every
 * export can mark it (domain.md §5, §10: never 已销号 without evidence).
 */
import type { rectificationApi } from '../../common/api/rectification';
import { AppError } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import type { HandlerMap } from '../types';
import { itemWithList, loadList } from './store';
import { linkedItemIds } from './linkRead';
import type { ItemStatus } from '../../common/rectification/model';
import { checkEvidenceFiles, storedEvidenceCount, storeEvidence, type CheckedFile, type EvidenceUpload } from './evidence';

type Db = HandlerContext['db'];

export interface ProgressWrite {
  itemId: number;
  date: string;
  kind: 'supervision' | 'review' | 'progress';
  text: string;
  by: string;
  statusTo: ItemStatus | null;
  acceptor: string;
  /** Checked beforehand by checkEvidenceFiles. */
  evidence: CheckedFile[];
  noEvidenceReason?: string;
  /** The entry on a linked item this one repeats (同一问题). */
  linkedFrom?: number;
}

export const evidenceRequired = () =>
  new AppError(
    'rectification.evidenceRequired',
    '销号须有佐证材料：请上传至少一份佐证材料，或由验收人写明无佐证材料的原因。未作任何修改',
    'Closing an item needs evidence: attach at least one file, or have the acceptor state why there is none. Nothing was changed',
  );

/** One entry; updates the item's 整改进展 text and status. Runs inside the caller's transaction. Returns its id. */
export async function writeProgress(ctx: HandlerContext, db: Db, entry: ProgressWrite, current: { status: ItemStatus; progress: string }): Promise<number> {
  const moves = entry.statusTo !== null && entry.statusTo !== current.status;
  const closing = moves && entry.statusTo === 'closed';
  const reason = (entry.noEvidenceReason ?? '').trim();
  const withoutFile = closing && entry.evidence.length === 0 && (await storedEvidenceCount(db, entry.itemId)) === 0;
  if (withoutFile && !reason) throw evidenceRequired();
  const at = nowIso(ctx);
  const row = await db
    .insertInto('rectification_progress')
    .values({
      item_id: entry.itemId,
      on_date: entry.date,
      kind: entry.kind,
      text: entry.text,
      recorded_by: entry.by,
      status_from: moves ? current.status : null,
      status_to: moves ? entry.statusTo : null,
      no_evidence_reason: withoutFile ? reason : '',
      created_at: at,
      linked_from: entry.linkedFrom ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeEvidence(ctx, db, entry.itemId, row.id, entry.evidence);
  const set: Record<string, unknown> = { updated_at: at };
  if (entry.text && entry.kind !== 'supervision') set.progress = entry.text;
  if (moves) {
    set.status = entry.statusTo;
    set.closed_on = closing ? entry.date : null;
    set.acceptor = closing ? entry.acceptor : '';
    set.no_evidence_reason = withoutFile ? reason : '';
  }
  await db.updateTable('rectification_items').set(set).where('id', '=', entry.itemId).execute();
  return row.id;
}

/**
 * 同一问题: the entry written on an item is written on every item linked to it, with the same files and the same
 * move of status, each item keeping its own wording. A linked item that cannot take the move (its list not agreed
 * yet) refuses the whole call, naming it; nothing is written. `skip`: items that get an entry of their own in the
 * same call (a re-import that changes both rows of a linked pair).
 */
export async function writeOnLinked(ctx: HandlerContext, entry: ProgressWrite, entryId: number, skip: ReadonlySet<number> = new Set()): Promise<void> {
  const others = await linkedItemIds(ctx.db, entry.itemId);
  for (const otherId of others) {
    if (skip.has(otherId)) continue;
    const other = await itemWithList(ctx.db, otherId);
    if (entry.statusTo === 'closed' && other.status !== 'closed' && other.list_status !== 'agreed') {
      throw new AppError(
        'rectification.linkedNotAgreed',
        `与本事项关联为同一问题的第${other.seq}项所在整改清单尚未审议通过，不能一并销号；请先审议通过该清单，或取消关联。未作任何修改`,
        `Item ${other.seq}, linked as the same problem, is in a list not yet agreed and cannot be closed with this one; agree that list or unlink it first. Nothing was changed`,
      );
    }
    await writeProgress(ctx, ctx.db, { ...entry, itemId: otherId, linkedFrom: entryId }, { status: other.status, progress: other.progress });
  }
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
    const evidence = await checkEvidenceFiles(input.evidence as EvidenceUpload[]);
    const entry: ProgressWrite = { ...input, evidence };
    const entryId = await writeProgress(ctx, ctx.db, entry, { status: row.status, progress: row.progress });
    await writeOnLinked(ctx, entry, entryId);
    return loadList(ctx, row.meeting_id);
  },
};
