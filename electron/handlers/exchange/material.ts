/**
 * One member's 对照检查材料 (or the 班子's) as an exchange file: its current content and status, every submitted
 * version and every review record. A member who drafts on their own computer sends it to the secretary, who imports it
 * into the meeting; a material returned with comments travels back the same way. Opinion links stay behind: they
 * point to opinions of the computer where they were made.
 */
import { z } from 'zod';
import { latestVersion } from '../../../db/migrations';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type MaterialExchangePreview, type MaterialExchangeResult } from '../../common/api/exchange';
import { MATERIAL_STATUSES, MATERIAL_STATUS_LABELS, materialContent, type MaterialStatus } from '../../common/api/materials';
import { isRealDate } from '../../common/validation';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import { saveExport } from '../files';
import { userToday } from '../settings';
import { materialRow, meetingInfo, parseContent, syncProblems } from '../materials/store';

const DECISIONS = ['returned', 'approved', 'reopened'] as const;
const stamp = z.string().min(1).max(40);

const materialFileSchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT),
    version: z.literal(EXCHANGE_VERSION),
    scope: z.literal('material'),
    dataVersion: z.number().int().min(1),
    exportedAt: stamp,
    appVersion: z.string().max(40),
    meeting: z.object({ teamName: z.string().min(1).max(100), year: z.number().int().min(1900).max(2100), kind: z.enum(['annual', 'special']), date: z.string().refine(isRealDate), theme: z.string().min(1).max(200) }).strict(),
    author: z.union([z.object({ kind: z.literal('member'), name: z.string().trim().min(1).max(50), position: z.string().max(100) }).strict(), z.object({ kind: z.literal('team') }).strict()]),
    material: z.object({ status: z.enum(MATERIAL_STATUSES), content: materialContent, createdAt: stamp, updatedAt: stamp }).strict(),
    versions: z.array(z.object({ number: z.number().int().min(1).max(100_000), content: materialContent, note: z.string().max(500), submittedAt: stamp }).strict()).max(200),
    reviews: z
      .array(
        z
          .object({
            versionNumber: z.number().int().min(1).nullable(),
            reviewer: z.string().trim().min(1).max(50),
            decision: z.enum(DECISIONS),
            comment: z.string().max(5000),
            deadline: z.string().refine(isRealDate).nullable(),
            reviewedAt: stamp,
          })
          .strict()
          .refine((r) => r.decision === 'approved' || r.comment.trim() !== ''),
      )
      .max(500),
  })
  .strict()
  .refine((f) => new Set(f.versions.map((v) => v.number)).size === f.versions.length)
  .refine((f) => f.reviews.every((r) => r.versionNumber === null || f.versions.some((v) => v.number === r.versionNumber)));

type MaterialFile = z.infer<typeof materialFileSchema>;

const refuse = (code: string, zh: string, en: string) => new AppError(`exchange.${code}`, `材料交换文件无法导入：${zh}`, `The material exchange file cannot be imported: ${en}`);

export async function exportMaterial(ctx: HandlerContext, materialId: number) {
  const row = await materialRow(ctx.db, materialId);
  const meeting = await ctx.db.selectFrom('meetings').innerJoin('teams', 'teams.id', 'meetings.team_id').select(['teams.name', 'meetings.year', 'meetings.kind', 'meetings.date', 'meetings.theme']).where('meetings.id', '=', row.meeting_id).executeTakeFirstOrThrow();
  const member = row.member_id === null ? null : await ctx.db.selectFrom('members').select(['name', 'position']).where('id', '=', row.member_id).executeTakeFirstOrThrow();
  const versions = await ctx.db.selectFrom('material_versions').selectAll().where('material_id', '=', materialId).orderBy('number').execute();
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const reviews = await ctx.db.selectFrom('material_reviews').selectAll().where('material_id', '=', materialId).orderBy('reviewed_at').orderBy('id').execute();
  const file: MaterialFile = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    scope: 'material',
    dataVersion: latestVersion,
    exportedAt: ctx.now().toISOString(),
    appVersion: ctx.appVersion,
    meeting: { teamName: meeting.name, year: meeting.year, kind: meeting.kind, date: meeting.date, theme: meeting.theme },
    author: member ? { kind: 'member', name: member.name, position: member.position } : { kind: 'team' },
    material: { status: row.status, content: parseContent(row.content, row.id), createdAt: row.created_at, updatedAt: row.updated_at },
    versions: versions.map((v) => ({ number: v.number, content: parseContent(v.content, row.id), note: v.note, submittedAt: v.submitted_at })),
    reviews: reviews.map((r) => ({ versionNumber: r.version_id === null ? null : (numberOf.get(r.version_id) ?? null), reviewer: r.reviewer, decision: r.decision, comment: r.comment, deadline: r.deadline, reviewedAt: r.reviewed_at })),
  };
  const author = member?.name ?? '领导班子';
  return saveExport(ctx, {
    kind: 'exchange',
    meetingId: row.meeting_id,
    suggestedName: `对照检查材料交换文件-${author}-${await userToday(ctx)}.json`,
    filters: [{ name: '镜鉴交换文件 Jingjian exchange file', extensions: ['json'] }],
    bytes: new TextEncoder().encode(JSON.stringify(file)),
  });
}

