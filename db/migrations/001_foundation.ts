import type { Migration } from './types';

// Text limits live here as CHECKs so that nothing oversized reaches the file even if a caller skips validation.
// Dates are ISO yyyy-mm-dd; `x IS date(x)` rejects anything that is not a real calendar date (2026-02-30 → 2026-03-02 ≠ input).
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
        value TEXT NOT NULL CHECK (length(value) <= 100000)
      ) STRICT;

      CREATE TABLE teams (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
        organ TEXT NOT NULL DEFAULT 'party_group' CHECK (organ IN ('party_group','party_committee','branch','other')),
        unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 100),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
        position TEXT NOT NULL DEFAULT '' CHECK (length(position) <= 100),
        role TEXT NOT NULL CHECK (role IN ('secretary','deputy','member')),
        portfolio TEXT NOT NULL DEFAULT '' CHECK (length(portfolio) <= 500),
        sort_order INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','left')),
        left_on TEXT CHECK (left_on IS NULL OR left_on IS date(left_on)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX members_by_team ON members(team_id, sort_order);

      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE RESTRICT,
        kind TEXT NOT NULL CHECK (kind IN ('annual','special')),
        trigger TEXT CHECK (trigger IS NULL OR trigger IN ('central_inspection','inspection','audit','discipline','other')),
        trigger_reason TEXT NOT NULL DEFAULT '' CHECK (length(trigger_reason) <= 1000),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        theme TEXT NOT NULL CHECK (length(trim(theme)) BETWEEN 1 AND 200),
        date TEXT NOT NULL CHECK (date IS date(date)),
        start_time TEXT NOT NULL DEFAULT '' CHECK (start_time = '' OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 100),
        host_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        recorder TEXT NOT NULL DEFAULT '' CHECK (length(recorder) <= 50),
        quorum_ratio REAL NOT NULL DEFAULT 0.6667 CHECK (quorum_ratio > 0 AND quorum_ratio <= 1),
        status TEXT NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing','in_progress','held','closed')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (kind = 'annual' OR trigger IS NOT NULL)
      ) STRICT;
      CREATE INDEX meetings_by_team ON meetings(team_id, date DESC);

      CREATE TABLE meeting_aspects (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 200)
      ) STRICT;
      CREATE INDEX meeting_aspects_by_meeting ON meeting_aspects(meeting_id, sort_order);

      -- 列席 (attendee) and 督导组 (supervisor) people: not team members.
      CREATE TABLE meeting_guests (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('attendee','supervisor')),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
        position TEXT NOT NULL DEFAULT '' CHECK (length(position) <= 100),
        sort_order INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX meeting_guests_by_meeting ON meeting_guests(meeting_id, kind, sort_order);

      CREATE TABLE attendance (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        present INTEGER NOT NULL CHECK (present IN (0,1)),
        absence_reason TEXT CHECK (absence_reason IS NULL OR absence_reason IN ('leave','business_trip','other')),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
        PRIMARY KEY (meeting_id, member_id),
        CHECK (present = 1 OR absence_reason IS NOT NULL)
      ) STRICT;

      -- Dashboard steps marked done by hand (derived completions are computed, never stored).
      CREATE TABLE meeting_steps (
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        step TEXT NOT NULL CHECK (length(step) BETWEEN 1 AND 50),
        done_on TEXT NOT NULL CHECK (done_on IS date(done_on)),
        PRIMARY KEY (meeting_id, step)
      ) STRICT;

      -- What was exported, when, to which file. Content never goes here.
      CREATE TABLE export_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 100),
        meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
        file_name TEXT NOT NULL CHECK (length(file_name) <= 260),
        path TEXT NOT NULL CHECK (length(path) <= 4096),
        bytes INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX export_log_by_time ON export_log(at DESC);
    `);
  },
};
