import type { Migration } from './types';

// 整改清单 (domain.md §5). 逾期 is never stored: it is derived from the deadline and the day it is looked at.
// Sources keep a verbatim snapshot of the text they linked, so an item still shows where it came from after the
// opinion, criticism or material is edited or deleted.
export const rectification: Migration = {
  version: 6,
  name: 'rectification',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE rectification_lists (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','agreed')),
        agreed_on TEXT CHECK (agreed_on IS NULL OR agreed_on IS date(agreed_on)),
        agreed_by TEXT NOT NULL DEFAULT '' CHECK (length(agreed_by) <= 50),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status = 'draft' OR agreed_on IS NOT NULL)
      ) STRICT;

      CREATE TABLE rectification_items (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES rectification_lists(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        aspect_id INTEGER REFERENCES meeting_aspects(id) ON DELETE SET NULL,
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,
        problem TEXT NOT NULL CHECK (length(trim(problem)) BETWEEN 1 AND 4000),
        target TEXT NOT NULL DEFAULT '' CHECK (length(target) <= 2000),
        unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 200),
        owner_person TEXT NOT NULL DEFAULT '' CHECK (length(owner_person) <= 200),
        deadline_kind TEXT NOT NULL DEFAULT 'date' CHECK (deadline_kind IN ('date','immediate','ongoing')),
        deadline_date TEXT CHECK (deadline_date IS NULL OR deadline_date IS date(deadline_date)),
        progress TEXT NOT NULL DEFAULT '' CHECK (length(progress) <= 4000),
        status TEXT NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started','in_progress','done_pending','closed','ongoing')),
        closed_on TEXT CHECK (closed_on IS NULL OR closed_on IS date(closed_on)),
        acceptor TEXT NOT NULL DEFAULT '' CHECK (length(acceptor) <= 50),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'closed' OR (closed_on IS NOT NULL AND length(trim(acceptor)) > 0))
      ) STRICT;
      CREATE INDEX rectification_items_by_list ON rectification_items(list_id, seq);

      CREATE TABLE rectification_measures (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 2000)
      ) STRICT;
      CREATE INDEX rectification_measures_by_item ON rectification_measures(item_id, sort_order);

      -- 责任领导: one or more team members.
      CREATE TABLE rectification_item_leaders (
        item_id INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        PRIMARY KEY (item_id, member_id)
      ) STRICT;
      CREATE INDEX rectification_leaders_by_member ON rectification_item_leaders(member_id);

      CREATE TABLE rectification_item_sources (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        source_type TEXT NOT NULL CHECK (source_type IN ('opinion','material_problem','criticism','talk','self_check','inspection','last_year')),
        source_id INTEGER NOT NULL,
        text TEXT NOT NULL CHECK (length(text) <= 10000),
        origin TEXT NOT NULL DEFAULT '' CHECK (length(origin) <= 200),
        linked_at TEXT NOT NULL,
        UNIQUE (item_id, source_type, source_id)
      ) STRICT;
      CREATE INDEX rectification_sources_by_source ON rectification_item_sources(source_type, source_id);

      -- 佐证材料: references to files (name and path), never their content.
      CREATE TABLE rectification_evidence (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        progress_id INTEGER REFERENCES rectification_progress(id) ON DELETE SET NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        path TEXT NOT NULL DEFAULT '' CHECK (length(path) <= 1000),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rectification_evidence_by_item ON rectification_evidence(item_id);

      -- Each agreement keeps every item as it was agreed, so the agreed version can always be exported as agreed.
      CREATE TABLE rectification_agreements (
        id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES rectification_lists(id) ON DELETE CASCADE,
        agreed_on TEXT NOT NULL CHECK (agreed_on IS date(agreed_on)),
        agreed_by TEXT NOT NULL DEFAULT '' CHECK (length(agreed_by) <= 50),
        snapshot TEXT NOT NULL CHECK (length(snapshot) <= 50000000),
        created_at TEXT NOT NULL
      ) STRICT;

      -- Changes to an agreed item's problem, measures, owners or deadline: who, when, why.
      CREATE TABLE rectification_changes (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        changed_by TEXT NOT NULL CHECK (length(trim(changed_by)) BETWEEN 1 AND 50),
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 1000),
        field TEXT NOT NULL CHECK (field IN ('problem','measures','leaders','unit','ownerPerson','deadline')),
        before TEXT NOT NULL CHECK (length(before) <= 20000),
        after TEXT NOT NULL CHECK (length(after) <= 20000)
      ) STRICT;
      CREATE INDEX rectification_changes_by_item ON rectification_changes(item_id, at);

      -- 督办 / 回头看 / 进展: dated entries, optionally moving the status.
      CREATE TABLE rectification_progress (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES rectification_items(id) ON DELETE CASCADE,
        on_date TEXT NOT NULL CHECK (on_date IS date(on_date)),
        kind TEXT NOT NULL CHECK (kind IN ('supervision','review','progress')),
        text TEXT NOT NULL CHECK (length(text) <= 4000),
        recorded_by TEXT NOT NULL DEFAULT '' CHECK (length(recorded_by) <= 50),
        status_from TEXT CHECK (status_from IS NULL OR status_from IN ('not_started','in_progress','done_pending','closed','ongoing')),
        status_to TEXT CHECK (status_to IS NULL OR status_to IN ('not_started','in_progress','done_pending','closed','ongoing')),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rectification_progress_by_item ON rectification_progress(item_id, on_date);
    `);
  },
};
