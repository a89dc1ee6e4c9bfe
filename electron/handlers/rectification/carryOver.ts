/**
 * 通报上年度整改落实情况 (回头看) for the next meeting, built from the previous list: done, in progress, not done
 * and why, who; and carrying open items into the new list as 上年未完成.
 */
import type { CarryOverReport, OpeningNotice, RectificationItem, rectificationApi } from '../../common/api/rectification';
import { noticeTitle } from '../../common/meetings/rules';
import { getMeeting } from '../meetings';
import { ORIGIN_ZH, STATUS_ZH, chineseDate } from '../../common/rectification/model';
import { carryOverParagraphs, progressOrNone } from '../../common/rectification/carryOver';
import { type HandlerContext } from '../context';
import { userToday } from '../settings';
import type { HandlerMap } from '../types';
import { meetingName } from '../prep/names';
import { previousMeetingOf } from './previous';
import { lastYearCandidates } from './sources';
import { ensureList, loadItems, loadList } from './store';
import { addSources, insertItem, nextSeq } from './write';
import { AppError } from '../../common/result';

const asFacts = (i: RectificationItem) => ({ seq: i.seq, problem: i.problem, measures: i.measures.length, status: i.status, overdue: i.overdue, leaders: i.leaders.map((l) => l.name), ownerPerson: i.ownerPerson, progress: i.progress, closedOn: i.closedOn, acceptor: i.acceptor });

/**
 * 通报××整改整治情况 (domain.md §9: the 2025年度 meetings reported the 学习教育 整改整治 beside last year's list): for
 * each other source in this meeting's ledger, the same claims as the 回头看 paragraph, from that source's items only.
 */
export async function otherSourceReports(ctx: HandlerContext, meetingId: number, day: string): Promise<CarryOverReport['sources']> {
  const items = (await loadItems(ctx, meetingId, day)).filter((i) => i.originKind !== 'meeting');
  const groups = new Map<string, RectificationItem[]>();
  for (const i of items) groups.set(`${i.originKind}\u0000${i.origin}`, [...(groups.get(`${i.originKind}\u0000${i.origin}`) ?? []), i]);
  return [...groups.values()].map((group) => {
    const { originKind, origin } = group[0];
    const label = origin || ORIGIN_ZH[originKind];
    const title = `通报${label}${/整改|整治/.test(label) ? '' : '整改'}情况`;
    return { originKind, origin, title, paragraphs: carryOverParagraphs({ meetingLabel: label, agreed: true, day, items: group.map(asFacts), noun: '反馈问题' }) };
  });
}

export async function carryOverReport(ctx: HandlerContext, meetingId: number, today?: string): Promise<CarryOverReport> {
  const day = today ?? await userToday(ctx);
  const sources = await otherSourceReports(ctx, meetingId, day);
  const previous = await previousMeetingOf(ctx, meetingId);
  if (!previous) return { previousMeeting: null, paragraphs: [], open: [], sources };
  const items = await loadItems(ctx, previous.id, day);
  const list = await ctx.db.selectFrom('rectification_lists').select('status').where('id', '=', previous.list_id).executeTakeFirstOrThrow();
  const carried = new Set(
    (
      await ctx.db
        .selectFrom('rectification_item_sources')
        .innerJoin('rectification_items', 'rectification_items.id', 'rectification_item_sources.item_id')
        .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
        .select('rectification_item_sources.source_id')
        .where('rectification_lists.meeting_id', '=', meetingId)
        .where('rectification_item_sources.source_type', '=', 'last_year')
        .execute()
    ).map((r) => r.source_id),
  );
  const name = meetingName({ ...previous, teamName: '' }).short;
  const paragraphs = carryOverParagraphs({
    meetingLabel: previous.kind === 'annual' ? name : `${chineseDate(previous.date)}召开的${name}`,
    agreed: list.status === 'agreed',
    day,
    items: items.map((i) => ({ seq: i.seq, problem: i.problem, measures: i.measures.length, status: i.status, overdue: i.overdue, leaders: i.leaders.map((l) => l.name), ownerPerson: i.ownerPerson, progress: i.progress, closedOn: i.closedOn, acceptor: i.acceptor })),
  });
  const why = (i: (typeof items)[number]) => progressOrNone(i);
  return {
    previousMeeting: { id: previous.id, year: previous.year, kind: previous.kind, date: previous.date, theme: previous.theme },
    paragraphs,
    sources,
    open: items
      .filter((i) => i.status !== 'closed')
      .map((i) => ({ id: i.id, seq: i.seq, problem: i.problem, status: i.status, leaders: i.leaders.map((l) => l.name), why: why(i), carried: carried.has(i.id) })),
  };
}

/** 「中央八项规定精神学习教育整改整治（情况）」 and a source named 「中央八项规定精神学习教育整改整治」 are the same subject. */
const subjectKey = (s: string): string => s.trim().replace(/情况$/u, '').replace(/(整改整治|整治|整改)$/u, '').trim();

