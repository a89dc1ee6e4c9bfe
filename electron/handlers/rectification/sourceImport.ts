/**
 * 一本台账: another source's 整改 list (巡察反馈, 审计, 督察, 学习教育整改整治…) read from Excel. The preview guesses
 * which column means what and shows every guess; the user may switch any; the import re-reads the same file with
 * the mapping the user saw and writes all rows or none. Each item keeps its source tag and origin.
 */
import type { RectificationList, SourceImportPreview, SourceImportRow, rectificationApi } from '../../common/api/rectification';
import { SOURCE_IMPORT_ALIASES, SOURCE_IMPORT_FIELDS, type SourceImportField } from '../../common/rectification/sourceImport';
import type { Deadline } from '../../common/rectification/model';
import { AppError } from '../../common/result';
import { readXlsx, type PlainCell } from '../../documents/readers/xlsx';
import { ReaderError } from '../../documents/readers/errors';
import type { HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import type { HandlerMap } from '../types';
import { parseDate } from './importXlsx';
import { ensureList, loadList } from './store';
import { insertItem, nextSeq } from './write';

type Mapping = { column: number; field: SourceImportField | null }[];
const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '').replace(/^[*※]+|[*※]+$/g, '').replace(/[:：]$/, '');
const cellText = (c: PlainCell | undefined) => (c === null || c === undefined ? '' : String(c)).trim();

function guessField(header: string): SourceImportField | null {
  const h = norm(header);
  if (!h) return null;
  for (const f of SOURCE_IMPORT_FIELDS) if (SOURCE_IMPORT_ALIASES[f].some((a) => norm(a) === h)) return f;
  for (const f of SOURCE_IMPORT_FIELDS) if (SOURCE_IMPORT_ALIASES[f].some((a) => h.includes(norm(a)))) return f;
  return null;
}

/** Measures typed in one cell: one a line, their own numbering (1. / 1、/ （1）/ ①) removed. */
function splitMeasures(text: string): string[] {
  return text
    .split(/\n+/)
    .map((l) => l.replace(/^\s*(?:\d+\s*[.、．)]|[（(]\d+[）)]|[①-⑳])\s*/, '').trim())
    .filter(Boolean);
}

function parseDeadline(text: string): Deadline | null {
  const t = text.replace(/\s/g, '');
  if (!t) return { kind: 'date', date: null };
  if (t.includes('立行立改')) return { kind: 'immediate', date: null };
  if (t.includes('长期坚持') || t === '长期') return { kind: 'ongoing', date: null };
  const iso = /^\d{4}-\d{2}-\d{2}/.test(t) ? t.slice(0, 10) : parseDate(t);
  return iso ? { kind: 'date', date: iso } : null;
}

