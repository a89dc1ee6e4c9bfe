/**
 * Import of filled-in 征求意见表 (.xlsx, several at once) and CSV: every file is read and checked in full for the
 * preview; the commit reads the same bytes again (it never trusts rows sent back by the renderer) and writes all
 * valid rows in one transaction, skipping rows imported before (same content and place in the file).
 */
import crypto from 'node:crypto';
import type { ImportFilePreview, ImportResult, ImportRowPreview } from '../../common/api/opinions';
import { MAX_OPINION_CHARS } from '../../common/api/opinions';
import { isRealDate } from '../../common/validation';
import { channelFromLabel, CHANNEL_LABELS, TEAM_TARGET_LABEL, TEAM_TARGET_WORDS } from '../../common/opinions/vocab';
import { AppError } from '../../common/result';
import { ReaderError } from '../../documents/readers/errors';
import { readCsv } from '../../documents/readers/csv';
import { mapRows, readXlsx, type PlainCell, type ReadSheet } from '../../documents/readers/xlsx';
import { LISTS_SHEET_NAME } from '../../documents/workbook';
import type { HandlerContext } from '../context';
import { insertOpinion, meetingTeam } from './store';

export const IMPORT_HEADERS = {
  text: ['意见和建议', '意见建议', '意见内容', '具体意见', '意见', '建议'],
  target: ['针对对象', '意见对象', '对象', '针对'],
  aspect: ['方面', '对照检查方面', '问题类别', '类别'],
  channel: ['来源渠道', '渠道', '征求方式', '方式'],
  source: ['提出单位', '来源单位', '单位', '填报单位', '来源'],
  date: ['日期', '提出日期', '填表日期'],
  anonymous: ['是否匿名', '匿名'],
  submitter: ['提出人（可不填）', '提出人', '填表人', '姓名'],
} as const;
type Field = keyof typeof IMPORT_HEADERS;

interface Context {
  meetingId: number;
  members: { id: number; name: string }[];
  aspects: { id: number; label: string }[];
}

const str = (cell: PlainCell): string => (cell === null ? '' : String(cell));

/** 2026-11-03, 2026/11/3, 2026.11.3, 2026年11月3日 → 2026-11-03; anything else is an error. */
export function parseDate(cell: PlainCell): string | null | 'invalid' {
  const text = str(cell).trim();
  if (text === '') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return 'invalid';
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(iso) ? iso : 'invalid';
}

function resolveTarget(label: string, ctx: Context): number | null | 'unknown' {
  const t = label.replace(/\s|同志/g, '');
  if (TEAM_TARGET_WORDS.includes(t)) return null;
  const exact = ctx.members.find((m) => m.name === t);
  if (exact) return exact.id;
  // 「王建国（副县长）」「王建国副县长」: a member whose name begins the cell, if only one does.
  const starts = ctx.members.filter((m) => t.startsWith(m.name));
  return starts.length === 1 ? starts[0].id : 'unknown';
}

function resolveAspect(label: string, ctx: Context): number | null | 'unknown' {
  const t = label.trim();
  if (t === '' || t === '未归类') return null;
  const exact = ctx.aspects.find((a) => a.label === t);
  if (exact) return exact.id;
  const partial = ctx.aspects.filter((a) => a.label.includes(t) || t.includes(a.label));
  return partial.length === 1 ? partial[0].id : 'unknown';
}

function readSheets(file: { name: string; bytes: Uint8Array }): Promise<ReadSheet[]> | ReadSheet[] {
  if (/\.(csv|txt)$/i.test(file.name)) return [readCsv(file.bytes, { name: file.name })];
  return readXlsx(file.bytes).then((book) => book.sheets.filter((s) => s.name !== LISTS_SHEET_NAME));
}

function fingerprint(values: (string | number | boolean | null)[], occurrence: number): string {
  return crypto.createHash('sha256').update(JSON.stringify([...values, occurrence])).digest('hex');
}

interface ParsedRow extends ImportRowPreview {
  fingerprint: string;
}

