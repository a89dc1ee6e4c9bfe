/**
 * The 会议情况报告 (domain.md §5, §9–10) as sentences, each a claim derived from `ReportFacts`. A claim the facts do
 * not support is left out and listed in `missing` with the reason, never written with an invented figure or a 0 that
 * only means «not recorded». Pure: the handler reads the facts, the renderer and the Word export show the result.
 */
import { chineseNumeral } from '../materials/numbering';
import { chineseDate } from '../rectification/model';
import { withoutEnumerators } from '../opinions/enumerators';
import type { OpeningNotice, ReportDraft, ReportMissing, ReportSection } from '../api/rectification';

export interface ReportGuest {
  position: string;
  name: string;
}

export interface ReportItem {
  problem: string;
  measures: string[];
  /** Every one of 责任领导, 责任单位, 具体责任人 filled in. */
  owned: boolean;
}

export interface ReportFacts {
  /** 「中共青溪县人民政府党组」. */
  team: string;
  /** 「2026年度民主生活会」 / 「巡察整改专题民主生活会」. */
  kindName: string;
  /** The draft's date (落款, 「截至」). */
  today: string;
  /** 主送机关; '' when not set. */
  addressee: string;
  meeting: {
    /** The meeting took place: marked held/closed, or the minutes console started it. */
    held: boolean;
    date: string;
    startTime: string;
    place: string;
    theme: string;
    /** 主持人's name; '' when unknown. */
    host: string;
  };
  attendance: {
    /** Attendance was recorded (a mark, or the console started the meeting with the roll). */
    known: boolean;
    expected: number;
    present: number;
    absent: { name: string; reason: string }[];
  };
  supervisors: ReportGuest[];
  attendees: ReportGuest[];
  /** 集中学习研讨 (中心组学习, 专题研讨, 专题辅导) and 个人自学 sessions: only the first are 集中. */
  study: { sessions: number; selfStudy: number } | null;
  opinions: {
    raw: number;
    /** Raw opinions not yet merged or confirmed into a consolidated one. */
    unsorted: number;
    consolidated: number;
    consolidatedToTeam: number;
    consolidatedToMembers: number;
    rawToTeam: number;
    rawToMembers: number;
    /** Channel labels that brought at least one opinion. */
    channels: string[];
    formsIssued: number;
    formsReturned: number;
    /** Active members with at least one opinion addressed to them, and those of them whose feedback was not given. */
    membersWithOpinions: string[];
    membersNotFedBack: string[];
  } | null;
  talks: { personTimes: number } | null;
  materials: { submitted: number; teamSubmitted: boolean; approved: number; resubmitted: number } | null;
  minutes: {
    finalized: boolean;
    /** Titles of the agenda items the minutes hold words for (member rounds excluded: see selfCritics). */
    heldItems: string[];
    /** Present members who gave a 自我批评 in the minutes (the 班子 对照检查 is not a person). */
    selfCritics: string[];
    /** Non-empty criticism entries. */
    criticisms: number;
    /** Member rounds held: a present member's self-criticism recorded in his or her own round. */
    roundsHeld: number;
    /** Present members in team order, with the criticisms received in their own round (null: no round on the agenda). */
    rounds: { name: string; received: number | null }[];
    /** The team's 书记 with the criticisms other members addressed to him or her; null when the team names none. */
    secretary: { name: string; present: boolean; fromMembers: number } | null;
  } | null;
  rectification: {
    agreedOn: string | null;
    /** Items grouped by aspect in the meeting's order; label null for items without an aspect. */
    groups: { label: string | null; items: ReportItem[] }[];
    closed: number;
    overdue: number;
  } | null;
}

/** The visible stand-in when no 主送机关 is known: never an invented organ. */
export const ADDRESSEE_PLACEHOLDER = '（主送机关）';
/** Items without an aspect are reported under this heading, never as 「（未归类）」. */
export const OTHER_ASPECT = '其他方面';

const stop = (text: string): string => text.replace(/[。；;，,：:\s]+$/u, '');

