/** Tables of migration 004 (materials). */
import type { Generated } from 'kysely';

export type MaterialStatusCode = 'draft' | 'submitted' | 'returned' | 'approved';

export interface MaterialsTable {
  id: Generated<number>;
  meeting_id: number;
  /** NULL: the 班子 material. */
  member_id: number | null;
  status: MaterialStatusCode;
  /** The material tree (electron/common/materials/model.ts) as JSON. */
  content: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface MaterialVersionsTable {
  id: Generated<number>;
  material_id: number;
  number: number;
  content: string;
  note: string;
  submitted_at: string;
}

export interface MaterialReviewsTable {
  id: Generated<number>;
  material_id: number;
  version_id: number | null;
  reviewer: string;
  decision: 'returned' | 'approved' | 'reopened';
  comment: string;
  deadline: string | null;
  reviewed_at: string;
}

export interface MaterialProblemsTable {
  id: Generated<number>;
  material_id: number;
  node_id: string;
}

export interface MaterialOpinionLinksTable {
  problem_id: number;
  opinion_id: number;
}

export interface MaterialsTables {
  materials: MaterialsTable;
  material_versions: MaterialVersionsTable;
  material_reviews: MaterialReviewsTable;
  material_problems: MaterialProblemsTable;
  material_opinion_links: MaterialOpinionLinksTable;
}
