/** Word (GB/T 9704) and plain-text files of one material or of every material of a meeting. */
import type { SavedMaterialExport } from '../../common/api/materials';
import { toText } from '../../common/materials';
import { AppError, notFound } from '../../common/result';
import { buildGbtDocument } from '../../documents/gbt9704';
import { localDate, type HandlerContext } from '../context';
import { readSettings, userTimeZone } from '../settings';
import { saveExport, type BuiltFile, type SavedFile } from '../files';
import { materialBlocks } from './document';
import { authorOf, MATERIAL, meetingInfo, parseContent, type MeetingInfo } from './store';
import { meetingName } from '../../common/meetings/name';

const FILTERS = {
  docx: [{ name: 'Word 文档', extensions: ['docx'] }],
  txt: [{ name: '文本文件', extensions: ['txt'] }],
};

export async function exportMaterials(ctx: HandlerContext, input: { meetingId: number; ids: number[] | null; format: 'docx' | 'txt' }): Promise<SavedMaterialExport> {
  const files = await materialFiles(ctx, input);
  let targetDir: string | undefined;
  if (files.length > 1) {
    const dir = await ctx.files.chooseDirectory();
    if (!dir) return { saved: false, files: [] };
    targetDir = dir;
  }
  const saved: SavedFile[] = [];
  for (const file of files) {
    const result = await saveExport(ctx, { kind: `materials.${input.format}`, meetingId: input.meetingId, suggestedName: file.name, filters: FILTERS[input.format], bytes: file.bytes, targetDir });
    if (!result.saved) break;
    saved.push(result);
  }
  return { saved: saved.length > 0, files: saved.map((f) => ({ path: f.path as string, fileName: f.fileName as string, bytes: f.bytes })) };
}

/** The chosen materials (every one when `ids` is null: the 班子's first, then the members' in the team's order), built. */
export async function materialFiles(ctx: HandlerContext, input: { meetingId: number; ids: number[] | null; format: 'docx' | 'txt' }): Promise<BuiltFile[]> {
  const meeting = await meetingInfo(ctx.db, input.meetingId);
  const rows = await ctx.db
    .selectFrom('materials')
    .leftJoin('members', 'members.id', 'materials.member_id')
    .select(['materials.id', 'materials.member_id', 'materials.content'])
    .where('materials.meeting_id', '=', input.meetingId)
    // The 班子 material first, then members in the team's order.
    .orderBy((eb) => eb.fn.coalesce('members.sort_order', eb.val(-1)))
    .orderBy('materials.id')
    .execute();
  const chosen = input.ids === null ? rows : input.ids.map((id) => rows.find((r) => r.id === id) ?? refuseForeign(id));
  if (chosen.length === 0) throw new AppError('materials.nothingToExport', '本次会议还没有对照检查材料可以导出', 'This meeting has no materials to export yet');
  // Read and render everything before asking where to save: a damaged material refuses the export before any file is written.
  const settings = (await readSettings(ctx)).document;
  const files: BuiltFile[] = [];
  for (const row of new Map(chosen.map((r) => [r.id, r])).values()) {
    const content = parseContent(row.content, row.id);
    const author = await authorOf(ctx.db, meeting, row.member_id);
    const name = fileTitle(meeting, author.name, row.member_id === null);
    if (input.format === 'txt') {
      files.push({ name: `${name}.txt`, title: name, bytes: Buffer.from(`\uFEFF${toText(content).replace(/\n/g, '\r\n')}`, 'utf8') });
    } else {
      const date = await dateLine(ctx, row.id);
      const blocks = materialBlocks(content, { author: author.name, date });
      files.push({ name: `${name}.docx`, title: name, bytes: await buildGbtDocument({ blocks, settings, meta: { title: name } }) });
    }
  }
  return files;
}

function refuseForeign(id: number): never {
  throw notFound({ zh: `${MATERIAL.zh}（须属于本次会议）`, en: `${MATERIAL.en} (must belong to this meeting)` }, id);
}

function fileTitle(meeting: MeetingInfo, author: string, team: boolean): string {
  return `${meetingName(meeting).short}${team ? `${author}领导班子` : author}对照检查材料`;
}

/** The day of the latest submission; today for a material never submitted. */
async function dateLine(ctx: HandlerContext, materialId: number): Promise<string> {
  const last = await ctx.db.selectFrom('material_versions').select('submitted_at').where('material_id', '=', materialId).orderBy('number', 'desc').executeTakeFirst();
  return localDate(last ? new Date(last.submitted_at) : ctx.now(), await userTimeZone(ctx));
}
