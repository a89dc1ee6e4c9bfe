import { noticeTitle } from '../../common/meetings/rules';
import type { DocumentBlock } from '../../documents/gbt9704';
import { formatChineseDate } from '../../documents/gbt9704';
import type { Meeting } from '../../common/api/meetings';
import type { Member } from '../../common/api/teams';
import { AGENDA, clockText, STEP_TEXT, weekday } from './texts';
import { chineseOrdinal, meetingName } from './names';

export interface PlanData {
  meeting: Meeting;
  members: Member[];
  /** Steps with their due dates, from the dashboard offsets. */
  steps: { key: string; due: string; offsetDays: number }[];
  issueDate: string;
}

const people = (list: { name: string; position: string }[]) => list.map((p) => (p.position ? `${p.name}（${p.position}）` : p.name)).join('；');

/** The 会议方案 (domain.md §2 T−30…T−20): theme, time and place, who attends, preparation steps with dates, agenda. */
export function planBlocks({ meeting, members, steps, issueDate }: PlanData): DocumentBlock[] {
  const name = meetingName(meeting);
  const host = members.find((m) => m.id === meeting.hostMemberId) ?? members.find((m) => m.role === 'secretary');
  const attendees = meeting.guests.filter((g) => g.kind === 'attendee');
  const supervisors = meeting.guests.filter((g) => g.kind === 'supervisor');
  const time = [formatChineseDate(meeting.date), `（${weekday(meeting.date)}）`, clockText(meeting.startTime)].join('');
  const before = steps.filter((s) => s.offsetDays < 0 && STEP_TEXT[s.key as keyof typeof STEP_TEXT]);
  const after = steps.filter((s) => s.offsetDays > 0 && STEP_TEXT[s.key as keyof typeof STEP_TEXT]);
  const fixed = AGENDA.filter((a) => !a.inquiries || meeting.rules.reportInquiries);
  const agenda = [fixed[0], ...meeting.rules.notices.map((subject) => ({ text: `${noticeTitle(subject)}。` })), ...fixed.slice(1)];
  const reason =
    meeting.kind === 'special' && meeting.triggerReason
      ? `${meeting.triggerReason}为认真抓好整改落实，经研究，决定召开${name.short}。`
      : `根据上级党组织关于开好${meeting.year}年度民主生活会的通知要求，经研究，决定召开${name.short}。`;
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `${meeting.teamName}\n关于召开${name.short}的方案` },
    { kind: 'blankLine' },
    { kind: 'paragraph', text: `${reason}为确保会议质量，现制定方案如下。` },
    { kind: 'heading1', text: '一、会议主题' },
    { kind: 'paragraph', text: `${meeting.theme}。` },
    { kind: 'heading1', text: '二、时间地点' },
    { kind: 'paragraph', text: `时间：${time}。` },
    { kind: 'paragraph', text: `地点：${meeting.place || '另行通知'}。` },
    { kind: 'heading1', text: '三、参加人员' },
    { kind: 'paragraph', text: `出席：${meeting.teamName}班子成员${members.length}人：${people(members)}。` },
  ];
  if (host) blocks.push({ kind: 'paragraph', text: `主持：${host.name}。` });
  if (supervisors.length) blocks.push({ kind: 'paragraph', text: `督导：${people(supervisors)}。` });
  if (attendees.length) blocks.push({ kind: 'paragraph', text: `列席：${people(attendees)}。` });
  if (meeting.recorder) blocks.push({ kind: 'paragraph', text: `记录：${meeting.recorder}。` });
  blocks.push({ kind: 'heading1', text: '四、对照检查内容' });
  if (meeting.aspects.length === 0) blocks.push({ kind: 'paragraph', text: '按照上级通知要求确定。' });
  meeting.aspects.forEach((a, i) => blocks.push({ kind: 'heading2', heading: `（${chineseOrdinal(i + 1)}）${a.label}。` }));
  blocks.push({ kind: 'heading1', text: '五、会前准备' });
  before.forEach((s, i) => {
    const text = STEP_TEXT[s.key as keyof typeof STEP_TEXT]!;
    blocks.push({ kind: 'heading2', heading: `（${chineseOrdinal(i + 1)}）${text.title}。`, body: `${text.body}${formatChineseDate(s.due)}前完成。` });
  });
  blocks.push({ kind: 'heading1', text: '六、会议议程' });
  agenda.forEach((a, i) => blocks.push({ kind: 'heading3', heading: `${i + 1}.`, body: a.text }));
  blocks.push({ kind: 'heading1', text: '七、会后工作' });
  after.forEach((s, i) => {
    const text = STEP_TEXT[s.key as keyof typeof STEP_TEXT]!;
    blocks.push({ kind: 'heading2', heading: `（${chineseOrdinal(i + 1)}）${text.title}。`, body: `${text.body}${formatChineseDate(s.due)}前完成。` });
  });
  blocks.push({ kind: 'heading1', text: '八、有关要求' });
  blocks.push({
    kind: 'paragraph',
    text: '班子成员要高度重视，认真做好会前各项准备，严肃认真开展批评和自我批评，真正做到见人见事见思想，确保会议开出高质量、取得实效。',
  });
  blocks.push({ kind: 'blankLine' });
  blocks.push({ kind: 'plain', text: meeting.teamName, align: 'right', rightIndentChars: 4 });
  blocks.push({ kind: 'plain', text: formatChineseDate(issueDate), align: 'right', rightIndentChars: 4 });
  return blocks;
}
