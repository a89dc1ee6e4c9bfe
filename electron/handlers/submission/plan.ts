/** What a 报送材料包 can carry for one meeting, each item ready or refused with the reason (domain.md §5, §9). */
import type { SubmissionPlan, SubmissionPlanItem } from '../../common/api/submission';
import { addDays } from '../../common/meetings/steps';
import { meetingName } from '../../common/meetings/name';
import { localDate, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { sessionRow } from '../minutes/state';
import { findList } from '../rectification/read';
import { reportDraft } from '../rectification/report';
import { readSettings } from '../settings';
import { listMembers } from '../teams';

const MATERIAL_STATE = {
  draft: { zh: '对照检查材料尚未提交', en: 'The material has not been submitted' },
  submitted: { zh: '对照检查材料已提交，尚未审核通过', en: 'The material is submitted but not approved yet' },
  returned: { zh: '对照检查材料已退回修改，尚未审核通过', en: 'The material was sent back for revision and is not approved' },
} as const;

export async function submissionPlan(ctx: HandlerContext, meetingId: number): Promise<SubmissionPlan> {
  const meeting = await getMeeting(ctx, meetingId);
  const settings = await readSettings(ctx);
  const name = meetingName(meeting);
  const items: SubmissionPlanItem[] = [];
  const item = (i: Omit<SubmissionPlanItem, 'suggested'> & { suggested?: boolean }) => items.push({ ...i, suggested: i.suggested ?? i.ready });

  const report = await reportDraft(ctx, meetingId);
  const left = report.missing.length;
  // Always ready: every sentence in it is backed by the data; what is not is left out, and the user is told how much.
  const leftOut = left ? { zh: `报告中有${left}项内容因数据不足未写入，可在“会议情况报告”中查看`, en: `${left} statements are left out of the report for want of data (see the report screen)` } : null;
  item({ key: 'report', group: 'report', title: report.title, formats: ['Word'], ready: true, reason: leftOut });

  const session = await sessionRow(ctx.db, meetingId);
  item({
    key: 'minutes',
    group: 'minutes',
    title: `${name.full}会议记录`,
    formats: ['Word'],
    ready: Boolean(session?.finalized_at),
    reason: session?.finalized_at ? null : { zh: '会议记录尚未定稿（主持人、记录人未确认）', en: 'The minutes are not finalised (chair and secretary have not confirmed)' },
  });

  const materials = await ctx.db.selectFrom('materials').select(['id', 'member_id', 'status']).where('meeting_id', '=', meetingId).execute();
  const members = await listMembers(ctx, meeting.teamId);
  const authors: { memberId: number | null; title: string }[] = [
    { memberId: null, title: `${meeting.teamName}领导班子对照检查材料` },
    ...members.map((m) => ({ memberId: m.id, title: `${m.name}同志对照检查材料` })),
  ];
  for (const author of authors) {
    const material = materials.find((m) => m.member_id === author.memberId);
    if (!material) {
      item({ key: `missing-material:${author.memberId ?? 'team'}`, group: 'material', title: author.title, formats: [], ready: false, reason: { zh: '没有对照检查材料', en: 'There is no material' } });
      continue;
    }
    const ready = material.status === 'approved';
    item({ key: `material:${material.id}`, group: 'material', title: author.title, formats: ['Word'], ready, reason: ready ? null : MATERIAL_STATE[material.status as keyof typeof MATERIAL_STATE] });
  }

  const list = await findList(ctx.db, meetingId);
  const agreed = list?.status === 'agreed';
  item({
    key: 'rectification',
    group: 'rectification',
    title: `${name.full}整改清单（审议通过版）`,
    formats: ['Word', 'Excel'],
    ready: agreed,
    reason: agreed ? null : list ? { zh: '整改清单尚未审议通过', en: 'The rectification list has not been agreed' } : { zh: '尚未建立整改清单', en: 'There is no rectification list yet' },
  });

  const opinions = await ctx.db.selectFrom('opinions').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
  const unsorted = await ctx.db
    .selectFrom('opinions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('consolidated_id', 'is', null)
    .executeTakeFirstOrThrow();
  const none = { zh: '尚未录入征求意见', en: 'No opinions have been entered' };
  const note = Number(unsorted.n) > 0 ? { zh: `其中${unsorted.n}条尚未梳理，汇总表中注明“未梳理”`, en: `${unsorted.n} not yet sorted; the summary marks them` } : null;
  item({ key: 'opinions', group: 'opinions', title: `${name.full}征求意见汇总表`, formats: ['Word'], ready: Number(opinions.n) > 0, reason: Number(opinions.n) > 0 ? note : none });
  item({ key: 'opinionStats', group: 'extra', title: `${name.full}征求意见情况统计`, formats: ['Excel'], ready: Number(opinions.n) > 0, reason: Number(opinions.n) > 0 ? null : none, suggested: false });

  return { items, due: addDays(meeting.date, settings.stepOffsets.report), today: localDate(ctx.now(), settings.timeZone || undefined) };
}
