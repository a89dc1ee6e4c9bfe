/**
 * The review flow (domain.md §3): 草稿 → 已提交 → 退回修改 (with comment and time limit) → 已提交 → 审核通过.
 * Rules, each refused with a message saying what to do instead:
 * - only a draft or a returned material can be submitted, and only when it lists at least one problem;
 * - every submission stores an immutable version; nothing is ever overwritten;
 * - only a submitted material can be approved or returned; the author may withdraw it before that;
 * - a submitted or approved material cannot be edited; an approved one must be reopened by a reviewer (with a
 *   reason, recorded like a return) before the author can change it.
 */
import { MATERIAL_STATUS_LABELS, type MaterialDetail, type MaterialStatus } from '../../common/api/materials';
import { problemItems } from '../../common/materials';
import { AppError } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { userToday } from '../settings';
import { getDetail, materialRow, parseContent } from './store';

function wrongStatus(action: { zh: string; en: string }, allowed: string, status: MaterialStatus): AppError {
  const label = MATERIAL_STATUS_LABELS[status];
  return new AppError(
    'materials.wrongStatus',
    `${action.zh}：只有“${allowed}”的材料可以这样操作，此材料当前为“${label.zh}”，未作任何修改`,
    `${action.en}: not possible while the material is ${label.en.toLowerCase()}; nothing was changed`,
  );
}

export async function submit(ctx: HandlerContext, id: number, note: string): Promise<MaterialDetail> {
  const row = await materialRow(ctx.db, id);
  if (row.status !== 'draft' && row.status !== 'returned') throw wrongStatus({ zh: '无法提交', en: 'Cannot submit' }, '草稿”或“退回修改', row.status);
  const content = parseContent(row.content, id);
  if (!problemItems(content).some((p) => (p.item.heading + p.item.text).trim() !== '')) {
    throw new AppError('materials.noProblems', '材料中还没有查摆出的问题，不能提交审核', 'The material lists no problems yet and cannot be submitted');
  }
  const last = await ctx.db.selectFrom('material_versions').select((eb) => eb.fn.max('number').as('n')).where('material_id', '=', id).executeTakeFirst();
  const now = nowIso(ctx);
  await ctx.db
    .insertInto('material_versions')
    .values({ material_id: id, number: Number(last?.n ?? 0) + 1, content: row.content, note, submitted_at: now })
    .execute();
  await ctx.db.updateTable('materials').set({ status: 'submitted', updated_at: now }).where('id', '=', id).execute();
  return getDetail(ctx, id);
}

export async function withdraw(ctx: HandlerContext, id: number): Promise<MaterialDetail> {
  const row = await materialRow(ctx.db, id);
  if (row.status !== 'submitted') throw wrongStatus({ zh: '无法撤回', en: 'Cannot withdraw' }, '已提交', row.status);
  const returned = await ctx.db.selectFrom('material_reviews').select('id').where('material_id', '=', id).where('decision', 'in', ['returned', 'reopened']).executeTakeFirst();
  await ctx.db
    .updateTable('materials')
    .set({ status: returned ? 'returned' : 'draft', updated_at: nowIso(ctx) })
    .where('id', '=', id)
    .execute();
  return getDetail(ctx, id);
}

export async function review(
  ctx: HandlerContext,
  input: { id: number; decision: 'approve' | 'return'; reviewer: string; comment: string; deadline: string | null },
): Promise<MaterialDetail> {
  const action = input.decision === 'approve' ? { zh: '无法审核通过', en: 'Cannot approve' } : { zh: '无法退回', en: 'Cannot return' };
  if (input.decision === 'return' && input.deadline !== null && input.deadline < await userToday(ctx)) {
    throw new AppError('materials.pastDeadline', '修改时限不能早于今天', 'The revision deadline cannot be in the past');
  }
  const row = await materialRow(ctx.db, input.id);
  if (row.status !== 'submitted') throw wrongStatus(action, '已提交', row.status);
  const version = await ctx.db.selectFrom('material_versions').select('id').where('material_id', '=', input.id).orderBy('number', 'desc').executeTakeFirst();
  const now = nowIso(ctx);
  await ctx.db
    .insertInto('material_reviews')
    .values({
      material_id: input.id,
      version_id: version?.id ?? null,
      reviewer: input.reviewer,
      decision: input.decision === 'approve' ? 'approved' : 'returned',
      comment: input.comment,
      deadline: input.decision === 'approve' ? null : input.deadline,
      reviewed_at: now,
    })
    .execute();
  await ctx.db
    .updateTable('materials')
    .set({ status: input.decision === 'approve' ? 'approved' : 'returned', updated_at: now })
    .where('id', '=', input.id)
    .execute();
  return getDetail(ctx, input.id);
}

export async function reopen(ctx: HandlerContext, input: { id: number; reviewer: string; comment: string }): Promise<MaterialDetail> {
  const row = await materialRow(ctx.db, input.id);
  if (row.status !== 'approved') throw wrongStatus({ zh: '无法重新打开', en: 'Cannot reopen' }, '审核通过', row.status);
  const now = nowIso(ctx);
  await ctx.db.insertInto('material_reviews').values({ material_id: input.id, version_id: null, reviewer: input.reviewer, decision: 'reopened', comment: input.comment, deadline: null, reviewed_at: now }).execute();
  await ctx.db.updateTable('materials').set({ status: 'returned', updated_at: now }).where('id', '=', input.id).execute();
  return getDetail(ctx, input.id);
}
