/**
 * Linking an open item to one already closed (销号): one piece of work closes both, so the 销号 is carried to the
 * open side (and the items already linked to it) as a copy of the closing entry with every stored file, marked
 * 「同步自第N项」 as linked closures are. Only ever with the user's confirmation, and never the other way round: a
 * closed item is not reopened by a link. Progress written before the link stays on its own item.
 */
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import { storedEvidenceCount, type CheckedFile } from './evidence';
import { linkedItemIds } from './linkRead';
import { writeProgress } from './progress';
import { itemWithList } from './read';

type Item = Awaited<ReturnType<typeof itemWithList>>;

export interface ClosureCarry {
  from: Item;
  to: Item[];
  /** Files stored on the closed item. */
  files: number;
}

/** What a link of `a` and `b` would close: null unless exactly one side is closed and the other side has open items. */
export async function closureToCarry(ctx: HandlerContext, a: Item, b: Item): Promise<ClosureCarry | null> {
  if ((a.status === 'closed') === (b.status === 'closed')) return null;
  const [from, open] = a.status === 'closed' ? [a, b] : [b, a];
  const to: Item[] = [open];
  for (const id of await linkedItemIds(ctx.db, open.id)) {
    const other = await itemWithList(ctx.db, id);
    if (other.status !== 'closed') to.push(other);
  }
  return { from, to, files: await storedEvidenceCount(ctx.db, from.id) };
}

const seqs = (items: Item[]) => items.map((i) => `第${i.seq}项`).join('、');
const seqsEn = (items: Item[]) => items.map((i) => i.seq).join(', ');

/**
 * Refuses a carry an open item cannot take, then one the user has not confirmed (so the question is asked only of a
 * carry that can be made, and says what would be copied: the acceptor, and the files or the acceptor's reason);
 * changes nothing.
 */
export function refuseCarry(carry: ClosureCarry, confirmed: boolean): void {
  const { from, to, files } = carry;
  if (files === 0 && !from.no_evidence_reason) {
    throw new AppError(
      'rectification.linkClosedWithoutEvidence',
      `第${from.seq}项销号时既无佐证材料，也无验收人说明，其销号不能同步到${seqs(to)}；请先为第${from.seq}项补充佐证材料。未作任何修改`,
      `Item ${from.seq} was closed with neither evidence nor the acceptor's reason, so its closing cannot be copied to item(s) ${seqsEn(to)}; attach evidence to item ${from.seq} first. Nothing was changed`,
    );
  }
  const notAgreed = to.filter((i) => i.list_status !== 'agreed');
  if (notAgreed.length > 0) {
    throw new AppError(
      'rectification.linkedNotAgreed',
      `第${from.seq}项已销号，而${seqs(notAgreed)}所在整改清单尚未审议通过，不能一并销号；请先审议通过该清单再关联。未作任何修改`,
      `Item ${from.seq} is closed, and item(s) ${seqsEn(notAgreed)} are in a list not yet agreed that cannot be closed with it; agree that list first. Nothing was changed`,
    );
  }
  if (!confirmed) {
    const what = files > 0 ? `销号记录和佐证材料（${files}份）` : '销号记录和验收人关于无佐证材料的说明';
    const whatEn = files > 0 ? `closing record and evidence (${files} file${files > 1 ? 's' : ''})` : "closing record and the acceptor's reason for closing without evidence";
    throw new AppError(
      'rectification.linkCarriesClosure',
      `第${from.seq}项已销号${from.acceptor ? `（验收人：${from.acceptor}）` : ''}。关联为同一问题后，其${what}将同步记入${seqs(to)}，${seqs(to)}随之销号（注明“同步自第${from.seq}项”）。确认关联吗？`,
      `Item ${from.seq} is closed${from.acceptor ? ` (acceptor: ${from.acceptor})` : ''}. Once linked, its ${whatEn} are copied to item(s) ${seqsEn(to)}, which are closed too (marked "copied from item ${from.seq}"). Link them?`,
    );
  }
}

/** Writes the closed item's 销号, with copies of its stored files, on every open item of the carry. */
export async function carryClosure(ctx: HandlerContext, carry: ClosureCarry): Promise<void> {
  const { from } = carry;
  const closing = await ctx.db
    .selectFrom('rectification_progress')
    .select(['id', 'on_date', 'text', 'recorded_by', 'no_evidence_reason'])
    .where('item_id', '=', from.id)
    .where('status_to', '=', 'closed')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const files: CheckedFile[] = (
    await ctx.db
      .selectFrom('rectification_evidence')
      .innerJoin('rectification_evidence_files', 'rectification_evidence_files.evidence_id', 'rectification_evidence.id')
      .select(['rectification_evidence.name', 'rectification_evidence_files.format', 'rectification_evidence_files.content'])
      .where('rectification_evidence.item_id', '=', from.id)
      .orderBy('rectification_evidence.id')
      .execute()
  ).map((f) => ({ name: f.name, format: f.format, file: f.content }));
  const reason = from.no_evidence_reason || closing?.no_evidence_reason || '';
  for (const item of carry.to) {
    await writeProgress(
      ctx,
      ctx.db,
      {
        itemId: item.id,
        date: from.closed_on ?? closing?.on_date ?? '',
        kind: 'review',
        text: closing?.text ?? '',
        by: closing?.recorded_by ?? '',
        statusTo: 'closed',
        acceptor: from.acceptor,
        evidence: files,
        noEvidenceReason: reason,
        ...(closing ? { linkedFrom: closing.id } : {}),
      },
      { status: item.status, progress: item.progress },
    );
  }
}
