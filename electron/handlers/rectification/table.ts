/**
 * The rows every export shares (xlsx, docx, csv, print HTML), from the current list or from the agreed snapshot,
 * so the four formats always say the same thing.
 */
import type { AgreedItem, RectificationItem } from '../../common/api/rectification';
import { ORIGIN_ZH, STATUS_ZH, SOURCE_ZH, chineseDate, deadlineText } from '../../common/rectification/model';
import { scopeItems } from '../../common/rectification/grouping';
import { AppError } from '../../common/result';
import type { HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { agreedSnapshot } from './agree';
import { findList, loadItems } from './store';
import { linksOfList } from './linkRead';
import { userToday } from '../settings';
import { meetingName } from '../prep/names';

export type Scope = 'all' | 'team' | number;
export type Version = 'current' | 'agreed';

export interface ExportColumn {
  key: string;
  /** As Excel and CSV head it, and as the re-import reads it back. */
  header: string;
  /** As Word and the print head a narrow column: broken between words (「责任\n领导」), never inside one. */
  printHeader?: string;
  /** Share of the width in the Word/print table; Excel widths derive from it. */
  share: number;
  center?: boolean;
}

export interface ExportTable {
  title: string;
  subtitle: string;
  fileBase: string;
  columns: ExportColumn[];
  rows: Record<string, string | number>[];
  version: Version;
}

// Shares are sized so that a narrow column holds its header two characters a line, and names, 「立行立改」「长期坚持」
// and 「已完成待验收」 (three a line) whole, at the print sizes.
const BASE: ExportColumn[] = [
  { key: 'seq', header: '序号', share: 4.5, center: true },
  { key: 'aspect', header: '方面', share: 8 },
  { key: 'problem', header: '问题表现', share: 16 },
  { key: 'source', header: '问题来源', printHeader: '问题\n来源', share: 7 },
  { key: 'target', header: '整改目标', share: 9 },
  { key: 'measures', header: '整改措施', share: 16 },
  { key: 'leaders', header: '责任领导', printHeader: '责任\n领导', share: 6, center: true },
  { key: 'unit', header: '责任单位', printHeader: '责任\n单位', share: 6 },
  { key: 'ownerPerson', header: '具体责任人', printHeader: '具体\n责任人', share: 6, center: true },
  { key: 'deadline', header: '整改时限', printHeader: '整改\n时限', share: 7, center: true },
];
const FOLLOW_UP: ExportColumn[] = [
  { key: 'progress', header: '整改进展', share: 12 },
  { key: 'status', header: '整改状态', printHeader: '整改\n状态', share: 7, center: true },
  { key: 'evidence', header: '佐证材料', printHeader: '佐证\n材料', share: 6 },
  { key: 'closedOn', header: '销号日期', share: 5, center: true },
  { key: 'acceptor', header: '验收人', share: 4, center: true },
];
const NOTE: ExportColumn = { key: 'note', header: '备注', share: 5 };
/** Word and the print show 销号日期 and 验收人 in one column, as units' tables do; Excel keeps them apart for re-import. */
const CLOSING: ExportColumn = { key: 'closing', header: '销号日期/验收人', printHeader: '销号日期\n验收人', share: 7.5, center: true };

const numbered = (texts: readonly string[]) => (texts.length <= 1 ? (texts[0] ?? '') : texts.map((t, i) => `${i + 1}. ${t}`).join('\n'));

function sourceLabel(item: RectificationItem): string {
  const types = [...new Set(item.sources.map((s) => SOURCE_ZH[s.type]))];
  // An item of another rectification (巡察, 审计…) names that source first, in the source's own words.
  if (item.originKind !== 'meeting') types.unshift(item.origin ? `${ORIGIN_ZH[item.originKind]}（${item.origin}）` : ORIGIN_ZH[item.originKind]);
  return [types.join('、'), ...linkLines(item.linked)].filter(Boolean).join('\n');
}

/** 「与本清单第7项（县委第三巡察组反馈意见）为同一问题」: every export names the items linked as the same problem. */
export const linkLines = (linked: readonly { phrase: string }[]): string[] => linked.map((l) => l.phrase);

/**
 * 佐证材料 as every export shows it: the files' names, and for an item closed without a stored file a mark that says
 * so with the 验收人's reason (domain.md §10: never 已销号 without evidence, unmarked).
 */
export function noEvidenceMark(item: RectificationItem): string {
  if (!item.closedWithoutEvidence) return '';
  return item.noEvidenceReason ? `无佐证材料销号（验收人说明：${item.noEvidenceReason}）` : '无佐证材料销号';
}

export function evidenceCell(item: RectificationItem): string {
  const names = item.evidence.map((e) => (e.stored ? e.name : `${e.name}（仅登记名称）`));
  return [...names, noEvidenceMark(item)].filter(Boolean).join('\n');
}

function currentRow(item: RectificationItem, today: string): Record<string, string | number> {
  return {
    id: item.id,
    seq: item.seq,
    aspect: item.aspectLabel,
    problem: item.problem,
    source: sourceLabel(item),
    target: item.target,
    measures: numbered(item.measures),
    leaders: item.leaders.map((l) => l.name).join('、'),
    unit: item.unit,
    ownerPerson: item.ownerPerson,
    deadline: deadlineText(item.deadline),
    progress: item.progress,
    // 逾期 is shown beside the status, never stored; the Excel cell keeps the plain status so it can be re-imported.
    status: STATUS_ZH[item.status],
    overdue: item.overdue ? `逾期（截至${chineseDate(today)}）` : '',
    evidence: evidenceCell(item),
    // Printed with the closing too, so a Word or PDF without the 佐证材料 column still says it.
    noEvidence: noEvidenceMark(item),
    closedOn: item.closedOn ?? '',
    acceptor: item.acceptor,
    note: item.note,
  };
}

function agreedRow(item: AgreedItem, links: ReadonlyMap<number, readonly { phrase: string }[]>): Record<string, string | number> {
  return {
    seq: item.seq,
    aspect: item.aspectLabel,
    problem: item.problem,
    // A link made after agreement is named too: it says who else raised the problem, it changes nothing agreed.
    source: [...new Set(item.sources), ...linkLines(links.get(item.id) ?? [])].join('\n'),
    target: item.target,
    measures: numbered(item.measures),
    leaders: item.leaders.join('、'),
    unit: item.unit,
    ownerPerson: item.ownerPerson,
    deadline: deadlineText(item.deadline),
    note: item.note,
  };
}

export async function exportTable(ctx: HandlerContext, meetingId: number, version: Version, scope: Scope): Promise<ExportTable> {
  const meeting = await getMeeting(ctx, meetingId);
  const today = await userToday(ctx);
  const list = await findList(ctx.db, meetingId);
  const name = meetingName(meeting).full;
  let scopeName = '';
  if (typeof scope === 'number') {
    const member = await ctx.db.selectFrom('members').select('name').where('id', '=', scope).where('team_id', '=', meeting.teamId).executeTakeFirst();
    if (!member) throw new AppError('notFound', `本班子成员（编号 ${scope}）不存在`, `Team member #${scope} does not exist`);
    scopeName = `${member.name}个人`;
  } else if (scope === 'team') scopeName = '班子';
  const title = `${name}${scopeName}整改清单`;
  if (version === 'agreed') {
    const snapshot = await agreedSnapshot(ctx, meetingId);
    if (!snapshot) throw new AppError('rectification.notAgreed', '整改清单尚未审议通过，没有审议通过版本', 'The list has not been agreed yet; there is no agreed version');
    const items = snapshot.items.filter((i) => scope === 'all' || (scope === 'team' ? i.memberId === null : i.memberId === scope));
    const links = list ? await linksOfList(ctx.db, list.id) : new Map<number, { phrase: string }[]>();
    return { title, subtitle: `（${chineseDate(snapshot.agreedOn)}审议通过）`, fileBase: `${title}（审议通过版）`, columns: [...BASE, NOTE], rows: items.map((i) => agreedRow(i, links)), version };
  }
  const items = scopeItems(await loadItems(ctx, meetingId, today), scope);
  const state = list?.status === 'agreed' && list.agreed_on ? `${chineseDate(list.agreed_on)}审议通过` : '草稿';
  return {
    title,
    subtitle: `（${state}，进展统计至${chineseDate(today)}）`,
    fileBase: title,
    columns: [...BASE, ...FOLLOW_UP, NOTE],
    rows: items.map((i) => currentRow(i, today)),
    version,
  };
}

/** The columns as Word and the print show them. */
export function printedColumns(table: ExportTable): ExportColumn[] {
  return table.columns.filter((c) => c.key !== 'acceptor').map((c) => (c.key === 'closedOn' ? CLOSING : c));
}

/**
 * A cell as printed (Word, PDF), where nobody re-imports it: 已逾期 under the status, the closing date the GB/T 9704 way
 * with its acceptor, one leader per line in the narrow column.
 */
export function printedCell(row: Record<string, string | number>, key: string): string {
  const text = (k: string) => String(row[k] ?? '');
  switch (key) {
    case 'status':
      // The subtitle gives the day the figures stand at: 「已逾期」 is enough in the narrow column.
      return row.overdue ? `${text('status')}\n已逾期` : text('status');
    case 'closing':
      return [row.closedOn ? chineseDate(text('closedOn')) : '', text('acceptor'), text('noEvidence')].filter(Boolean).join('\n');
    case 'leaders':
      return text('leaders').split('、').join('\n');
    default:
      return text(key);
  }
}
