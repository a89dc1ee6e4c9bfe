/**
 * Re-import of the list edited in Excel/WPS: only follow-up columns (整改进展, 整改状态, 销号日期, 验收人, 备注) are read
 * back, matched by the hidden record id. The preview shows the diff; apply recomputes it from the same file and
 * writes all or nothing.
 */
import type { ImportDiffRow, ImportPreview, rectificationApi } from '../../common/api/rectification';
import { STATUS_ZH, statusFromLabel, type ItemStatus } from '../../common/rectification/model';
import { isRealDate } from '../../common/validation';
import { AppError } from '../../common/result';
import { mapRows, readXlsx, type PlainCell } from '../../documents/readers/xlsx';
import { ReaderError } from '../../documents/readers/errors';
import { ROW_KEY_HEADER } from '../../documents/workbook';
import { nowIso, type HandlerContext } from '../context';
import { userToday } from '../settings';
import type { HandlerMap } from '../types';
import { EDITABLE_HEADERS } from './exports';
import { writeOnLinked, writeProgress, type ProgressWrite } from './progress';
import { findList, itemWithList, loadItems, loadList } from './store';
import { storedEvidenceCount } from './evidence';

type Field = 'id' | 'seq' | 'progress' | 'status' | 'closedOn' | 'acceptor' | 'note';
const ALIASES: Record<Field, string[]> = {
  id: [ROW_KEY_HEADER],
  seq: ['序号'],
  progress: [EDITABLE_HEADERS.progress, '进展情况'],
  status: [EDITABLE_HEADERS.status, '状态'],
  closedOn: [EDITABLE_HEADERS.closedOn],
  acceptor: [EDITABLE_HEADERS.acceptor],
  note: [EDITABLE_HEADERS.note],
};
const LIMITS = { progress: 4000, acceptor: 50, note: 1000 } as const;

const textOf = (cell: PlainCell): string => (cell === null ? '' : String(cell));

/** yyyy-mm-dd, yyyy/m/d or 2027年3月1日 → ISO; null when it is not a real date. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/** Why a linked item could not take a 销号 read back from Excel (which brings no file), or null when it can. */
async function linkedClosingRefusal(ctx: HandlerContext, itemId: number): Promise<'notAgreed' | 'noEvidence' | null> {
  const other = await itemWithList(ctx.db, itemId);
  if (other.list_status !== 'agreed') return 'notAgreed';
  return (await storedEvidenceCount(ctx.db, itemId)) === 0 ? 'noEvidence' : null;
}

