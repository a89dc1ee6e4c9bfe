import type { opinionsApi } from '../../common/api/opinions';
import { AppError } from '../../common/result';
import { nowIso } from '../context';
import { withUndo } from '../undo';
import type { HandlerMap } from '../types';
import { recordErasure, runErasures } from './erasure';
import { exportFeedback, exportStats, exportSummary, exportTemplate } from './exports';
import { importCommit, importPreview } from './importing';
import { classify, confirmSingles, detach, duplicates, merge, unmerge, updateConsolidated } from './sorting';
import { computeStats } from './stats';
import { assertClassification, assertOwnOpinions, freshId, getBoard, getRaw, insertOpinion, listForms, meetingTeam } from './store';

export const opinionsHandlers: HandlerMap<typeof opinionsApi> = {
  'opinions.board': (ctx, input) => getBoard(ctx, input.meetingId),
  async 'opinions.create'(ctx, input) {
    await assertClassification(ctx.db, input.meetingId, input.opinion.targetMemberId, input.opinion.aspectId);
    const id = await insertOpinion(ctx, ctx.db, input.meetingId, input.opinion);
    return getRaw(ctx.db, id);
  },
  async 'opinions.createBatch'(ctx, input) {
    const targetOf = new Map((input.targets ?? []).map((t) => [t.index, t.targetMemberId]));
    const entries = input.texts
      .map((text, i) => ({ text, targetMemberId: targetOf.has(i) ? targetOf.get(i)! : input.common.targetMemberId }))
      .filter((e) => e.text.trim() !== '');
    if (entries.length === 0) throw new AppError('opinions.emptyBatch', '没有可保存的意见：粘贴的内容为空', 'Nothing to save: the pasted text is empty');
    for (const target of new Set([input.common.targetMemberId, ...entries.map((e) => e.targetMemberId)])) {
      await assertClassification(ctx.db, input.meetingId, target, input.common.aspectId);
    }
    const ids: number[] = [];
    for (const [i, e] of entries.entries()) ids.push(await insertOpinion(ctx, ctx.db, input.meetingId, { ...input.common, ...e }, { position: i + 1 }));
    return Promise.all(ids.map((id) => getRaw(ctx.db, id)));
  },
  async 'opinions.update'(ctx, input) {
    const current = await getRaw(ctx.db, input.id);
    const v = input.opinion;
    await assertClassification(ctx.db, current.meetingId, v.targetMemberId, v.aspectId);
    // Made anonymous: the row takes a new random id and leaves its batch position, and its entry time goes.
    const newId = v.anonymous && !current.anonymous ? await freshId(ctx.db) : current.id;
    await ctx.db
      .updateTable('opinions')
      .set({
        channel: v.channel,
        source: v.source,
        received_on: v.date,
        target_member_id: v.targetMemberId,
        aspect_id: v.aspectId,
        text: v.text,
        anonymous: v.anonymous ? 1 : 0,
        submitter: v.anonymous ? null : v.submitter.trim() || null,
        ...(v.anonymous ? { created_at: null } : current.anonymous ? { created_at: nowIso(ctx) } : {}),
        ...(newId !== current.id ? { id: newId, position: 0 } : {}),
      })
      .where('id', '=', input.id)
      .execute();
    if (newId !== current.id) {
      // Nor in the WAL or the backups: restoring one must not bring the name back. Recorded in this transaction, done
      // after the commit, and redone at the next start if the app stops before it is done.
      recordErasure(ctx, current.id);
      ctx.afterCommit(() => {
        const { failed } = runErasures(ctx.sqlite, ctx.dataFile, ctx.connection.key);
        if (failed.length > 0) console.warn(`opinion made anonymous: ${failed.length} backups could not be amended yet`, failed);
      });
    }
    return getRaw(ctx.db, newId);
  },
  async 'opinions.delete'(ctx, input) {
    await assertOwnOpinions(ctx.db, input.meetingId, input.ids);
    const label = { zh: `删除意见 ${input.ids.length} 条`, en: `Deleted ${input.ids.length} opinion(s)` };
    return withUndo(ctx, 'opinions', input.meetingId, label, async () => {
      const result = await ctx.db.deleteFrom('opinions').where('meeting_id', '=', input.meetingId).where('id', 'in', input.ids).executeTakeFirst();
      await ctx.db
        .deleteFrom('consolidated_opinions')
        .where('meeting_id', '=', input.meetingId)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('opinions').select('opinions.id').whereRef('opinions.consolidated_id', '=', 'consolidated_opinions.id'))))
        .execute();
      return Number(result.numDeletedRows);
    });
  },
  async 'opinions.classify'(ctx, input) {
    await classify(ctx, input);
    return getBoard(ctx, input.meetingId);
  },
  'opinions.merge': (ctx, { meetingId, opinionIds, ...values }) =>
    withUndo(ctx, 'opinions', meetingId, { zh: `合并意见 ${opinionIds.length} 条`, en: `Merged ${opinionIds.length} opinions` }, () => merge(ctx, meetingId, opinionIds, values)),
  'opinions.updateConsolidated': (ctx, { id, ...values }) => updateConsolidated(ctx, id, values),
  async 'opinions.unmerge'(ctx, input) {
    const group = await ctx.db.selectFrom('consolidated_opinions').select('meeting_id').where('id', '=', input.id).executeTakeFirst();
    return withUndo(ctx, 'opinions', group?.meeting_id ?? null, { zh: '撤销合并', en: 'Split a merged opinion' }, () => unmerge(ctx, input.id));
  },
  async 'opinions.detach'(ctx, input) {
    const raw = await getRaw(ctx.db, input.opinionId);
    await detach(ctx, raw.meetingId, raw.id);
    return getBoard(ctx, raw.meetingId);
  },
  'opinions.confirmSingles': (ctx, input) => confirmSingles(ctx, input.meetingId, input.handling),
  'opinions.duplicates': (ctx, input) => duplicates(ctx, input.meetingId, input.threshold),
  async 'opinions.setForms'(ctx, input) {
    await meetingTeam(ctx.db, input.meetingId);
    const values = { issued: input.issued, returned: input.returned };
    await ctx.db
      .insertInto('opinion_forms')
      .values({ meeting_id: input.meetingId, channel: input.channel, ...values })
      .onConflict((oc) => oc.columns(['meeting_id', 'channel']).doUpdateSet(values))
      .execute();
    return listForms(ctx.db, input.meetingId);
  },
  'opinions.stats': (ctx, input) => computeStats(ctx, input.meetingId),
  'opinions.importPreview': (ctx, input) => importPreview(ctx, input.meetingId, input.files),
  'opinions.importCommit': (ctx, input) => importCommit(ctx, input.meetingId, input.files, input.skipInvalid),
  async 'opinions.exportTemplate'(ctx, input) {
    await meetingTeam(ctx.db, input.meetingId);
    return exportTemplate(ctx, input.meetingId);
  },
  async 'opinions.exportSummary'(ctx, input) {
    await meetingTeam(ctx.db, input.meetingId);
    return exportSummary(ctx, input.meetingId, input.format);
  },
  async 'opinions.exportStats'(ctx, input) {
    await meetingTeam(ctx.db, input.meetingId);
    return exportStats(ctx, input.meetingId);
  },
  async 'opinions.exportFeedback'(ctx, input) {
    await meetingTeam(ctx.db, input.meetingId);
    return exportFeedback(ctx, input.meetingId, input.memberIds, input.format);
  },
};
