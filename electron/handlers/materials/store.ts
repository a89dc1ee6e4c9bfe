/** Reading and writing materials: rows ↔ the API's shapes, authors, problems and their opinion links. */
import type { Selectable } from 'kysely';
import type { MaterialDetail, MaterialOpinion, MaterialReview, MaterialStatus, MaterialSummary, MaterialVersionInfo } from '../../common/api/materials';
import { EDITABLE_STATUSES, MATERIAL_STATUS_LABELS } from '../../common/api/materials';
import { charCount, problemItems, type Material } from '../../common/materials';
import { materialSchema } from '../../common/materials/schema';
import { AppError, notFound } from '../../common/result';
import type { MaterialsTable } from '../../../db/schema';
import type { HandlerContext } from '../context';

type Db = HandlerContext['db'];

export const MATERIAL = { zh: '对照检查材料', en: 'Self-examination material' };
export const MEETING = { zh: '会议', en: 'Meeting' };
/** How the 班子 appears where a member's name would. */
export const TEAM_AUTHOR = { zh: '领导班子', en: 'Leadership team' };

export interface MeetingInfo {
  id: number;
  teamId: number;
  teamName: string;
  year: number;
  kind: 'annual' | 'special';
  trigger: 'central_inspection' | 'inspection' | 'audit' | 'discipline' | 'other' | null;
  date: string;
  theme: string;
  aspects: { id: number; label: string }[];
  /** This year's optional parts that shape a material (domain.md §9). */
  rules: { caseAnalysis: boolean };
}

export async function meetingInfo(db: Db, meetingId: number): Promise<MeetingInfo> {
  const m = await db
    .selectFrom('meetings')
    .innerJoin('teams', 'teams.id', 'meetings.team_id')
    .select(['meetings.id', 'meetings.team_id', 'meetings.year', 'meetings.kind', 'meetings.trigger', 'meetings.date', 'meetings.theme', 'teams.name'])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
  if (!m) throw notFound(MEETING, meetingId);
  const aspects = await db.selectFrom('meeting_aspects').select(['id', 'label']).where('meeting_id', '=', meetingId).orderBy('sort_order').execute();
  const rules = await db.selectFrom('meeting_rules').select('case_analysis').where('meeting_id', '=', meetingId).executeTakeFirst();
  return { id: m.id, teamId: m.team_id, teamName: m.name, year: m.year, kind: m.kind, trigger: m.trigger, date: m.date, theme: m.theme, aspects, rules: { caseAnalysis: rules?.case_analysis === 1 } };
}

export interface Author {
  memberId: number | null;
  name: string;
  position: string;
  status: 'active' | 'left';
}

/** The member (of this meeting's team) or the 班子 a material belongs to; refuses anyone else. */
export async function authorOf(db: Db, meeting: MeetingInfo, memberId: number | null): Promise<Author> {
  if (memberId === null) return { memberId: null, name: meeting.teamName, position: TEAM_AUTHOR.zh, status: 'active' };
  const m = await db.selectFrom('members').select(['id', 'name', 'position', 'status']).where('id', '=', memberId).where('team_id', '=', meeting.teamId).executeTakeFirst();
  if (!m) throw notFound({ zh: '班子成员（须为本班子成员）', en: 'Team member (must belong to this team)' }, memberId);
  return { memberId: m.id, name: m.name, position: m.position, status: m.status };
}

export async function materialRow(db: Db, id: number): Promise<Selectable<MaterialsTable>> {
  const row = await db.selectFrom('materials').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(MATERIAL, id);
  return row;
}

/** Stored JSON back to a material. It was validated on the way in; a file edited by hand is refused, not guessed at. */
export function parseContent(json: string, materialId: number): Material {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = materialSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('materials.damaged', `对照检查材料（编号 ${materialId}）的内容已损坏，无法读取`, `The content of material #${materialId} is damaged and cannot be read`);
  }
  return parsed.data;
}

/** Parsed contents by material id, each with the JSON it came from (a hit needs the very same text). */
const readOnlyCache = new Map<number, { json: string; material: Material }>();
const READ_ONLY_CACHE_SIZE = 256;

