import type { Migration } from './types';

/**
 * 同一问题 suggestions the user answered 「不是同一问题」 (issue 19 §1): the pair is no longer offered until the user
 * restores it. A pair is stored once, the lower item id first; deleting either item deletes the answer.
 */
export const duplicateDismissals: Migration = {
  version: 22,
  name: 'duplicate_dismissals',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE rectification_dismissals (
        item_a INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        item_b INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        dismissed_at TEXT NOT NULL CHECK (length(dismissed_at) BETWEEN 10 AND 40),
        PRIMARY KEY (item_a, item_b),
        CHECK (item_a < item_b)
      ) STRICT;
      CREATE INDEX rectification_dismissals_by_b ON rectification_dismissals(item_b);
    `);
  },
};