/** 「一是……；二是……」 after the texts' own enumerators are taken off; one text alone is not enumerated. */
export function enumerate(texts: readonly string[]): string {
  const clean = texts.map((t) => stop(withoutEnumerators(t))).filter((t) => t !== '');
  return clean.length === 1 ? clean[0] : clean.map((t, n) => `${chineseNumeral(n + 1)}是${t}`).join('；');
}

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
export const guestList = (guests: readonly ReportGuest[]): string =>
  guests.map((g, i) => `${g.position.slice(i > 0 ? sharedOrgan(guests[i - 1].position, g.position).length : 0)}${g.name}`).join('、');

/** 「9时」「9时30分」. */
const clockText = (hhmm: string): string => (hhmm ? `${Number(hhmm.slice(0, 2))}时${hhmm.slice(3) === '00' ? '' : `${Number(hhmm.slice(3))}分`}` : '');

const groupLabel = (label: string | null): string => stop(label === null || label.trim() === '' ? OTHER_ASPECT : label);

function opening(f: ReportFacts, missing: ReportMissing[]): string[] {
  if (!f.meeting.held) {
    missing.push({ claim: '会议召开时间、地点和出席情况', claimEn: 'When and where the meeting was held, and who attended', why: '会议尚未标记为已召开，会议记录也未开始', whyEn: 'The meeting is not marked as held and its minutes have not started' });
    return [];
  }
  const m = f.meeting;
  const sentences: string[] = [];
  sentences.push(`${chineseDate(m.date)}${clockText(m.startTime)}，${f.team}${m.place ? `在${m.place}` : ''}召开${f.kindName}${m.host ? `，${m.host}同志主持会议` : ''}。`);
  if (!m.place) missing.push({ claim: '会议地点', claimEn: 'Place of the meeting', why: '会议信息中未填写地点', whyEn: 'No place is given in the meeting details' });
  if (!m.host) missing.push({ claim: '主持人', claimEn: 'Chair', why: '会议信息中未指定主持人', whyEn: 'No chair is named in the meeting details' });
  const theme = m.theme.trim();
  if (theme && !f.kindName.includes(theme)) sentences.push(`会议主题是“${stop(theme)}”。`);
  if (f.attendance.known) {
    const absent = f.attendance.absent.map((a) => `${a.name}${because(a.reason)}缺席`).join('，');
    sentences.push(`班子成员应到${f.attendance.expected}人，实到${f.attendance.present}人${absent ? `，${absent}` : ''}。`);
  } else missing.push({ claim: '应到、实到人数', claimEn: 'Members expected and present', why: '未登记出席情况，会议记录也未开始', whyEn: 'No attendance was recorded and the minutes have not started' });
  const guests = [f.supervisors.length ? `${guestList(f.supervisors)}到会督导` : '', f.attendees.length ? `${guestList(f.attendees)}列席会议` : ''].filter(Boolean);
  if (guests.length) sentences.push(`${guests.join('，')}。`);
  sentences.push('现将有关情况报告如下。');
  return [sentences.join('')];
}

