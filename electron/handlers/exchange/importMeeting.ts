import type Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { latestVersion } from '../../../db/migrations';
import { hostEntries, reclassifyHostEntries } from '../../../db/migrations/012_host_entries';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, type ExchangePreview } from '../../common/api/exchange';
import { AppError } from '../../common/result';
import type { Cell, ExchangeFile } from './exportMeeting';
import { exchangeableTables, insertOrder, readSchema, type TableInfo } from './graph';
import { meetingRulesFields } from '../../common/api/meetings';
import { MAX_NOTICES, noticeSubject } from '../../common/meetings/rules';

const cellSchema = z.union([z.string().max(1_000_000), z.number(), z.null(), z.object({ $b64: z.string().max(90_000_000) }).strict()]);
const fileSchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT),
    version: z.number().int(),
    dataVersion: z.number().int().min(1),
    exportedAt: z.string().max(40),
    appVersion: z.string().max(40),
    root: z.object({ meetingId: z.number().int().positive() }).strict(),
    tables: z.record(z.string().max(64), z.object({ columns: z.array(z.string().max(64)).min(1).max(200), rows: z.array(z.array(cellSchema)).max(500_000) }).strict()),
  })
  .strict();

const refuse = (code: string, zh: string, en: string) => new AppError(`exchange.${code}`, `交换文件无法导入：${zh}`, `The exchange file cannot be imported: ${en}`);

/** Parses and validates an exchange file against this app's schema; every problem is a clear bilingual refusal. */
export function parseExchange(sqlite: Database.Database, bytes: Uint8Array): { file: ExchangeFile; schema: Map<string, TableInfo> } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse('notJson', '不是镜鉴交换文件（无法按 UTF-8 JSON 读取）', 'it is not a Jingjian exchange file (not UTF-8 JSON)');
  }
  if ((json as { format?: unknown })?.format !== EXCHANGE_FORMAT) throw refuse('notExchange', '不是镜鉴交换文件', 'it is not a Jingjian exchange file');
  if ((json as { scope?: unknown }).scope === 'material') throw refuse('wrongScope', '这是一份对照检查材料交换文件，请在该会议的“对照检查材料”页面导入', 'it holds one self-examination material; import it on the meeting\'s "Materials" page');
  if ((json as { version?: unknown }).version !== EXCHANGE_VERSION) throw refuse('version', `文件格式版本 ${String((json as { version?: unknown }).version)} 不受支持`, `format version ${String((json as { version?: unknown }).version)} is not supported`);
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw refuse('invalid', `内容格式有误（${where}）`, `its content is malformed (${where})`);
  }
  const file = parsed.data as ExchangeFile;
  if (file.dataVersion > latestVersion) throw refuse('tooNew', '文件来自更新版本的镜鉴，请先升级', 'it comes from a newer Jingjian; upgrade first');
  const schema = readSchema(sqlite);
  const exchangeable = exchangeableTables(schema);
  for (const [table, data] of Object.entries(file.tables)) {
    const info = schema.get(table);
    if (!info) throw refuse('unknownTable', `含有本程序不认识的数据表「${table}」`, `it holds an unknown table "${table}"`);
    if (!exchangeable.has(table)) throw refuse('notMeetingTable', `含有不属于会议的数据表「${table}」（如本单位的会议预设），会议交换文件不携带这类数据`, `it holds the table "${table}", which is no part of a meeting (such as the unit's meeting presets); a meeting exchange file does not carry it`);
    const local = new Set(info.columns.map((c) => c.name));
    const unknown = data.columns.find((c) => !local.has(c));
    if (unknown) throw refuse('unknownColumn', `数据表「${table}」含有未知字段「${unknown}」`, `table "${table}" has an unknown column "${unknown}"`);
    const missing = info.columns.find((c) => c.notnull && !c.hasDefault && !data.columns.includes(c.name) && c.name !== info.idColumn);
    if (missing) throw refuse('missingColumn', `数据表「${table}」缺少必需字段「${missing.name}」`, `table "${table}" lacks the required column "${missing.name}"`);
    if (data.rows.some((r) => r.length !== data.columns.length)) throw refuse('rowShape', `数据表「${table}」的记录列数不一致`, `rows of table "${table}" have the wrong number of values`);
  }
  for (const table of ['teams', 'meetings']) if (!file.tables[table]?.rows.length) throw refuse('noMeeting', '文件中没有会议或班子', 'it holds no meeting or team');
  return { file, schema };
}

