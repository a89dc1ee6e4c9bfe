import type { Migration } from './types';

/**
 * The secretary's edited 会议情况报告 body, one per meeting: the paragraphs as edited (JSON), each remembering the
 * generated paragraph it started from, so a later change of the data is shown instead of silently keeping a stale
 * figure. Deleting the row returns to the generated draft.
 */
export const reportEdits: Migration = {
  version: 17,
  name: 'report_edits',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE report_edits (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        paragraphs TEXT NOT NULL CHECK (json_valid(paragraphs) AND json_type(paragraphs) = 'array' AND length(paragraphs) <= 400000),
        updated_at TEXT NOT NULL CHECK (length(updated_at) BETWEEN 10 AND 40)
      ) STRICT;
    `);
  },
};
