import type { Migration } from './types';

/**
 * 佐证材料 as files (domain.md §5, §9: an item is closed 销号 only on evidence). The bytes live in the data file, in a
 * table of their own beside the evidence row, so backups and encryption cover them and lists never read them.
 * An item closed without any stored file keeps the 验收人's reason; every export marks such an item.
 */
export const evidenceFiles: Migration = {
  version: 15,
  name: 'evidence_files',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE rectification_evidence_files (
        evidence_id INTEGER PRIMARY KEY REFERENCES rectification_evidence(id) ON DELETE CASCADE,
        format TEXT NOT NULL CHECK (format IN ('pdf','docx','doc','xlsx','xls','png','jpeg','gif','bmp')),
        bytes INTEGER NOT NULL CHECK (bytes BETWEEN 1 AND 20971520),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content BLOB NOT NULL CHECK (length(content) = bytes)
      ) STRICT;

      ALTER TABLE rectification_items ADD COLUMN no_evidence_reason TEXT NOT NULL DEFAULT '' CHECK (length(no_evidence_reason) <= 1000);
      ALTER TABLE rectification_progress ADD COLUMN no_evidence_reason TEXT NOT NULL DEFAULT '' CHECK (length(no_evidence_reason) <= 1000);
    `);
  },
};
