import type { Migration } from './types';

/**
 * 谈心谈话 and 学习研讨 (domain.md §3). Outside people (分管部门负责人, 党员群众代表…) belong to the team so they can be
 * reused from meeting to meeting; talks, the required-pairs rule set and study sessions belong to one meeting.
 * A talk participant is exactly one of a member or an outside person; the first participant (sort_order 0) is the
 * 谈话人, the others are 谈话对象.
 */
export const talks: Migration = {
  version: 3,
  name: 'talks',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE talk_people (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('department_head','other')),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 50),
        department TEXT NOT NULL DEFAULT '' CHECK (length(department) <= 100),
        position TEXT NOT NULL DEFAULT '' CHECK (length(position) <= 100),
        overseer_member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX talk_people_by_team ON talk_people(team_id, overseer_member_id);

      CREATE TABLE talks (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date IS date(date)),
        place TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 100),
        type TEXT NOT NULL CHECK (type IN ('secretary_member','member_member','member_department','other')),
        topic TEXT NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
        agreed TEXT NOT NULL DEFAULT '' CHECK (length(agreed) <= 5000),
        recorder TEXT NOT NULL DEFAULT '' CHECK (length(recorder) <= 50),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX talks_by_meeting ON talks(meeting_id, date);

      CREATE TABLE talk_participants (
        id INTEGER PRIMARY KEY,
        talk_id INTEGER NOT NULL REFERENCES talks(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        member_id INTEGER REFERENCES members(id) ON DELETE RESTRICT,
        person_id INTEGER REFERENCES talk_people(id) ON DELETE RESTRICT,
        points TEXT NOT NULL DEFAULT '' CHECK (length(points) <= 5000),
        CHECK ((member_id IS NULL) <> (person_id IS NULL)),
        UNIQUE (talk_id, member_id),
        UNIQUE (talk_id, person_id)
      ) STRICT;
      CREATE INDEX talk_participants_by_talk ON talk_participants(talk_id, sort_order);

      -- The required-pairs rule set of a meeting; no row means the default (all three standard rules on).
      CREATE TABLE talk_rule_sets (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        secretary_members INTEGER NOT NULL CHECK (secretary_members IN (0,1)),
        members_each_other INTEGER NOT NULL CHECK (members_each_other IN (0,1)),
        member_departments INTEGER NOT NULL CHECK (member_departments IN (0,1)),
        updated_at TEXT NOT NULL
      ) STRICT;

      -- Custom rules: one member (or every member when member_id is NULL) must talk with one other person.
      CREATE TABLE talk_rule_extras (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 100),
        member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
        other_member_id INTEGER REFERENCES members(id) ON DELETE CASCADE,
        other_person_id INTEGER REFERENCES talk_people(id) ON DELETE CASCADE,
        CHECK ((other_member_id IS NULL) <> (other_person_id IS NULL))
      ) STRICT;
      CREATE INDEX talk_rule_extras_by_meeting ON talk_rule_extras(meeting_id, sort_order);

      CREATE TABLE study_sessions (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        date TEXT NOT NULL CHECK (date IS date(date)),
        form TEXT NOT NULL CHECK (form IN ('center_group','seminar','lecture','self_study')),
        topic TEXT NOT NULL CHECK (length(trim(topic)) BETWEEN 1 AND 200),
        hours REAL CHECK (hours IS NULL OR (hours > 0 AND hours <= 24)),
        notes TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX study_sessions_by_meeting ON study_sessions(meeting_id, date);

      CREATE TABLE study_attendees (
        session_id INTEGER NOT NULL REFERENCES study_sessions(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE RESTRICT,
        PRIMARY KEY (session_id, member_id)
      ) STRICT;
    `);
  },
};
