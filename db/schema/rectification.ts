/** Tables of migration 006 (rectification list, follow-up). */
import type { Generated } from 'kysely';

export type RectificationStatusValue = 'not_started' | 'in_progress' | 'done_pending' | 'closed' | 'ongoing';
export type DeadlineKindValue = 'date' | 'immediate' | 'ongoing';
export type OriginKindValue = 'meeting' | 'inspection' | 'audit' | 'supervision' | 'study_campaign' | 'theme_education' | 'other';
export type SourceTypeValue = 'opinion' | 'material_problem' | 'criticism' | 'talk' | 'self_check' | 'inspection' | 'last_year';

export interface RectificationListsTable {
  id: Generated<number>;
  meeting_id: number;
  status: 'draft' | 'agreed';
  agreed_on: string | null;
  agreed_by: string;
  created_at: string;
  updated_at: string;
}

export interface RectificationItemsTable {
  id: Generated<number>;
  list_id: number;
  seq: number;
  aspect_id: number | null;
  member_id: number | null;
  problem: string;
  target: string;
  unit: string;
  owner_person: string;
  deadline_kind: DeadlineKindValue;
  deadline_date: string | null;
  progress: string;
  status: RectificationStatusValue;
  closed_on: string | null;
  acceptor: string;
  note: string;
  /** Migration 015: the 验收人's reason when the item was closed without a stored file. */
  no_evidence_reason: Generated<string>;
  /** Migration 016: where the problem was raised, and by whom in the source's words. */
  origin_kind: Generated<OriginKindValue>;
  origin: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface RectificationMeasuresTable {
  id: Generated<number>;
  item_id: number;
  sort_order: number;
  text: string;
}

export interface RectificationItemLeadersTable {
  item_id: number;
  member_id: number;
  sort_order: number;
}

export interface RectificationItemSourcesTable {
  id: Generated<number>;
  item_id: number;
  source_type: SourceTypeValue;
  source_id: number;
  text: string;
  origin: string;
  linked_at: string;
}

export interface RectificationEvidenceTable {
  id: Generated<number>;
  item_id: number;
  progress_id: number | null;
  name: string;
  path: string;
  added_at: string;
}

export type EvidenceFormatValue = 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'png' | 'jpeg' | 'gif' | 'bmp';

/** Migration 015: the bytes of a stored 佐证材料. */
export interface RectificationEvidenceFilesTable {
  evidence_id: number;
  format: EvidenceFormatValue;
  bytes: number;
  sha256: string;
  content: Uint8Array;
}

export interface RectificationAgreementsTable {
  id: Generated<number>;
  list_id: number;
  agreed_on: string;
  agreed_by: string;
  snapshot: string;
  created_at: string;
}

export interface RectificationChangesTable {
  id: Generated<number>;
  item_id: number;
  at: string;
  changed_by: string;
  reason: string;
  field: 'problem' | 'measures' | 'leaders' | 'unit' | 'ownerPerson' | 'deadline';
  before: string;
  after: string;
}

export interface RectificationProgressTable {
  id: Generated<number>;
  item_id: number;
  on_date: string;
  kind: 'supervision' | 'review' | 'progress';
  text: string;
  recorded_by: string;
  status_from: RectificationStatusValue | null;
  status_to: RectificationStatusValue | null;
  no_evidence_reason: Generated<string>;
  created_at: string;
  /** The entry on a linked item this one was written from (migration 020); null for an entry made on this item. */
  linked_from: Generated<number | null>;
}

/** Items the user linked as one problem raised by several sources (migration 020). */
export interface RectificationLinksTable {
  item_id: number;
  link_group: number;
  linked_at: string;
}

/** A 同一问题 suggestion the user dismissed (migration 022); item_a < item_b. */
export interface RectificationDismissalsTable {
  item_a: number;
  item_b: number;
  dismissed_at: string;
}

export interface RectificationTables {
  rectification_lists: RectificationListsTable;
  rectification_items: RectificationItemsTable;
  rectification_measures: RectificationMeasuresTable;
  rectification_item_leaders: RectificationItemLeadersTable;
  rectification_item_sources: RectificationItemSourcesTable;
  rectification_evidence: RectificationEvidenceTable;
  rectification_evidence_files: RectificationEvidenceFilesTable;
  rectification_agreements: RectificationAgreementsTable;
  rectification_changes: RectificationChangesTable;
  rectification_progress: RectificationProgressTable;
  rectification_links: RectificationLinksTable;
  rectification_dismissals: RectificationDismissalsTable;
}
