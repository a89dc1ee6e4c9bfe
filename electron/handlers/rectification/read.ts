/**
 * Reading a meeting's list: one query per table for the whole list (a list may hold 2,000 items), assembled here.
 * Imports nothing from the meetings handlers, so the dashboard and facts registries can use it without a cycle.
 */
import type { Evidence, RectificationItem } from '../../common/api/rectification';
import { isOverdue } from '../../common/rectification/overdue';
import { AppError, notFound } from '../../common/result';
import type { HandlerContext } from '../context';
import { linksOfList } from './linkRead';

type Db = HandlerContext['db'];
export const ITEM = { zh: '整改事项', en: 'Rectification item' };

export async function findList(db: Db, meetingId: number) {
  return db.selectFrom('rectification_lists').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** An item with its list and meeting; refuses unknown ids. */
export async function itemWithList(db: Db, itemId: number) {
  const row = await db
    .selectFrom('rectification_items')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .selectAll('rectification_items')
    .select(['rectification_lists.meeting_id', 'rectification_lists.status as list_status'])
    .where('rectification_items.id', '=', itemId)
    .executeTakeFirst();
  if (!row) throw notFound(ITEM, itemId);
  return row;
}

export function refuseUnlessDraft(status: 'draft' | 'agreed', zh: string, en: string): void {
  if (status !== 'draft') throw new AppError('rectification.agreed', `整改清单已审议通过，不能${zh}`, `The list has been agreed; you cannot ${en}`);
}

/**
 * The evidence rows of some items, with what is known of the stored file (never its bytes: a list of 2,000 items
 * must not read megabytes).
 */
export function evidenceOf(db: Db, where: { listId: number } | { itemIds: number[] }) {
  const itemIds = 'listId' in where ? db.selectFrom('rectification_items').select('id').where('list_id', '=', where.listId) : where.itemIds.length ? where.itemIds : [0];
  return db
    .selectFrom('rectification_evidence')
    .leftJoin('rectification_evidence_files', 'rectification_evidence_files.evidence_id', 'rectification_evidence.id')
    .select(['rectification_evidence.id', 'rectification_evidence.item_id', 'rectification_evidence.progress_id', 'rectification_evidence.name', 'rectification_evidence.path'])
    .select(['rectification_evidence_files.format', 'rectification_evidence_files.bytes'])
    .where('rectification_evidence.item_id', 'in', itemIds)
    .orderBy('rectification_evidence.id')
    .execute();
}

type EvidenceRow = Awaited<ReturnType<typeof evidenceOf>>[number];

export function evidenceEntry(x: EvidenceRow): Evidence {
  return { id: x.id, name: x.name, path: x.path, progressId: x.progress_id, stored: x.format !== null, format: x.format, bytes: x.bytes ?? 0 };
}

export async function loadItems(ctx: HandlerContext, meetingId: number, today: string): Promise<RectificationItem[]> {
  const list = await findList(ctx.db, meetingId);
  if (!list) return [];
  const rows = await ctx.db
    .selectFrom('rectification_items')
    .leftJoin('meeting_aspects', 'meeting_aspects.id', 'rectification_items.aspect_id')
    .leftJoin('members', 'members.id', 'rectification_items.member_id')
    .selectAll('rectification_items')
    .select(['meeting_aspects.label as aspect_label', 'members.name as member_name'])
    .where('rectification_items.list_id', '=', list.id)
    .orderBy('rectification_items.seq')
    .execute();
  const itemIds = ctx.db.selectFrom('rectification_items').select('id').where('list_id', '=', list.id);
  const measures = await ctx.db.selectFrom('rectification_measures').select(['item_id', 'text']).where('item_id', 'in', itemIds).orderBy('item_id').orderBy('sort_order').execute();
  const leaders = await ctx.db
    .selectFrom('rectification_item_leaders')
    .innerJoin('members', 'members.id', 'rectification_item_leaders.member_id')
    .select(['rectification_item_leaders.item_id', 'members.id as member_id', 'members.name'])
    .where('rectification_item_leaders.item_id', 'in', itemIds)
    .orderBy('rectification_item_leaders.sort_order')
    .execute();
  const sources = await ctx.db.selectFrom('rectification_item_sources').selectAll().where('item_id', 'in', itemIds).orderBy('id').execute();
  const evidence = await evidenceOf(ctx.db, { listId: list.id });
  const changes = await ctx.db
    .selectFrom('rectification_changes')
    .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', 'in', itemIds)
    .groupBy('item_id')
    .execute();
  const by = <T extends { item_id: number }>(all: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of all) map.set(row.item_id, [...(map.get(row.item_id) ?? []), row]);
    return map;
  };
  const [m, l, s, e] = [by(measures), by(leaders), by(sources), by(evidence)];
  const c = new Map(changes.map((x) => [x.item_id, Number(x.n)]));
  const links = await linksOfList(ctx.db, list.id);
  return rows.map((r) => {
    const item: RectificationItem = {
      id: r.id,
      seq: r.seq,
      aspectId: r.aspect_id,
      aspectLabel: r.aspect_label ?? '',
      memberId: r.member_id,
      memberName: r.member_name ?? '',
      problem: r.problem,
      target: r.target,
      measures: (m.get(r.id) ?? []).map((x) => x.text),
      leaders: (l.get(r.id) ?? []).map((x) => ({ memberId: x.member_id, name: x.name })),
      unit: r.unit,
      ownerPerson: r.owner_person,
      deadline: { kind: r.deadline_kind, date: r.deadline_date },
      progress: r.progress,
      status: r.status,
      overdue: false,
      closedOn: r.closed_on,
      acceptor: r.acceptor,
      note: r.note,
      evidence: (e.get(r.id) ?? []).map(evidenceEntry),
      noEvidenceReason: r.no_evidence_reason,
      originKind: r.origin_kind,
      origin: r.origin,
      closedWithoutEvidence: r.status === 'closed' && !(e.get(r.id) ?? []).some((x) => x.format !== null),
      sources: (s.get(r.id) ?? []).map((x) => ({ type: x.source_type, id: x.source_id, text: x.text, origin: x.origin })),
      linked: links.get(r.id) ?? [],
      changes: c.get(r.id) ?? 0,
    };
    item.overdue = isOverdue(item, today);
    return item;
  });
}

