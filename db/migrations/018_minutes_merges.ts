import type { Migration } from './types';

/**
 * Two recorders, one record (issue 18 §3): the minutes of a second laptop merged into this one.
 *
 * `minutes_entries.origin_recorder` names the other recorder for an entry that came from (or was replaced by) the
 * other laptop's record; '' for this laptop's own. `minutes_merges` keeps each merge: who recorded the other side,
 * what was decided, and the inverse of every change (JSON) so the merge can be undone until the minutes are finalised.
 */
export const minutesMerges: Migration = {
  version: 18,
  name: 'minutes_merges',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE minutes_entries ADD COLUMN origin_recorder TEXT NOT NULL DEFAULT '' CHECK (length(origin_recorder) <= 50);

      CREATE TABLE minutes_merges (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        recorder TEXT NOT NULL CHECK (length(trim(recorder)) BETWEEN 1 AND 50),
        merged_at TEXT NOT NULL CHECK (length(merged_at) BETWEEN 10 AND 40),
        file_exported_at TEXT NOT NULL CHECK (length(file_exported_at) <= 40),
        summary TEXT NOT NULL CHECK (json_valid(summary) AND length(summary) <= 2000),
        changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array' AND length(changes) <= 20000000),
        undone_at TEXT CHECK (undone_at IS NULL OR length(undone_at) BETWEEN 10 AND 40)
      ) STRICT;
      CREATE INDEX minutes_merges_by_meeting ON minutes_merges(meeting_id, merged_at);
    `);
  },
};