async function parseFile(file: { name: string; bytes: Uint8Array }, ctx: Context): Promise<{ preview: ImportFilePreview; rows: ParsedRow[] }> {
  const preview: ImportFilePreview = { name: file.name, error: null, notes: [], rows: [], valid: 0, invalid: 0, alreadyImported: 0 };
  let sheets: ReadSheet[];
  try {
    sheets = await readSheets(file);
  } catch (error) {
    if (error instanceof ReaderError) return { preview: { ...preview, error: { message: error.message, messageEn: error.messageEn } }, rows: [] };
    throw error;
  }
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  let headerFound = false;
  let firstError: { message: string; messageEn: string } | null = null;
  for (const sheet of sheets) {
    const mapped = mapRows<Field>(sheet.rows, { headerAliases: IMPORT_HEADERS, requiredFields: ['text', 'target'] });
    if (mapped.headerRowNumber === null) {
      firstError ??= mapped.errors[0] ?? null;
      continue;
    }
    const fatal = mapped.errors.find((e) => e.code === 'header.missingRequired');
    if (fatal) return { preview: { ...preview, error: { message: `工作表「${sheet.name}」${fatal.message}`, messageEn: `Sheet "${sheet.name}": ${fatal.messageEn}` } }, rows: [] };
    headerFound = true;
    for (const e of mapped.errors) preview.notes.push({ message: e.message, messageEn: e.messageEn });
    const notesByRow = new Map<number, { message: string; messageEn: string }[]>();
    for (const n of sheet.notes) notesByRow.set(n.rowNumber, [...(notesByRow.get(n.rowNumber) ?? []), n]);
    for (const row of mapped.rows) {
      const v = row.values;
      const errors = row.errors.map((e) => e.message);
      const errorsEn = row.errors.map((e) => e.messageEn);
      const fail = (zh: string, en: string) => {
        errors.push(`第 ${row.rowNumber} 行${zh}`);
        errorsEn.push(`Row ${row.rowNumber}: ${en}`);
      };
      // A formula cell is refused: the opinion must be the words someone wrote, not a computed value.
      for (const note of notesByRow.get(row.rowNumber) ?? []) fail(`：${note.message}`, note.messageEn);
      const text = str(v.text);
      if (text.length > MAX_OPINION_CHARS) fail(`意见超过 ${MAX_OPINION_CHARS} 字`, `the opinion exceeds ${MAX_OPINION_CHARS} characters`);
      const targetLabel = str(v.target).trim();
      const target = targetLabel === '' ? 'unknown' : resolveTarget(targetLabel, ctx);
      if (target === 'unknown' && targetLabel !== '') fail(`针对对象「${targetLabel}」不是本班子成员，请填写“领导班子”或成员姓名`, `target "${targetLabel}" is not a member of this team; write 领导班子 or a member's name`);
      const aspectLabel = str(v.aspect).trim();
      const aspect = resolveAspect(aspectLabel, ctx);
      if (aspect === 'unknown') fail(`方面「${aspectLabel}」不是本次会议的对照检查方面`, `aspect "${aspectLabel}" is not one of this meeting's aspects`);
      const channelLabel = str(v.channel).trim();
      const channel = channelLabel === '' ? 'form' : channelFromLabel(channelLabel);
      if (channel === null) fail(`来源渠道「${channelLabel}」无法识别`, `channel "${channelLabel}" is not recognised`);
      const date = parseDate(v.date);
      if (date === 'invalid') fail(`日期「${str(v.date)}」不是有效日期`, `date "${str(v.date)}" is not a valid date`);
      const source = str(v.source).trim();
      if (source.length > 100) fail('提出单位超过 100 字', 'the source exceeds 100 characters');
      const submitterText = str(v.submitter).trim();
      const anonymousCell = str(v.anonymous).trim();
      // Blank 是否匿名: anonymous unless a name is given. 是否匿名=是 wins over a name, which is then dropped unread.
      const anonymous = /^(是|匿名|y|yes|true|1)$/i.test(anonymousCell) || (anonymousCell === '' && submitterText === '');
      const submitter = anonymous ? null : submitterText || null;
      if (submitter && submitter.length > 50) fail('提出人超过 50 字', 'the submitter exceeds 50 characters');
      const key = JSON.stringify([channel, source, date, targetLabel, aspectLabel, text]);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const parsed: ParsedRow = {
        sheet: sheet.name,
        rowNumber: row.rowNumber,
        text,
        targetLabel: target === null ? TEAM_TARGET_LABEL : targetLabel,
        targetMemberId: typeof target === 'number' ? target : null,
        aspectId: typeof aspect === 'number' ? aspect : null,
        aspectLabel: typeof aspect === 'number' ? (ctx.aspects.find((a) => a.id === aspect)?.label ?? '') : '',
        channel: channel ?? 'other',
        source,
        date: date === 'invalid' ? null : date,
        anonymous,
        submitter,
        errors,
        errorsEn,
        alreadyImported: false,
        fingerprint: fingerprint([channel, source, date === 'invalid' ? null : date, targetLabel, aspectLabel, text], occurrence),
      };
      rows.push(parsed);
    }
  }
  if (!headerFound) {
    const fallback = { message: '文件中没有可导入的工作表：找不到“意见和建议”“针对对象”等列。', messageEn: 'No sheet to import: the columns 意见和建议 and 针对对象 were not found.' };
    return { preview: { ...preview, error: firstError ? { message: firstError.message, messageEn: firstError.messageEn } : fallback }, rows: [] };
  }
  if (rows.length === 0) return { preview: { ...preview, error: { message: '文件中没有填写任何意见。', messageEn: 'The file contains no opinions.' } }, rows: [] };
  return { preview, rows };
}