/** The one reader of material exchange files: every problem is a clear bilingual refusal, nothing is written. */
export function parseMaterialFile(bytes: Uint8Array): MaterialFile {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse('notJson', '不是镜鉴交换文件（无法按 UTF-8 JSON 读取）', 'it is not a Jingjian exchange file (not UTF-8 JSON)');
  }
  const head = (json ?? {}) as { format?: unknown; version?: unknown; scope?: unknown; dataVersion?: unknown };
  if (head.format !== EXCHANGE_FORMAT) throw refuse('notExchange', '不是镜鉴交换文件', 'it is not a Jingjian exchange file');
  if (head.scope === undefined && 'tables' in (json as object)) throw refuse('wrongScope', '这是整次会议的交换文件，请在“备份与恢复”页面导入', 'it holds a whole meeting; import it on the "Backup & restore" page');
  if (head.scope !== 'material') throw refuse('invalid', '不是对照检查材料交换文件', 'it is not a material exchange file');
  if (head.version !== EXCHANGE_VERSION) throw refuse('version', `文件格式版本 ${String(head.version)} 不受支持`, `format version ${String(head.version)} is not supported`);
  if (typeof head.dataVersion === 'number' && head.dataVersion > latestVersion) throw refuse('tooNew', '文件来自更新版本的镜鉴，请先升级', 'it comes from a newer Jingjian; upgrade first');
  const parsed = materialFileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '—';
    throw refuse('invalid', `内容格式有误（${where}）`, `its content is malformed (${where})`);
  }
  return parsed.data;
}

interface Plan {
  file: MaterialFile;
  preview: MaterialExchangePreview;
  local: { id: number; revision: number; updatedAt: string } | null;
  /** File versions not here yet, in number order. */
  newVersions: MaterialFile['versions'];
  newReviews: MaterialFile['reviews'];
  /** The versions already here, by submission time and content: reviews of them link to these. */
  localVersionIds: Map<string, number>;
}

const versionKey = (submittedAt: string, content: string) => `${submittedAt}\u0000${content}`;
const reviewKey = (r: { reviewedAt: string; reviewer: string; decision: string; comment: string }) => [r.reviewedAt, r.reviewer, r.decision, r.comment].join('\u0000');

