import type { AgendaItemDraft, AgendaKind, EntryType, MinutesMember, Speaker } from './types';
import { defaultRules, noticeTitle, type MeetingRules } from '../meetings/rules';

export interface AgendaInput {
  kind: 'annual' | 'special';
  /** Team order (书记 first is not assumed: the generator finds the 书记 by role). */
  members: readonly Pick<MinutesMember, 'id' | 'name' | 'role'>[];
  /** This year's optional parts (domain.md §9); omitted: the defaults of the kind. */
  rules?: Pick<MeetingRules, 'notices' | 'reportInquiries'>;
}

const FIXED_TITLES: Record<Exclude<AgendaKind, 'member_round' | 'other'>, string> = {
  opening: '主持人宣布会议开始，说明会议主要任务和出席、列席情况',
  last_year: '通报上年度民主生活会整改落实情况',
  opinions: '通报本次民主生活会征求意见情况',
  inquiries: '通报班子成员受到谈话函询情况',
  team_check: '书记代表领导班子作对照检查',
  supervisor: '督导组、列席领导点评',
  pledge: '表态发言',
  summary: '主持人总结讲话',
};

export const secretaryOf = <M extends Pick<MinutesMember, 'role'>>(members: readonly M[]): M | undefined => members.find((m) => m.role === 'secretary');

/** The title of a member's round: 「林向东同志个人对照检查发言，班子成员逐一提出批评意见」. */
export function roundTitle(name: string, isSecretary: boolean): string {
  return isSecretary ? `${name}同志（书记）个人对照检查发言，班子成员逐一提出批评意见` : `${name}同志个人对照检查发言，书记和其他班子成员逐一提出批评意见`;
}

/**
 * The standard order of domain.md §4 and §9: the meeting's extra 通报 items (学习教育整改整治…) open the reports, before
 * last year's 整改落实情况; 通报谈话函询情况 when the meeting's rules say so (a 年度 meeting by default). Editable afterwards.
 */
export function generateAgenda(input: AgendaInput): AgendaItemDraft[] {
  const fixed = (kind: keyof typeof FIXED_TITLES): AgendaItemDraft => ({ kind, title: FIXED_TITLES[kind], memberId: null });
  const secretary = secretaryOf(input.members);
  const others = input.members.filter((m) => m !== secretary);
  const rounds = [...(secretary ? [secretary] : []), ...others].map(
    (m): AgendaItemDraft => ({ kind: 'member_round', title: roundTitle(m.name, m === secretary), memberId: m.id }),
  );
  const rules = input.rules ?? defaultRules(input.kind);
  return [
    fixed('opening'),
    ...rules.notices.map((subject): AgendaItemDraft => ({ kind: 'other', title: noticeTitle(subject), memberId: null })),
    fixed('last_year'),
    fixed('opinions'),
    ...(rules.reportInquiries ? [fixed('inquiries')] : []),
    ...(secretary ? [{ ...fixed('team_check'), memberId: secretary.id }] : [fixed('team_check')]),
    ...rounds,
    fixed('supervisor'),
    fixed('pledge'),
    fixed('summary'),
  ];
}

/** An item added by hand or by the meeting's rules whose title announces a 通报: its words are a report. */
export const isNoticeItem = (title: string | undefined): boolean => /^\s*通报/.test(title ?? '');

export interface SpeakerContext {
  members: readonly MinutesMember[];
  hostMemberId: number | null;
  supervisors: readonly string[];
}

const member = (memberId: number, role: Speaker['role']): Speaker => ({ memberId, guestName: '', role });

/**
 * Who speaks, in order, within one agenda item. A member round: the member's self-criticism, then criticism from
 * the 书记 and every other present member in team order, then the member's response. Absent members are skipped.
 */