/**
 * parseContent for readers that only look (rectification sources): validating a material costs about half a
 * millisecond, and the sources dialog reads every material of the meeting each time it opens. The same text always
 * parses to the same material, so a cached one is returned while the stored JSON is unchanged. Callers must not
 * modify the result.
 */
export function parseContentReadOnly(json: string, materialId: number): Readonly<Material> {
  const hit = readOnlyCache.get(materialId);
  if (hit && hit.json === json) return hit.material;
  const material = parseContent(json, materialId);
  readOnlyCache.delete(materialId);
  readOnlyCache.set(materialId, { json, material });
  if (readOnlyCache.size > READ_ONLY_CACHE_SIZE) readOnlyCache.delete(readOnlyCache.keys().next().value as number);
  return material;
}

export function assertEditable(status: MaterialStatus): void {
  if (EDITABLE_STATUSES.includes(status)) return;
  const label = MATERIAL_STATUS_LABELS[status];
  throw new AppError(
    'materials.locked',
    status === 'approved'
      ? `材料已审核通过，不能再修改；如确需修改，请由审核人“重新打开”`
      : `材料已提交审核（${label.zh}），不能修改；如需修改请先撤回`,
    status === 'approved'
      ? 'The material has been approved and cannot be changed; a reviewer must reopen it first'
      : `The material has been submitted (${label.en}) and cannot be changed; withdraw it first`,
  );
}

/** The nodes of a material that get a material_problems row: its problems, in document order. */
export function problemNodeIds(content: Readonly<Material>): string[] {
  return problemItems(content).map((p) => p.item.id);
}

/**
 * Gives every problem of the content a stable number (kept when the problem is moved or the text edited) and drops
 * the opinion links of problems that are no longer in it.
 */
export async function syncProblems(db: Db, materialId: number, content: Material): Promise<void> {
  const nodeIds = problemNodeIds(content);
  for (const nodeId of nodeIds) {
    await db.insertInto('material_problems').values({ material_id: materialId, node_id: nodeId }).onConflict((oc) => oc.columns(['material_id', 'node_id']).doNothing()).execute();
  }
  const gone = db.selectFrom('material_problems').select('id').where('material_id', '=', materialId);
  await db
    .deleteFrom('material_opinion_links')
    .where('problem_id', 'in', nodeIds.length > 0 ? gone.where('node_id', 'not in', nodeIds) : gone)
    .execute();
}

/** The raw opinions addressed to this author in this meeting (verbatim), in the order the opinions screen shows them. */
export async function opinionsFor(db: Db, materialId: number | null, meetingId: number, memberId: number | null): Promise<MaterialOpinion[]> {
  let query = db.selectFrom('opinions').select(['id', 'text', 'channel', 'aspect_id', 'received_on']).where('meeting_id', '=', meetingId);
  query = memberId === null ? query.where('target_member_id', 'is', null) : query.where('target_member_id', '=', memberId);
  const rows = await query.orderBy('received_on').orderBy('channel').orderBy('position').orderBy('text').execute();
  const links =
    materialId === null
      ? []
      : await db
          .selectFrom('material_opinion_links as l')
          .innerJoin('material_problems as p', 'p.id', 'l.problem_id')
          .select(['l.opinion_id', 'p.node_id'])
          .where('p.material_id', '=', materialId)
          .orderBy('p.id')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    channel: r.channel,
    aspectId: r.aspect_id,
    date: r.received_on,
    nodeIds: links.filter((l) => l.opinion_id === r.id).map((l) => l.node_id),
  }));
}

async function versionsOf(db: Db, materialId: number): Promise<MaterialVersionInfo[]> {
  const rows = await db.selectFrom('material_versions').select(['id', 'number', 'note', 'submitted_at', 'content']).where('material_id', '=', materialId).orderBy('number').execute();
  return rows.map((v) => ({ id: v.id, number: v.number, note: v.note, submittedAt: v.submitted_at, charCount: charCount(parseContent(v.content, materialId)) }));
}

