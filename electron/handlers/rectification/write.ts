/** Shared write steps for items: checks of linked records, measures, leaders, sources, numbering. */
import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../../db/schema';
import type { itemFields } from '../../common/api/rectification';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import type { SourceCandidate } from '../meetings/sources';

type Db = HandlerContext['db'];
export type ItemFields = z.output<typeof itemFields>;

/** Aspect of this meeting, members of this team: anything else is refused before a row is written. */
export async function checkRefs(db: Db, meetingId: number, fields: Partial<ItemFields>): Promise<void> {
  if (fields.aspectId != null) {
    const aspect = await db.selectFrom('meeting_aspects').select('id').where('id', '=', fields.aspectId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!aspect) throw notFound({ zh: '本次会议的对照检查方面', en: 'Aspect of this meeting' }, fields.aspectId);
  }
  const memberIds = [...(fields.leaderIds ?? []), ...(fields.memberId != null ? [fields.memberId] : [])];
  if (memberIds.length === 0) return;
  const meeting = await db.selectFrom('meetings').select('team_id').where('id', '=', meetingId).executeTakeFirstOrThrow();
  const found = await db.selectFrom('members').select('id').where('team_id', '=', meeting.team_id).where('id', 'in', memberIds).execute();
  const missing = memberIds.find((id) => !found.some((f) => f.id === id));
  if (missing !== undefined) throw notFound({ zh: '本班子成员', en: 'Team member' }, missing);
}

/**
 * 整改来源 and 来源说明 agree: an item of another rectification names its source in the source's own words (as the
 * import requires, and as the 通报 and the exports print it); an item of this meeting has none. `current` is the
 * item before a patch.
 */
export function checkOrigin(fields: Partial<ItemFields>, current: { originKind: string; origin: string } = { originKind: 'meeting', origin: '' }): void {
  const kind = fields.originKind ?? current.originKind;
  const origin = (fields.origin ?? current.origin).trim();
  if (kind !== 'meeting' && !origin) {
    throw new AppError('rectification.originRequired', '其他来源的整改事项须填写来源说明（如“县委第三巡察组反馈意见”），未作任何修改', 'An item of another source needs its origin (e.g. "feedback of the county inspection team"). Nothing was changed');
  }
  if (kind === 'meeting' && origin) {
    throw new AppError('rectification.originForMeeting', '本次民主生活会查摆的问题不填来源说明；如来自巡察、审计等，请先选择整改来源，未作任何修改', 'An item of this meeting has no origin; choose the source (inspection, audit…) first. Nothing was changed');
  }
}

export async function setMeasures(db: Db, itemId: number, measures: readonly string[]): Promise<void> {
  await db.deleteFrom('rectification_measures').where('item_id', '=', itemId).execute();
  let order = 1;
  for (const text of measures) await db.insertInto('rectification_measures').values({ item_id: itemId, sort_order: order++, text }).execute();
}

export async function setLeaders(db: Db, itemId: number, leaderIds: readonly number[]): Promise<void> {
  await db.deleteFrom('rectification_item_leaders').where('item_id', '=', itemId).execute();
  let order = 1;
  for (const memberId of new Set(leaderIds)) await db.insertInto('rectification_item_leaders').values({ item_id: itemId, member_id: memberId, sort_order: order++ }).execute();
}

export async function addSources(ctx: HandlerContext, db: Db, itemId: number, sources: readonly SourceCandidate[]): Promise<void> {
  const at = nowIso(ctx);
  for (const s of sources) {
    await db
      .insertInto('rectification_item_sources')
      .values({ item_id: itemId, source_type: s.type, source_id: s.id, text: s.text.slice(0, 10000), origin: s.origin.slice(0, 200), linked_at: at })
      .onConflict((oc) => oc.columns(['item_id', 'source_type', 'source_id']).doNothing())
      .execute();
  }
  await syncAdoption(db, minutesEntryIds(sources));
}

/** Criticisms and self-criticisms are minutes entries: their ids are the ones the minutes console promotes. */
export const minutesEntryIds = (sources: readonly { type: string; id: number }[]): number[] => sources.filter((s) => s.type === 'criticism' || s.type === 'self_check').map((s) => s.id);

