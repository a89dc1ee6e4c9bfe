// What the 材料体检 (issue 17 §3) reads besides the material: the author's problems on last year's 整改清单, the marks of
// what is left unanswered (with the reason), the reviewer's 督导组 ticks, and the unit's length range (settings).
import type { CheckupData, LeftKind, ReviewReason } from '../../common/api/checks';
import { REVIEW_REASONS } from '../../common/api/checks';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { opinionsFor } from '../materials/store';
import { readSettings } from '../settings';

const MATERIAL = { zh: '对照检查材料', en: 'Material' };

interface MaterialRow {
  id: number;
  meeting_id: number;
  member_id: number | null;
}

function materialRow(ctx: HandlerContext, materialId: number): MaterialRow {
  const row = ctx.sqlite.prepare('SELECT id, meeting_id, member_id FROM materials WHERE id = ?').get(materialId) as MaterialRow | undefined;
  if (!row) throw notFound(MATERIAL, materialId);
  return row;
}

/** The author's items on the list of the same team's latest earlier meeting that has one (上年度 / 上次). */
function lastYearItems(ctx: HandlerContext, m: MaterialRow): CheckupData['lastYear'] {
  const previous = ctx.sqlite
    .prepare(
      `SELECT p.year, l.id AS list_id FROM meetings c JOIN meetings p ON p.team_id = c.team_id AND p.id <> c.id AND p.date < c.date
         JOIN rectification_lists l ON l.meeting_id = p.id
        WHERE c.id = ? ORDER BY p.date DESC LIMIT 1`,
    )
    .get(m.meeting_id) as { year: number; list_id: number } | undefined;
  if (!previous) return [];
  const rows = ctx.sqlite
    .prepare('SELECT id, seq, problem, status FROM rectification_items WHERE list_id = ? AND member_id IS ? ORDER BY seq')
    .all(previous.list_id, m.member_id) as { id: number; seq: number; problem: string; status: CheckupData['lastYear'][number]['status'] }[];
  return rows.map((r) => ({ ...r, meetingYear: previous.year }));
}

export async function checkupData(ctx: HandlerContext, materialId: number): Promise<CheckupData> {
  const m = materialRow(ctx, materialId);
  const left = ctx.sqlite.prepare('SELECT kind, ref_id, reason, marked_at FROM checkup_left WHERE material_id = ? ORDER BY kind, ref_id').all(materialId) as { kind: LeftKind; ref_id: number; reason: string; marked_at: string }[];
  const reviews = ctx.sqlite.prepare('SELECT reason, comment, set_at FROM checkup_review WHERE material_id = ?').all(materialId) as { reason: ReviewReason; comment: string; set_at: string }[];
  return {
    materialId,
    lastYear: lastYearItems(ctx, m),
    left: left.map((l) => ({ kind: l.kind, refId: l.ref_id, reason: l.reason, markedAt: l.marked_at })),
    reviews: reviews.map((r) => ({ reason: r.reason, comment: r.comment, setAt: r.set_at })).sort((a, b) => REVIEW_REASONS.indexOf(a.reason) - REVIEW_REASONS.indexOf(b.reason)),
    length: (await readSettings(ctx)).materialLength,
  };
}

export async function leave(ctx: HandlerContext, input: { materialId: number; kind: LeftKind; refId: number; reason: string | null }): Promise<CheckupData> {
  const m = materialRow(ctx, input.materialId);
  // Only what the 体检 lists for this material can be marked: an opinion addressed to its author, or the author's item.
  const known =
    input.kind === 'opinion'
      ? (await opinionsFor(ctx.db, m.id, m.meeting_id, m.member_id)).some((o) => o.id === input.refId)
      : lastYearItems(ctx, m).some((i) => i.id === input.refId);
  if (!known) {
    throw input.kind === 'opinion'
      ? new AppError('checks.notAuthorsOpinion', `意见（编号 ${input.refId}）不是提给本材料作者的，未作修改`, `Opinion #${input.refId} is not addressed to this material's author; nothing was changed`)
      : new AppError('checks.notAuthorsItem', `上年度整改事项（编号 ${input.refId}）不是本材料作者的，未作修改`, `Last year's item #${input.refId} is not this author's; nothing was changed`);
  }
  if (input.reason === null) ctx.sqlite.prepare('DELETE FROM checkup_left WHERE material_id = ? AND kind = ? AND ref_id = ?').run(m.id, input.kind, input.refId);
  else {
    ctx.sqlite
      .prepare('INSERT INTO checkup_left (material_id, kind, ref_id, reason, marked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (material_id, kind, ref_id) DO UPDATE SET reason = excluded.reason, marked_at = excluded.marked_at')
      .run(m.id, input.kind, input.refId, input.reason, nowIso(ctx));
  }
  return checkupData(ctx, m.id);
}

export async function review(ctx: HandlerContext, input: { materialId: number; reason: ReviewReason; set: boolean; comment: string }): Promise<CheckupData> {
  const m = materialRow(ctx, input.materialId);
  if (!input.set) ctx.sqlite.prepare('DELETE FROM checkup_review WHERE material_id = ? AND reason = ?').run(m.id, input.reason);
  else {
    ctx.sqlite
      .prepare('INSERT INTO checkup_review (material_id, reason, comment, set_at) VALUES (?, ?, ?, ?) ON CONFLICT (material_id, reason) DO UPDATE SET comment = excluded.comment, set_at = excluded.set_at')
      .run(m.id, input.reason, input.comment, nowIso(ctx));
  }
  return checkupData(ctx, m.id);
}