async function contextFor(hctx: HandlerContext, meetingId: number): Promise<Context> {
  const teamId = await meetingTeam(hctx.db, meetingId);
  const members = await hctx.db.selectFrom('members').select(['id', 'name']).where('team_id', '=', teamId).execute();
  const aspects = await hctx.db.selectFrom('meeting_aspects').select(['id', 'label']).where('meeting_id', '=', meetingId).execute();
  return { meetingId, members, aspects };
}

async function parseAll(hctx: HandlerContext, meetingId: number, files: { name: string; bytes: Uint8Array }[]) {
  const ctx = await contextFor(hctx, meetingId);
  const known = new Set(
    (await hctx.db.selectFrom('opinions').select('import_fingerprint').where('meeting_id', '=', meetingId).where('import_fingerprint', 'is not', null).execute()).map((r) => r.import_fingerprint),
  );
  const results = [];
  const batch = new Set<string>();
  for (const file of files) {
    const parsed = await parseFile(file, ctx);
    for (const row of parsed.rows) {
      // The same file chosen twice in one go counts as already imported too.
      row.alreadyImported = known.has(row.fingerprint) || batch.has(row.fingerprint);
      batch.add(row.fingerprint);
    }
    parsed.preview.rows = parsed.rows.map(({ fingerprint: _f, ...rest }) => rest);
    parsed.preview.alreadyImported = parsed.rows.filter((r) => r.alreadyImported).length;
    parsed.preview.invalid = parsed.rows.filter((r) => !r.alreadyImported && r.errors.length > 0).length;
    parsed.preview.valid = parsed.rows.filter((r) => !r.alreadyImported && r.errors.length === 0).length;
    results.push(parsed);
  }
  return results;
}

export async function importPreview(hctx: HandlerContext, meetingId: number, files: { name: string; bytes: Uint8Array }[]): Promise<ImportFilePreview[]> {
  return (await parseAll(hctx, meetingId, files)).map((r) => r.preview);
}

export async function importCommit(hctx: HandlerContext, meetingId: number, files: { name: string; bytes: Uint8Array }[], skipInvalid: boolean): Promise<ImportResult> {
  const parsed = await parseAll(hctx, meetingId, files);
  const broken = parsed.find((p) => p.preview.error);
  if (broken) {
    throw new AppError('opinions.importFile', `「${broken.preview.name}」无法导入：${broken.preview.error!.message} 未导入任何意见。`, `"${broken.preview.name}" cannot be imported: ${broken.preview.error!.messageEn} Nothing was imported.`);
  }
  const invalid = parsed.reduce((s, p) => s + p.preview.invalid, 0);
  if (invalid > 0 && !skipInvalid) {
    throw new AppError('opinions.importInvalid', `有 ${invalid} 行有误，未导入任何意见。请修改文件，或选择跳过有误的行。`, `${invalid} rows have errors; nothing was imported. Fix the file or choose to skip them.`);
  }
  const rows = parsed.flatMap((p) => p.rows).filter((r) => !r.alreadyImported && r.errors.length === 0);
  let position = 0;
  for (const r of rows) {
    await insertOpinion(
      hctx,
      hctx.db,
      meetingId,
      { channel: r.channel, source: r.source, date: r.date, targetMemberId: r.targetMemberId, aspectId: r.aspectId, text: r.text, anonymous: r.anonymous, submitter: r.submitter ?? '' },
      { position: r.anonymous ? 0 : position++, fingerprint: r.fingerprint },
    );
  }
  return { imported: rows.length, skippedInvalid: invalid, skippedDuplicate: parsed.reduce((s, p) => s + p.preview.alreadyImported, 0) };
}

export const CHANNEL_NAMES = Object.values(CHANNEL_LABELS).map((l) => l.zh);
