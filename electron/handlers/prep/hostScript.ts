import type { DocumentBlock } from '../../documents/gbt9704';
import type { OpeningNotice } from '../../common/api/rectification';
import { isNoticeItem } from '../../common/minutes/agenda';
import { GAP_PLACEHOLDERS } from '../../common/prep/gaps';
import { chineseOrdinal, meetingName } from './names';
import { noticeSubject, noticeTitle } from '../../common/meetings/rules';
import { formatChineseDate } from '../../documents/gbt9704';
import { personText, type DraftData, type DraftAgendaItem } from './drafts';

const strip = (title: string) => title.replace(/[。！？；，]+$/, '');

/**
 * The 主持词: the host's words item by item, from the agenda (the console's once prepared). Only what the data says:
 * who presents a round is the round's member, who comments are the 督导 guests named on the meeting; the attendance
 * figure is left for the host to fill on the day (实到＿＿人). Under each 通报 item of the rectification (上年度整改落实情况,
 * the rules' 通报××整改整治情况) the 通报 text the ledger supports (`openingNotices`, the one source of those numbers),
 * else a bracketed line saying what is missing, for the secretary to fill (the fact, without the screen's advice on
 * where to enter the items): never a figure of its own. Under 通报本次民主生活会征求意见情况, the paragraph the opinions
 * board supports (`opinions.stats`'s, the one source of those figures), else the same kind of bracketed gap.
 */
export function hostScriptBlocks({ meeting, members, host, agenda }: DraftData, notices: readonly ScriptNotice[] = []): DocumentBlock[] {
  const name = meetingName(meeting);
  const nameOf = (id: number | null) => members.find((m) => m.id === id)?.name ?? null;
  const supervisors = meeting.guests.filter((g) => g.kind === 'supervisor');
  const attendees = meeting.guests.filter((g) => g.kind === 'attendee');
  const hostName = host?.name ?? null;
  const opening = agenda.filter((a) => a.kind === 'opening');
  const items = agenda.filter((a) => a.kind !== 'opening');
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `在${name.full}上的主持词` },
    { kind: 'author', text: `${hostName ?? GAP_PLACEHOLDERS.host}` },
    { kind: 'author', text: `（${formatChineseDate(meeting.date)}）` },
    { kind: 'blankLine' },
    { kind: 'plain', text: '同志们：' },
    { kind: 'paragraph', text: `现在开会。今天，我们召开${name.full}。会议的主题是：${meeting.theme}。` },
    {
      kind: 'paragraph',
      text: members.length > 0 ? `本次会议应到班子成员${members.length}人，实到＿＿人。` : `本次会议应到班子成员${GAP_PLACEHOLDERS.members}，实到＿＿人。`,
    },
  ];
  if (supervisors.length) blocks.push({ kind: 'paragraph', text: `${supervisors.map(personText).join('、')}到会指导，让我们表示热烈欢迎。` });
  if (attendees.length) blocks.push({ kind: 'paragraph', text: `列席今天会议的有：${attendees.map(personText).join('、')}。` });
  if (opening.length > 0 || items.length > 0) blocks.push({ kind: 'paragraph', text: `今天的会议共有${items.length}项议程。` });
  items.forEach((item, i) => {
    // Words of their own replace the title (a member round's title repeats what the host asks for); else the title.
    const words = itemWords(item, nameOf, supervisors.map((s) => s.name), hostName);
    blocks.push({ kind: 'paragraph', text: `下面，进行第${chineseOrdinal(i + 1)}项议程${words ? `。${words}` : `：${strip(item.title)}。`}` });
    const notice = noticeOf(item, notices);
    // The gap is a fact for the secretary to act on; the advice on where to enter the items is on the screen.
    if (notice) blocks.push(...(notice.paragraphs.length > 0 ? notice.paragraphs : [`（${notice.gap}，此处通报内容请据实补充）`]).map((text): DocumentBlock => ({ kind: 'paragraph', text })));
  });
  blocks.push({ kind: 'paragraph', text: '会议到此结束。散会。' });
  return blocks;
}

/**
 * A 通报 the 主持词 prints under its agenda item: the ledger's (`openingNotices`), or the 征求意见 one from the opinions
 * board. `titleEn` where the title is the app's words rather than the meeting's own.
 */
export type ScriptNotice = Omit<OpeningNotice, 'kind'> & { kind: OpeningNotice['kind'] | 'opinions'; titleEn?: string };

/** 通报征求意见情况: the opinions board's paragraph (`opinions.stats`'s, the one source of those figures), else a gap. */
export function opinionsNotice(paragraph: string): ScriptNotice {
  const none = !paragraph;
  const gap = '本次会议尚未登记征求到的意见';
  return {
    kind: 'opinions',
    title: '通报征求意见情况',
    titleEn: 'Report on the opinions gathered',
    paragraphs: none ? [] : [paragraph],
    gap: none ? gap : '',
    missing: none ? `${gap}；请在“征求意见”中录入或导入后再生成` : '',
    missingEn: none ? 'No opinions are recorded for this meeting yet; enter or import them under Opinions, then generate again' : '',
  };
}

/**
 * The 通报 for an agenda item: last year's for 通报上年度…, the opinions board's for 通报…征求意见情况, the one of the same
 * title for an extra 通报 item.
 */
function noticeOf(item: DraftAgendaItem, notices: readonly ScriptNotice[]): ScriptNotice | undefined {
  if (item.kind === 'last_year' || item.kind === 'opinions') return notices.find((n) => n.kind === item.kind);
  if (item.kind !== 'other' || item.memberId !== null || !isNoticeItem(item.title)) return undefined;
  return notices.find((n) => n.kind === 'notice' && n.title === noticeTitle(noticeSubject(strip(item.title))));
}

/** The 通报 of each agenda item that has one, in the agenda's order. */
export const scriptNotices = (agenda: readonly DraftAgendaItem[], notices: readonly ScriptNotice[]): ScriptNotice[] => agenda.flatMap((item) => noticeOf(item, notices) ?? []);

/** The subjects of the agenda's extra 通报 items (a 通报 item nobody speaks for but the host), to ask the ledger for. */
export const noticeSubjects = (agenda: readonly DraftAgendaItem[]): string[] =>
  agenda.filter((a) => a.kind === 'other' && a.memberId === null && isNoticeItem(a.title)).map((a) => noticeSubject(strip(a.title)));

function itemWords(item: DraftAgendaItem, nameOf: (id: number | null) => string | null, supervisors: string[], hostName: string | null): string {
  const member = nameOf(item.memberId);
  switch (item.kind) {
    case 'team_check':
      if (!member) return '';
      return member === hostName ? '我代表领导班子作对照检查。' : `请${member}同志代表领导班子作对照检查。`;
    case 'member_round':
      if (!member) return '';
      if (member === hostName) return '我作个人对照检查发言，然后请同志们逐一对我提出批评意见，最后我作简要回应表态。';
      return `请${member}同志作个人对照检查发言，然后请同志们逐一对${member}同志提出批评意见，最后请${member}同志作简要回应表态。`;
    case 'supervisor':
      return supervisors.length > 0 ? `请${supervisors.join('、')}同志点评讲话。` : '';
    case 'summary':
      return hostName ? '最后，我作总结讲话。' : '';
    case 'pledge':
      return '请班子成员逐一作表态发言。';
    default:
      return '';
  }
}
