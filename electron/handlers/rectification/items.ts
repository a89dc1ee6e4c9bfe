/** Building the list: add, edit (with a change log once agreed), delete, merge, split, link sources, reorder. */
import type { rectificationApi } from '../../common/api/rectification';
import { deadlineText, type ChangeField } from '../../common/rectification/model';
import { AppError, notFound } from '../../common/result';
import { nowIso } from '../context';
import type { HandlerMap } from '../types';
import { ITEM, ensureList, itemWithList, loadItems, loadList, refuseUnlessDraft } from './store';
import { resolveSources } from './sources';
import { addSources, checkOrigin, checkRefs, insertItem, itemColumns, minutesEntryIds, nextSeq, renumber, setLeaders, setMeasures, syncAdoption, type ItemFields } from './write';
import { withUndo } from '../undo';

type Api = typeof rectificationApi;
type Keys = 'rectification.createItem' | 'rectification.updateItem' | 'rectification.deleteItem' | 'rectification.merge' | 'rectification.split' | 'rectification.linkSource' | 'rectification.unlinkSource' | 'rectification.move';

/** Text of a tracked field as a person reads it, for the change log. */
function tracked(item: { problem: string; measures: string[]; leaders: { name: string }[]; unit: string; ownerPerson: string; deadline: ItemFields['deadline'] }, field: ChangeField): string {
  switch (field) {
    case 'problem':
      return item.problem;
    case 'measures':
      return item.measures.map((m, i) => `${i + 1}. ${m}`).join('\n');
    case 'leaders':
      return item.leaders.map((l) => l.name).join('、');
    case 'unit':
      return item.unit;
    case 'ownerPerson':
      return item.ownerPerson;
    case 'deadline':
      return deadlineText(item.deadline);
  }
}

const FIELD_OF_PATCH: Record<ChangeField, keyof ItemFields> = { problem: 'problem', measures: 'measures', leaders: 'leaderIds', unit: 'unit', ownerPerson: 'ownerPerson', deadline: 'deadline' };

