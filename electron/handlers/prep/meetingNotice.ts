import type { DocumentBlock } from '../../documents/gbt9704';
import { formatChineseDate } from '../../documents/gbt9704';
import type { prepApi } from '../../common/api/prep';
import { GAP_PLACEHOLDERS } from '../../common/prep/gaps';
import type { ParsedInput } from '../types';
import { meetingPlace, meetingTime, personText, type DraftData } from './drafts';
import { meetingName } from './names';

export type MeetingNoticeInput = ParsedInput<typeof prepApi, 'prep.meetingNotice'>;

const agendaLine = (title: string) => (/[。！？]$/.test(title) ? title : `${title}。`);

/**
 * The 会议通知 (domain.md §2, T−3) to the members and the 列席 guests: time, place, theme, who attends, the agenda
 * of the minutes console (or the standard one), requirements, contact, issuer and date. A fact the data lacks is
 * printed as its placeholder (「（地点待定）」), never guessed.
 */
export function meetingNoticeBlocks({ meeting, members, agenda }: DraftData, input: MeetingNoticeInput): DocumentBlock[] {
  const name = meetingName(meeting);
  const attendees = meeting.guests.filter((g) => g.kind === 'attendee');
  const supervisors = meeting.guests.filter((g) => g.kind === 'supervisor');
  const contact = [input.contact && `联系人：${input.contact}`, input.phone && `联系电话：${input.phone}`].filter(Boolean).join('，');
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `${meeting.teamName}\n关于召开${name.short}的通知` },
    { kind: 'blankLine' },
    { kind: 'plain', text: `${input.recipients}：` },
    { kind: 'paragraph', text: `经研究，定于${meetingTime(meeting)}在${meetingPlace(meeting)}召开${name.short}。现将有关事项通知如下。` },
    { kind: 'heading1', text: '一、会议主题' },
    { kind: 'paragraph', text: `${meeting.theme}。` },
    { kind: 'heading1', text: '二、时间地点' },
    { kind: 'paragraph', text: `时间：${meetingTime(meeting)}。` },
    { kind: 'paragraph', text: `地点：${meetingPlace(meeting)}。` },
    { kind: 'heading1', text: '三、参会人员' },
    { kind: 'paragraph', text: members.length > 0 ? `出席：${meeting.teamName}班子成员${members.length}人：${members.map(personText).join('；')}。` : `出席：${GAP_PLACEHOLDERS.members}。` },
  ];
  if (supervisors.length) blocks.push({ kind: 'paragraph', text: `督导：${supervisors.map(personText).join('；')}。` });
  if (attendees.length) blocks.push({ kind: 'paragraph', text: `列席：${attendees.map(personText).join('；')}。` });
  if (meeting.recorder) blocks.push({ kind: 'paragraph', text: `记录：${meeting.recorder}。` });
  blocks.push({ kind: 'heading1', text: '四、会议议程' });
  agenda.forEach((item, i) => blocks.push({ kind: 'heading3', heading: `${i + 1}.`, body: agendaLine(item.title) }));
  blocks.push(
    { kind: 'heading1', text: '五、有关要求' },
    { kind: 'paragraph', text: '（一）请班子成员认真准备个人对照检查发言，严肃认真开展批评和自我批评。' },
    { kind: 'paragraph', text: '（二）请参会人员提前到达会场签到。会议期间请将手机关闭或调至静音状态，无特殊情况不得请假，确需请假的须事先按规定履行请假手续。' },
  );
  if (contact) blocks.push({ kind: 'paragraph', text: `${contact}。` });
  blocks.push(
    { kind: 'blankLine' },
    { kind: 'plain', text: input.issuer, align: 'right', rightIndentChars: 4 },
    { kind: 'plain', text: formatChineseDate(input.issueDate), align: 'right', rightIndentChars: 4 },
  );
  return blocks;
}
