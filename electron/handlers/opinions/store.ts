import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ConsolidatedOpinion, FormCount, OpinionBoard, RawOpinion } from '../../common/api/opinions';
import type { OpinionChannel } from '../../common/opinions/vocab';
import { AppError, notFound } from '../../common/result';
import type { OpinionsTable } from '../../../db/schema';
import { nowIso, type HandlerContext } from '../context';

export const MEETING = { zh: '会议', en: 'Meeting' };
export const OPINION = { zh: '意见', en: 'Opinion' };
export const CONSOLIDATED = { zh: '梳理后意见', en: 'Consolidated opinion' };
type Db = HandlerContext['db'];

export interface OpinionValues {
  channel: OpinionChannel;
  source: string;
  date: string | null;
  targetMemberId: number | null;
  aspectId: number | null;
  text: string;
  anonymous: boolean;
  submitter: string;
}

export function toRaw(r: Selectable<OpinionsTable>): RawOpinion {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    channel: r.channel,
    source: r.source,
    date: r.received_on,
    targetMemberId: r.target_member_id,
    aspectId: r.aspect_id,
    text: r.text,
    anonymous: r.anonymous === 1,
    submitter: r.submitter,
    consolidatedId: r.consolidated_id,
    imported: r.import_fingerprint !== null,
  };
}

/** Display order: by date, channel, place in its batch, then text. Never by time of entry (see 002_opinions). */
export async function listRaw(db: Db, meetingId: number): Promise<RawOpinion[]> {
  const rows = await db
    .selectFrom('opinions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('received_on')
    .orderBy('channel')
    .orderBy('position')
    .orderBy('text')
    .execute();
  return rows.map(toRaw);
}

export async function listConsolidated(db: Db, meetingId: number, raws?: RawOpinion[]): Promise<ConsolidatedOpinion[]> {
  const rows = await db.selectFrom('consolidated_opinions').selectAll().where('meeting_id', '=', meetingId).orderBy('sort_order').orderBy('id').execute();
  const all = raws ?? (await listRaw(db, meetingId));
  const byGroup = new Map<number, number[]>();
  for (const r of all) if (r.consolidatedId !== null) byGroup.set(r.consolidatedId, [...(byGroup.get(r.consolidatedId) ?? []), r.id]);
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    text: r.text,
    targetMemberId: r.target_member_id,
    aspectId: r.aspect_id,
    handling: r.handling,
    note: r.note,
    rawIds: byGroup.get(r.id) ?? [],
  }));
}

export async function listForms(db: Db, meetingId: number): Promise<FormCount[]> {
  const rows = await db.selectFrom('opinion_forms').select(['channel', 'issued', 'returned']).where('meeting_id', '=', meetingId).execute();
  return rows;
}

export async function getBoard(ctx: HandlerContext, meetingId: number): Promise<OpinionBoard> {
  await meetingTeam(ctx.db, meetingId);
  const opinions = await listRaw(ctx.db, meetingId);
  return { opinions, consolidated: await listConsolidated(ctx.db, meetingId, opinions), forms: await listForms(ctx.db, meetingId) };
}

/** The meeting's team id; refuses unknown meetings. */
export async function meetingTeam(db: Db, meetingId: number): Promise<number> {
  const row = await db.selectFrom('meetings').select('team_id').where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound(MEETING, meetingId);
  return row.team_id;
}

/** Target and aspect must belong to this meeting (its team's members, its own aspects). */
export async function assertClassification(db: Db, meetingId: number, targetMemberId: number | null | undefined, aspectId: number | null | undefined): Promise<void> {
  const teamId = await meetingTeam(db, meetingId);
  if (targetMemberId) {
    const m = await db.selectFrom('members').select('id').where('id', '=', targetMemberId).where('team_id', '=', teamId).executeTakeFirst();
    if (!m) throw notFound({ zh: '针对对象（须为本班子成员）', en: 'Target (must be a member of this team)' }, targetMemberId);
  }
  if (aspectId) {
    const a = await db.selectFrom('meeting_aspects').select('id').where('id', '=', aspectId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!a) throw notFound({ zh: '对照检查方面（须为本次会议的方面）', en: 'Aspect (must be one of this meeting)' }, aspectId);
  }
}

/**
 * Opinion ids are drawn at random (not 1, 2, 3…), so that an anonymous opinion's id does not sit between the ids of
 * the named opinions entered just before and after it.
 */
export async function freshId(db: Db): Promise<number> {
  for (;;) {
    const candidate = crypto.randomInt(1, 2 ** 47);
    const taken = await db.selectFrom('opinions').select('id').where('id', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
}

/** The columns that say who gave an opinion: all empty for an anonymous one, whatever the caller sent. */
export function giverColumns(ctx: HandlerContext, v: Pick<OpinionValues, 'anonymous' | 'submitter'>) {
  if (v.anonymous) return { anonymous: 1 as const, submitter: null, created_at: null };
  return { anonymous: 0 as const, submitter: v.submitter.trim() === '' ? null : v.submitter.trim(), created_at: nowIso(ctx) };
}

export async function insertOpinion(ctx: HandlerContext, db: Db, meetingId: number, v: OpinionValues, extra: { position?: number; fingerprint?: string | null } = {}): Promise<number> {
  const id = await freshId(db);
  await db
    .insertInto('opinions')
    .values({
      id,
      meeting_id: meetingId,
      channel: v.channel,
      source: v.source,
      received_on: v.date,
      target_member_id: v.targetMemberId,
      aspect_id: v.aspectId,
      text: v.text,
      ...giverColumns(ctx, v),
      consolidated_id: null,
      import_fingerprint: extra.fingerprint ?? null,
      position: extra.position ?? 0,
    })
    .execute();
  return id;
}

export async function getRaw(db: Db, id: number): Promise<RawOpinion> {
  const row = await db.selectFrom('opinions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(OPINION, id);
  return toRaw(row);
}

export async function getConsolidated(db: Db, id: number): Promise<ConsolidatedOpinion> {
  const row = await db.selectFrom('consolidated_opinions').select('meeting_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(CONSOLIDATED, id);
  const found = (await listConsolidated(db, row.meeting_id)).find((c) => c.id === id);
  if (!found) throw notFound(CONSOLIDATED, id);
  return found;
}

/** Every id must be a raw opinion of this meeting; otherwise nothing is done. */
export async function assertOwnOpinions(db: Db, meetingId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = await db.selectFrom('opinions').select('id').where('meeting_id', '=', meetingId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    const known = new Set(found.map((f) => f.id));
    throw notFound(OPINION, unique.find((i) => !known.has(i)) ?? unique[0]);
  }
}

export async function assertOwnConsolidated(db: Db, meetingId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = await db.selectFrom('consolidated_opinions').select('id').where('meeting_id', '=', meetingId).where('id', 'in', unique).execute();
  if (found.length !== unique.length) {
    const known = new Set(found.map((f) => f.id));
    throw notFound(CONSOLIDATED, unique.find((i) => !known.has(i)) ?? unique[0]);
  }
}

export const emptyText = () => new AppError('opinions.emptyText', '意见原文不能为空', 'The opinion text must not be empty');