export async function importDiff(ctx: HandlerContext, meetingId: number, file: Uint8Array): Promise<ImportPreview> {
  let book;
  try {
    book = await readXlsx(file);
  } catch (error) {
    if (error instanceof ReaderError) return { rows: [], errors: [{ message: error.message, messageEn: error.messageEn }], changedItems: 0 };
    throw error;
  }
  const list = await findList(ctx.db, meetingId);
  const items = new Map((await loadItems(ctx, meetingId, await userToday(ctx))).map((i) => [i.id, i]));
  const found = book.sheets
    .map((s) => ({ notes: s.notes, mapped: mapRows<Field>(s.rows, { headerAliases: ALIASES, requiredFields: ['id'], uniqueFields: ['id'] }) }))
    .find((m) => m.mapped.headerRowNumber !== null && m.mapped.columns.id !== undefined);
  const sheet = found?.mapped;
  if (!sheet) {
    return {
      rows: [],
      errors: [{ message: `未找到「${ROW_KEY_HEADER}」列：请导入本软件导出的整改清单（当前版本）。`, messageEn: `The column "${ROW_KEY_HEADER}" was not found: import a list exported from this app (current version).` }],
      changedItems: 0,
    };
  }
  const rows: ImportDiffRow[] = [];
  for (const mapped of sheet.rows) {
    const errors: string[] = mapped.errors.map((e) => e.message);
    const errorsEn: string[] = mapped.errors.map((e) => e.messageEn);
    const fail = (zh: string, en: string) => (errors.push(zh), errorsEn.push(en));
    // A cell of the row that could not be read (a formula saved without its result, an error value) would read as
    // empty and wipe what is stored: the row is refused with the reason instead.
    const readColumns = new Set(Object.values(sheet.columns));
    for (const note of found?.notes ?? []) {
      if (note.rowNumber === mapped.rowNumber && readColumns.has(note.column)) fail(`第 ${mapped.rowNumber} 行：${note.message}`, `Row ${mapped.rowNumber}: ${note.messageEn}`);
    }
    const rawId = mapped.values.id;
    const item = typeof rawId === 'number' || /^\d+$/.test(textOf(rawId)) ? items.get(Number(rawId)) : undefined;
    if (!item) {
      fail(`第 ${mapped.rowNumber} 行的内部编号不属于本次会议的整改清单`, `Row ${mapped.rowNumber}: the record id does not belong to this meeting's list`);
      rows.push({ rowNumber: mapped.rowNumber, itemId: null, seq: null, changes: [], errors, errorsEn });
      continue;
    }
    const changes: ImportDiffRow['changes'] = [];
    const compare = (field: ImportDiffRow['changes'][number]['field'], before: string, after: string) => {
      if (before !== after) changes.push({ field, before, after });
    };
    const has = (f: Field) => sheet.columns[f] !== undefined;
    for (const f of ['progress', 'acceptor', 'note'] as const) {
      if (has(f) && textOf(mapped.values[f]).length > LIMITS[f]) fail(`第 ${mapped.rowNumber} 行「${ALIASES[f][0]}」超过 ${LIMITS[f]} 字`, `Row ${mapped.rowNumber}: "${ALIASES[f][0]}" is longer than ${LIMITS[f]} characters`);
    }
    if (has('progress')) compare('progress', item.progress, textOf(mapped.values.progress));
    let status: ItemStatus = item.status;
    if (has('status')) {
      const label = textOf(mapped.values.status);
      const parsed = statusFromLabel(label);
      if (!parsed) fail(`第 ${mapped.rowNumber} 行的整改状态「${label}」无效，应为：${Object.values(STATUS_ZH).join('、')}`, `Row ${mapped.rowNumber}: status "${label}" is not one of the allowed values`);
      else status = parsed;
      compare('status', STATUS_ZH[item.status], parsed ? STATUS_ZH[parsed] : label);
    }
    if (status === 'closed') {
      const closedText = has('closedOn') ? textOf(mapped.values.closedOn) : (item.closedOn ?? '');
      const closedOn = closedText ? parseDate(closedText) : null;
      const acceptor = has('acceptor') ? textOf(mapped.values.acceptor) : item.acceptor;
      if (!closedOn) fail(`第 ${mapped.rowNumber} 行销号须填写有效的销号日期（如 2027-03-31）`, `Row ${mapped.rowNumber}: closing needs a valid closing date (e.g. 2027-03-31)`);
      if (!acceptor.trim()) fail(`第 ${mapped.rowNumber} 行销号须填写验收人`, `Row ${mapped.rowNumber}: closing needs the acceptor`);
      if (item.status !== 'closed' && !item.evidence.some((e) => e.stored)) {
        fail(
          `第 ${mapped.rowNumber} 行：销号须有佐证材料，请在系统中为该事项上传佐证材料，或由验收人写明无佐证材料的原因后销号`,
          `Row ${mapped.rowNumber}: closing needs evidence; attach a file to the item in the app, or close it there with the acceptor's reason`,
        );
      }
      if (list?.status !== 'agreed' && item.status !== 'closed') fail(`第 ${mapped.rowNumber} 行：整改清单审议通过后才能销号`, `Row ${mapped.rowNumber}: items can be closed only after the list is agreed`);
      // 同一问题: the 销号 goes to the linked items too (importApply), which must be able to take it.
      for (const other of item.status === 'closed' ? [] : item.linked.filter((l) => l.status !== 'closed')) {
        const refusal = await linkedClosingRefusal(ctx, other.itemId);
        const where = other.sameList ? '本清单' : `${other.meetingName}整改清单`;
        const whereEn = other.sameList ? 'this list' : `the list of ${other.meetingName}`;
        if (refusal === 'notAgreed') fail(`第 ${mapped.rowNumber} 行：关联为同一问题的${where}第${other.seq}项所在清单尚未审议通过，不能一并销号`, `Row ${mapped.rowNumber}: item ${other.seq} of ${whereEn}, linked as the same problem, is in a list not yet agreed and cannot be closed with it`);
        if (refusal === 'noEvidence') fail(`第 ${mapped.rowNumber} 行：关联为同一问题的${where}第${other.seq}项没有佐证材料，不能一并销号；请在系统中为其上传佐证材料`, `Row ${mapped.rowNumber}: item ${other.seq} of ${whereEn}, linked as the same problem, has no evidence and cannot be closed with it; attach a file to it in the app`);
      }
      compare('closedOn', item.closedOn ?? '', closedOn ?? closedText);
      compare('acceptor', item.acceptor, acceptor);
    }
    if (has('note')) compare('note', item.note, textOf(mapped.values.note));
    if (changes.length > 0 || errors.length > 0) rows.push({ rowNumber: mapped.rowNumber, itemId: item.id, seq: item.seq, changes, errors, errorsEn });
  }
  return {
    rows,
    errors: sheet.errors.map((e) => ({ message: e.message, messageEn: e.messageEn })),
    changedItems: rows.filter((r) => r.changes.length > 0 && r.errors.length === 0).length,
  };
}

