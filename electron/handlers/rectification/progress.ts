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
}

export const evidenceRequired = () =>
  new AppError(
    'rectification.evidenceRequired',
    '销号须有佐证材料：请上传至少一份佐证材料，或由验收人写明无佐证材料的原因。未作任何修改',
    'Closing an item needs evidence: attach at least one file, or have the acceptor state why there is none. Nothing was changed',
  );

/** One entry; updates the item's 整改进展 text and status. Runs inside the caller's transaction. */
export async function writeProgress(ctx: HandlerContext, db: Db, entry: ProgressWrite, current: { status: ItemStatus; progress: string }): Promise<void> {
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
    await writeProgress(ctx, ctx.db, { ...input, evidence }, { status: row.status, progress: row.progress });
    return loadList(ctx, row.meeting_id);
  },
};