function preparation(f: ReportFacts, missing: ReportMissing[]): string[] {
  const out: string[] = [];
  const study = f.study;
  if (study?.sessions) out.push(`会前，班子开展集中学习研讨${study.sessions}次${study.selfStudy ? `，班子成员个人自学${study.selfStudy}次` : ''}。`);
  else if (study?.selfStudy) out.push(`会前，班子成员个人自学${study.selfStudy}次。`);
  if (!study?.sessions) missing.push({ claim: '学习研讨次数', claimEn: 'Number of group study sessions', why: study?.selfStudy ? '只登记了个人自学，没有集中学习研讨' : '本次会议未登记学习研讨', whyEn: study?.selfStudy ? 'Only individual self-study was recorded, no group study session' : 'No study session was recorded for this meeting' });

  const o = f.opinions;
  if (o?.raw) {
    const ways = o.channels.length ? `通过${o.channels.join('、')}${o.channels.length > 1 ? '等' : ''}方式` : '';
    const forms = o.formsIssued > 0 ? `发放征求意见表${o.formsIssued}份、收回${o.formsReturned}份，` : '';
    const split = (team: number, members: number) =>
      [team > 0 ? `对领导班子的${team}条` : '', members > 0 ? `对班子成员个人的${members}条` : ''].filter(Boolean).join('、');
    let figures = `共收集意见建议${o.raw}条`;
    if (o.unsorted === 0) {
      const parts = split(o.consolidatedToTeam, o.consolidatedToMembers);
      figures += `，梳理归纳为${o.consolidated}条${parts ? `，其中${parts}` : ''}`;
    } else {
      const parts = split(o.rawToTeam, o.rawToMembers);
      if (parts) figures += `，其中${parts}`;
      missing.push({ claim: '梳理归纳后的意见条数', claimEn: 'Number of consolidated opinions', why: `尚有${o.unsorted}条意见未梳理归纳`, whyEn: `${o.unsorted} opinions are not sorted yet` });
    }
    out.push(`广泛征求意见${ways ? `，${ways}` : ''}，${forms}${figures}。`);
    const due = o.membersWithOpinions.length;
    const left = o.membersNotFedBack;
    const fed = due - left.length;
    if (due > 0 && left.length === 0) out.push('对班子成员个人的意见均已原汁原味反馈本人。');
    else if (fed > 0) out.push(`已向${fed}名班子成员原汁原味反馈对其本人的意见。`);
    if (left.length > 0) missing.push({ claim: '意见反馈本人', claimEn: 'Opinions fed back to each member', why: `对${left.join('、')}的意见尚未导出反馈（已反馈${fed}人，共${due}人）`, whyEn: `The opinions on ${left.join(', ')} have not been exported as feedback yet (${fed} of ${due} members done)` });
  } else missing.push({ claim: '征求意见条数', claimEn: 'Number of opinions gathered', why: '本次会议未登记征求到的意见', whyEn: 'No opinions were recorded for this meeting' });

  if (f.talks?.personTimes) out.push(`开展谈心谈话${f.talks.personTimes}人次。`);
  else missing.push({ claim: '谈心谈话人次', claimEn: 'Heart-to-heart talks held', why: '本次会议未登记谈心谈话', whyEn: 'No talks were recorded for this meeting' });

  const mat = f.materials;
  if (mat?.submitted) {
    const members = mat.submitted - (mat.teamSubmitted ? 1 : 0);
    const parts = [mat.teamSubmitted ? '领导班子对照检查材料1份' : '', members > 0 ? `班子成员个人对照检查材料${members}份` : ''].filter(Boolean).join('、');
    const resubmitted = mat.resubmitted > 0 ? `，其中${mat.resubmitted}份经退回修改后重新提交` : '';
    const approved = mat.approved > 0 ? `，经审核通过${mat.approved}份` : '';
    out.push(`撰写并提交${parts}${resubmitted}${approved}。`);
    if (mat.approved === 0) missing.push({ claim: '对照检查材料审核通过份数', claimEn: 'Self-examination materials approved', why: '尚无审核通过的材料', whyEn: 'No material has been approved yet' });
  } else missing.push({ claim: '对照检查材料份数', claimEn: 'Self-examination materials submitted', why: mat ? '材料尚未提交' : '本次会议尚无对照检查材料', whyEn: mat ? 'No material has been submitted yet' : 'This meeting has no self-examination materials yet' });
  return out;
}

function proceedings(f: ReportFacts, missing: ReportMissing[]): string[] {
  const mn = f.minutes;
  if (!mn) {
    missing.push({ claim: '会议议程、自我批评和批评意见', claimEn: 'Agenda, self-criticism and criticism', why: '本次会议尚无会议记录', whyEn: 'This meeting has no minutes yet' });
    return [];
  }
  const sentences: string[] = [];
  if (mn.heldItems.length) sentences.push(`会议主要议程：${enumerate(mn.heldItems)}。`);
  else missing.push({ claim: '会议议程', claimEn: 'Agenda', why: '会议记录中尚无任何议程的记录内容', whyEn: 'The minutes record nothing under any agenda item yet' });
  if (mn.selfCritics.length) sentences.push(`${mn.selfCritics.join('、')}${mn.selfCritics.length}名同志作个人对照检查发言，开展自我批评。`);
  else missing.push({ claim: '自我批评人数', claimEn: 'Members who made self-criticism', why: '会议记录中尚无出席班子成员的自我批评', whyEn: 'The minutes record no self-criticism by a member present yet' });
  if (mn.criticisms > 0) sentences.push(`班子成员相互提出批评意见${mn.criticisms}条。`);
  else if (mn.finalized || mn.roundsHeld > 0) sentences.push('会议记录未记载相互批评意见。');
  else missing.push({ claim: '批评意见条数', claimEn: 'Number of criticisms', why: '会议记录尚未定稿，也没有个人对照检查发言环节的记录', whyEn: 'The minutes are not finalised and record no self-examination round' });
  sentences.push(...criticismSpread(mn, missing));
  return sentences.length ? [sentences.join('')] : [];
}

