/** Tables of migration 014 (报送材料包, 核对单 and revisions of minutes entries). */
import type { Generated } from 'kysely';

export interface SubmissionsTable {
  id: Generated<number>;
  meeting_id: number;
  at: string;
  recipient: string;
  format: 'zip' | 'folder';
  encrypted: number;
  complete: number;
  path: string;
  /** JSON: SubmissionManifest (electron/common/api/submission.ts). */
  manifest: string;
}

export interface MinutesEntryRevisionsTable {
  id: Generated<number>;
  entry_id: number;
  meeting_id: number;
  at: string;
  before_text: string;
  after_text: string;
  requested_by: string;
  reason: string;
  entered_by: string;
  after_finalization: number;
}

export interface MinutesChecksTable {
  meeting_id: number;
  member_id: number;
  returned_on: string;
  recorded_at: string;
}

export interface SubmissionTables {
  submissions: SubmissionsTable;
  minutes_entry_revisions: MinutesEntryRevisionsTable;
  minutes_checks: MinutesChecksTable;
}
