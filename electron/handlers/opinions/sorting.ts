/** 梳理归类: merging raw opinions into consolidated ones, undoing it, and classifying by target and aspect. */
import type { ConsolidatedOpinion, DuplicateCluster, Handling } from '../../common/api/opinions';
import { clusterPairs, similarPairs } from '../../common/opinions/similarity';
import type { HandlerContext } from '../context';
import { assertClassification, assertOwnConsolidated, assertOwnOpinions, getConsolidated, listRaw, meetingTeam } from './store';

type Db = HandlerContext['db'];

export interface ConsolidatedValues {
  text: string;
  targetMemberId: number | null;
  aspectId: number | null;
  handling: Handling;
  note: string;
}

/** Consolidated opinions that no raw opinion points to any more are removed: they would count as phantom items. */
async function dropEmptyGroups(db: Db, meetingId: number): Promise<void> {
  await db
    .deleteFrom('consolidated_opinions')
    .where('meeting_id', '=', meetingId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('opinions').select('opinions.id').whereRef('opinions.consolidated_id', '=', 'consolidated_opinions.id'))))
    .execute();
}

async function nextOrder(db: Db, meetingId: number): Promise<number> {
  const row = await db.selectFrom('consolidated_opinions').select((eb) => eb.fn.max('sort_order').as('max')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function merge(ctx: HandlerContext, meetingId: number, opinionIds: number[], values: ConsolidatedValues): Promise<ConsolidatedOpinion> {
  await assertOwnOpinions(ctx.db, meetingId, opinionIds);
  await assertClassification(ctx.db, meetingId, values.targetMemberId, values.aspectId);
  const row = await ctx.db
    .insertInto('consolidated_opinions')
    .values({ meeting_id: meetingId, text: values.text, target_member_id: values.targetMemberId, aspect_id: values.aspectId, handling: values.handling, note: values.note, sort_order: await nextOrder(ctx.db, meetingId) })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The raw opinions follow their consolidated opinion's classification, so feedback goes where the secretary decided.
  await ctx.db
    .updateTable('opinions')
    .set({ consolidated_id: row.id, target_member_id: values.targetMemberId, aspect_id: values.aspectId })
    .where('meeting_id', '=', meetingId)
    .where('id', 'in', opinionIds)
    .execute();
  await dropEmptyGroups(ctx.db, meetingId);
  const id = row.id;
  return getConsolidated(ctx.db, id);
}

export async function updateConsolidated(ctx: HandlerContext, id: number, values: ConsolidatedValues): Promise<ConsolidatedOpinion> {
  const current = await getConsolidated(ctx.db, id);
  await assertClassification(ctx.db, current.meetingId, values.targetMemberId, values.aspectId);
  await ctx.db
    .updateTable('consolidated_opinions')
    .set({ text: values.text, target_member_id: values.targetMemberId, aspect_id: values.aspectId, handling: values.handling, note: values.note })
    .where('id', '=', id)
    .execute();
  await ctx.db.updateTable('opinions').set({ target_member_id: values.targetMemberId, aspect_id: values.aspectId }).where('consolidated_id', '=', id).execute();
  return getConsolidated(ctx.db, id);
}

/** Undo a merge: the consolidated opinion goes, every raw opinion stays, unmerged. */
export async function unmerge(ctx: HandlerContext, id: number): Promise<number[]> {
  const current = await getConsolidated(ctx.db, id);
  await ctx.db.updateTable('opinions').set({ consolidated_id: null }).where('consolidated_id', '=', id).execute();
  await ctx.db.deleteFrom('consolidated_opinions').where('id', '=', id).execute();
  return current.rawIds;
}

export async function detach(ctx: HandlerContext, meetingId: number, opinionId: number): Promise<void> {
  await ctx.db.updateTable('opinions').set({ consolidated_id: null }).where('id', '=', opinionId).execute();
  await dropEmptyGroups(ctx.db, meetingId);
}

export async function confirmSingles(ctx: HandlerContext, meetingId: number, handling: Handling): Promise<number> {
  await meetingTeam(ctx.db, meetingId);
  const singles = (await listRaw(ctx.db, meetingId)).filter((r) => r.consolidatedId === null);
  let order = await nextOrder(ctx.db, meetingId);
  for (const raw of singles) {
    const row = await ctx.db
      .insertInto('consolidated_opinions')
      .values({ meeting_id: meetingId, text: raw.text.trim(), target_member_id: raw.targetMemberId, aspect_id: raw.aspectId, handling, note: '', sort_order: order++ })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('opinions').set({ consolidated_id: row.id }).where('id', '=', raw.id).execute();
  }
  return singles.length;
}

/**
 * Bulk classification. A raw opinion that belongs to a consolidated one is classified with it (and its siblings),
 * so a merged group never points two ways.
 */
export async function classify(
  ctx: HandlerContext,
  input: { meetingId: number; opinionIds: number[]; consolidatedIds: number[]; targetMemberId?: number | null; aspectId?: number | null },
): Promise<void> {
  const { meetingId } = input;
  await assertOwnOpinions(ctx.db, meetingId, input.opinionIds);
  await assertOwnConsolidated(ctx.db, meetingId, input.consolidatedIds);
  await assertClassification(ctx.db, meetingId, input.targetMemberId, input.aspectId);
  const set: { target_member_id?: number | null; aspect_id?: number | null } = {};
  if (input.targetMemberId !== undefined) set.target_member_id = input.targetMemberId;
  if (input.aspectId !== undefined) set.aspect_id = input.aspectId;
  if (Object.keys(set).length === 0) return;
  const groupsOfRaw = input.opinionIds.length
    ? (await ctx.db.selectFrom('opinions').select('consolidated_id').where('id', 'in', input.opinionIds).where('consolidated_id', 'is not', null).execute()).map((r) => r.consolidated_id as number)
    : [];
  const groups = [...new Set([...input.consolidatedIds, ...groupsOfRaw])];
  if (input.opinionIds.length) await ctx.db.updateTable('opinions').set(set).where('id', 'in', input.opinionIds).execute();
  if (groups.length) {
    await ctx.db.updateTable('consolidated_opinions').set(set).where('id', 'in', groups).execute();
    await ctx.db.updateTable('opinions').set(set).where('consolidated_id', 'in', groups).execute();
  }
}

/** Clusters of similar raw opinions, leaving out pairs already merged together. */
export async function duplicates(ctx: HandlerContext, meetingId: number, threshold = 0.35): Promise<DuplicateCluster[]> {
  await meetingTeam(ctx.db, meetingId);
  const raws = await listRaw(ctx.db, meetingId);
  const group = new Map(raws.map((r) => [r.id, r.consolidatedId]));
  const pairs = similarPairs(raws, threshold).filter((p) => group.get(p.a) === null || group.get(p.a) !== group.get(p.b));
  return clusterPairs(pairs)
    .slice(0, 200)
    .map((c) => ({ opinionIds: c.ids, score: Math.round(c.score * 100) / 100 }));
}
