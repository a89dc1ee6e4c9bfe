/**
 * 会议情况报告 draft (domain.md §5): every figure comes from the data (collectFacts, attendance, the list); a
 * sentence whose figure is missing because the feature was not used is left out, never written with a wrong 0.
 */
import type { ReportDraft, rectificationApi } from '../../common/api/rectification';
import { chineseNumeral } from '../../documents/gbt9704/chinese';
import { buildGbtDocument, type DocumentBlock } from '../../documents/gbt9704';
import { chineseDate } from '../../common/rectification/model';
import { groupItems } from '../../common/rectification/grouping';
import { localDate, type HandlerContext } from '../context';
import { saveExport } from '../files';
import { getAttendance, getMeeting } from '../meetings';
import { collectFacts } from '../meetings/facts';
import { readSettings } from '../settings';
import { meetingName } from '../prep/names';
import type { HandlerMap } from '../types';
import { findList, loadItems } from './store';

const ABSENCE_ZH = { leave: '请假', business_trip: '出差', other: '其他原因' } as const;

/** 「一是……；二是……」, or the one text alone (「一是」 with nothing after it reads as a slip). */
const enumerate = (texts: readonly string[]): string => {
  const clean = texts.map((t) => t.replace(/[。；\s]+$/u, ''));
  return clean.length === 1 ? clean[0] : clean.map((t, n) => `${chineseNumeral(n + 1)}是${t}`).join('；');
};

/** 「因病住院」 already says why: 「刘志强因病住院缺席」, not 「因因病住院」. */
const because = (reason: string): string => (reason.startsWith('因') ? reason : `因${reason}`);

/** The part of `position` naming the same organ as `previous` (up to its 组, 部, 委…), leaving two characters at least. */
function sharedOrgan(previous: string, position: string): string {
  let shared = 0;
  while (shared < previous.length && previous[shared] === position[shared]) shared++;
  for (let end = shared; end >= 4; end--) {
    if ('组部委室局办'.includes(position[end - 1]) && position.length - end >= 2) return position.slice(0, end);
  }
  return '';
}

/** 「市委第一督导组组长吴国平、成员郑美玲」: a position repeating the previous guest's organ is shortened. */
const guestList = (guests: readonly { position: string; name: string }[]): string =>
  guests.map((g, i) => `${g.position.slice(i > 0 ? sharedOrgan(guests[i - 1].position, g.position).length : 0)}${g.name}`).join('、');

