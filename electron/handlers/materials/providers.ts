/**
 * What materials tell the rest of the app: the speaker's material for the minutes side panel, each problem as a
 * possible rectification source, the figures for reports, and the dashboard step. Listed in
 * electron/handlers/meetings/{dossier,sources,facts,steps}.ts.
 */
import { MATERIAL_STATUS_LABELS } from '../../common/api/materials';
import { lineText, problemItems, problemText, toLines, type Material } from '../../common/materials';
import type { DossierProvider } from '../meetings/dossier';
import type { FactsProvider } from '../meetings/facts';
import type { SourceCandidate, SourceProvider } from '../meetings/sources';
import type { StepProbe } from '../meetings/steps';
import { localDate } from '../context';
import { parseContent, parseContentReadOnly } from './store';

export const materialsDossier: DossierProvider = async (ctx, meetingId, memberId) => {
  let query = ctx.db.selectFrom('materials').select(['id', 'status', 'content']).where('meeting_id', '=', meetingId);
  query = memberId === null ? query.where('member_id', 'is', null) : query.where('member_id', '=', memberId);
  const row = await query.executeTakeFirst();
  if (!row) return [];
  const status = MATERIAL_STATUS_LABELS[row.status];
  const paragraphs = toLines(parseContent(row.content, row.id))
    .map(lineText)
    .filter((p) => p.trim() !== '');
  return [{ kind: 'material', title: { zh: `对照检查材料（${status.zh}）`, en: `Self-examination material (${status.en.toLowerCase()})` }, paragraphs }];
};

/**
 * Each problem of each material, verbatim with its examples. The id is the problem's row in material_problems,
 * which stays the same when the author moves or rewords the problem.
 */
export const materialsSources: SourceProvider = async (ctx, meetingId) => {
  const rows = await ctx.db
    .selectFrom('materials')
    .leftJoin('members', 'members.id', 'materials.member_id')
    .select(['materials.id', 'materials.member_id', 'materials.content', 'members.name'])
    .where('materials.meeting_id', '=', meetingId)
    .orderBy((eb) => eb.fn.coalesce('members.sort_order', eb.val(-1)))
    .execute();
  const aspects = await ctx.db.selectFrom('meeting_aspects').select(['id', 'label']).where('meeting_id', '=', meetingId).execute();
  const refs = await ctx.db
    .selectFrom('material_problems')
    .innerJoin('materials', 'materials.id', 'material_problems.material_id')
    .select(['material_problems.id', 'material_problems.material_id', 'material_problems.node_id'])
    .where('materials.meeting_id', '=', meetingId)
    .execute();
  const idOf = new Map(refs.map((r) => [`${r.material_id}:${r.node_id}`, r.id]));
  const out: SourceCandidate[] = [];
  for (const row of rows) {
    out.push(...problemSources(parseContentReadOnly(row.content, row.id), { memberId: row.member_id, author: row.name }, aspects, (nodeId) => idOf.get(`${row.id}:${nodeId}`)));
  }
  return out;
};

/**
 * The problems of one material as rectification sources: numbered by their material_problems rows (`rowOf`: node id →
 * row id; a problem without a row, or without text, is not offered), placed in the meeting aspect their block stands
 * for. `author` is the member's name, null for the 班子's material. Also used by the large benchmark database
 * (seeds/large.ts), so its items cite material problems exactly as the app would.
 */
export function problemSources(
  material: Readonly<Material>,
  author: { memberId: number | null; author: string | null },
  aspects: readonly { id: number; label: string }[],
  rowOf: (nodeId: string) => number | undefined,
): SourceCandidate[] {
  const out: SourceCandidate[] = [];
  for (const { item, block } of problemItems(material)) {
    const id = rowOf(item.id);
    const text = problemText(item);
    if (id === undefined || text.trim() === '') continue;
    out.push({
      type: 'material_problem',
      id,
      text,
      aspectId: aspectIdFor(aspects, block.label, block.heading),
      memberId: author.memberId,
      origin: `${author.author ?? '班子'}对照检查材料`,
    });
  }
  return out;
}

/** The meeting aspect a block stands for: same label, or a heading that contains it. */
function aspectIdFor(aspects: readonly { id: number; label: string }[], label: string, heading: string): number | null {
  const squash = (s: string) => s.replace(/^在|方面[。.]?$|[。\s]/g, '');
  const key = squash(label || heading);
  if (key === '') return null;
  return aspects.find((a) => squash(a.label) === key || squash(a.label).includes(key) || key.includes(squash(a.label)))?.id ?? null;
}

export const materialsFacts: FactsProvider = async (ctx, meetingId) => {
  const rows = await ctx.db.selectFrom('materials').select(['id', 'status', 'member_id']).where('meeting_id', '=', meetingId).execute();
  if (rows.length === 0) return {};
  const ids = rows.map((r) => r.id);
  const versions = await ctx.db.selectFrom('material_versions').select(['id', 'material_id', 'number']).where('material_id', 'in', ids).execute();
  const returns = await ctx.db.selectFrom('material_reviews').select(['material_id', 'version_id']).where('material_id', 'in', ids).where('decision', '=', 'returned').execute();
  const submitted = new Set(versions.map((v) => v.material_id));
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  // Resubmitted: a version numbered above the one that was sent back (times can tie; version numbers cannot).
  const resubmitted = new Set(
    returns
      .filter((r) => {
        const returnedNumber = r.version_id === null ? undefined : numberOf.get(r.version_id);
        return returnedNumber !== undefined && versions.some((v) => v.material_id === r.material_id && v.number > returnedNumber);
      })
      .map((r) => r.material_id),
  );
  return {
    materials: {
      total: rows.length,
      submitted: submitted.size,
      teamSubmitted: rows.some((r) => r.member_id === null && submitted.has(r.id)),
      approved: rows.filter((r) => r.status === 'approved').length,
      returnedForRevision: new Set(returns.map((r) => r.material_id)).size,
      resubmitted: resubmitted.size,
    },
  };
};

/** Done when the 班子 and every active member have an approved material; progress 「6/9」, done on the last approval. */
export const materialsStep: StepProbe = async (ctx, meetingId) => {
  const meeting = await ctx.db.selectFrom('meetings').select('team_id').where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) return {};
  const members = await ctx.db.selectFrom('members').select('id').where('team_id', '=', meeting.team_id).where('status', '=', 'active').execute();
  const approved = await ctx.db.selectFrom('materials').select(['id', 'member_id']).where('meeting_id', '=', meetingId).where('status', '=', 'approved').execute();
  const expected: (number | null)[] = [null, ...members.map((m) => m.id)];
  const count = expected.filter((m) => approved.some((a) => a.member_id === m)).length;
  const done = count === expected.length;
  let doneOn: string | null = null;
  if (done) {
    const last = await ctx.db
      .selectFrom('material_reviews')
      .select((eb) => eb.fn.max('reviewed_at').as('at'))
      .where('decision', '=', 'approved')
      .where(
        'material_id',
        'in',
        approved.map((a) => a.id),
      )
      .executeTakeFirst();
    doneOn = typeof last?.at === 'string' ? localDate(new Date(last.at)) : null;
  }
  return { materials: { done, doneOn, progress: `${count}/${expected.length}` } };
};