const get = (file: ExchangeFile, table: string, row: Cell[], column: string) => row[file.tables[table].columns.indexOf(column)];
const rootMeeting = (file: ExchangeFile) => file.tables.meetings.rows.find((r) => get(file, 'meetings', r, 'id') === file.root.meetingId) ?? file.tables.meetings.rows[0];

function existing(sqlite: Database.Database, file: ExchangeFile) {
  const meeting = rootMeeting(file);
  const team = file.tables.teams.rows.find((r) => get(file, 'teams', r, 'id') === get(file, 'meetings', meeting, 'team_id')) ?? file.tables.teams.rows[0];
  const teamName = String(get(file, 'teams', team, 'name'));
  const localTeam = sqlite.prepare('SELECT id FROM teams WHERE name = ?').get(teamName) as { id: number } | undefined;
  const theme = String(get(file, 'meetings', meeting, 'theme'));
  const date = String(get(file, 'meetings', meeting, 'date'));
  const localMeeting = localTeam ? (sqlite.prepare('SELECT id FROM meetings WHERE team_id = ? AND date = ? AND theme = ?').get(localTeam.id, date, theme) as { id: number } | undefined) : undefined;
  return { team, teamName, localTeamId: localTeam?.id ?? null, theme, date, localMeetingId: localMeeting?.id ?? null };
}

export function previewExchange(sqlite: Database.Database, bytes: Uint8Array): ExchangePreview {
  const { file } = parseExchange(sqlite, bytes);
  const e = existing(sqlite, file);
  const conflicts: ExchangePreview['conflicts'] = [];
  if (e.localTeamId !== null) {
    conflicts.push({ code: 'teamExists', message: `本机已有「${e.teamName}」，将并入该班子：成员按姓名对应，本机没有的成员将新增`, messageEn: `"${e.teamName}" already exists here; the meeting joins it (members matched by name, missing ones added)` });
  }
  if (e.localMeetingId !== null) {
    conflicts.push({ code: 'meetingExists', message: `本机已有 ${e.date}「${e.theme}」会议：可以不导入，或作为副本导入`, messageEn: `A meeting "${e.theme}" on ${e.date} already exists here: skip it or import a copy` });
  }
  return {
    version: file.version,
    dataVersion: file.dataVersion,
    exportedAt: file.exportedAt,
    teamName: e.teamName,
    meetingTheme: e.theme,
    meetingDate: e.date,
    tables: Object.entries(file.tables).map(([table, data]) => ({ table, rows: data.rows.length })),
    conflicts,
    teamExists: e.localTeamId !== null,
    meetingExists: e.localMeetingId !== null,
  };
}

/**
 * This year's rules of an imported meeting (its 谈话函询 and 案例剖析 switches, its extra 通报 items) as the meeting
 * screen would accept them: the table's CHECKs hold the bare shape, this holds the rest (at most five items, no hidden
 * characters, each written as a subject — no 「通报…情况」 around it — and none twice). A file written before the
 * rules existed carries none: the meeting gets the defaults of its kind, as this app's own older meetings do.
 */
function checkRules(sqlite: Database.Database, meetingId: number): void {
  const row = sqlite.prepare('SELECT case_analysis AS c, report_inquiries AS r FROM meeting_rules WHERE meeting_id = ?').get(meetingId) as { c: number; r: number } | undefined;
  const notices = (sqlite.prepare('SELECT subject FROM meeting_notices WHERE meeting_id = ? ORDER BY sort_order, id').all(meetingId) as { subject: string }[]).map((n) => n.subject);
  if (notices.length > MAX_NOTICES) throw refuse('rules', `会议的通报事项有 ${notices.length} 项，超过 ${MAX_NOTICES} 项的上限，未导入任何内容`, `the meeting has ${notices.length} report items, more than the ${MAX_NOTICES} allowed; nothing was imported`);
  const parsed = meetingRulesFields.safeParse({ caseAnalysis: row?.c === 1, reportInquiries: row?.r === 1, notices });
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (issue) {
    const words = (issue as { params?: { zh?: string; en?: string } }).params;
    throw refuse('rules', `会议的通报事项或会议设置有误（${words?.zh ?? issue.message}），未导入任何内容`, `the meeting's report items or settings are invalid (${words?.en ?? issue.message}); nothing was imported`);
  }
  const bad = notices.find((n, i) => noticeSubject(n) !== n || notices.indexOf(n) !== i);
  if (bad !== undefined) throw refuse('rules', `会议的通报事项「${bad}」写法不规范或重复，未导入任何内容`, `the meeting's report item "${bad}" is malformed or listed twice; nothing was imported`);
}

const toValue = (c: Cell) => (c !== null && typeof c === 'object' ? Buffer.from(c.$b64, 'base64') : c);