async function plan(ctx: HandlerContext, meetingId: number, bytes: Uint8Array): Promise<Plan> {
  const file = parseMaterialFile(bytes);
  const meeting = await meetingInfo(ctx.db, meetingId);
  const conflicts: MaterialExchangePreview['conflicts'] = [];
  const team = file.author.kind === 'team';
  const authorName = file.author.kind === 'member' ? file.author.name : file.meeting.teamName;
  let memberId: number | null = null;
  if (file.author.kind === 'member') {
    const name = file.author.name;
    const member = await ctx.db.selectFrom('members').select('id').where('team_id', '=', meeting.teamId).where('name', '=', name).executeTakeFirst();
    if (member) memberId = member.id;
    else conflicts.push({ code: 'memberMissing', message: `本班子没有名为「${name}」的成员，请先在“班子与成员”中添加`, messageEn: `This team has no member named "${name}"; add them under "Teams & members" first`, blocking: true });
  }
  if (team && file.meeting.teamName !== meeting.teamName) {
    conflicts.push({
      code: 'otherTeam',
      message: `这是「${file.meeting.teamName}」的班子对照检查材料，不是本班子（${meeting.teamName}）的`,
      messageEn: `This is the team material of "${file.meeting.teamName}", not of this team (${meeting.teamName})`,
      blocking: true,
    });
  } else if (file.meeting.teamName !== meeting.teamName || file.meeting.date !== meeting.date || file.meeting.theme !== meeting.theme) {
    conflicts.push({
      code: 'otherMeeting',
      message: `文件来自「${file.meeting.teamName}」${file.meeting.date}的会议（${file.meeting.theme}），与当前会议不同；导入后将归入当前会议`,
      messageEn: `The file comes from the meeting of "${file.meeting.teamName}" on ${file.meeting.date} (${file.meeting.theme}), not this one; it will be filed under this meeting`,
      blocking: false,
    });
  }
  let localRow = null as null | { id: number; status: MaterialStatus; revision: number; updated_at: string; content: string };
  if (team || memberId !== null) {
    let query = ctx.db.selectFrom('materials').select(['id', 'status', 'revision', 'updated_at', 'content']).where('meeting_id', '=', meetingId);
    query = team ? query.where('member_id', 'is', null) : query.where('member_id', '=', memberId);
    localRow = (await query.executeTakeFirst()) ?? null;
  }
  let newVersions = file.versions;
  let newReviews = file.reviews;
  let existing: MaterialExchangePreview['existing'] = null;
  let replacesContent = true;
  const localVersionIds = new Map<string, number>();
  if (localRow) {
    const versions = await ctx.db.selectFrom('material_versions').select(['id', 'submitted_at', 'content']).where('material_id', '=', localRow.id).execute();
    const reviews = await ctx.db.selectFrom('material_reviews').select(['reviewed_at', 'reviewer', 'decision', 'comment']).where('material_id', '=', localRow.id).execute();
    // Versions compare by their stored JSON: the file's content went through the same schema, so equal text is equal.
    for (const v of versions) localVersionIds.set(versionKey(v.submitted_at, JSON.stringify(parseContent(v.content, localRow.id))), v.id);
    newVersions = file.versions.filter((v) => !localVersionIds.has(versionKey(v.submittedAt, JSON.stringify(v.content))));
    const seen = new Set(reviews.map((r) => reviewKey({ reviewedAt: r.reviewed_at, reviewer: r.reviewer, decision: r.decision, comment: r.comment })));
    newReviews = file.reviews.filter((r) => !seen.has(reviewKey(r)));
    const same = JSON.stringify(parseContent(localRow.content, localRow.id)) === JSON.stringify(file.material.content) && localRow.status === file.material.status;
    // An approval here is never undone by a file: reopening is a decision made here, with its reason.
    const approvedHere = localRow.status === 'approved' && file.material.status !== 'approved';
    replacesContent = !same && !approvedHere && file.material.updatedAt > localRow.updated_at;
    existing = { status: localRow.status, versions: versions.length, updatedAt: localRow.updated_at };
    const label = (s: MaterialStatus) => MATERIAL_STATUS_LABELS[s];
    if (approvedHere) {
      conflicts.push({
        code: 'approvedHere',
        message: `本机的这份材料已审核通过，文件中的内容（${label(file.material.status).zh}）不替换它；只补充本机没有的版本和审核记录。如需修改，请先在本机“重新打开”`,
        messageEn: `This material is approved here, so the file's content (${label(file.material.status).en}) does not replace it; only missing versions and reviews are added. To change it, reopen it here first`,
        blocking: false,
      });
    } else if (same) {
      conflicts.push({ code: 'sameContent', message: '本机已有内容相同的材料', messageEn: 'The same content is already here', blocking: false });
    } else if (replacesContent) {
      conflicts.push({
        code: 'replaces',
        message: `本机已有该材料（${label(localRow.status).zh}）；文件中的内容修改得更晚，将替换本机当前内容（状态改为“${label(file.material.status).zh}”），本机已提交的各版本都会保留`,
        messageEn: `A material is already here (${label(localRow.status).en}); the file's content was changed later and will replace the current content here (status becomes "${label(file.material.status).en}"); every version submitted here is kept`,
        blocking: false,
      });
    } else {
      const nothingToAdd = newVersions.length === 0 && newReviews.length === 0;
      conflicts.push({
        code: 'keepsLocal',
        message: `本机已有该材料（${label(localRow.status).zh}），且本机内容修改得更晚，保留本机内容；${nothingToAdd ? '文件中的版本和审核记录本机都已有' : '只补充文件中本机没有的版本和审核记录'}`,
        messageEn: `A material is already here (${label(localRow.status).en}) and was changed here later, so its content is kept; ${nothingToAdd ? 'every version and review in the file is already here' : 'only the versions and reviews missing here are added'}`,
        blocking: false,
      });
    }
  }
  const blocked = conflicts.some((c) => c.blocking);
  const preview: MaterialExchangePreview = {
    authorName,
    team,
    memberId,
    fileMeeting: { teamName: file.meeting.teamName, date: file.meeting.date, theme: file.meeting.theme },
    status: file.material.status,
    versions: file.versions.length,
    reviews: file.reviews.length,
    exportedAt: file.exportedAt,
    existing,
    action: blocked ? 'blocked' : localRow ? 'merge' : 'create',
    replacesContent: !blocked && replacesContent,
    versionsToAdd: blocked ? 0 : newVersions.length,
    reviewsToAdd: blocked ? 0 : newReviews.length,
    conflicts,
  };
  return { file, preview, local: localRow ? { id: localRow.id, revision: localRow.revision, updatedAt: localRow.updated_at } : null, newVersions, newReviews, localVersionIds };
}

