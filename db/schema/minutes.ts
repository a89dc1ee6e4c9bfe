/** Tables of migration 005 (minutes). */
import type { Generated } from 'kysely';

export type MinutesAgendaKind = 'opening' | 'last_year' | 'opinions' | 'inquiries' | 'team_check' | 'member_round' | 'supervisor' | 'pledge' | 'summary' | 'other';
export type MinutesEntryType = 'self_criticism' | 'criticism' | 'response' | 'comment' | 'report' | 'host' | 'other';
export type MinutesSpeakerRole = 'host' | 'report' | 'self' | 'criticism' | 'response' | 'comment' | 'other';

export interface MinutesAgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  sort_order: number;
  kind: MinutesAgendaKind;
  title: string;
  member_id: number | null;
  planned_minutes: number | null;
  started_at: string | null;
  ended_at: string | null;
}

export interface MinutesSpeechesTable {
  id: Generated<number>;
  meeting_id: number;
  agenda_item_id: number;
  member_id: number | null;
  guest_name: string;
  role: MinutesSpeakerRole;
  started_at: string;
  ended_at: string | null;
}

export interface MinutesEntriesTable {
  id: Generated<number>;
  key: string;
  meeting_id: number;
  agenda_item_id: number;
  speech_id: number | null;
  type: MinutesEntryType;
  from_member_id: number | null;
  from_guest: string;
  to_member_id: number | null;
  aspect_id: number | null;
  text: string;
  sort_order: number;
  revision: number;
  created_at: string;
  updated_at: string;
  /** The other recorder whose record this entry came from (a merge); '' for this laptop's own. */
  origin_recorder: Generated<string>;
}

export interface MinutesMergesTable {
  id: Generated<number>;
  meeting_id: number;
  recorder: string;
  merged_at: string;
  file_exported_at: string;
  summary: string;
  changes: string;
  undone_at: string | null;
}

export interface MinutesSessionsTable {
  meeting_id: number;
  current_item_id: number | null;
  speaker_index: Generated<number>;
  current_speech_id: number | null;
  draft_entry_id: number | null;
  started_at: string | null;
  ended_at: string | null;
  host_confirmed: Generated<string>;
  recorder_confirmed: Generated<string>;
  finalized_at: string | null;
  updated_at: string;
}

export interface MinutesReopenLogTable {
  id: Generated<number>;
  meeting_id: number;
  at: string;
  reason: string;
  finalized_at: string;
}

export interface MinutesPromotionsTable {
  id: Generated<number>;
  entry_id: number;
  meeting_id: number;
  promoted_at: string;
  status: Generated<'pending' | 'adopted'>;
}

export interface MinutesTables {
  minutes_agenda_items: MinutesAgendaItemsTable;
  minutes_speeches: MinutesSpeechesTable;
  minutes_entries: MinutesEntriesTable;
  minutes_sessions: MinutesSessionsTable;
  minutes_reopen_log: MinutesReopenLogTable;
  minutes_promotions: MinutesPromotionsTable;
  minutes_merges: MinutesMergesTable;
}