export const importHandlers: Pick<HandlerMap<typeof rectificationApi>, 'rectification.importPreview' | 'rectification.importApply'> = {
  'rectification.importPreview': (ctx, input) => importDiff(ctx, input.meetingId, input.file),

  async 'rectification.importApply'(ctx, input) {
    const diff = await importDiff(ctx, input.meetingId, input.file);
    const bad = [...diff.errors, ...diff.rows.flatMap((r) => r.errors.map((message, i) => ({ message, messageEn: r.errorsEn[i] })))];
    if (bad.length > 0) {
      throw new AppError('rectification.importInvalid', `导入文件有 ${bad.length} 处问题，未作任何修改：${bad.slice(0, 5).map((b) => b.message).join('；')}`, `The file has ${bad.length} problem(s); nothing was changed: ${bad.slice(0, 5).map((b) => b.messageEn).join('; ')}`);
    }
    const items = new Map((await loadItems(ctx, input.meetingId, await userToday(ctx))).map((i) => [i.id, i]));
    // 同一问题: an entry read back is written on the linked items too, as one made in the app is, except on an item
    // whose own row of the file gives it an entry of its own.
    const ownEntry = (r: ImportDiffRow) => r.changes.some((c) => c.field === 'progress' || (c.field === 'status' && statusFromLabel(c.after) !== null));
    const written = new Set(diff.rows.filter(ownEntry).map((r) => r.itemId!));
    for (const row of diff.rows) {
      const item = items.get(row.itemId!)!;
      const get = (f: string) => row.changes.find((c) => c.field === f)?.after;
      const progress = get('progress');
      const statusLabel = get('status');
      const statusTo = statusLabel !== undefined ? statusFromLabel(statusLabel) : null;
      const closedOn = get('closedOn') ?? item.closedOn ?? input.date;
      if (progress !== undefined || statusTo !== null) {
        const entry: ProgressWrite = { itemId: item.id, date: statusTo === 'closed' ? closedOn : input.date, kind: 'progress', text: progress ?? '', by: input.by || 'Excel 导入', statusTo, acceptor: get('acceptor') ?? item.acceptor, evidence: [] };
        const entryId = await writeProgress(ctx, ctx.db, entry, { status: item.status, progress: item.progress });
        await writeOnLinked(ctx, entry, entryId, written);
        if (progress === '') await ctx.db.updateTable('rectification_items').set({ progress: '' }).where('id', '=', item.id).execute();
      }
      const direct: Record<string, string> = {};
      if (get('note') !== undefined) direct.note = get('note')!;
      if (statusTo === null && item.status === 'closed') {
        if (get('closedOn') !== undefined) direct.closed_on = get('closedOn')!;
        if (get('acceptor') !== undefined) direct.acceptor = get('acceptor')!;
      }
      if (Object.keys(direct).length > 0) await ctx.db.updateTable('rectification_items').set({ ...direct, updated_at: nowIso(ctx) }).where('id', '=', item.id).execute();
    }
    return loadList(ctx, input.meetingId);
  },
};
