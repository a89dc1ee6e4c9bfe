import type { MinutesConsole } from '../../common/api/minutes';
import type { Meeting } from '../../common/api/meetings';
import type { OpeningNotice } from '../../common/api/rectification';
import { criticismMatrix } from '../../common/minutes/matrix';
import { clock as wallTime } from '../../common/minutes/time';
import { ENTRY_TYPE_ZH } from '../../common/minutes/types';
import type { BodyBlock } from '../../documents/gbt9704';
import { chineseNumeral, formatChineseDate } from '../../documents/gbt9704';
import { meetingName } from '../../common/meetings/name';

const REASON_ZH = { leave: '请假', business_trip: '出差', other: '其他' } as const;
const TRIGGER_ZH = { central_inspection: '巡视', inspection: '巡察', audit: '审计', discipline: '纪律检查', other: '其他' } as const;

export function minutesTitle(meeting: Meeting): string {
  return `${meetingName(meeting).full}会议记录`;
}

export interface AttendanceFacts {
  expected: number;
  present: number;
  rows: { name: string; present: boolean; absenceReason: keyof typeof REASON_ZH | null; note: string }[];
}

/**
 * The 会议记录 as document blocks (domain.md §4): header, agenda, the record per agenda item with each member's
 * criticisms received, the count of criticisms, signature lines. The same blocks give the plain-text export.
 */
export function minutesBlocks(
  meeting: Meeting,
  state: MinutesConsole,
  attendance: AttendanceFacts,
  timeZone?: string,
  checked: readonly string[] = [],
  notices: readonly OpeningNotice[] = [],
  otherRecorders: readonly string[] = [],
): BodyBlock[] {
  // Times in the user's zone (the one the console showed them in), not main's.
  const clock = (iso: string | null) => wallTime(iso, timeZone);
  const name = (id: number | null) => state.members.find((m) => m.id === id)?.name ?? '';
  const hostName = name(state.hostMemberId) || state.finalization.hostConfirmed;
  const start = state.startedAt ? clock(state.startedAt) : meeting.startTime;
  const end = state.endedAt ? clock(state.endedAt) : '';
  const absent = attendance.rows.filter((r) => !r.present);
  const kind = meeting.kind === 'annual' ? '年度民主生活会' : `专题民主生活会（${meeting.trigger ? TRIGGER_ZH[meeting.trigger] : '其他'}）`;
  const line = (label: string, value: string): BodyBlock => ({ kind: 'paragraph', runs: [{ text: `${label}：`, font: 'heading1' }, { text: value || '无' }] });
  const matrix = criticismMatrix(state.entries, []);
  const recorders = recordersOf(state.finalization.recorderConfirmed || meeting.recorder, otherRecorders);
  const blocks: BodyBlock[] = [
    { kind: 'title', text: minutesTitle(meeting) },
    { kind: 'blankLine' },
    line('会议名称', minutesTitle(meeting).replace(/会议记录$/, '')),
    line('会议类型', kind),
    line('会议主题', meeting.theme),
    line('会议时间', `${formatChineseDate(meeting.date)}${start ? ` ${start}` : ''}${end ? `—${end}` : ''}`),
    line('会议地点', meeting.place),
    line('主持人', hostName),
    line('记录人', recorders.all.join('、')),
    line('应到/实到', `应到${attendance.expected}人，实到${attendance.present}人`),
    line('出席人员', attendance.rows.filter((r) => r.present).map((r) => r.name).join('、')),
    line('缺席人员及原因', absent.map((r) => `${r.name}（${r.absenceReason ? REASON_ZH[r.absenceReason] : ''}${r.note ? `：${r.note}` : ''}）`).join('；')),
    line('列席人员', meeting.guests.map((g) => `${g.name}（${g.position}）`).join('、')),
    { kind: 'heading1', text: '一、会议议程' },
    ...state.agenda.map((a, i): BodyBlock => ({ kind: 'paragraph', text: `${i + 1}.${a.title}` })),
    { kind: 'heading1', text: '二、会议内容' },
  ];
  state.agenda.forEach((item, i) => {
    const entries = state.entries.filter((e) => e.agendaItemId === item.id && e.text.trim() !== '');
    const times = item.startedAt ? `（${clock(item.startedAt)}${item.endedAt ? `—${clock(item.endedAt)}` : ''}）` : '';
    blocks.push({ kind: 'heading2', heading: `（${chineseNumeral(i + 1)}）${item.title}${times}` });
    if (item.kind === 'member_round' && item.memberId !== null) {
      const target = name(item.memberId);
      const member = state.members.find((m) => m.id === item.memberId);
      if (member && !member.present) blocks.push({ kind: 'paragraph', text: `${target}同志缺席本次会议。` });
      const self = entries.filter((e) => e.type === 'self_criticism');
      const received = entries.filter((e) => e.type === 'criticism');
      const rest = entries.filter((e) => e.type !== 'self_criticism' && e.type !== 'criticism');
      if (self.length) blocks.push({ kind: 'heading3', heading: '1.个人对照检查（自我批评）' }, ...self.map((e): BodyBlock => ({ kind: 'paragraph', text: e.text })));
      blocks.push({ kind: 'heading3', heading: `${self.length ? 2 : 1}.${target}同志收到的批评意见（共${received.length}条）` });
      if (received.length === 0) blocks.push({ kind: 'paragraph', text: '本轮未记录批评意见。' });
      received.forEach((e, n) => blocks.push({ kind: 'paragraph', runs: [{ text: `（${n + 1}）${name(e.fromMemberId) || e.fromGuest}→${name(e.toMemberId)}：`, font: 'heading2' }, { text: e.text }] }));
      if (rest.length) {
        blocks.push({ kind: 'heading3', heading: `${self.length ? 3 : 2}.回应表态及其他` });
        rest.forEach((e) => blocks.push(entryParagraph(e, name)));
      }
    } else {
      // An opening 通报 nobody typed: the text generated from the 整改台账 (domain.md §9), said to be so.
      const notice = entries.length === 0 ? notices.find((n) => n.title === item.title.replace(/[。；\s]+$/u, '') && n.paragraphs.length > 0) : undefined;
      if (notice) blocks.push({ kind: 'paragraph', text: '（会上未另行记录，以下为据整改台账生成的通报内容）' }, ...notice.paragraphs.map((text): BodyBlock => ({ kind: 'paragraph', text })));
      else if (entries.length === 0) blocks.push({ kind: 'paragraph', text: '（未记录内容）' });
      entries.forEach((e) => blocks.push(entryParagraph(e, name)));
    }
  });
  blocks.push(
    { kind: 'paragraph', text: `本次会议共有${matrix.selfCriticisms > 0 ? `${new Set(state.entries.filter((e) => e.type === 'self_criticism' && e.text.trim()).map((e) => e.fromMemberId)).size}名同志作个人对照检查，` : ''}相互提出批评意见${matrix.mutual}条。` },
    ...checked.map((text): BodyBlock => ({ kind: 'paragraph', text })),
    ...mergedLine(recorders),
    { kind: 'blankLine' },
    { kind: 'plain', text: '主持人（签字）：　　　　　　　　', align: 'right', rightIndentChars: 4 },
    { kind: 'plain', text: '记录人（签字）：　　　　　　　　', align: 'right', rightIndentChars: 4 },
    { kind: 'plain', text: formatChineseDate(meeting.date), align: 'right', rightIndentChars: 4 },
  );
  return blocks;
}

