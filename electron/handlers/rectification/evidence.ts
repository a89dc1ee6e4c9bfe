/**
 * 佐证材料 files: checked (readers/evidence.ts), stored in the data file, listed with the item, saved one by one to
 * open them, and exported with the list as a folder per item with a 佐证材料目录 workbook that also names every item
 * closed without evidence.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { rectificationApi } from '../../common/api/rectification';
import { STATUS_ZH } from '../../common/rectification/model';
import { scopeItems } from '../../common/rectification/grouping';
import { AppError, notFound } from '../../common/result';
import { identifyEvidence, type EvidenceFormat } from '../../documents/readers/evidence';
import { ReaderError } from '../../documents/readers/errors';
import { buildWorkbook } from '../../documents/workbook';
import { asDiskError } from '../../../db/errors';
import { nowIso, type HandlerContext } from '../context';
import { userToday } from '../settings';
import { sanitizeFileName, saveExport, writeFileAtomic } from '../files';
import { getMeeting } from '../meetings';
import { meetingName } from '../prep/names';
import type { HandlerMap } from '../types';
import { itemWithList, loadItems, loadList } from './store';
import { linkedItemIds } from './linkRead';

type Db = HandlerContext['db'];
export interface EvidenceUpload {
  name: string;
  file: Uint8Array;
}
export interface CheckedFile extends EvidenceUpload {
  format: EvidenceFormat;
}

const EVIDENCE = { zh: '佐证材料', en: 'Evidence' };
const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/** Every file is checked before anything is written: one bad file refuses the whole call. */
export async function checkEvidenceFiles(files: readonly EvidenceUpload[]): Promise<CheckedFile[]> {
  const checked: CheckedFile[] = [];
  for (const f of files) {
    try {
      checked.push({ ...f, format: await identifyEvidence(f.file, f.name) });
    } catch (error) {
      if (error instanceof ReaderError) throw new AppError('rectification.evidenceFile', `${error.message}未作任何修改`, `${error.messageEn} Nothing was changed`);
      throw error;
    }
  }
  return checked;
}