export async function previewMaterial(ctx: HandlerContext, meetingId: number, bytes: Uint8Array): Promise<MaterialExchangePreview> {
  return (await plan(ctx, meetingId, bytes)).preview;
}

/** Imports in one transaction (the dispatch savepoint): a refusal or a failure leaves nothing half-written. */
export async function importMaterial(ctx: HandlerContext, meetingId: number, bytes: Uint8Array): Promise<MaterialExchangeResult> {
  const { file, preview, local, newVersions, newReviews, localVersionIds } = await plan(ctx, meetingId, bytes);
  const blocking = preview.conflicts.find((c) => c.blocking);
  if (blocking) throw new AppError(`exchange.${blocking.code}`, `材料交换文件无法导入：${blocking.message}`, `The material exchange file cannot be imported: ${blocking.messageEn}`);
  let materialId: number;
  if (local) {
    materialId = local.id;
    if (preview.replacesContent) {
      // A higher revision: an editor still open on the old content finds its next autosave stale, not silently lost.
      await ctx.db
        .updateTable('materials')
        .set({ content: JSON.stringify(file.material.content), status: file.material.status, revision: local.revision + 1, updated_at: file.material.updatedAt })
        .where('id', '=', materialId)
        .execute();
      await syncProblems(ctx.db, materialId, file.material.content);
    }
  } else {
    const row = await ctx.db
      .insertInto('materials')
      .values({ meeting_id: meetingId, member_id: preview.memberId, status: file.material.status, content: JSON.stringify(file.material.content), revision: 1, created_at: file.material.createdAt, updated_at: file.material.updatedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    materialId = row.id;
    await syncProblems(ctx.db, materialId, file.material.content);
  }
  // Versions keep their numbers when the material is new here; added ones follow the numbers used here.
  const top = (await ctx.db.selectFrom('material_versions').select((eb) => eb.fn.max('number').as('n')).where('material_id', '=', materialId).executeTakeFirst())?.n ?? 0;
  const idByFileNumber = new Map<number, number>();
  let next = Number(top);
  for (const v of [...newVersions].sort((a, b) => a.number - b.number)) {
    const number = local ? ++next : v.number;
    const row = await ctx.db.insertInto('material_versions').values({ material_id: materialId, number, content: JSON.stringify(v.content), note: v.note, submitted_at: v.submittedAt }).returning('id').executeTakeFirstOrThrow();
    idByFileNumber.set(v.number, row.id);
  }
  // Reviews point to the version they judged: a new one, or the same one already here.
  for (const r of newReviews) {
    let versionId: number | null = null;
    if (r.versionNumber !== null) {
      const v = file.versions.find((x) => x.number === r.versionNumber)!;
      versionId = idByFileNumber.get(v.number) ?? localVersionIds.get(versionKey(v.submittedAt, JSON.stringify(v.content))) ?? null;
    }
    await ctx.db
      .insertInto('material_reviews')
      .values({ material_id: materialId, version_id: versionId, reviewer: r.reviewer, decision: r.decision, comment: r.comment, deadline: r.deadline, reviewed_at: r.reviewedAt })
      .execute();
  }
  return { materialId, created: !local, contentReplaced: local ? preview.replacesContent : true, versionsAdded: newVersions.length, reviewsAdded: newReviews.length };
}