/** One extra 通报 item from the ledger: the other sources of this meeting whose name is the subject's, or why there is none. */
function noticeFor(subject: string, report: CarryOverReport): OpeningNotice {
  const title = noticeTitle(subject);
  const matched = report.sources.filter((s) => subjectKey(s.origin || s.title.replace(/^通报|情况$/gu, '')) === subjectKey(subject));
  if (matched.length === 0) {
    const held = report.sources.map((s) => s.origin || s.title).join('、');
    const gap = `整改台账中没有来源为「${subject}」的事项`;
    return {
      kind: 'notice', title, paragraphs: [], gap,
      missing: `${gap}${held ? `（台账中的其他来源：${held}）` : ''}，通报数字无从生成；请在整改清单中导入或录入该来源的事项`,
      missingEn: `The ledger holds no item from "${subject}"${held ? ` (other sources held: ${held})` : ''}, so no figures can be given; import or enter that source's items in the rectification list`,
    };
  }
  return { kind: 'notice', title, paragraphs: matched.flatMap((s) => s.paragraphs), missing: '', missingEn: '', gap: '' };
}

/**
 * The meeting's opening 通报 items (domain.md §9), each from the ledger and nothing else — the one source of the numbers
 * the agenda, the 会议记录, the 主持词 and the report show: the extra 通报 items the meeting's rules name (or the
 * subjects given, e.g. the 通报 items of the console's agenda), matched to the other sources in this meeting's ledger
 * by name, then 通报上年度民主生活会整改落实情况 from the previous list.
 */
export async function openingNotices(ctx: HandlerContext, meetingId: number, today?: string, subjects?: readonly string[]): Promise<OpeningNotice[]> {
  const meeting = await getMeeting(ctx, meetingId);
  const report = await carryOverReport(ctx, meetingId, today);
  const notices = (subjects ?? meeting.rules.notices).map((subject) => noticeFor(subject, report));
  const none = report.previousMeeting ? '上次民主生活会的整改清单没有事项' : '本班子此前没有民主生活会的整改清单';
  const lastYear: OpeningNotice = report.previousMeeting && report.paragraphs.length > 0
    ? { kind: 'last_year', title: '通报上年度民主生活会整改落实情况', paragraphs: report.paragraphs, missing: '', missingEn: '', gap: '' }
    : {
        kind: 'last_year', title: '通报上年度民主生活会整改落实情况', paragraphs: [], missing: none, gap: none,
        missingEn: report.previousMeeting ? 'The previous meeting\'s rectification list has no items' : 'This team has no earlier meeting with a rectification list',
      };
  return [...notices, lastYear];
}

export const carryOverHandlers: Pick<HandlerMap<typeof rectificationApi>, 'rectification.carryOver' | 'rectification.carryItems' | 'rectification.opening'> = {
  'rectification.carryOver': (ctx, input) => carryOverReport(ctx, input.meetingId, input.today),
  'rectification.opening': (ctx, input) => openingNotices(ctx, input.meetingId, input.today),

  async 'rectification.carryItems'(ctx, input) {
    const candidates = await lastYearCandidates(ctx, input.meetingId);
    const previous = (await previousMeetingOf(ctx, input.meetingId))!;
    const oldItems = previous ? await loadItems(ctx, previous.id, await userToday(ctx)) : [];
    const picked = input.itemIds.map((id) => {
      const source = candidates.find((c) => c.id === id);
      const old = oldItems.find((i) => i.id === id);
      if (!source || !old) throw new AppError('rectification.notOpen', `上年度事项（编号 ${id}）不存在或已销号，未作任何修改`, `Last year's item #${id} does not exist or is closed; nothing was changed`);
      return { source, old };
    });
    const existing = await lastYearLinked(ctx, input.meetingId);
    const list = await ensureList(ctx, ctx.db, input.meetingId);
    for (const { source, old } of picked) {
      if (existing.has(old.id)) continue;
      // Copied as it stood (deadline included): the team sets a new deadline when it agrees the new list.
      const id = await insertItem(ctx, ctx.db, list.id, { aspectId: null, memberId: old.memberId, problem: old.problem, target: old.target, measures: old.measures, leaderIds: old.leaders.map((l) => l.memberId), unit: old.unit, ownerPerson: old.ownerPerson, deadline: old.deadline, note: `上年度清单第${old.seq}项结转，原状态：${STATUS_ZH[old.status]}` }, await nextSeq(ctx.db, list.id));
      await addSources(ctx, ctx.db, id, [source]);
    }
    return loadList(ctx, input.meetingId);
  },
};

async function lastYearLinked(ctx: HandlerContext, meetingId: number): Promise<Set<number>> {
  const rows = await ctx.db
    .selectFrom('rectification_item_sources')
    .innerJoin('rectification_items', 'rectification_items.id', 'rectification_item_sources.item_id')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .select('rectification_item_sources.source_id')
    .where('rectification_lists.meeting_id', '=', meetingId)
    .where('rectification_item_sources.source_type', '=', 'last_year')
    .execute();
  return new Set(rows.map((r) => r.source_id));
}
