import type { DocumentBlock } from '../../documents/gbt9704';
import { formatChineseDate } from '../../documents/gbt9704';
import type { Meeting } from '../../common/api/meetings';
import type { prepApi } from '../../common/api/prep';
import type { ParsedInput } from '../types';
import { chineseOrdinal, meetingName } from './names';

export type NoticeInput = ParsedInput<typeof prepApi, 'prep.opinionNotice'>;

/** The 征求意见通知: what opinions are sought on (the meeting's aspects), by which channels, by when, sent where. */
export function noticeBlocks(meeting: Meeting, input: NoticeInput): DocumentBlock[] {
  const name = meetingName(meeting);
  const [y, m] = meeting.date.split('-').map(Number);
  const contact = [input.contact && `联系人：${input.contact}`, input.phone && `联系电话：${input.phone}`].filter(Boolean).join('，');
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `${meeting.teamName}\n关于征求${name.short}意见建议的通知` },
    { kind: 'blankLine' },
    { kind: 'plain', text: `${input.recipients}：` },
    {
      kind: 'paragraph',
      text: `${meeting.teamName}拟于${y}年${m}月召开${name.short}，会议主题是：${meeting.theme}。为开好这次会议，广泛听取意见建议，现将有关事项通知如下。`,
    },
    { kind: 'heading1', text: '一、征求意见内容' },
    { kind: 'paragraph', text: '请围绕以下方面，对领导班子和班子成员个人提出意见建议：' },
  ];
  if (meeting.aspects.length === 0) blocks.push({ kind: 'paragraph', text: '领导班子和班子成员在思想、工作、作风等方面存在的突出问题。' });
  meeting.aspects.forEach((a, i) => blocks.push({ kind: 'heading2', heading: `（${chineseOrdinal(i + 1)}）${a.label}。` }));
  blocks.push(
    { kind: 'heading1', text: '二、征求意见方式' },
    { kind: 'paragraph', text: `采取${input.channels.join('、')}等方式进行。对班子成员个人的意见建议请注明姓名；意见建议可署名，也可不署名。` },
    { kind: 'heading1', text: '三、有关要求' },
    {
      kind: 'paragraph',
      text: `请各单位高度重视，实事求是、直截了当地提出意见建议，做到客观具体、言之有物。请于${formatChineseDate(input.deadline)}前将意见建议（加盖单位公章）报送至${input.sendTo}。${contact ? `${contact}。` : ''}`,
    },
    { kind: 'blankLine' },
    { kind: 'plain', text: input.issuer, align: 'right', rightIndentChars: 4 },
    { kind: 'plain', text: formatChineseDate(input.issueDate), align: 'right', rightIndentChars: 4 },
  );
  return blocks;
}