/** Imports in one transaction with every id renumbered; any problem rolls everything back. */
export function importExchange(sqlite: Database.Database, bytes: Uint8Array, onExisting: 'refuse' | 'copy'): { teamId: number; meetingId: number; rows: number } {
  const { file, schema } = parseExchange(sqlite, bytes);
  const e = existing(sqlite, file);
  if (e.localMeetingId !== null && onExisting === 'refuse') {
    throw new AppError('exchange.meetingExists', `本机已有 ${e.date}「${e.theme}」会议，未导入任何内容`, `A meeting "${e.theme}" on ${e.date} already exists; nothing was imported`);
  }
  const run = sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    const ids = new Map<string, Map<number, number>>();
    const skip = new Map<string, Set<number>>();
    const teamOldId = Number(get(file, 'teams', e.team, 'id'));
    if (e.localTeamId !== null) {
      ids.set('teams', new Map([[teamOldId, e.localTeamId]]));
      skip.set('teams', new Set([teamOldId]));
      const byName = new Map((sqlite.prepare('SELECT id, name FROM members WHERE team_id = ?').all(e.localTeamId) as { id: number; name: string }[]).map((m) => [m.name, m.id]));
      const members = new Map<number, number>();
      for (const row of file.tables.members?.rows ?? []) {
        const local = byName.get(String(get(file, 'members', row, 'name')));
        if (local !== undefined) members.set(Number(get(file, 'members', row, 'id')), local);
      }
      ids.set('members', members);
      skip.set('members', new Set(members.keys()));
    }
    // New ids for every remaining row, decided before any insert so that links in any direction can be rewritten.
    for (const [table, data] of Object.entries(file.tables)) {
      const info = schema.get(table)!;
      if (!info.idColumn) continue;
      const map = ids.get(table) ?? new Map<number, number>();
      let next = (sqlite.prepare(`SELECT coalesce(max(id), 0) AS m FROM "${table}"`).get() as { m: number }).m + 1;
      for (const row of data.rows) {
        const old = Number(get(file, table, row, 'id'));
        if (!map.has(old)) map.set(old, next++);
      }
      ids.set(table, map);
    }
    let count = 0;
    for (const table of insertOrder(schema)) {
      const data = file.tables[table];
      if (!data) continue;
      const info = schema.get(table)!;
      const insert = sqlite.prepare(`INSERT INTO "${table}" (${data.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${data.columns.map(() => '?').join(', ')})`);
      for (const row of data.rows) {
        const oldId = info.idColumn ? Number(get(file, table, row, 'id')) : null;
        if (oldId !== null && skip.get(table)?.has(oldId)) continue;
        const values = data.columns.map((column, i) => {
          if (column === info.idColumn) return ids.get(table)!.get(Number(row[i]))!;
          const fk = info.foreignKeys.find((f) => f.from === column);
          const value = toValue(row[i]);
          if (!fk || value === null || !schema.get(fk.table)?.idColumn || fk.to !== 'id') return value;
          const mapped = ids.get(fk.table)?.get(Number(value));
          if (mapped !== undefined) return mapped;
          // A link to a row that did not travel: cleared when the column allows it, refused otherwise.
          if (!info.columns.find((c) => c.name === column)!.notnull) return null;
          throw refuse('brokenLink', `数据表「${table}」的记录指向文件中不存在的记录`, `a row of table "${table}" points to a record missing from the file`);
        });
        insert.run(...values);
        count++;
      }
    }
    const meetingId = ids.get('meetings')!.get(file.root.meetingId)!;
    // A file written before the minutes had 主持: the host's words were typed 其他 there; they become 主持 here as they
    // did in this app's own data (db/migrations/012_host_entries.ts).
    if (file.dataVersion < hostEntries.version) sqlite.prepare(reclassifyHostEntries('meeting_id = ?')).run(meetingId);
    for (const row of file.tables.meetings.rows) checkRules(sqlite, ids.get('meetings')!.get(Number(get(file, 'meetings', row, 'id')))!);
    const problems = sqlite.prepare('PRAGMA foreign_key_check').all();
    if (problems.length > 0) throw refuse('links', `关联记录不一致（${problems.length} 处），未导入任何内容`, `${problems.length} broken links; nothing was imported`);
    return { teamId: ids.get('teams')!.get(teamOldId)!, meetingId, rows: count };
  });
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) throw refuse('constraint', `内容不符合数据规则（长度、日期或取值有误），未导入任何内容：${(error as Error).message}`, `its content breaks the data rules (length, date or value); nothing was imported: ${(error as Error).message}`);
    throw error;
  }
}
