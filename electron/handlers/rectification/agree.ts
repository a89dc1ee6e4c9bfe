/** 审议通过: the list is frozen as agreed (JSON snapshot); later changes are logged. Also the item history. */
import type { AgreedItem, ItemHistory, RectificationItem, rectificationApi } from '../../common/api/rectification';
import { AppError } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { userToday } from '../settings';
import { chineseDate, deadlineChosen } from '../../common/rectification/model';
import type { HandlerMap } from '../types';
import { ensureList, findList, itemWithList, loadItems, loadList } from './store';
import { evidenceEntry, evidenceOf } from './read';
import { linkedItemIds } from './linkRead';

type Api = typeof rectificationApi;

export function toAgreed(item: RectificationItem): AgreedItem {
  return {
    id: item.id,
    seq: item.seq,
    aspectLabel: item.aspectLabel,
    memberId: item.memberId,
    memberName: item.memberName,
    problem: item.problem,
    sources: item.sources.map((s) => s.origin),
    target: item.target,
    measures: item.measures,
    leaders: item.leaders.map((l) => l.name),
    unit: item.unit,
    ownerPerson: item.ownerPerson,
    deadline: item.deadline,
    note: item.note,
  };
}

export async function agreedSnapshot(ctx: HandlerContext, meetingId: number): Promise<{ agreedOn: string; agreedBy: string; items: AgreedItem[] } | null> {
  const list = await findList(ctx.db, meetingId);
  if (!list) return null;
  const row = await ctx.db.selectFrom('rectification_agreements').selectAll().where('list_id', '=', list.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return { agreedOn: row.agreed_on, agreedBy: row.agreed_by, items: JSON.parse(row.snapshot) as AgreedItem[] };
}

export const agreeHandlers: Pick<HandlerMap<Api>, 'rectification.agree' | 'rectification.agreedVersion' | 'rectification.history'> = {
  async 'rectification.agree'(ctx, input) {
    // 审议日期 is a fact: a date still to come would make every export read 「12月24日审议通过，进展统计至12月3日」.
    const today = await userToday(ctx);
    if (input.agreedOn > today) {
      throw new AppError(
        'rectification.agreedInFuture',
        `审议日期 ${chineseDate(input.agreedOn)} 晚于今天（${chineseDate(today)}），请填写实际审议通过的日期。未作任何修改`,
        `The agreement date ${input.agreedOn} is after today (${today}); enter the day the list was really agreed. Nothing was changed`,
      );
    }
    const items = await loadItems(ctx, input.meetingId, input.agreedOn);
    if (items.length === 0) throw new AppError('rectification.empty', '整改清单还没有事项，不能审议通过', 'The list has no items yet and cannot be agreed');
    // Each item agreed must say who, what and by when: no default stands in for a choice.
    const missing = (i: RectificationItem, en: boolean) =>
      [
        i.leaders.length === 0 ? (en ? 'responsible leader' : '责任领导') : '',
        i.ownerPerson.trim() === '' ? (en ? 'person in charge' : '具体责任人') : '',
        i.measures.length === 0 ? (en ? 'measures' : '整改措施') : '',
        !deadlineChosen(i.deadline) ? (en ? 'deadline' : '整改时限') : '',
      ].filter(Boolean);
    const lacking = items.filter((i) => missing(i, false).length > 0);
    if (lacking.length > 0) {
      const describe = (i: RectificationItem, en: boolean) => {
        const what = missing(i, en);
        return en ? `#${i.seq} (${what.join(', ')})` : `第${i.seq}项（缺${what.join('、')}）`;
      };
      const shown = lacking.slice(0, 30);
      const more = lacking.length > shown.length ? `等 ${lacking.length} 项` : '';
      throw new AppError(
        'rectification.missingOwners',
        `每项整改事项须有责任领导、具体责任人、至少一条整改措施和选定的整改时限，以下事项尚未填写：${shown.map((i) => describe(i, false)).join('；')}${more}。未作任何修改`,
        `Every item needs a responsible leader, a person in charge, at least one measure and a chosen deadline. Missing: ${shown.map((i) => describe(i, true)).join('; ')}${lacking.length > shown.length ? ` and ${lacking.length - shown.length} more` : ''}. Nothing was changed`,
      );
    }
    const snapshot = JSON.stringify(items.map(toAgreed));
    const list = await ensureList(ctx, ctx.db, input.meetingId);
    const at = nowIso(ctx);
    await ctx.db.updateTable('rectification_lists').set({ status: 'agreed', agreed_on: input.agreedOn, agreed_by: input.agreedBy, updated_at: at }).where('id', '=', list.id).execute();
    await ctx.db.insertInto('rectification_agreements').values({ list_id: list.id, agreed_on: input.agreedOn, agreed_by: input.agreedBy, snapshot, created_at: at }).execute();
    return loadList(ctx, input.meetingId);
  },

  'rectification.agreedVersion': (ctx, input) => agreedSnapshot(ctx, input.meetingId),

  async 'rectification.history'(ctx, input): Promise<ItemHistory> {
    const row = await itemWithList(ctx.db, input.itemId);
    const changes = await ctx.db.selectFrom('rectification_changes').selectAll().where('item_id', '=', input.itemId).orderBy('at').orderBy('id').execute();
    const progress = await ctx.db.selectFrom('rectification_progress').selectAll().where('item_id', '=', input.itemId).orderBy('on_date').orderBy('id').execute();
    const evidence = await evidenceOf(ctx.db, { itemIds: [input.itemId] });
    const agreed = await agreedSnapshot(ctx, row.meeting_id);
    const from = progress.map((p) => p.linked_from).filter((x): x is number => x !== null);
    const sourcesOfCopies = new Map(
      (
        await ctx.db
          .selectFrom('rectification_progress')
          .innerJoin('rectification_items', 'rectification_items.id', 'rectification_progress.item_id')
          .select(['rectification_progress.id', 'rectification_items.id as item_id', 'rectification_items.seq'])
          .where('rectification_progress.id', 'in', from.length ? from : [0])
          .execute()
      ).map((r) => [r.id, { itemId: r.item_id, seq: r.seq }]),
    );
    const linkedNow = new Set(await linkedItemIds(ctx.db, input.itemId));
    const fromOf = (entryId: number | null) => {
      const source = entryId === null ? undefined : sourcesOfCopies.get(entryId);
      return source ? { ...source, stillLinked: linkedNow.has(source.itemId) } : null;
    };
    return {
      changes: changes.map((c) => ({ id: c.id, at: c.at, by: c.changed_by, reason: c.reason, field: c.field, before: c.before, after: c.after })),
      progress: progress.map((p) => ({
        id: p.id,
        date: p.on_date,
        kind: p.kind,
        text: p.text,
        by: p.recorded_by,
        statusFrom: p.status_from,
        statusTo: p.status_to,
        noEvidenceReason: p.no_evidence_reason,
        evidence: evidence.filter((e) => e.progress_id === p.id).map(evidenceEntry),
        linkedFrom: fromOf(p.linked_from),
      })),
      agreed: agreed?.items.find((i) => i.id === input.itemId) ?? null,
    };
  },
};
