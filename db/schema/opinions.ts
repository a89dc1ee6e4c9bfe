/** Tables of migration 002 (opinions). */
import type { Generated } from 'kysely';

export interface OpinionsTable {
  id: Generated<number>;
  meeting_id: number;
  channel: 'symposium' | 'interview' | 'form' | 'box' | 'phone' | 'online' | 'superior' | 'inspection' | 'other';
  source: string;
  received_on: string | null;
  target_member_id: number | null;
  aspect_id: number | null;
  text: string;
  anonymous: 0 | 1;
  submitter: string | null;
  consolidated_id: number | null;
  import_fingerprint: string | null;
  position: number;
  created_at: string | null;
}

export interface ConsolidatedOpinionsTable {
  id: Generated<number>;
  meeting_id: number;
  text: string;
  target_member_id: number | null;
  aspect_id: number | null;
  handling: 'feedback' | 'report' | 'rectify';
  note: string;
  sort_order: number;
}

export interface OpinionFormsTable {
  meeting_id: number;
  channel: OpinionsTable['channel'];
  issued: number;
  returned: number;
}

/** Migration 010: old ids of opinions made anonymous whose name may still be in a backup. */
export interface PendingErasuresTable {
  opinion_id: number;
}

/** Migration 011: whose feedback was given (a saved feedback file). */
export interface OpinionFeedbackTable {
  id: Generated<number>;
  meeting_id: number;
  member_id: number | null;
  format: 'docx' | 'xlsx';
  given_at: string;
}

export interface OpinionsTables {
  opinion_feedback: OpinionFeedbackTable;
  opinions: OpinionsTable;
  consolidated_opinions: ConsolidatedOpinionsTable;
  opinion_forms: OpinionFormsTable;
  pending_erasures: PendingErasuresTable;
}
