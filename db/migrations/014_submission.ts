import type { Migration } from './types';

/**
 * After the meeting (domain.md §9): what went up to the upper level, and the speakers' check of their own words.
 * - `submissions`: each 报送材料包 written — when, to whom, as a .zip (with or without a password) or a folder, and its
 *   材料清单 (files with title, size and SHA-256; the items left out with the reason), so next year's 回头看 can say
 *   what was sent. The content itself is never stored here.
 * - `minutes_entry_revisions`: a correction a speaker asked for on his or her 核对单; the entry takes the new text,
 *   the old one stays here with who asked, why, and who entered it — before or after the minutes were finalised.
 * - `minutes_checks`: the 发言记录核对单 returned (signed) by a member, one row per member.
 */
export const submission: Migration = {
  version: 14,
  name: 'submission',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        recipient TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 100),
        format TEXT NOT NULL CHECK (format IN ('zip','folder')),
        encrypted INTEGER NOT NULL CHECK (encrypted IN (0,1)),
        complete INTEGER NOT NULL CHECK (complete IN (0,1)),
        path TEXT NOT NULL CHECK (length(path) BETWEEN 1 AND 4096),
        manifest TEXT NOT NULL CHECK (json_valid(manifest))
      ) STRICT;
      CREATE INDEX submissions_by_meeting ON submissions(meeting_id, at);

      CREATE TABLE minutes_entry_revisions (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES minutes_entries(id) ON DELETE CASCADE,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        before_text TEXT NOT NULL CHECK (length(before_text) <= 20000),
        after_text TEXT NOT NULL CHECK (length(after_text) BETWEEN 1 AND 20000),
        requested_by TEXT NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 50),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        entered_by TEXT NOT NULL CHECK (length(entered_by) <= 50),
        after_finalization INTEGER NOT NULL CHECK (after_finalization IN (0,1))
      ) STRICT;
      CREATE INDEX minutes_entry_revisions_by_entry ON minutes_entry_revisions(entry_id, at);

      CREATE TABLE minutes_checks (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        returned_on TEXT NOT NULL CHECK (returned_on IS date(returned_on)),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (meeting_id, member_id)
      ) STRICT;
    `);
  },
};