async function readSource(ctx: HandlerContext, meetingId: number, file: Uint8Array, chosen?: Mapping): Promise<SourceImportPreview & { full: SourceImportRow[] }> {
  const meeting = await getMeeting(ctx, meetingId);
  const empty = { sheet: '', headerRow: null, columns: [], rows: [], full: [], total: 0, valid: 0 };
  let book;
  try {
    book = await readXlsx(file);
  } catch (error) {
    if (error instanceof ReaderError) return { ...empty, errors: [{ message: error.message, messageEn: error.messageEn }] };
    throw error;
  }
  const sheet = book.sheets[0];
  if (!sheet) return { ...empty, errors: [{ message: '工作簿中没有工作表', messageEn: 'The workbook has no sheet' }] };
  // The header: the first of the top ten rows in which at least two columns are recognised (title rows come first).
  const header = sheet.rows.slice(0, 10).find((r) => new Set(r.cells.map((c) => guessField(cellText(c))).filter(Boolean)).size >= 2);
  if (!header) {
    return { ...empty, sheet: sheet.name, errors: [{ message: '未找到表头：前 10 行中没有可识别的列名（如“问题表现”“整改措施”“责任单位”）', messageEn: 'No header found: none of the first 10 rows names known columns (e.g. 问题表现, 整改措施, 责任单位)' }] };
  }
  const taken = new Set<SourceImportField>();
  const columns = header.cells.map((c, i) => {
    const text = cellText(c);
    let field = guessField(text);
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    const choice = chosen?.find((m) => m.column === i + 1);
    return { column: i + 1, header: text, guess: field, field: choice ? choice.field : field };
  });
  const errors: { message: string; messageEn: string }[] = [];
  const fields = columns.map((c) => c.field).filter((f): f is SourceImportField => f !== null);
  const twice = fields.filter((f, i) => fields.indexOf(f) !== i);
  if (twice.length) errors.push({ message: `同一内容对应了多列：${[...new Set(twice)].join('、')}，请调整列的对应关系`, messageEn: `Several columns are mapped to the same field: ${[...new Set(twice)].join(', ')}` });
  if (!fields.includes('problem')) errors.push({ message: '请指定哪一列是“问题表现”', messageEn: 'Choose the column that holds the problem' });
  const members = await ctx.db.selectFrom('members').select(['id', 'name']).where('team_id', '=', meeting.teamId).execute();
  const col = (f: SourceImportField) => columns.find((c) => c.field === f)?.column;
  const full: SourceImportRow[] = [];
  for (const row of sheet.rows.filter((r) => r.rowNumber > header.rowNumber)) {
    const get = (f: SourceImportField) => {
      const c = col(f);
      return c ? cellText(row.cells[c - 1]) : '';
    };
    const problem = get('problem');
    if (!problem && !get('measures')) continue;
    const out: SourceImportRow = { rowNumber: row.rowNumber, problem, aspectId: null, aspect: get('aspect'), target: get('target'), measures: splitMeasures(get('measures')), leaderIds: [], leaders: [], unit: get('unit'), ownerPerson: get('ownerPerson'), deadline: { kind: 'date', date: null }, note: get('note'), errors: [], errorsEn: [], warnings: [] };
    const fail = (zh: string, en: string) => (out.errors.push(`第 ${row.rowNumber} 行：${zh}`), out.errorsEn.push(`Row ${row.rowNumber}: ${en}`));
    if (!problem) fail('问题表现为空', 'the problem is empty');
    if (problem.length > 4000) fail('问题表现超过 4000 字', 'the problem is longer than 4,000 characters');
    if (out.target.length > 2000 || out.unit.length > 200 || out.ownerPerson.length > 200 || out.note.length > 1000 || out.measures.some((m) => m.length > 2000) || out.measures.length > 30) fail('有内容超过长度上限', 'a value is too long');
    const deadline = parseDeadline(get('deadline'));
    if (deadline) out.deadline = deadline;
    else fail(`整改时限“${get('deadline')}”无法识别（可写日期、立行立改或长期坚持）`, `the deadline "${get('deadline')}" is not a date, 立行立改 or 长期坚持`);
    if (out.aspect) {
      const a = meeting.aspects.find((x) => norm(x.label) === norm(out.aspect) || norm(x.label).includes(norm(out.aspect)));
      if (a) out.aspectId = a.id;
      else out.warnings.push(`方面“${out.aspect}”不是本次会议的方面，导入后不分方面`);
    }
    for (const name of get('leaders').split(/[、，,；;\s]+/).filter(Boolean)) {
      const m = members.find((x) => x.name === name);
      if (m && !out.leaderIds.includes(m.id)) {
        out.leaderIds.push(m.id);
        out.leaders.push(m.name);
      } else if (!m) out.warnings.push(`责任领导“${name}”不是本班子成员，未导入`);
    }
    full.push(out);
  }
  if (full.length === 0 && errors.length === 0) errors.push({ message: '表头以下没有问题行', messageEn: 'There are no rows under the header' });
  return {
    sheet: sheet.name,
    headerRow: header.rowNumber,
    columns: columns.map((c) => ({ column: c.column, header: c.header, field: c.field, guessed: c.field !== null && c.field === c.guess })),
    rows: full.slice(0, 200),
    full,
    total: full.length,
    valid: full.filter((r) => r.errors.length === 0).length,
    errors,
  };
}

type Api = typeof rectificationApi;
export const sourceImportHandlers: Pick<HandlerMap<Api>, 'rectification.sourcePreview' | 'rectification.sourceImport'> = {
  async 'rectification.sourcePreview'(ctx, input) {
    const { full: _full, ...preview } = await readSource(ctx, input.meetingId, input.file, input.mapping);
    return preview;
  },
  async 'rectification.sourceImport'(ctx, input): Promise<{ list: RectificationList; imported: number }> {
    const read = await readSource(ctx, input.meetingId, input.file, input.mapping);
    const bad = [...read.errors, ...read.full.flatMap((r) => r.errors.map((message, i) => ({ message, messageEn: r.errorsEn[i] })))];
    if (bad.length) {
      throw new AppError('rectification.sourceInvalid', `导入文件有 ${bad.length} 处问题，未作任何修改：${bad.slice(0, 5).map((b) => b.message).join('；')}`, `The file has ${bad.length} problem(s); nothing was changed: ${bad.slice(0, 5).map((b) => b.messageEn).join('; ')}`);
    }
    const list = await ensureList(ctx, ctx.db, input.meetingId);
    let seq = await nextSeq(ctx.db, list.id);
    for (const r of read.full) {
      await insertItem(ctx, ctx.db, list.id, { aspectId: r.aspectId, memberId: null, problem: r.problem, target: r.target, measures: r.measures, leaderIds: r.leaderIds, unit: r.unit, ownerPerson: r.ownerPerson, deadline: r.deadline, note: r.note, originKind: input.originKind, origin: input.origin }, seq++);
    }
    return { list: await loadList(ctx, input.meetingId), imported: read.full.length };
  },
};