async function reviewsOf(db: Db, materialIds: readonly number[]): Promise<(MaterialReview & { materialId: number })[]> {
  if (materialIds.length === 0) return [];
  const rows = await db
    .selectFrom('material_reviews as r')
    .leftJoin('material_versions as v', 'v.id', 'r.version_id')
    .select(['r.id', 'r.material_id', 'v.number', 'r.reviewer', 'r.decision', 'r.comment', 'r.deadline', 'r.reviewed_at'])
    .where('r.material_id', 'in', materialIds)
    .orderBy('r.reviewed_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    materialId: r.material_id,
    versionNumber: r.number,
    reviewer: r.reviewer,
    decision: r.decision,
    comment: r.comment,
    deadline: r.deadline,
    reviewedAt: r.reviewed_at,
  }));
}

const withoutMaterialId = ({ materialId: _materialId, ...review }: MaterialReview & { materialId: number }): MaterialReview => review;

export async function getDetail(ctx: HandlerContext, id: number): Promise<MaterialDetail> {
  const row = await materialRow(ctx.db, id);
  const meeting = await meetingInfo(ctx.db, row.meeting_id);
  const author = await authorOf(ctx.db, meeting, row.member_id);
  const content = parseContent(row.content, id);
  return {
    id,
    meetingId: row.meeting_id,
    memberId: row.member_id,
    author: author.name,
    position: author.position,
    status: row.status,
    content,
    revision: row.revision,
    charCount: charCount(content),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: await versionsOf(ctx.db, id),
    reviews: (await reviewsOf(ctx.db, [id])).map(withoutMaterialId),
    opinions: answered(await opinionsFor(ctx.db, id, row.meeting_id, row.member_id), content),
  };
}

/** Links count only for problems still in the content. */
function answered(opinions: MaterialOpinion[], content: Material): MaterialOpinion[] {
  const present = new Set(problemItems(content).map((p) => p.item.id));
  return opinions.map((o) => ({ ...o, nodeIds: o.nodeIds.filter((n) => present.has(n)) }));
}

/** One row per active member (and any former member who has a material) plus the 班子, first. */
export async function listSummaries(ctx: HandlerContext, meetingId: number): Promise<MaterialSummary[]> {
  const meeting = await meetingInfo(ctx.db, meetingId);
  const rows = await ctx.db.selectFrom('materials').selectAll().where('meeting_id', '=', meetingId).execute();
  const members = await ctx.db.selectFrom('members').select(['id', 'name', 'position', 'status']).where('team_id', '=', meeting.teamId).orderBy('sort_order').orderBy('id').execute();
  const counts = await ctx.db
    .selectFrom('material_versions')
    .select((eb) => ['material_id', eb.fn.countAll<number>().as('n'), eb.fn.max('submitted_at').as('last')])
    .where(
      'material_id',
      'in',
      rows.map((r) => r.id).concat(0),
    )
    .groupBy('material_id')
    .execute();
  const reviews = await reviewsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const authors: Author[] = [
    { memberId: null, name: meeting.teamName, position: TEAM_AUTHOR.zh, status: 'active' },
    ...members.filter((m) => m.status === 'active' || rows.some((r) => r.member_id === m.id)).map((m) => ({ memberId: m.id, name: m.name, position: m.position, status: m.status })),
  ];
  const out: MaterialSummary[] = [];
  for (const author of authors) {
    const row = rows.find((r) => r.member_id === author.memberId);
    const content = row ? parseContent(row.content, row.id) : null;
    const opinions = await opinionsFor(ctx.db, row?.id ?? null, meetingId, author.memberId);
    const linked = content ? answered(opinions, content) : opinions;
    const count = row ? counts.find((c) => c.material_id === row.id) : undefined;
    const last = row ? reviews.filter((r) => r.materialId === row.id).at(-1) : undefined;
    out.push({
      id: row?.id ?? null,
      meetingId,
      memberId: author.memberId,
      author: author.name,
      position: author.position,
      status: row?.status ?? null,
      charCount: content ? charCount(content) : 0,
      problemCount: content ? problemItems(content).length : 0,
      versionCount: Number(count?.n ?? 0),
      lastSubmittedAt: (count?.last as string | null | undefined) ?? null,
      lastReview: last ? withoutMaterialId(last) : null,
      opinionCount: opinions.length,
      unansweredCount: linked.filter((o) => o.nodeIds.length === 0).length,
      updatedAt: row?.updated_at ?? null,
    });
  }
  return out;
}