export const itemHandlers: Pick<HandlerMap<Api>, Keys> = {
  async 'rectification.createItem'(ctx, input) {
    await checkRefs(ctx.db, input.meetingId, input.item);
    checkOrigin(input.item);
    const sources = await resolveSources(ctx, input.meetingId, input.sources);
    const list = await ensureList(ctx, ctx.db, input.meetingId);
    const id = await insertItem(ctx, ctx.db, list.id, input.item, await nextSeq(ctx.db, list.id));
    await addSources(ctx, ctx.db, id, sources);
    return loadList(ctx, input.meetingId);
  },

  async 'rectification.updateItem'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    await checkRefs(ctx.db, row.meeting_id, input.patch);
    const before = (await loadItems(ctx, row.meeting_id, '2000-01-01')).find((i) => i.id === input.itemId);
    if (!before) throw notFound(ITEM, input.itemId);
    checkOrigin(input.patch, before);
    const changes: { field: ChangeField; before: string; after: string }[] = [];
    if (row.list_status === 'agreed') {
      const memberNames = new Map((await ctx.db.selectFrom('members').select(['id', 'name']).execute()).map((m) => [m.id, m.name]));
      const after = {
        problem: input.patch.problem ?? before.problem,
        measures: input.patch.measures ?? before.measures,
        leaders: input.patch.leaderIds ? input.patch.leaderIds.map((id) => ({ name: memberNames.get(id) ?? '' })) : before.leaders,
        unit: input.patch.unit ?? before.unit,
        ownerPerson: input.patch.ownerPerson ?? before.ownerPerson,
        deadline: input.patch.deadline ?? before.deadline,
      };
      for (const field of Object.keys(FIELD_OF_PATCH) as ChangeField[]) {
        if (input.patch[FIELD_OF_PATCH[field]] === undefined) continue;
        const [was, now] = [tracked(before, field), tracked(after, field)];
        if (was !== now) changes.push({ field, before: was, after: now });
      }
      if (changes.length > 0 && !input.change) {
        throw new AppError(
          'rectification.reasonRequired',
          '整改清单已审议通过，修改问题表现、整改措施、责任人或整改时限须填写经办人和修改原因，未作任何修改',
          'The list has been agreed: changing the problem, measures, owners or deadline needs who and why; nothing was changed',
        );
      }
    }
    const columns = itemColumns(input.patch);
    await ctx.db.updateTable('rectification_items').set({ ...columns, updated_at: nowIso(ctx) }).where('id', '=', input.itemId).execute();
    if (input.patch.measures) await setMeasures(ctx.db, input.itemId, input.patch.measures);
    if (input.patch.leaderIds) await setLeaders(ctx.db, input.itemId, input.patch.leaderIds);
    for (const change of changes) {
      await ctx.db
        .insertInto('rectification_changes')
        .values({ item_id: input.itemId, at: nowIso(ctx), changed_by: input.change!.by, reason: input.change!.reason, ...change })
        .execute();
    }
    return loadList(ctx, row.meeting_id);
  },

  async 'rectification.deleteItem'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    refuseUnlessDraft(row.list_status, '删除事项（请改为备注说明）', 'delete items (explain in the note instead)');
    const sources = await ctx.db.selectFrom('rectification_item_sources').select(['source_type as type', 'source_id as id']).where('item_id', '=', input.itemId).execute();
    await withUndo(ctx, 'rectification', row.meeting_id, { zh: `删除第 ${row.seq} 项`, en: `Deleted item ${row.seq}` }, async () => {
        await ctx.db.deleteFrom('rectification_items').where('id', '=', input.itemId).execute();
        await renumber(ctx.db, row.list_id);
        await syncAdoption(ctx.db, minutesEntryIds(sources));
      });
    return loadList(ctx, row.meeting_id);
  },

  async 'rectification.merge'(ctx, input) {
    const rows = await Promise.all(input.itemIds.map((id) => itemWithList(ctx.db, id)));
    const meetingId = rows[0].meeting_id;
    if (rows.some((r) => r.list_id !== rows[0].list_id)) {
      throw new AppError('rectification.mixedLists', '只能合并同一清单中的事项', 'Only items of the same list can be merged');
    }
    if (new Set(input.itemIds).size !== input.itemIds.length) throw new AppError('rectification.duplicate', '合并的事项有重复', 'The same item was given twice');
    refuseUnlessDraft(rows[0].list_status, '合并事项', 'merge items');
    const items = (await loadItems(ctx, meetingId, '2000-01-01')).filter((i) => input.itemIds.includes(i.id)).sort((a, b) => a.seq - b.seq);
    const [keep, ...rest] = items;
    const join = (texts: string[], sep: string) => texts.map((t) => t.trim()).filter((t, i, all) => t && all.indexOf(t) === i).join(sep);
    const problem = join(items.map((i) => i.problem), '\n');
    if (problem.length > 4000) throw new AppError('rectification.tooLong', '合并后的问题表现超过 4000 字，请先精简', 'The merged problem would exceed 4000 characters; shorten it first');
    const label = { zh: `合并 ${items.length} 项`, en: `Merged ${items.length} items` };
    await withUndo(ctx, 'rectification', meetingId, label, async () => {
      await ctx.db
        .updateTable('rectification_items')
        .set({ problem, target: join(items.map((i) => i.target), '\n').slice(0, 2000), note: join(items.map((i) => i.note), '；').slice(0, 1000), updated_at: nowIso(ctx) })
        .where('id', '=', keep.id)
        .execute();
      await setMeasures(ctx.db, keep.id, [...new Set(items.flatMap((i) => i.measures))]);
      await setLeaders(ctx.db, keep.id, items.flatMap((i) => i.leaders.map((l) => l.memberId)));
      for (const other of rest) {
        await addSources(ctx, ctx.db, keep.id, other.sources.map((s) => ({ ...s, aspectId: null, memberId: null })));
        await ctx.db.updateTable('rectification_evidence').set({ item_id: keep.id }).where('item_id', '=', other.id).execute();
        await ctx.db.deleteFrom('rectification_items').where('id', '=', other.id).execute();
      }
      await renumber(ctx.db, rows[0].list_id);
    });
    return loadList(ctx, meetingId);
  },

  async 'rectification.split'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    refuseUnlessDraft(row.list_status, '拆分事项', 'split items');
    const item = (await loadItems(ctx, row.meeting_id, '2000-01-01')).find((i) => i.id === input.itemId)!;
    const label = { zh: `拆分第 ${item.seq} 项`, en: `Split item ${item.seq}` };
    await withUndo(ctx, 'rectification', row.meeting_id, label, async () => {
      await ctx.db.updateTable('rectification_items').set({ problem: input.problems[0], updated_at: nowIso(ctx) }).where('id', '=', item.id).execute();
      let seq = item.seq;
      for (const problem of input.problems.slice(1)) {
        const fields: ItemFields = { aspectId: item.aspectId, memberId: item.memberId, problem, target: item.target, measures: item.measures, leaderIds: item.leaders.map((l) => l.memberId), unit: item.unit, ownerPerson: item.ownerPerson, deadline: item.deadline, note: item.note };
        const id = await insertItem(ctx, ctx.db, row.list_id, fields, seq);
        await addSources(ctx, ctx.db, id, item.sources.map((s) => ({ ...s, aspectId: null, memberId: null })));
        await renumber(ctx.db, row.list_id, { itemId: id, toSeq: ++seq });
      }
    });
    return loadList(ctx, row.meeting_id);
  },

  async 'rectification.linkSource'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    const [source] = await resolveSources(ctx, row.meeting_id, [input.source]);
    await addSources(ctx, ctx.db, input.itemId, [source]);
    return loadList(ctx, row.meeting_id);
  },

  async 'rectification.unlinkSource'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    refuseUnlessDraft(row.list_status, '移除问题来源', 'remove sources');
    const result = await ctx.db
      .deleteFrom('rectification_item_sources')
      .where('item_id', '=', input.itemId)
      .where('source_type', '=', input.source.type)
      .where('source_id', '=', input.source.id)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound({ zh: '该事项的问题来源', en: 'Source of this item' }, input.source.id);
    await syncAdoption(ctx.db, minutesEntryIds([input.source]));
    return loadList(ctx, row.meeting_id);
  },

  async 'rectification.move'(ctx, input) {
    const row = await itemWithList(ctx.db, input.itemId);
    refuseUnlessDraft(row.list_status, '调整序号', 'reorder items');
    await renumber(ctx.db, row.list_id, { itemId: input.itemId, toSeq: input.toSeq });
    return loadList(ctx, row.meeting_id);
  },
};
