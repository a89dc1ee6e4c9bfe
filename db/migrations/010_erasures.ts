import type { Migration } from './types';

/**
 * Names still to be erased from the backups. When a named opinion is made anonymous, its old id is recorded here in
 * the same transaction; the erasure from every backup (and the backups' journals) runs after the commit and again at
 * every start until it has succeeded, then the row is deleted. A crash between the commit and the erasure can no
 * longer leave the giver's name in a backup. Only the old id is kept: it links to nothing in the live data.
 */
export const erasures: Migration = {
  version: 10,
  name: 'erasures',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE pending_erasures (
        opinion_id INTEGER PRIMARY KEY
      ) STRICT;
    `);
  },
};
