import type { Migration } from './types';

/**
 * 征求意见. Anonymity (domain.md §3) is enforced by the schema, not only by the handlers: an anonymous row can hold
 * no submitter and no creation time (CHECKs below); its id is drawn at random by the handler so that row order does
 * not place it next to the named opinions entered at the same moment. Consolidated opinions hold only the secretary's
 * rewording and never a giver.
 */
export const opinions: Migration = {
  version: 2,
  name: 'opinions',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE consolidated_opinions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 5000),
        target_member_id INTEGER REFERENCES members(id) ON DELETE RESTRICT,
        aspect_id INTEGER REFERENCES meeting_aspects(id) ON DELETE SET NULL,
        handling TEXT NOT NULL DEFAULT 'feedback' CHECK (handling IN ('feedback','report','rectify')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        sort_order INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX consolidated_opinions_by_meeting ON consolidated_opinions(meeting_id, sort_order);

      CREATE TABLE opinions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('symposium','interview','form','box','phone','online','superior','inspection','other')),
        source TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 100),
        received_on TEXT CHECK (received_on IS NULL OR received_on IS date(received_on)),
        target_member_id INTEGER REFERENCES members(id) ON DELETE RESTRICT,
        aspect_id INTEGER REFERENCES meeting_aspects(id) ON DELETE SET NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) >= 1 AND length(text) <= 5000),
        anonymous INTEGER NOT NULL CHECK (anonymous IN (0,1)),
        submitter TEXT CHECK (submitter IS NULL OR length(trim(submitter)) BETWEEN 1 AND 50),
        consolidated_id INTEGER REFERENCES consolidated_opinions(id) ON DELETE SET NULL,
        -- Hash of an imported row's content and its occurrence in the file: re-importing the same file adds nothing.
        import_fingerprint TEXT CHECK (import_fingerprint IS NULL OR length(import_fingerprint) = 64),
        -- Sort key for display: the received date and a position within the batch, never the time of entry.
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT,
        CHECK (anonymous = 0 OR (submitter IS NULL AND created_at IS NULL)),
        UNIQUE (meeting_id, import_fingerprint)
      ) STRICT;
      CREATE INDEX opinions_by_meeting ON opinions(meeting_id, received_on, position);
      CREATE INDEX opinions_by_consolidated ON opinions(consolidated_id);

      CREATE TABLE opinion_forms (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        channel TEXT NOT NULL CHECK (channel IN ('symposium','interview','form','box','phone','online','superior','inspection','other')),
        issued INTEGER NOT NULL CHECK (issued >= 0),
        returned INTEGER NOT NULL CHECK (returned >= 0 AND returned <= issued),
        PRIMARY KEY (meeting_id, channel)
      ) STRICT;
    `);
  },
};
