/** Tables of migration 019 (this year's rules as data, domain.md §9). */
import type { Generated } from 'kysely';

export interface MeetingRulesTable {
  meeting_id: number;
  case_analysis: 0 | 1;
  report_inquiries: 0 | 1;
}

export interface MeetingNoticesTable {
  id: Generated<number>;
  meeting_id: number;
  sort_order: number;
  /** What is reported, e.g. 中央八项规定精神学习教育整改整治; the agenda says 「通报…情况」. */
  subject: string;
}

export interface MeetingPresetsTable {
  id: Generated<number>;
  year: number;
  name: string;
  /** JSON array of aspect labels. */
  aspects: string;
  /** JSON array of notice subjects. */
  notices: string;
  case_analysis: 0 | 1;
  report_inquiries: 0 | 1;
  note: string;
  built_in: 0 | 1;
  updated_at: string;
}

export interface MeetingRulesTables {
  meeting_rules: MeetingRulesTable;
  meeting_notices: MeetingNoticesTable;
  meeting_presets: MeetingPresetsTable;
}