export function plannedSpeakers(item: { kind: AgendaKind; memberId: number | null; title?: string }, context: SpeakerContext): Speaker[] {
  const present = context.members.filter((m) => m.present);
  const secretary = secretaryOf(context.members);
  const hostId = context.hostMemberId ?? secretary?.id ?? null;
  const host: Speaker[] = hostId ? [member(hostId, 'host')] : [];
  switch (item.kind) {
    case 'opening':
    case 'summary':
      return host;
    case 'last_year':
    case 'opinions':
    case 'inquiries':
      return hostId ? [member(hostId, 'report')] : [];
    case 'team_check': {
      const by = item.memberId ?? secretary?.id ?? null;
      return by ? [member(by, 'self')] : [];
    }
    case 'member_round': {
      const target = present.find((m) => m.id === item.memberId);
      if (!target) return [];
      const critics = present.filter((m) => m.id !== target.id);
      const ordered = [...critics.filter((m) => m.role === 'secretary'), ...critics.filter((m) => m.role !== 'secretary')];
      return [member(target.id, 'self'), ...ordered.map((m) => member(m.id, 'criticism')), member(target.id, 'response')];
    }
    case 'supervisor':
      return (context.supervisors.length > 0 ? context.supervisors : ['督导组']).map((guestName) => ({ memberId: null, guestName, role: 'comment' as const }));
    case 'pledge':
      return present.map((m) => member(m.id, 'response'));
    case 'other':
      if (item.memberId) return [member(item.memberId, 'other')];
      // An extra 通报 item of this year's rules (通报××整改整治情况) is reported like last year's 整改落实情况.
      return host.map((s) => ({ ...s, role: isNoticeItem(item.title) ? ('report' as const) : ('other' as const) }));
  }
}

/**
 * The entry a speaker's words default to: type and 批评人 → 被批评人. Only a criticism addresses another member: a
 * self-criticism and a response are the speaker's own words (the round says whose), the host's words are 主持.
 */
export function entryDefaults(item: { kind: AgendaKind; memberId: number | null }, speaker: Speaker | null) {
  const from = { fromMemberId: speaker?.memberId ?? null, fromGuest: speaker?.guestName ?? '' };
  const roundTarget = item.kind === 'member_round' ? item.memberId : null;
  switch (speaker?.role) {
    case 'self':
      return { type: 'self_criticism' as const, ...from, toMemberId: null };
    case 'criticism':
      return { type: 'criticism' as const, ...from, toMemberId: roundTarget };
    case 'response':
      return { type: 'response' as const, ...from, toMemberId: null };
    case 'comment':
      return { type: 'comment' as const, ...from, toMemberId: roundTarget };
    case 'report':
      return { type: 'report' as const, ...from, toMemberId: null };
    case 'host':
      return { type: 'host' as const, ...from, toMemberId: null };
    default:
      return { type: 'other' as const, ...from, toMemberId: roundTarget === from.fromMemberId ? null : roundTarget };
  }
}

/** One part of what the composer says the entry will be: a role (批评人, 回应…) and who or what fills it. */
export interface AddressPart {
  role: 'from' | 'speaker' | 'host' | 'reporter' | 'selfCritic' | 'responder' | 'commenter' | 'to' | 'answers' | 'about';
  /** A member's or guest's name; empty with `what` when the part names something else. */
  name: string;
  /** What fills the part when no person does: the criticisms of the round ('round'), a 被批评人 still to choose ('choose'). */
  what?: 'round' | 'choose' | 'none';
}

/**
 * What the composer's chips say about the entry it is about to record: who speaks, in what capacity, and whom or what
 * the words address. A criticism reads 批评人 → 被批评人; a response reads 表态人 → 回应 the criticisms of the round
 * (never 被批评人: nobody criticises himself); a self-criticism, a report or the host's words name the speaker only.
 */
export function entryAddress(
  entry: { type: EntryType; fromMemberId: number | null; fromGuest: string; toMemberId: number | null },
  item: { kind: AgendaKind; memberId: number | null } | null,
  nameOf: (memberId: number | null) => string,
): AddressPart[] {
  const from = nameOf(entry.fromMemberId) || entry.fromGuest;
  const to = entry.toMemberId !== null && entry.toMemberId !== entry.fromMemberId ? nameOf(entry.toMemberId) : '';
  switch (entry.type) {
    case 'criticism':
      // No 被批评人, or the speaker himself: the channel refuses it, so the chip asks for one instead of naming one.
      return [{ role: 'from', name: from }, to ? { role: 'to', name: to } : { role: 'to', name: '', what: 'choose' }];
    case 'self_criticism':
      return [{ role: 'selfCritic', name: from }];
    case 'response': {
      const ownRound = item?.kind === 'member_round' && item.memberId !== null && item.memberId === entry.fromMemberId;
      if (to) return [{ role: 'responder', name: from }, { role: 'answers', name: to }];
      return [{ role: 'responder', name: from }, ...(ownRound ? [{ role: 'answers' as const, name: '', what: 'round' as const }] : [])];
    }
    case 'comment':
      return [{ role: 'commenter', name: from }, ...(to ? [{ role: 'about' as const, name: to }] : [])];
    case 'report':
      return [{ role: 'reporter', name: from }];
    case 'host':
      return [{ role: 'host', name: from }];
    case 'other':
      return [{ role: 'speaker', name: from }, ...(to ? [{ role: 'about' as const, name: to }] : [])];
  }
}
