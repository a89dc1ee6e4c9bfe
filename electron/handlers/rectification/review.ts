/**
 * 回头看 (domain.md §2, §5): every item of the team's lists that is not yet closed — whichever meeting it came from —
 * with its age, owners and the last progress entry, so open and overdue work is reported at the next meeting.
 * A fixed number of queries whatever the size of ten years of lists (bench/queries.ts keeps it in the budget).
 */
import type { ReviewRow, ReviewView, rectificationApi } from '../../common/api/rectification';
import { chineseDate, deadlineText, ORIGIN_ZH, SOURCE_ZH, STATUS_ZH } from '../../common/rectification/model';
import { isOverdue } from '../../common/rectification/overdue';
import { daysBetween } from '../../common/meetings/steps';
import { meetingName } from '../../common/meetings/name';
import { buildWorkbook } from '../../documents/workbook';
import { type HandlerContext } from '../context';
import { saveExport } from '../files';
import { getMeeting } from '../meetings';
import { userToday } from '../settings';
import type { HandlerMap } from '../types';
import { linksOf } from './linkRead';

export async function reviewView(ctx: HandlerContext, meetingId: number, today?: string): Promise<ReviewView> {
  const meeting = await getMeeting(ctx, meetingId);
  // Today in the user's time zone (domain of every date the app writes for the user), not main's.
  const day = today ?? await userToday(ctx);
  const open = ctx.db
    .selectFrom('rectification_items')
    .innerJoin('rectification_lists', 'rectification_lists.id', 'rectification_items.list_id')
    .innerJoin('meetings', 'meetings.id', 'rectification_lists.meeting_id')
    .where('meetings.team_id', '=', meeting.teamId)
    .where('rectification_items.status', '<>', 'closed');
  const rows = await open
    .select([
      'rectification_items.id',
      'rectification_items.seq',
      'rectification_items.problem',
      'rectification_items.status',
      'rectification_items.deadline_kind',
      'rectification_items.deadline_date',
      'rectification_items.unit',
      'rectification_items.owner_person',
      'rectification_items.created_at',
      'rectification_items.origin_kind',
      'rectification_items.origin',
      'rectification_lists.agreed_on',
      'meetings.id as meeting_id',
      'meetings.kind',
      'meetings.trigger',
      'meetings.year',
      'meetings.date',
    ])
    .select((eb) => [
      eb
        .selectFrom('rectification_progress as p')
        .select('p.id')
        .whereRef('p.item_id', '=', 'rectification_items.id')
        .orderBy('p.on_date', 'desc')
        .orderBy('p.id', 'desc')
        .limit(1)
        .as('last_progress_id'),
    ])
    .orderBy('meetings.date')
    .orderBy('rectification_items.seq')
    .execute();
  const ids = open.select('rectification_items.id');
  const leaders = await ctx.db
    .selectFrom('rectification_item_leaders')
    .innerJoin('members', 'members.id', 'rectification_item_leaders.member_id')
    .select(['rectification_item_leaders.item_id', 'members.name'])
    .where('rectification_item_leaders.item_id', 'in', ids)
    .orderBy('rectification_item_leaders.sort_order')
    .execute();
  const sources = await ctx.db.selectFrom('rectification_item_sources').select(['item_id', 'source_type']).where('item_id', 'in', ids).execute();
  const progressIds = rows.map((r) => r.last_progress_id).filter((x): x is number => x !== null);
  const progress = progressIds.length ? await ctx.db.selectFrom('rectification_progress').select(['id', 'on_date', 'text']).where('id', 'in', progressIds).execute() : [];
  const last = new Map(progress.map((p) => [p.id, p]));
  const links = await linksOf(ctx.db, { teamId: meeting.teamId });
  const group = <T extends { item_id: number }, V>(all: T[], pick: (t: T) => V) => {
    const map = new Map<number, V[]>();
    for (const row of all) map.set(row.item_id, [...(map.get(row.item_id) ?? []), pick(row)]);
    return map;
  };
  const l = group(leaders, (x) => x.name);
  const s = group(sources, (x) => SOURCE_ZH[x.source_type]);
  const out: ReviewRow[] = rows.map((r) => {
    const deadline = { kind: r.deadline_kind, date: r.deadline_date };
    const since = r.agreed_on ?? r.created_at.slice(0, 10);
    const p = r.last_progress_id === null ? undefined : last.get(r.last_progress_id);
    return {
      itemId: r.id,
      meetingId: r.meeting_id,
      meetingName: meetingName({ teamName: '', kind: r.kind, trigger: r.trigger, year: r.year }).short,
      seq: r.seq,
      problem: r.problem,
      sources: [...new Set([...(r.origin_kind === 'meeting' ? [] : [r.origin ? `${ORIGIN_ZH[r.origin_kind]}（${r.origin}）` : ORIGIN_ZH[r.origin_kind]]), ...(s.get(r.id) ?? [])])],
      originKind: r.origin_kind,
      status: r.status,
      overdue: isOverdue({ deadline, status: r.status }, day),
      deadline,
      leaders: l.get(r.id) ?? [],
      unit: r.unit,
      ownerPerson: r.owner_person,
      ageDays: Math.max(0, daysBetween(since, day)),
      lastProgress: p ? { date: p.on_date, text: p.text } : null,
      linked: (links.get(r.id) ?? []).map((l) => l.phrase),
      linkedIds: (links.get(r.id) ?? []).map((l) => l.itemId),
    };
  });
  return { today: day, rows: out, counts: distinctCounts(out) };
}

