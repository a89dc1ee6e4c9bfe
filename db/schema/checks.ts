/** Tables of migration 013 (honesty checks). */
import type { Generated } from 'kysely';

export interface CheckLibraryTable {
  id: Generated<number>;
  title: string;
  file_name: string;
  year: number | null;
  official: 0 | 1;
  text: string;
  imported_at: string;
}

export interface CheckDocsTable {
  id: Generated<number>;
  kind: 'material' | 'library';
  ref_id: number;
  /** The team for a material, 0 for the library. */
  scope: number;
  stamp: string;
}

export interface CheckFingerprintsTable {
  scope: number;
  hash: number;
  doc_id: number;
  pos: number;
}

export interface CheckNamesTable {
  id: Generated<number>;
  team_id: number;
  name: string;
  verdict: 'foreign' | 'own';
}

export interface CriticismRulesTable {
  id: Generated<number>;
  kind: 'contains' | 'lacks';
  label: string;
  label_en: string;
  advice: string;
  /** JSON array of strings. */
  phrases: string;
  /** JSON array of strings. */
  examples: string;
  enabled: 0 | 1;
  sort_order: number;
  /** Seeded by migration 013: can be disabled, not deleted (migration 021). */
  builtin: Generated<0 | 1>;
}

/** Tables of migration 021 (材料体检). */
export interface CheckupLeftTable {
  material_id: number;
  kind: 'opinion' | 'last_year';
  ref_id: number;
  reason: string;
  marked_at: string;
}

export interface CheckupReviewTable {
  material_id: number;
  reason: 'practice' | 'opinions' | 'problems' | 'depth';
  comment: string;
  set_at: string;
}

export interface ChecksTables {
  check_library: CheckLibraryTable;
  check_docs: CheckDocsTable;
  check_fingerprints: CheckFingerprintsTable;
  check_names: CheckNamesTable;
  criticism_rules: CriticismRulesTable;
  checkup_left: CheckupLeftTable;
  checkup_review: CheckupReviewTable;
}
