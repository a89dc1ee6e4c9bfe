/** Tables of migration 001 (foundation). */
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  organ: 'party_group' | 'party_committee' | 'branch' | 'other';
  unit: string;
  created_at: string;
  updated_at: string;
}

export interface MembersTable {
  id: Generated<number>;
  team_id: number;
  name: string;
  position: string;
  role: 'secretary' | 'deputy' | 'member';
  portfolio: string;
  sort_order: number;
  status: 'active' | 'left';
  left_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingsTable {
  id: Generated<number>;
  team_id: number;
  kind: 'annual' | 'special';
  trigger: 'central_inspection' | 'inspection' | 'audit' | 'discipline' | 'other' | null;
  trigger_reason: string;
  year: number;
  theme: string;
  date: string;
  start_time: string;
  place: string;
  host_member_id: number | null;
  recorder: string;
  quorum_ratio: number;
  status: 'preparing' | 'in_progress' | 'held' | 'closed';
  created_at: string;
  updated_at: string;
}

export interface MeetingAspectsTable {
  id: Generated<number>;
  meeting_id: number;
  sort_order: number;
  label: string;
}

export interface MeetingGuestsTable {
  id: Generated<number>;
  meeting_id: number;
  kind: 'attendee' | 'supervisor';
  name: string;
  position: string;
  sort_order: number;
}

export interface AttendanceTable {
  meeting_id: number;
  member_id: number;
  present: 0 | 1;
  absence_reason: 'leave' | 'business_trip' | 'other' | null;
  note: string;
}

export interface MeetingStepsTable {
  meeting_id: number;
  step: string;
  done_on: string;
}

export interface ExportLogTable {
  id: Generated<number>;
  at: string;
  kind: string;
  meeting_id: number | null;
  file_name: string;
  path: string;
  bytes: number;
}

export interface FoundationTables {
  settings: SettingsTable;
  teams: TeamsTable;
  members: MembersTable;
  meetings: MeetingsTable;
  meeting_aspects: MeetingAspectsTable;
  meeting_guests: MeetingGuestsTable;
  attendance: AttendanceTable;
  meeting_steps: MeetingStepsTable;
  export_log: ExportLogTable;
}
