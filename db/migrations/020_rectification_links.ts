import type { Migration } from './types';

/**
 * One problem raised by several sources (domain.md §9: 巡察 feedback and the 民主生活会 often name the same thing):
 * items the user linked share a link group, so one piece of work closes them all while each source keeps its own
 * wording and row. Links are only ever made by the user (suggestions are computed, never stored). A progress entry
 * written on an item because it was written on a linked one remembers the entry it came from (linked_from).
 */
export const rectificationLinks: Migration = {
  version: 20,
  name: 'rectification_links',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE rectification_links (
        item_id INTEGER PRIMARY KEY REFERENCES rectification_items(id) ON DELETE CASCADE,
        link_group INTEGER NOT NULL CHECK (link_group >= 1),
        linked_at TEXT NOT NULL CHECK (length(linked_at) BETWEEN 10 AND 40)
      ) STRICT;
      CREATE INDEX rectification_links_by_group ON rectification_links(link_group);

      ALTER TABLE rectification_progress ADD COLUMN linked_from INTEGER REFERENCES rectification_progress(id) ON DELETE SET NULL;
    `);
  },
};
