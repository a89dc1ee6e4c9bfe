import type { DocumentBlock, TableCell } from '../../documents/gbt9704';
import { GAP_PLACEHOLDERS } from '../../common/prep/gaps';
import { meetingPlace, meetingTime, type DraftData } from './drafts';
import { meetingName } from './names';

/**
 * The 签到表: 序号, 姓名, 职务 and an empty 签到 column, the members in team order then the 列席 and 督导 guests.
 * 小四 rows with room to sign: 15 people and a few guests fit one page.
 */
export function signInBlocks({ meeting, members }: DraftData): DocumentBlock[] {
  const guests = [...meeting.guests.filter((g) => g.kind === 'supervisor'), ...meeting.guests.filter((g) => g.kind === 'attendee')];
  const rows: TableCell[][] = [
    ...members.map((m) => [m.name, m.position, '', '成员']),
    ...guests.map((g) => [g.name, g.position, '', g.kind === 'supervisor' ? '督导' : '列席']),
  ].map((row, i) => [String(i + 1), ...row]);
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `${meetingName(meeting).full}签到表` },
    { kind: 'plain', text: `时间：${meetingTime(meeting)}` },
    { kind: 'plain', text: `地点：${meetingPlace(meeting)}` },
  ];
  if (rows.length === 0) {
    blocks.push({ kind: 'plain', text: `出席：${GAP_PLACEHOLDERS.members}` });
    return blocks;
  }
  blocks.push({
    kind: 'table',
    fontSizePt: 12,
    lineSpacingPt: 20,
    columns: [
      { title: '序号', minChars: 2, widthPct: 1, align: 'center' },
      { title: '姓名', minChars: 5, widthPct: 1, align: 'center' },
      { title: '职务', minChars: 12, widthPct: 40 },
      { title: '签到', minChars: 7, widthPct: 4 },
      { title: '类别', minChars: 2, widthPct: 1, align: 'center' },
    ],
    rows,
  });
  return blocks;
}
