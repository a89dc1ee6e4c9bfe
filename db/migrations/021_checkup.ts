import type { Migration } from './types';

/**
 * 材料体检 completions (issue 17 §3) and the 伪批评 rules screen (§2). Advice only: nothing here blocks a submission.
 *
 * - checkup_left: an opinion addressed to the author, or one of the author's problems of last year's 整改清单, that the
 *   author or secretary explicitly leaves unanswered in this material, with the reason. The 体检 then no longer lists
 *   it as open but shows the reason. Deleting the opinion or the rectification item deletes the mark (triggers).
 * - checkup_review: the four reasons a 督导组 returns a material for (联系实际不够, 没有回应群众意见, 没抓住突出问题,
 *   剖析不深不透, domain.md §10), as ticks the reviewer sets with a comment; a row is a tick.
 * - criticism_rules.builtin: the rules seeded by migration 013 (ids 1–4, inserted first into a new table) can be
 *   disabled but not deleted; a trigger refuses their deletion. The 'lacks' rule's seeded example is replaced by one
 *   long enough for the rule to fire, as the rules screen shows whether each example fires.
 */
export const checkup: Migration = {
  version: 21,
  name: 'checkup',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE checkup_left (
        material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('opinion','last_year')),
        ref_id INTEGER NOT NULL CHECK (ref_id >= 1),
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
        marked_at TEXT NOT NULL CHECK (length(marked_at) BETWEEN 10 AND 40),
        PRIMARY KEY (material_id, kind, ref_id)
      ) STRICT;
      CREATE TRIGGER checkup_left_opinion_gone AFTER DELETE ON opinions
      BEGIN
        DELETE FROM checkup_left WHERE kind = 'opinion' AND ref_id = old.id;
      END;
      CREATE TRIGGER checkup_left_item_gone AFTER DELETE ON rectification_items
      BEGIN
        DELETE FROM checkup_left WHERE kind = 'last_year' AND ref_id = old.id;
      END;

      CREATE TABLE checkup_review (
        material_id INTEGER NOT NULL REFERENCES materials(id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN ('practice','opinions','problems','depth')),
        comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
        set_at TEXT NOT NULL CHECK (length(set_at) BETWEEN 10 AND 40),
        PRIMARY KEY (material_id, reason)
      ) STRICT;

      ALTER TABLE criticism_rules ADD COLUMN builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0,1));
      UPDATE criticism_rules SET builtin = 1 WHERE id <= 4;
      -- 013's example of the 'lacks' rule was shorter than the 12 characters the rule waits for, so it never fired.
      UPDATE criticism_rules SET examples = json_array('学习还不够深入，对理论的理解停留在表面，今后要加强') WHERE id = 4 AND examples = json_array('学习不够深入，要加强');
      CREATE TRIGGER criticism_rules_builtin_kept BEFORE DELETE ON criticism_rules WHEN old.builtin = 1
      BEGIN
        SELECT RAISE(ABORT, 'built-in criticism rules can be disabled, not deleted');
      END;
    `);
  },
};