export const EVERYONE_CRITICISED = '每名班子成员均收到批评意见';
export const SECRETARY_CRITICISED = '对主要负责同志的批评意见';

/**
 * Whether criticism reached everyone and the 书记 (domain.md §10: 一团和气, and the 书记 spared, are what inspectors
 * look for). Said only from a finalised record, and only when every present member's own round holds criticism of
 * him or her; otherwise left out, and the gap names the rounds.
 */
function criticismSpread(mn: NonNullable<ReportFacts['minutes']>, missing: ReportMissing[]): string[] {
  const out: string[] = [];
  const noRound = mn.rounds.filter((r) => r.received === null).map((r) => r.name);
  const silent = mn.rounds.filter((r) => r.received === 0).map((r) => r.name);
  if (mn.finalized && mn.rounds.length > 0 && noRound.length === 0 && silent.length === 0) out.push(`出席会议的${mn.rounds.length}名班子成员在本人对照检查环节均收到批评意见。`);
  else {
    const [why, whyEn] = !mn.finalized
      ? ['会议记录尚未定稿', 'The minutes are not finalised']
      : mn.rounds.length === 0
        ? ['会议记录中没有出席的班子成员', 'The minutes show no member present']
        : silent.length > 0
          ? [`${silent.join('、')}的个人对照检查环节未记录其他班子成员的批评意见`, `No criticism by another member is recorded in the round of ${silent.join(', ')}`]
          : [`议程中没有${noRound.join('、')}的个人对照检查环节`, `The agenda has no round for ${noRound.join(', ')}`];
    missing.push({ claim: EVERYONE_CRITICISED, claimEn: 'Every member present received criticism', why, whyEn });
  }
  const s = mn.secretary;
  if (mn.finalized && s?.present && s.fromMembers > 0) out.push(`班子成员对主要负责同志提出批评意见${s.fromMembers}条。`);
  else {
    // As for the sentence above, a record not finalised is the reason until it is (a meeting days away has no
    // criticism of anyone yet, which is no finding); an absent 书记 or none named is a reason at any time.
    const [why, whyEn] = !s
      ? ['班子成员中未指定书记', 'No member of the team is marked as its secretary']
      : !s.present
        ? [`书记${s.name}缺席会议`, `The secretary, ${s.name}, was absent`]
        : !mn.finalized
          ? ['会议记录尚未定稿', 'The minutes are not finalised']
          : [`会议记录中没有班子成员对书记${s.name}的批评意见`, `The minutes record no criticism of the secretary, ${s.name}, by a member`];
    missing.push({ claim: SECRETARY_CRITICISED, claimEn: 'Criticism of the secretary', why, whyEn });
  }
  return out;
}

