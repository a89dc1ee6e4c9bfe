/** Building and recording a 报送材料包: the ticked documents, the 材料清单 first, as a .zip or a folder. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { SubmissionsTable } from '../../../db/schema';
import type { ParsedInput } from '../types';
import type { submissionApi, SubmissionFileRow, SubmissionGap, SubmissionRecord, SubmissionResult } from '../../common/api/submission';
import { meetingName } from '../../common/meetings/name';
import { AppError } from '../../common/result';
import { buildGbtDocument } from '../../documents/gbt9704';
import { nowIso, type HandlerContext } from '../context';
import { sanitizeFileName, saveExport, type BuiltFile } from '../files';
import { materialFiles } from '../materials/exports';
import { getMeeting } from '../meetings';
import { minutesFile } from '../minutes';
import { statsFile, summaryFile } from '../opinions/exports';
import { docxBytes, xlsxBytes } from '../rectification/exports';
import { reportFile } from '../rectification/report';
import { exportTable } from '../rectification/table';
import { readSettings } from '../settings';
import { manifestBlocks } from './manifest';
import { submissionPlan } from './plan';
import { zipFiles } from './zip';

type BuildInput = ParsedInput<typeof submissionApi, 'submission.build'>;

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

async function filesOf(ctx: HandlerContext, meetingId: number, key: string): Promise<BuiltFile[]> {
  if (key === 'report') return [await reportFile(ctx, meetingId)];
  if (key === 'minutes') return [await minutesFile(ctx, meetingId, 'docx')];
  if (key === 'opinions') return [await summaryFile(ctx, meetingId, 'docx')];
  if (key === 'opinionStats') return [await statsFile(ctx, meetingId)];
  if (key === 'rectification') {
    const table = await exportTable(ctx, meetingId, 'agreed', 'all');
    return [
      { name: `${table.fileBase}.docx`, title: table.title, bytes: await docxBytes(ctx, table, null) },
      { name: `${table.fileBase}.xlsx`, title: `${table.title}（Excel）`, bytes: await xlsxBytes(ctx, table) },
    ];
  }
  const materialId = Number(key.slice('material:'.length));
  return materialFiles(ctx, { meetingId, ids: [materialId], format: 'docx' });
}

export async function buildSubmission(ctx: HandlerContext, input: BuildInput): Promise<SubmissionResult> {
  if (input.format === 'folder' && input.password) {
    throw new AppError('submission.folderPassword', '文件夹形式不能设密码；需要加密请选择压缩包（.zip）', 'A folder cannot carry a password; choose a .zip to encrypt');
  }
  const meeting = await getMeeting(ctx, input.meetingId);
  const plan = await submissionPlan(ctx, input.meetingId);
  const chosen = new Set(input.keys);
  // Item by item: every ticked item must exist and be ready, or nothing is written.
  for (const key of chosen) {
    const item = plan.items.find((i) => i.key === key);
    if (!item) throw new AppError('submission.unknownItem', `材料“${key}”不属于本次会议`, `Item "${key}" does not belong to this meeting`);
    if (!item.ready) {
      throw new AppError('submission.notReady', `“${item.title}”不能报送：${item.reason?.zh ?? '尚未就绪'}`, `"${item.title}" cannot be sent: ${item.reason?.en ?? 'not ready'}`);
    }
  }
  const built: BuiltFile[] = [];
  for (const item of plan.items) if (chosen.has(item.key)) built.push(...(await filesOf(ctx, input.meetingId, item.key)));
  const gaps: SubmissionGap[] = plan.items.filter((i) => !chosen.has(i.key)).map((i) => ({ title: i.title, reason: i.ready ? '本次未选择报送' : (i.reason?.zh ?? '尚未就绪') }));

  const numbered = built.map((f, i) => ({ ...f, name: sanitizeFileName(`${String(i + 1).padStart(2, '0')}-${f.name}`) }));
  const rows: SubmissionFileRow[] = numbered.map((f) => ({ name: f.name, title: f.title, bytes: f.bytes.byteLength, sha256: sha256(f.bytes) }));
  const name = meetingName(meeting);
  const title = `${name.full}报送材料清单`;
  const today = plan.today;
  const settings = await readSettings(ctx);
  const manifestBytes = await buildGbtDocument({
    blocks: manifestBlocks({ title, teamName: meeting.teamName, recipient: input.recipient, date: today, due: plan.due, files: rows, gaps, encrypted: Boolean(input.password) }),
    settings: settings.document,
    meta: { title },
  });
  const manifest: BuiltFile = { name: sanitizeFileName(`00-${name.short}报送材料清单.docx`), title, bytes: manifestBytes };
  const all = [manifest, ...numbered];
  // sha256sum's own format, so `sha256sum -c SHA256SUMS.txt` (or certutil on Windows, one by one) checks the package.
  const sums = all.map((f) => `${sha256(f.bytes)}  ${f.name}`).join('\n');
  const files = [...all, { name: 'SHA256SUMS.txt', title: 'SHA-256校验值', bytes: new TextEncoder().encode(`${sums}\n`) }];
  const base = sanitizeFileName(`${name.short}报送材料（${today}）`);

  let target: string | null = null;
  if (input.format === 'zip') {
    const bytes = await zipFiles(files, { password: input.password, at: ctx.now() });
    const saved = await saveExport(ctx, { kind: 'submission.zip', meetingId: meeting.id, suggestedName: `${base}.zip`, filters: [{ name: 'ZIP 压缩包', extensions: ['zip'] }], bytes });
    target = saved.saved ? saved.path : null;
  } else {
    const dir = await ctx.files.chooseDirectory();
    if (dir) {
      target = freeFolder(path.join(dir, base));
      fs.mkdirSync(target, { recursive: true });
      for (const file of files) await saveExport(ctx, { kind: 'submission.folder', meetingId: meeting.id, suggestedName: file.name, filters: [], bytes: file.bytes, targetDir: target });
    }
  }
  if (!target) return { saved: false, record: null };
  const manifestRows = [{ name: manifest.name, title, bytes: manifest.bytes.byteLength, sha256: sha256(manifest.bytes) }, ...rows];
  const record = {
    meeting_id: meeting.id,
    at: nowIso(ctx),
    recipient: input.recipient,
    format: input.format,
    encrypted: input.password ? 1 : 0,
    complete: gaps.length === 0 ? 1 : 0,
    path: target,
    manifest: JSON.stringify({ keys: plan.items.filter((i) => chosen.has(i.key)).map((i) => i.key), files: manifestRows, gaps }),
  };
  if (ctx.connection.readOnly) return { saved: true, record: toRecord({ id: 0, ...record }) };
  const { id } = await ctx.db.insertInto('submissions').values(record).returning('id').executeTakeFirstOrThrow();
  return { saved: true, record: toRecord({ id, ...record }) };
}

/** `base`, or `base（2）`, `base（3）`…: a package never writes into the folder of an earlier one. */
function freeFolder(base: string): string {
  if (!fs.existsSync(base)) return base;
  for (let n = 2; ; n++) if (!fs.existsSync(`${base}（${n}）`)) return `${base}（${n}）`;
}

export function toRecord(row: Selectable<SubmissionsTable>): SubmissionRecord {
  const manifest = JSON.parse(row.manifest) as { files: SubmissionFileRow[]; gaps: SubmissionGap[] };
  return { id: row.id, at: row.at, recipient: row.recipient, format: row.format, encrypted: row.encrypted === 1, complete: row.complete === 1, path: row.path, files: manifest.files, gaps: manifest.gaps };
}

export async function listSubmissions(ctx: HandlerContext, meetingId: number): Promise<SubmissionRecord[]> {
  await getMeeting(ctx, meetingId);
  const rows = await ctx.db.selectFrom('submissions').selectAll().where('meeting_id', '=', meetingId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toRecord);
}
