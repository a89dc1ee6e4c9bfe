/** Tables of migration 003 (talks and study sessions). */
import type { Generated } from 'kysely';

export type TalkType = 'secretary_member' | 'member_member' | 'member_department' | 'other';
export type StudyForm = 'center_group' | 'seminar' | 'lecture' | 'self_study';

export interface TalkPeopleTable {
  id: Generated<number>;
  team_id: number;
  kind: 'department_head' | 'other';
  name: string;
  department: string;
  position: string;
  overseer_member_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface TalksTable {
  id: Generated<number>;
  meeting_id: number;
  date: string;
  place: string;
  type: TalkType;
  topic: string;
  agreed: string;
  recorder: string;
  created_at: string;
  updated_at: string;
}

export interface TalkParticipantsTable {
  id: Generated<number>;
  talk_id: number;
  sort_order: number;
  member_id: number | null;
  person_id: number | null;
  points: string;
}

export interface TalkRuleSetsTable {
  meeting_id: number;
  secretary_members: 0 | 1;
  members_each_other: 0 | 1;
  member_departments: 0 | 1;
  updated_at: string;
}

export interface TalkRuleExtrasTable {
  id: Generated<number>;
  meeting_id: number;
  sort_order: number;
  label: string;
  member_id: number | null;
  other_member_id: number | null;
  other_person_id: number | null;
}

export interface StudySessionsTable {
  id: Generated<number>;
  meeting_id: number;
  date: string;
  form: StudyForm;
  topic: string;
  hours: number | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

export interface StudyAttendeesTable {
  session_id: number;
  member_id: number;
}

export interface TalksTables {
  talk_people: TalkPeopleTable;
  talks: TalksTable;
  talk_participants: TalkParticipantsTable;
  talk_rule_sets: TalkRuleSetsTable;
  talk_rule_extras: TalkRuleExtrasTable;
  study_sessions: StudySessionsTable;
  study_attendees: StudyAttendeesTable;
}
