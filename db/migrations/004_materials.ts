import type { Migration } from './types';

/**
 * 对照检查材料 (domain.md §3). One material per member per meeting and one for the 班子 (member_id NULL); its current
 * content is the material tree as JSON (electron/common/materials). Every submission is kept as an immutable version
 * (a trigger refuses updates); review records say who sent it back or approved it, with comment and time limit.
 *
 * Problems are nodes inside the JSON; material_problems gives each one a stable number (for rectification sources)
 * and material_opinion_links says which opinions it answers. A link follows its opinion: deleted with it, and moved
 * with it when opinions.update gives an opinion made anonymous a new random id.
 */
export const materials: Migration = {
  version: 4,
  name: 'materials',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE materials (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        member_id INTEGER REFERENCES members(id) ON DELETE RESTRICT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','returned','approved')),
        content TEXT NOT NULL CHECK (length(content) <= 1000000 AND json_valid(content)),
        -- The autosave's revision: a save that is not newer than this is ignored.
        revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- One per member and meeting; NULLs are distinct in a UNIQUE constraint, so the 班子 material counts as member 0.
      CREATE UNIQUE INDEX materials_one_per_author ON materials(meeting_id, coalesce(member_id, 0));

      CREATE TABLE material_versions (
        id INTEGER PRIMARY KEY,
        material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        content TEXT NOT NULL CHECK (length(content) <= 1000000 AND json_valid(content)),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        submitted_at TEXT NOT NULL,
        UNIQUE (material_id, number)
      ) STRICT;
      CREATE TRIGGER material_versions_immutable BEFORE UPDATE ON material_versions
      BEGIN
        SELECT RAISE(ABORT, 'material versions cannot be changed');
      END;

      CREATE TABLE material_reviews (
        id INTEGER PRIMARY KEY,
        material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        version_id INTEGER REFERENCES material_versions(id) ON DELETE SET NULL,
        reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) BETWEEN 1 AND 50),
        decision TEXT NOT NULL CHECK (decision IN ('returned','approved','reopened')),
        comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
        deadline TEXT CHECK (deadline IS NULL OR deadline IS date(deadline)),
        reviewed_at TEXT NOT NULL,
        CHECK (decision = 'approved' OR length(trim(comment)) >= 1)
      ) STRICT;
      CREATE INDEX material_reviews_by_material ON material_reviews(material_id, reviewed_at);

      CREATE TABLE material_problems (
        id INTEGER PRIMARY KEY,
        material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL CHECK (length(node_id) BETWEEN 1 AND 64),
        UNIQUE (material_id, node_id)
      ) STRICT;

      CREATE TABLE material_opinion_links (
        problem_id INTEGER NOT NULL REFERENCES material_problems(id) ON DELETE CASCADE,
        opinion_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE ON UPDATE CASCADE,
        PRIMARY KEY (problem_id, opinion_id)
      ) STRICT;
      CREATE INDEX material_opinion_links_by_opinion ON material_opinion_links(opinion_id);
    `);
  },
};
