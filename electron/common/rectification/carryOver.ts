/**
 * 通报上年度整改落实情况 (回头看) as sentences from last year's list: each a claim about the items as they stand today.
 * 「正在推进」 is said only of items in progress (not of those never started), 「制定整改措施」 only of an agreed list
 * that has measures,
 * and the reason given for an open item is its recorded progress, never its 备注.
 */
import { STATUS_ZH, chineseDate, type ItemStatus } from './model';

export interface CarryOverItem {
  seq: number;
  problem: string;
  measures: number;
  status: ItemStatus;
  overdue: boolean;
  leaders: string[];
  ownerPerson: string;
  progress: string;
  closedOn: string | null;
  acceptor: string;
}

export interface CarryOverFacts {
  /** 「2025年度民主生活会」 / 「2025年6月10日召开的巡察整改专题民主生活会」. */
  meetingLabel: string;
  agreed: boolean;
  day: string;
  items: CarryOverItem[];
  /** What the list calls its problems: 查摆问题 for a meeting's list, 反馈问题 for a 巡察 or 审计 list. */
  noun?: string;
}

/** A text as a clause inside a sentence: without its own closing punctuation, so 「…。。」 never appears. */
const clause = (text: string): string => text.trim().replace(/[。；;，,.\s]+$/u, '');

/** What was recorded as the item's progress, or the plain fact that nothing was. */
export const progressOrNone = (item: Pick<CarryOverItem, 'progress'>): string => clause(item.progress) || '尚未填写整改进展';

export function carryOverParagraphs(f: CarryOverFacts): string[] {
  const items = f.items;
  if (items.length === 0) return [];
  const count = (s: ItemStatus) => items.filter((i) => i.status === s).length;
  const measures = items.reduce((n, i) => n + i.measures, 0);
  const leaders = (i: CarryOverItem) => i.leaders.join('、') || '未明确';
  // A list without measures (a 巡察 ledger imported with problems only) says nothing of measures: never 「0条」.
  const head = f.agreed
    ? `${f.meetingLabel}共${f.noun ?? '查摆问题'}${items.length}个${measures > 0 ? `，制定整改措施${measures}条` : ''}。`
    : `${f.meetingLabel}整改清单未经审议通过，草稿列有问题${items.length}个${measures > 0 ? `、整改措施${measures}条` : ''}。`;
  const closed = count('closed');
  const parts = [closed > 0 ? `已完成整改并销号${closed}项` : '尚无已销号事项'];
  if (count('done_pending') > 0) parts.push(`已完成待验收${count('done_pending')}项`);
  if (count('ongoing') > 0) parts.push(`需长期坚持${count('ongoing')}项`);
  if (count('in_progress') > 0) parts.push(`正在推进${count('in_progress')}项`);
  if (count('not_started') > 0) parts.push(`尚未启动${count('not_started')}项`);
  const paragraphs = [`${head}截至${chineseDate(f.day)}，${parts.join('，')}。`];
  const done = items.filter((i) => i.status === 'closed');
  if (done.length > 0) {
    paragraphs.push(`已销号事项：${done.map((i) => `第${i.seq}项（责任领导：${leaders(i)}${i.closedOn ? `，${chineseDate(i.closedOn)}` : ''}${i.acceptor ? `经${i.acceptor}验收销号` : '销号'}）`).join('；')}。`);
  }
  for (const i of items.filter((x) => x.status === 'done_pending' || x.status === 'ongoing')) {
    paragraphs.push(`第${i.seq}项${i.status === 'ongoing' ? '需长期坚持' : STATUS_ZH[i.status]}：${progressOrNone(i)}。责任领导：${leaders(i)}。`);
  }
  for (const i of items.filter((x) => x.status === 'not_started' || x.status === 'in_progress')) {
    paragraphs.push(`未完成事项第${i.seq}项：${clause(i.problem)}。目前状态为${STATUS_ZH[i.status]}${i.overdue ? '，已超过整改时限' : ''}。原因及进展：${progressOrNone(i)}。责任领导：${leaders(i)}；具体责任人：${i.ownerPerson.trim() || '未明确'}。`);
  }
  return paragraphs;
}