const COUNT_ZH = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九'];

/** This record's recorder and those of the merges applied and not undone, each once. */
function recordersOf(ours: string, others: readonly string[]): { own: string; rest: string[]; all: string[] } {
  const own = ours.trim();
  const rest = [...new Set(others.map((o) => o.trim()).filter((o) => o !== '' && o !== own))];
  return { own, rest, all: own ? [own, ...rest] : rest };
}

/**
 * Two recorders, one record (issue 18 §3): the record is one record, so an entry from the other laptop carries no mark
 * in the body (its words are the meeting's, checked like the rest); a reader of the 督导组 finds every recorder in the
 * header's 记录人 line and learns once, before the signatures, that the record was taken by more than one recorder
 * and merged — from the merges applied and not undone.
 */
function mergedLine({ own, rest }: { own: string; rest: string[] }): BodyBlock[] {
  if (rest.length === 0) return [];
  const count = rest.length + 1;
  const who = own ? `${[own, ...rest].join('、')}${COUNT_ZH[count] ?? count}名记录人` : `${rest.join('、')}等${COUNT_ZH[count] ?? count}名记录人`;
  return [{ kind: 'paragraph', text: `本记录由${who}记录，经合并核对。` }];
}

function entryParagraph(e: MinutesConsole['entries'][number], name: (id: number | null) => string): BodyBlock {
  const who = name(e.fromMemberId) || e.fromGuest;
  const arrow = e.type === 'criticism' ? `${who}→${name(e.toMemberId)}` : who;
  return { kind: 'paragraph', runs: [{ text: `${arrow ? `${arrow}` : ''}（${ENTRY_TYPE_ZH[e.type]}）：`, font: 'heading2' }, { text: e.text }] };
}

/** The plain-text export: the same content, numbered and indented as a secretary would type it. */
export function blocksToText(blocks: readonly BodyBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        lines.push(b.text, '');
        break;
      case 'heading1':
        lines.push('', b.text);
        break;
      case 'heading2':
      case 'heading3':
      case 'heading4':
        lines.push(`${b.heading}${b.body ?? ''}`);
        break;
      case 'paragraph':
        lines.push(`\u3000\u3000${'text' in b ? b.text : b.runs.map((r) => r.text).join('')}`);
        break;
      case 'plain':
        lines.push(b.text.trimEnd());
        break;
      case 'blankLine':
        lines.push('');
        break;
      default:
        break;
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