function problems(f: ReportFacts, missing: ReportMissing[]): { problems: string[]; measures: string[] } {
  const r = f.rectification;
  const items = r?.groups.flatMap((g) => g.items) ?? [];
  if (!r || items.length === 0) {
    missing.push({ claim: '查摆问题和整改措施', claimEn: 'Problems found and rectification measures', why: '整改清单尚未建立', whyEn: 'The rectification list has not been drawn up' });
    return { problems: [], measures: [] };
  }
  const problemParagraphs = [`班子共查摆问题${items.length}个，主要是：`];
  r.groups.forEach((g, gi) => problemParagraphs.push(`（${chineseNumeral(gi + 1)}）${groupLabel(g.label)}。${enumerate(g.items.map((i) => i.problem))}。`));
  const measureCount = items.reduce((n, i) => n + i.measures.length, 0);
  const measures: string[] = [];
  const agreed = r.agreedOn ? `，经${chineseDate(r.agreedOn)}班子会议审议通过` : '';
  if (!r.agreedOn) missing.push({ claim: '整改清单审议通过', claimEn: 'Agreement of the rectification list', why: '整改清单尚未审议通过（草稿）', whyEn: 'The rectification list is not agreed yet (draft)' });
  const owned = items.every((i) => i.owned) ? '，每项均明确责任领导、责任单位和具体责任人' : '';
  measures.push(`制定整改清单${agreed}，明确整改事项${items.length}项、整改措施${measureCount}条${owned}。`);
  if (r.agreedOn) {
    const closed = r.closed > 0 ? `已完成整改并销号${r.closed}项` : '尚无已销号的整改事项';
    measures.push(`截至${chineseDate(f.today)}，${closed}${r.overdue > 0 ? `，逾期未完成${r.overdue}项` : ''}。`);
  }
  // Numbered among the groups that have measures, so the headings run （一）（二） without a gap.
  r.groups
    .map((g) => ({ label: g.label, all: [...new Set(g.items.flatMap((i) => i.measures))] }))
    .filter((g) => g.all.length > 0)
    .forEach((g, gi) => measures.push(`（${chineseNumeral(gi + 1)}）${groupLabel(g.label)}。${enumerate(g.all)}。`));
  return { problems: problemParagraphs, measures };
}

/**
 * The opening 通报 items (domain.md §9) in 会议召开情况: each item's paragraphs as generated from the ledger (the same
 * text the agenda and the 会议记录 show), said to have been reported only once the meeting took place; an item the
 * ledger cannot support is listed as missing.
 */
function openingReports(f: ReportFacts, notices: readonly OpeningNotice[], missing: ReportMissing[]): string[] {
  const out: string[] = [];
  for (const n of notices) {
    const what = n.title.replace(/^通报/u, '');
    if (n.paragraphs.length === 0) {
      missing.push({ claim: what, claimEn: `Report: ${what}`, why: n.missing, whyEn: n.missingEn });
      continue;
    }
    if (!f.meeting.held) {
      missing.push({ claim: what, claimEn: `Report: ${what}`, why: '会议尚未召开，不能写“会上通报”', whyEn: 'The meeting has not taken place, so nothing was reported at it yet' });
      continue;
    }
    out.push(`会上${n.title}：${n.paragraphs[0]}`, ...n.paragraphs.slice(1));
  }
  return out;
}

export function composeReport(f: ReportFacts, notices: readonly OpeningNotice[] = []): ReportDraft {
  const missing: ReportMissing[] = [];
  const addressee = f.addressee.trim();
  if (!addressee) missing.push({ claim: '主送机关', claimEn: 'Addressee', why: '尚未填写主送机关（上级党组织）', whyEn: 'No addressee (the Party organisation above) is filled in yet' });
  const open = opening(f, missing);
  const prep = preparation(f, missing);
  const held = [...proceedings(f, missing), ...openingReports(f, notices, missing)];
  const { problems: found, measures } = problems(f, missing);
  // Numbered after the empty ones are left out, so a report without 会前准备 starts at 「一、」.
  const sections: ReportSection[] = [
    { heading: '会前准备情况', paragraphs: prep },
    { heading: '会议召开情况', paragraphs: held },
    { heading: '查摆出的主要问题', paragraphs: found },
    { heading: '整改措施和下一步打算', paragraphs: measures },
  ]
    .filter((s) => s.paragraphs.length > 0)
    .map((s, i) => ({ ...s, heading: `${chineseNumeral(i + 1)}、${s.heading}` }));
  const attachments = [
    f.minutes && (f.minutes.heldItems.length > 0 || f.minutes.selfCritics.length > 0 || f.minutes.criticisms > 0) ? '会议记录' : '',
    f.materials?.submitted ? (f.materials.teamSubmitted ? (f.materials.submitted > 1 ? '班子和班子成员对照检查材料' : '班子对照检查材料') : '班子成员对照检查材料') : '',
    found.length ? '整改清单' : '',
    f.opinions?.raw ? '征求意见汇总表' : '',
  ].filter(Boolean);
  return {
    title: `${f.team}关于${f.kindName}召开情况的报告`,
    addressee: addressee || ADDRESSEE_PLACEHOLDER,
    opening: open,
    sections,
    closing: '特此报告。',
    attachments,
    signature: { organ: f.team, date: chineseDate(f.today) },
    missing,
  };
}
