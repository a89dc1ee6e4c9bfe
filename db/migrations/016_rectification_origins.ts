import type { Migration } from './types';

/**
 * One 整改 ledger, many sources (domain.md §9: 民主生活会 整改 run together with 巡视巡察, 审计, 督察 and 学习教育
 * rectification). Each item says where the problem was raised (origin_kind) and by whom, in the source's own words
 * (origin, e.g. 「县委第三巡察组反馈意见（2025年6月）」); items born in the meeting keep 'meeting'.
 */
export const rectificationOrigins: Migration = {
  version: 16,
  name: 'rectification_origins',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE rectification_items ADD COLUMN origin_kind TEXT NOT NULL DEFAULT 'meeting'
        CHECK (origin_kind IN ('meeting','inspection','audit','supervision','study_campaign','theme_education','other'));
      ALTER TABLE rectification_items ADD COLUMN origin TEXT NOT NULL DEFAULT '' CHECK (length(origin) <= 200);
      CREATE INDEX rectification_items_by_origin ON rectification_items(list_id, origin_kind);
    `);
  },
};