/** 同一问题 linked across sources is one piece of open work: counted once, overdue when any of its rows is. */
function distinctCounts(rows: readonly ReviewRow[]): ReviewView['counts'] {
  const seen = new Set<number>();
  let open = 0;
  let overdue = 0;
  const byId = new Map(rows.map((r) => [r.itemId, r]));
  for (const row of rows) {
    if (seen.has(row.itemId)) continue;
    const family = [row, ...row.linkedIds.map((id) => byId.get(id)).filter((r): r is ReviewRow => r !== undefined)];
    for (const r of family) seen.add(r.itemId);
    open++;
    if (family.some((r) => r.overdue)) overdue++;
  }
  return { open, overdue, rows: rows.length };
}

type Api = typeof rectificationApi;
export const reviewHandlers: Pick<HandlerMap<Api>, 'rectification.review' | 'rectification.exportReview'> = {
  'rectification.review': (ctx, input) => reviewView(ctx, input.meetingId, input.today),
  async 'rectification.exportReview'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const view = await reviewView(ctx, input.meetingId);
    const title = `${meeting.teamName}整改事项回头看清单`;
    const rows = view.rows.map((r, i) => ({
      n: i + 1,
      meeting: `${r.meetingName}第${r.seq}项`,
      problem: r.problem,
      source: [r.sources.join('、'), ...r.linked].filter(Boolean).join('\n'),
      leaders: r.leaders.join('、'),
      owners: [r.unit, r.ownerPerson].filter(Boolean).join('\n'),
      deadline: deadlineText(r.deadline),
      status: STATUS_ZH[r.status],
      overdue: r.overdue ? '逾期' : '',
      age: r.ageDays,
      last: r.lastProgress ? `${chineseDate(r.lastProgress.date)}：${r.lastProgress.text}` : '无进展记录',
    }));
    const bytes = await buildWorkbook({
      created: ctx.now(),
      sheets: [
        {
          name: '回头看',
          title,
          subtitle: `（截至${chineseDate(view.today)}，未销号${view.counts.open}项，其中逾期${view.counts.overdue}项${view.counts.rows > view.counts.open ? `；不同来源提出的同一问题合并计数，共${view.counts.rows}行` : ''}）`,
          columns: [
            { key: 'n', header: '序号', width: 6, align: 'center' },
            { key: 'meeting', header: '所属清单', width: 20 },
            { key: 'problem', header: '问题表现', width: 40 },
            { key: 'source', header: '问题来源', width: 12 },
            { key: 'leaders', header: '责任领导', width: 12, align: 'center' },
            { key: 'owners', header: '责任单位/具体责任人', width: 16 },
            { key: 'deadline', header: '整改时限', width: 14, align: 'center' },
            { key: 'status', header: '整改状态', width: 12, align: 'center' },
            { key: 'overdue', header: '逾期情况', width: 8, align: 'center' },
            { key: 'age', header: '已历天数', width: 8, align: 'center' },
            { key: 'last', header: '最近进展', width: 40 },
          ],
          rows,
          print: { orientation: 'landscape' },
        },
      ],
    });
    return saveExport(ctx, { kind: 'rectification.review', meetingId: input.meetingId, suggestedName: `${title}.xlsx`, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }], bytes });
  },
};
