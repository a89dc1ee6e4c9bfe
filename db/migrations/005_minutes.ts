import type { Migration } from './types';

// The live minutes (会议记录). Entries are upserted by a client-generated key with a revision counter, so a late,
// older save can never overwrite newer text. Limits match electron/common/api/minutes.ts.
export const minutes: Migration = {
  version: 5,
  name: 'minutes',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE minutes_agenda_items (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('opening','last_year','opinions','inquiries','team_check','member_round','supervisor','pledge','summary','other')),
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        planned_minutes INTEGER CHECK (planned_minutes IS NULL OR planned_minutes BETWEEN 1 AND 600),
        started_at TEXT,
        ended_at TEXT
      ) STRICT;
      CREATE INDEX minutes_agenda_by_meeting ON minutes_agenda_items(meeting_id, sort_order);

      CREATE TABLE minutes_speeches (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES minutes_agenda_items(id) ON DELETE CASCADE,
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        guest_name TEXT NOT NULL DEFAULT '' CHECK (length(guest_name) <= 50),
        role TEXT NOT NULL CHECK (role IN ('host','report','self','criticism','response','comment','other')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      ) STRICT;
      CREATE INDEX minutes_speeches_by_item ON minutes_speeches(agenda_item_id, started_at);

      CREATE TABLE minutes_entries (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 8 AND 64),
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES minutes_agenda_items(id) ON DELETE RESTRICT,
        speech_id INTEGER REFERENCES minutes_speeches(id) ON DELETE SET NULL,
        type TEXT NOT NULL CHECK (type IN ('self_criticism','criticism','response','comment','report','other')),
        from_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        from_guest TEXT NOT NULL DEFAULT '' CHECK (length(from_guest) <= 50),
        to_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        aspect_id INTEGER REFERENCES meeting_aspects(id) ON DELETE SET NULL,
        text TEXT NOT NULL CHECK (length(text) <= 20000),
        sort_order REAL NOT NULL,
        revision INTEGER NOT NULL CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX minutes_entries_by_meeting ON minutes_entries(meeting_id, agenda_item_id, sort_order);

      -- One row per meeting: where the console is (restored after a crash) and the finalisation.
      CREATE TABLE minutes_sessions (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        current_item_id INTEGER REFERENCES minutes_agenda_items(id) ON DELETE SET NULL,
        speaker_index INTEGER NOT NULL DEFAULT 0,
        current_speech_id INTEGER REFERENCES minutes_speeches(id) ON DELETE SET NULL,
        draft_entry_id INTEGER REFERENCES minutes_entries(id) ON DELETE SET NULL,
        started_at TEXT,
        ended_at TEXT,
        host_confirmed TEXT NOT NULL DEFAULT '' CHECK (length(host_confirmed) <= 50),
        recorder_confirmed TEXT NOT NULL DEFAULT '' CHECK (length(recorder_confirmed) <= 50),
        finalized_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE minutes_reopen_log (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 2 AND 500),
        finalized_at TEXT NOT NULL
      ) STRICT;

      -- An entry offered as a draft rectification item; the rectification feature reads it through the source providers.
      CREATE TABLE minutes_promotions (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL UNIQUE REFERENCES minutes_entries(id) ON DELETE CASCADE,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        promoted_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','adopted'))
      ) STRICT;
    `);
  },
};
