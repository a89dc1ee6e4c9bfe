import type { materialsApi } from '../../common/api/materials';
import { charCount, createIdGenerator, materialTemplate, problemItems, type Material } from '../../common/materials';
import { AppError } from '../../common/result';
import { nowIso } from '../context';
import type { HandlerMap } from '../types';
import { exportMaterials } from './exports';
import { parseMaterial } from './importing';
import { reopen, review, submit, withdraw } from './review';
import { assertEditable, authorOf, getDetail, listSummaries, materialRow, meetingInfo, parseContent, syncProblems, type MeetingInfo } from './store';
import { meetingName } from '../../common/meetings/name';

/** The outline a member starts from: title for the meeting, the meeting's aspects as blocks, causes and measures. */
function template(meeting: MeetingInfo, team: boolean): Material {
  const name = meetingName(meeting).short;
  const title = team ? `${meeting.teamName}领导班子${name}对照检查材料` : `${name}个人对照检查材料`;
  return materialTemplate({ title, aspects: meeting.aspects.map((a) => a.label), newId: createIdGenerator(), caseAnalysis: meeting.rules.caseAnalysis });
}

export const materialsHandlers: HandlerMap<typeof materialsApi> = {
  'materials.list': (ctx, input) => listSummaries(ctx, input.meetingId),
  'materials.get': (ctx, input) => getDetail(ctx, input.id),
  async 'materials.create'(ctx, input) {
    const meeting = await meetingInfo(ctx.db, input.meetingId);
    await authorOf(ctx.db, meeting, input.memberId);
    const content = input.content ?? template(meeting, input.memberId === null);
    let existing = ctx.db.selectFrom('materials').select('id').where('meeting_id', '=', input.meetingId);
    existing = input.memberId === null ? existing.where('member_id', 'is', null) : existing.where('member_id', '=', input.memberId);
    if (await existing.executeTakeFirst()) {
      throw new AppError('materials.exists', '此人在本次会议已有对照检查材料，请打开后导入或修改', 'This person already has a material for this meeting; open it to import or edit');
    }
    const now = nowIso(ctx);
    const row = await ctx.db
      .insertInto('materials')
      .values({ meeting_id: input.meetingId, member_id: input.memberId, status: 'draft', content: JSON.stringify(content), revision: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncProblems(ctx.db, row.id, content);
    const id = row.id;
    return getDetail(ctx, id);
  },
  async 'materials.save'(ctx, input) {
    const row = await materialRow(ctx.db, input.id);
    assertEditable(row.status);
    if (input.revision <= row.revision) {
      return { revision: row.revision, stale: true, updatedAt: row.updated_at, charCount: charCount(parseContent(row.content, row.id)) };
    }
    const now = nowIso(ctx);
    await ctx.db.updateTable('materials').set({ content: JSON.stringify(input.content), revision: input.revision, updated_at: now }).where('id', '=', input.id).execute();
    await syncProblems(ctx.db, input.id, input.content);
    return { revision: input.revision, stale: false, updatedAt: now, charCount: charCount(input.content) };
  },
  'materials.parse': (_ctx, input) => parseMaterial(input),
  'materials.submit': (ctx, input) => submit(ctx, input.id, input.note),
  'materials.withdraw': (ctx, input) => withdraw(ctx, input.id),
  'materials.review': (ctx, input) => review(ctx, input),
  'materials.reopen': (ctx, input) => reopen(ctx, input),
  async 'materials.version'(ctx, input) {
    const v = await ctx.db.selectFrom('material_versions').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!v) throw new AppError('notFound', `材料版本（编号 ${input.id}）不存在`, `Material version #${input.id} does not exist`);
    const content = parseContent(v.content, v.material_id);
    return { info: { id: v.id, number: v.number, note: v.note, submittedAt: v.submitted_at, charCount: charCount(content) }, content };
  },
  async 'materials.link'(ctx, input) {
    const row = await materialRow(ctx.db, input.id);
    assertEditable(row.status);
    const problem = await ctx.db.selectFrom('material_problems').select('id').where('material_id', '=', input.id).where('node_id', '=', input.nodeId).executeTakeFirst();
    if (!problem || !problemItems(parseContent(row.content, row.id)).some((p) => p.item.id === input.nodeId)) {
      throw new AppError('materials.unknownProblem', '要关联的问题不在材料中（可能已被删除），未作任何修改', 'The problem to link is not in the material (it may have been deleted); nothing was changed');
    }
    const ids = [...new Set(input.opinionIds)];
    if (ids.length > 0) {
      let mine = ctx.db.selectFrom('opinions').select('id').where('meeting_id', '=', row.meeting_id).where('id', 'in', ids);
      mine = row.member_id === null ? mine.where('target_member_id', 'is', null) : mine.where('target_member_id', '=', row.member_id);
      const found = new Set((await mine.execute()).map((o) => o.id));
      const foreign = ids.find((i) => !found.has(i));
      if (foreign !== undefined) {
        throw new AppError('materials.foreignOpinion', `意见（编号 ${foreign}）不存在或不是针对本人的意见，未作任何修改`, `Opinion #${foreign} does not exist or is not addressed to this person; nothing was changed`);
      }
    }
    await ctx.db.deleteFrom('material_opinion_links').where('problem_id', '=', problem.id).execute();
    for (const opinionId of ids) await ctx.db.insertInto('material_opinion_links').values({ problem_id: problem.id, opinion_id: opinionId }).execute();
    await ctx.db.updateTable('materials').set({ updated_at: nowIso(ctx) }).where('id', '=', input.id).execute();
    return getDetail(ctx, input.id);
  },
  'materials.export': (ctx, input) => exportMaterials(ctx, input),
};
