/** The vocabulary of the live minutes, shared by main and the renderer. */
export const AGENDA_KINDS = ['opening', 'last_year', 'opinions', 'inquiries', 'team_check', 'member_round', 'supervisor', 'pledge', 'summary', 'other'] as const;
/** In the console's order (Alt+1…7): 主持 has its own type, so the host's words never print as 其他. */
export const ENTRY_TYPES = ['self_criticism', 'criticism', 'response', 'comment', 'report', 'host', 'other'] as const;
export const SPEAKER_ROLES = ['host', 'report', 'self', 'criticism', 'response', 'comment', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export type EntryType = (typeof ENTRY_TYPES)[number];
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** Chinese labels used in exports and origin labels (the UI has its own i18n). */
export const ENTRY_TYPE_ZH: Record<EntryType, string> = {
  self_criticism: '自我批评',
  criticism: '批评',
  response: '回应表态',
  comment: '点评',
  report: '通报',
  host: '主持',
  other: '其他',
};

/** A team member as the minutes see him or her: in team order, with the day's attendance. */
export interface MinutesMember {
  id: number;
  name: string;
  position: string;
  role: 'secretary' | 'deputy' | 'member';
  present: boolean;
}

/** A speaker: a member, or a guest by name (督导组, 列席). */
export interface Speaker {
  memberId: number | null;
  guestName: string;
  role: SpeakerRole;
}

export interface AgendaItemDraft {
  kind: AgendaKind;
  title: string;
  memberId: number | null;
}
