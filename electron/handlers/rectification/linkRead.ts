/** Reading links (the list, every export): the other items of each item's link group, and how a document names them. */
import type { LinkedItem } from '../../common/api/rectification';
import { ORIGIN_ZH, type ItemStatus, type OriginKind } from '../../common/rectification/model';
import { meetingName, type MeetingNameParts } from '../../common/meetings/name';
import type { HandlerContext } from '../context';

type Db = HandlerContext['db'];

/** The other items of an item's link group (ids), in a stable order. */
export async function linkedItemIds(db: Db, itemId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('rectification_links as mine')
    .innerJoin('rectification_links as other', 'other.link_group', 'mine.link_group')
    .select('other.item_id')
    .where('mine.item_id', '=', itemId)
    .where('other.item_id', '<>', itemId)
    .orderBy('other.item_id')
    .execute();
  return rows.map((r) => r.item_id);
}

export interface ItemPlace {
  id: number;
  listId: number;
  meetingId: number;
  meetingName: string;
  seq: number;
  originKind: OriginKind;
  origin: string;
  status: ItemStatus;
}

const sourceName = (p: { originKind: OriginKind; origin: string }) => p.origin || ORIGIN_ZH[p.originKind];

/** 「与本清单第7项（县委第三巡察组反馈意见）为同一问题」, 「与2024年度民主生活会整改清单第3项（民主生活会）为同一问题」. */
export function linkPhrase(other: { sameList: boolean; meetingName: string; seq: number; originKind: OriginKind; origin: string }): string {
  const where = other.sameList ? '本清单' : `${other.meetingName}整改清单`;
  return `与${where}第${other.seq}项（${sourceName(other)}）为同一问题`;
}

export const placeColumns = [
  'rectification_items.id',
  'rectification_items.list_id',
  'rectification_items.seq',
  'rectification_items.origin_kind',
  'rectification_items.origin',
  'rectification_items.status',
  'rectification_lists.meeting_id',
  'meetings.kind',
  'meetings.trigger',
  'meetings.year',
  'meetings.team_id',
] as const;

export function place(r: { id: number; list_id: number; seq: number; origin_kind: OriginKind; origin: string; status: ItemStatus; meeting_id: number; kind: 'annual' | 'special'; trigger: MeetingNameParts['trigger']; year: number }): ItemPlace {
  return {
    id: r.id,
    listId: r.list_id,
    meetingId: r.meeting_id,
    meetingName: meetingName({ teamName: '', kind: r.kind, trigger: r.trigger, year: r.year }).short,
    seq: r.seq,
    originKind: r.origin_kind,
    origin: r.origin,
    status: r.status,
  };
}

export function placed(db: Db) {
  return db
    .selectFrom('rectification_items')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .innerJoin('meetings', 'meetings.id', 'rectification_lists.meeting_id');
}

/**
 * For each item of a list (or of every list of a team): the other items of its link group, as the list and every
 * export name them. In a team-wide view (回头看) every link names its list. One query.
 */
export async function linksOfList(db: Db, listId: number): Promise<Map<number, LinkedItem[]>> {
  return linksOf(db, { listId });
}

export async function linksOf(db: Db, scope: { listId: number } | { teamId: number }): Promise<Map<number, LinkedItem[]>> {
  let query = placed(db)
    .innerJoin('rectification_links as other', 'other.item_id', 'rectification_items.id')
    .innerJoin('rectification_links as mine', (join) => join.onRef('mine.link_group', '=', 'other.link_group').onRef('mine.item_id', '<>', 'other.item_id'))
    .innerJoin('rectification_items as here', 'here.id', 'mine.item_id')
    .select(placeColumns)
    .select('mine.item_id as for_item');
  query = 'listId' in scope ? query.where('here.list_id', '=', scope.listId) : query.where('meetings.team_id', '=', scope.teamId);
  const rows = await query.orderBy('meetings.date').orderBy('rectification_items.seq').execute();
  const listId = 'listId' in scope ? scope.listId : null;
  const out = new Map<number, LinkedItem[]>();
  for (const r of rows) {
    const p = place(r);
    const sameList = p.listId === listId;
    const linked: LinkedItem = { itemId: p.id, meetingId: p.meetingId, meetingName: p.meetingName, sameList, seq: p.seq, originKind: p.originKind, origin: p.origin, status: p.status, phrase: linkPhrase({ ...p, sameList }) };
    out.set(r.for_item, [...(out.get(r.for_item) ?? []), linked]);
  }
  return out;
}