/**
 * An entry promoted in the minutes console is 'adopted' while some item links it (the console then refuses to
 * withdraw it) and 'pending' again once no item does. Called after every write that links or unlinks entries.
 */
export async function syncAdoption(db: Db, entryIds: readonly number[]): Promise<void> {
  if (entryIds.length === 0) return;
  const linked = (eb: ExpressionBuilder<DB, 'minutes_promotions'>) =>
    eb.exists(
      eb
        .selectFrom('rectification_item_sources')
        .select('rectification_item_sources.id')
        .whereRef('rectification_item_sources.source_id', '=', 'minutes_promotions.entry_id')
        .where('rectification_item_sources.source_type', 'in', ['criticism', 'self_check']),
    );
  await db.updateTable('minutes_promotions').set({ status: 'adopted' }).where('entry_id', 'in', entryIds).where(linked).execute();
  await db.updateTable('minutes_promotions').set({ status: 'pending' }).where('entry_id', 'in', entryIds).where((eb) => eb.not(linked(eb))).execute();
}

export function itemColumns(fields: Partial<ItemFields>) {
  const columns: Record<string, unknown> = {};
  if (fields.aspectId !== undefined) columns.aspect_id = fields.aspectId;
  if (fields.memberId !== undefined) columns.member_id = fields.memberId;
  if (fields.problem !== undefined) columns.problem = fields.problem;
  if (fields.target !== undefined) columns.target = fields.target;
  if (fields.unit !== undefined) columns.unit = fields.unit;
  if (fields.ownerPerson !== undefined) columns.owner_person = fields.ownerPerson;
  if (fields.note !== undefined) columns.note = fields.note;
  if (fields.originKind !== undefined) columns.origin_kind = fields.originKind;
  if (fields.origin !== undefined) columns.origin = fields.origin;
  if (fields.deadline !== undefined) {
    columns.deadline_kind = fields.deadline.kind;
    columns.deadline_date = fields.deadline.date;
  }
  return columns;
}

export async function nextSeq(db: Db, listId: number): Promise<number> {
  const row = await db.selectFrom('rectification_items').select((eb) => eb.fn.max('seq').as('max')).where('list_id', '=', listId).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** 序号 1..n in the current order; `first` puts one item at a given position. */
export async function renumber(db: Db, listId: number, place?: { itemId: number; toSeq: number }): Promise<void> {
  const rows = await db.selectFrom('rectification_items').select(['id', 'seq']).where('list_id', '=', listId).orderBy('seq').orderBy('id').execute();
  let ids = rows.map((r) => r.id);
  if (place) {
    ids = ids.filter((id) => id !== place.itemId);
    ids.splice(Math.min(Math.max(place.toSeq - 1, 0), ids.length), 0, place.itemId);
  }
  for (const [index, id] of ids.entries()) {
    const current = rows.find((r) => r.id === id)?.seq;
    if (current !== index + 1) await db.updateTable('rectification_items').set({ seq: index + 1 }).where('id', '=', id).execute();
  }
}

export async function insertItem(ctx: HandlerContext, db: Db, listId: number, fields: ItemFields, seq: number, status: 'not_started' | 'ongoing' = 'not_started'): Promise<number> {
  const at = nowIso(ctx);
  const row = await db
    .insertInto('rectification_items')
    .values({
      list_id: listId,
      seq,
      aspect_id: fields.aspectId,
      member_id: fields.memberId,
      problem: fields.problem,
      target: fields.target,
      unit: fields.unit,
      owner_person: fields.ownerPerson,
      deadline_kind: fields.deadline.kind,
      deadline_date: fields.deadline.date,
      progress: '',
      status: fields.deadline.kind === 'ongoing' ? 'ongoing' : status,
      acceptor: '',
      note: fields.note,
      origin_kind: fields.originKind ?? 'meeting',
      origin: fields.origin ?? '',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setMeasures(db, row.id, fields.measures);
  await setLeaders(db, row.id, fields.leaderIds);
  return row.id;
}