export async function reportDraft(ctx: HandlerContext, meetingId: number): Promise<ReportDraft> {
  const meeting = await getMeeting(ctx, meetingId);
  const facts = await collectFacts(ctx, meetingId);
  const attendance = await getAttendance(ctx, meetingId);
  const today = localDate(ctx.now());
  const list = await findList(ctx.db, meetingId);
  const items = await loadItems(ctx, meetingId, today);
  const team = meeting.teamName.startsWith('中共') ? meeting.teamName : `中共${meeting.teamName}`;
  const kindName = meetingName(meeting).short;
  const missing: string[] = [];

  const prep: string[] = [];
  // A feature that holds nothing for this meeting reports 0: that is «not used», never a figure to print.
  if (facts.study?.sessions) prep.push(`坚持把学习贯穿始终，班子成员开展集中学习研讨${facts.study.sessions}次。`);
  else missing.push('学习研讨次数');
  if (facts.opinions?.raw) {
    const o = facts.opinions;
    const channels = o.byChannel.filter((c) => c.count > 0).map((c) => c.channel);
    const forms = o.formsIssued > 0 ? `发放征求意见表${o.formsIssued}份、收回${o.formsReturned}份，` : '';
    prep.push(`广泛征求意见${channels.length ? `，通过${channels.join('、')}等方式` : ''}，${forms}共收集意见建议${o.raw}条，梳理归纳为${o.consolidated}条，其中对领导班子的${o.toTeam}条、对班子成员个人的${o.toMembers}条，均原汁原味反馈本人。`);
  } else missing.push('征求意见条数');
  if (facts.talks?.personTimes) prep.push(`深入开展谈心谈话，班子成员之间、班子成员与分管部门负责人之间谈心谈话${facts.talks.personTimes}人次。`);
  else missing.push('谈心谈话人次');
  if (facts.materials?.total) {
    const m = facts.materials;
    const returned = m.returnedForRevision > 0 ? `，其中${m.returnedForRevision}份经退回修改后重新提交` : '';
    prep.push(`班子和班子成员认真撰写对照检查材料${m.total}份，经审核通过${m.approved}份${returned}。`);
  } else missing.push('对照检查材料份数');

  const held: string[] = [];
  const absent = attendance.rows.filter((r) => !r.present);
  const absentText = absent.map((r) => `${r.name}${because(r.note || (r.absenceReason ? ABSENCE_ZH[r.absenceReason] : '故'))}缺席`).join('，');
  const host = meeting.hostMemberId ? attendance.rows.find((r) => r.memberId === meeting.hostMemberId)?.name : null;
  const time = `${chineseDate(meeting.date)}${meeting.startTime ? `${Number(meeting.startTime.slice(0, 2))}时${meeting.startTime.slice(3) === '00' ? '' : `${Number(meeting.startTime.slice(3))}分`}` : ''}`;
  held.push(
    `${time}，${team}${meeting.place ? `在${meeting.place}` : ''}召开${kindName}${host ? `，${host}同志主持会议` : ''}。班子成员应到${attendance.expected}人，实到${attendance.present}人${absentText ? `，${absentText}` : ''}。`,
  );
  const supervisors = meeting.guests.filter((g) => g.kind === 'supervisor');
  const attendees = meeting.guests.filter((g) => g.kind === 'attendee');
  const guests = [supervisors.length ? `${guestList(supervisors)}到会督导` : '', attendees.length ? `${guestList(attendees)}列席会议` : ''].filter(Boolean);
  if (guests.length) held.push(`${guests.join('，')}。`);
  if (facts.minutes) {
    if (facts.minutes.agenda.length) held.push(`会议主要议程：${facts.minutes.agenda.map((a, i) => `${chineseNumeral(i + 1)}是${a.replace(/[。；]$/, '')}`).join('；')}。`);
    held.push(`班子成员逐一进行自我批评${facts.minutes.selfCriticisms ? `${facts.minutes.selfCriticisms}人次` : ''}，相互提出批评意见${facts.minutes.criticisms}条。`);
  } else missing.push('批评意见条数和会议议程');

  const problems: string[] = [];
  const measures: string[] = [];
  if (items.length > 0) {
    const groups = groupItems(items, 'aspect', { aspects: meeting.aspects.map((a) => a.id) });
    problems.push(`对照会议主题和检视要求，班子共查摆问题${items.length}个，主要是：`);
    groups.forEach((g, gi) => {
      problems.push(`（${chineseNumeral(gi + 1)}）${g.label.replace(/[。]$/, '')}。${enumerate(g.items.map((i) => i.problem))}。`);
    });
    const measureCount = items.reduce((n, i) => n + i.measures.length, 0);
    const agreed = list?.status === 'agreed' && list.agreed_on ? `，经${chineseDate(list.agreed_on)}班子会议审议通过` : '';
    // Said only when true: a draft may still lack owners.
    const owned = items.every((i) => i.leaders.length > 0 && i.unit.trim() !== '' && i.ownerPerson.trim() !== '') ? '每项均明确责任领导、责任单位、具体责任人和整改时限，' : '';
    measures.push(`会后，班子对查摆出的问题逐项研究，制定整改清单${agreed}，明确整改事项${items.length}项、整改措施${measureCount}条，${owned}做到完成一项、销号一项。`);
    const closed = items.filter((i) => i.status === 'closed').length;
    if (list?.status === 'agreed') measures.push(`截至${chineseDate(today)}，已完成整改并销号${closed}项${facts.rectification?.overdue ? `，逾期未完成${facts.rectification.overdue}项，已督促责任领导加快推进` : ''}。`);
    groups.forEach((g, gi) => {
      const all = [...new Set(g.items.flatMap((i) => i.measures))];
      if (all.length) measures.push(`（${chineseNumeral(gi + 1)}）${g.label.replace(/[。]$/, '')}。${enumerate(all)}。`);
    });
  } else missing.push('查摆问题和整改措施（整改清单尚未建立）');

  // Numbered after the empty ones are left out, so a report without 会前准备 starts at 「一、」.
  const sections = [
    { heading: '会前准备情况', paragraphs: prep },
    { heading: '会议召开情况', paragraphs: held },
    { heading: '查摆出的主要问题', paragraphs: problems },
    { heading: '整改措施和下一步打算', paragraphs: measures },
  ]
    .filter((s) => s.paragraphs.length > 0)
    .map((s, i) => ({ ...s, heading: `${chineseNumeral(i + 1)}、${s.heading}` }));
  const attachments = [
    facts.minutes ? '会议记录' : '',
    facts.materials ? '班子和班子成员对照检查材料' : '',
    items.length ? '整改清单' : '',
    facts.opinions ? '征求意见汇总表' : '',
  ].filter(Boolean);
  return { title: `${team}关于${kindName}召开情况的报告`, sections, attachments, missing };
}

export function reportBlocks(draft: ReportDraft, meeting: { teamName: string }, today: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: 'title', text: draft.title }, { kind: 'blankLine' }];
  for (const section of draft.sections) {
    blocks.push({ kind: 'heading1', text: section.heading });
    for (const p of section.paragraphs) {
      const run = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/s.exec(p);
      blocks.push(run ? { kind: 'heading2', heading: run[1], body: run[2] } : { kind: 'paragraph', text: p });
    }
  }
  if (draft.attachments.length) {
    blocks.push({ kind: 'blankLine' });
    draft.attachments.forEach((a, i) => blocks.push({ kind: 'plain', text: `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${draft.attachments.length > 1 ? `${i + 1}. ` : ''}${a}`, leftIndentChars: 2 }));
  }
  blocks.push({ kind: 'blankLine' }, { kind: 'blankLine' });
  blocks.push({ kind: 'plain', text: meeting.teamName.startsWith('中共') ? meeting.teamName : `中共${meeting.teamName}`, align: 'right', rightIndentChars: 4 });
  blocks.push({ kind: 'plain', text: chineseDate(today), align: 'right', rightIndentChars: 4 });
  return blocks;
}

export const reportHandlers: Pick<HandlerMap<typeof rectificationApi>, 'report.draft' | 'report.exportDocx'> = {
  'report.draft': (ctx, input) => reportDraft(ctx, input.meetingId),
  async 'report.exportDocx'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const draft = await reportDraft(ctx, input.meetingId);
    const settings = await readSettings(ctx);
    const bytes = await buildGbtDocument({ blocks: reportBlocks(draft, meeting, localDate(ctx.now())), settings: settings.document, meta: { title: draft.title } });
    return saveExport(ctx, { kind: 'report.docx', meetingId: input.meetingId, suggestedName: `${draft.title}（草稿）.docx`, filters: [{ name: 'Word 文档', extensions: ['docx'] }], bytes });
  },
};