export async function storedEvidenceCount(db: Db, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('rectification_evidence')
    .innerJoin('rectification_evidence_files', 'rectification_evidence_files.evidence_id', 'rectification_evidence.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rectification_evidence.item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function storeEvidence(ctx: HandlerContext, db: Db, itemId: number, progressId: number | null, files: readonly CheckedFile[]): Promise<void> {
  const at = nowIso(ctx);
  for (const f of files) {
    const row = await db.insertInto('rectification_evidence').values({ item_id: itemId, progress_id: progressId, name: f.name, path: '', added_at: at }).returning('id').executeTakeFirstOrThrow();
    const content = Buffer.from(f.file.buffer, f.file.byteOffset, f.file.byteLength);
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    await db.insertInto('rectification_evidence_files').values({ evidence_id: row.id, format: f.format, bytes: content.byteLength, sha256, content }).execute();
  }
}

async function evidenceRow(db: Db, evidenceId: number) {
  const row = await db.selectFrom('rectification_evidence').selectAll().where('id', '=', evidenceId).executeTakeFirst();
  if (!row) throw notFound(EVIDENCE, evidenceId);
  return row;
}

/** Names are unique inside an item's folder: a second 「照片.jpg」 becomes 「照片（2）.jpg」. */
function uniqueName(name: string, taken: Set<string>): string {
  const clean = sanitizeFileName(name);
  const ext = path.extname(clean);
  const base = clean.slice(0, clean.length - ext.length);
  let candidate = clean;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}（${n}）${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const itemFolder = (seq: number, problem: string) => sanitizeFileName(`${String(seq).padStart(3, '0')}-${problem.replace(/\s+/g, '').slice(0, 24)}`);

type Api = typeof rectificationApi;
export const evidenceHandlers: Pick<HandlerMap<Api>, 'rectification.attachEvidence' | 'rectification.removeEvidence' | 'rectification.saveEvidence' | 'rectification.exportEvidence'> = {
  async 'rectification.attachEvidence'(ctx, input) {
    const item = await itemWithList(ctx.db, input.itemId);
    if (input.progressId !== null) {
      const entry = await ctx.db.selectFrom('rectification_progress').select('id').where('id', '=', input.progressId).where('item_id', '=', input.itemId).executeTakeFirst();
      if (!entry) throw notFound({ zh: '整改进展记录', en: 'Progress entry' }, input.progressId);
    }
    const files = await checkEvidenceFiles(input.files);
    // 同一问题: the files go to every linked item too, to the entry that repeats this one when there is one.
    const entry = input.progressId === null ? null : await ctx.db.selectFrom('rectification_progress').select(['id', 'linked_from']).where('id', '=', input.progressId).executeTakeFirstOrThrow();
    for (const itemId of [input.itemId, ...(await linkedItemIds(ctx.db, input.itemId))]) {
      let progressId: number | null = null;
      if (entry && itemId === input.itemId) progressId = entry.id;
      else if (entry) {
        const family = [entry.id, ...(entry.linked_from === null ? [] : [entry.linked_from])];
        const twin = await ctx.db
          .selectFrom('rectification_progress')
          .select('id')
          .where('item_id', '=', itemId)
          .where((eb) => eb.or([eb('id', 'in', family), eb('linked_from', 'in', family)]))
          .executeTakeFirst();
        progressId = twin?.id ?? null;
      }
      await storeEvidence(ctx, ctx.db, itemId, progressId, files);
      // An item closed on a reason alone now rests on a file: the reason stays in its history, the mark goes.
      await ctx.db.updateTable('rectification_items').set({ no_evidence_reason: '', updated_at: nowIso(ctx) }).where('id', '=', itemId).where('status', '=', 'closed').execute();
    }
    return loadList(ctx, item.meeting_id);
  },

  async 'rectification.removeEvidence'(ctx, input) {
    const row = await evidenceRow(ctx.db, input.evidenceId);
    const item = await itemWithList(ctx.db, row.item_id);
    if (item.status === 'closed') {
      throw new AppError('rectification.closedEvidence', '事项已销号，其佐证材料不能删除；如需更正，请先重新打开该事项', 'The item is closed; its evidence cannot be removed. Reopen the item first to correct it');
    }
    await ctx.db.deleteFrom('rectification_evidence').where('id', '=', input.evidenceId).execute();
    return loadList(ctx, item.meeting_id);
  },

  async 'rectification.saveEvidence'(ctx, input) {
    const row = await evidenceRow(ctx.db, input.evidenceId);
    const item = await itemWithList(ctx.db, row.item_id);
    const file = await ctx.db.selectFrom('rectification_evidence_files').select(['content', 'format']).where('evidence_id', '=', input.evidenceId).executeTakeFirst();
    if (!file) {
      throw new AppError('rectification.evidenceNotStored', `「${row.name}」只登记了名称，文件未保存在本系统中`, `"${row.name}" is only a reference; the file is not stored in the app`);
    }
    const ext = path.extname(row.name).slice(1) || file.format;
    return saveExport(ctx, { kind: 'rectification.evidence', meetingId: item.meeting_id, suggestedName: row.name, filters: [{ name: EVIDENCE.zh, extensions: [ext] }], bytes: file.content });
  },

  async 'rectification.exportEvidence'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const today = await userToday(ctx);
    const items = scopeItems(await loadItems(ctx, input.meetingId, today), input.scope);
    const chosen = await ctx.files.chooseDirectory();
    if (!chosen) return { saved: false, folder: null, files: 0, items: 0, closedWithoutEvidence: 0 };
    const title = `${meetingName(meeting).full}整改佐证材料`;
    const folder = path.join(chosen, sanitizeFileName(title));
    const index: Record<string, string | number>[] = [];
    let files = 0;
    let withFiles = 0;
    try {
      fs.mkdirSync(folder, { recursive: true });
      for (const item of items) {
        const stored = item.evidence.filter((e) => e.stored);
        const row = { seq: item.seq, problem: item.problem, status: STATUS_ZH[item.status], files: '', mark: '', linked: item.linked.map((l) => l.phrase).join('\n') };
        if (stored.length) {
          const sub = itemFolder(item.seq, item.problem);
          fs.mkdirSync(path.join(folder, sub), { recursive: true });
          const taken = new Set<string>();
          const names: string[] = [];
          for (const e of stored) {
            // One file at a time: a list's evidence may hold hundreds of megabytes.
            const file = await ctx.db.selectFrom('rectification_evidence_files').select('content').where('evidence_id', '=', e.id).executeTakeFirstOrThrow();
            const name = uniqueName(e.name, taken);
            writeFileAtomic(path.join(folder, sub, name), file.content, path.dirname(ctx.dataFile));
            names.push(`${sub}/${name}`);
            files++;
          }
          row.files = names.join('\n');
          withFiles++;
        }
        if (item.closedWithoutEvidence) row.mark = item.noEvidenceReason ? `已销号，无佐证材料（验收人说明：${item.noEvidenceReason}）` : '已销号，无佐证材料';
        index.push(row);
      }
    } catch (error) {
      throw asDiskError(error, { zh: '导出', en: 'export' }) ?? error;
    }
    const bytes = await buildWorkbook({
      created: ctx.now(),
      sheets: [
        {
          name: '佐证材料目录',
          title: `${title}目录`,
          subtitle: `（截至${today}，共${files}份文件）`,
          columns: [
            { key: 'seq', header: '序号', width: 6, align: 'center' },
            { key: 'problem', header: '问题表现', width: 40 },
            { key: 'status', header: '整改状态', width: 12, align: 'center' },
            { key: 'files', header: '佐证材料（文件夹/文件）', width: 40 },
            { key: 'mark', header: '无佐证材料说明', width: 30 },
            { key: 'linked', header: '同一问题（其他来源）', width: 30 },
          ],
          rows: index,
          print: { orientation: 'landscape' },
        },
      ],
    });
    const saved = await saveExport(ctx, { kind: 'rectification.evidence', meetingId: input.meetingId, suggestedName: '佐证材料目录.xlsx', filters: XLSX, bytes, targetDir: folder });
    return { saved: saved.saved, folder, files, items: withFiles, closedWithoutEvidence: items.filter((i) => i.closedWithoutEvidence).length };
  },
};
