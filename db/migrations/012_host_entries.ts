import { minutesDocs, upsertDocs } from './008_search';
import type { Migration } from './types';

/**
 * The host's words get their own entry type, 主持 (`host`): until now the opening and the summary were typed 其他, so
 * the Word minutes printed 「王建国（其他）：」.
 *
 * SQLite cannot alter a CHECK, so `minutes_entries` is rebuilt (new table, copy, drop, rename) keeping every row and id,
 * with its index and its search triggers put back. Dropping a table with foreign keys on deletes its rows first and
 * runs the ON DELETE actions of the tables that point at it (minutes_promotions would lose its rows, the console its
 * draft mark), and foreign_keys cannot be switched off inside the migration's transaction: those rows are kept aside
 * and written back. search_docs keeps its rows (a table's implicit delete runs no triggers), and ids are kept, so the
 * index stays right without a rebuild.
 */
export const RECLASSIFY_HOST_ENTRIES = `
  UPDATE minutes_entries SET type = 'host'
  WHERE type = 'other' AND %SCOPE% AND EXISTS (
    SELECT 1 FROM minutes_speeches s
    WHERE s.id = minutes_entries.speech_id AND s.role = 'host' AND s.member_id IS minutes_entries.from_member_id
  )`;

/**
 * Entries typed 其他 that were recorded under the host's own speech, by the host, become 主持: 其他 was the only type
 * the console offered for them, and the speech says whose words they were. `scope` narrows it (an imported meeting).
 */
export const reclassifyHostEntries = (scope = '1'): string => RECLASSIFY_HOST_ENTRIES.replace('%SCOPE%', scope);

export const hostEntries: Migration = {
  version: 12,
  name: 'host_entries',
  up(sqlite) {
    sqlite.exec(`
      CREATE TEMP TABLE keep_promotions AS SELECT * FROM minutes_promotions;
      CREATE TEMP TABLE keep_drafts AS SELECT meeting_id, draft_entry_id FROM minutes_sessions WHERE draft_entry_id IS NOT NULL;

      CREATE TABLE minutes_entries_new (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 8 AND 64),
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        agenda_item_id INTEGER NOT NULL REFERENCES minutes_agenda_items(id) ON DELETE RESTRICT,
        speech_id INTEGER REFERENCES minutes_speeches(id) ON DELETE SET NULL,
        type TEXT NOT NULL CHECK (type IN ('self_criticism','criticism','response','comment','report','host','other')),
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
      INSERT INTO minutes_entries_new (id, key, meeting_id, agenda_item_id, speech_id, type, from_member_id, from_guest, to_member_id, aspect_id, text, sort_order, revision, created_at, updated_at)
        SELECT id, key, meeting_id, agenda_item_id, speech_id, type, from_member_id, from_guest, to_member_id, aspect_id, text, sort_order, revision, created_at, updated_at
        FROM minutes_entries;
      DROP TABLE minutes_entries;
      ALTER TABLE minutes_entries_new RENAME TO minutes_entries;
      CREATE INDEX minutes_entries_by_meeting ON minutes_entries(meeting_id, agenda_item_id, sort_order);

      INSERT INTO minutes_promotions SELECT * FROM keep_promotions;
      UPDATE minutes_sessions SET draft_entry_id = (SELECT k.draft_entry_id FROM keep_drafts k WHERE k.meeting_id = minutes_sessions.meeting_id)
        WHERE meeting_id IN (SELECT meeting_id FROM keep_drafts);
      DROP TABLE keep_promotions;
      DROP TABLE keep_drafts;

      CREATE TRIGGER search_minutes_ai AFTER INSERT ON minutes_entries BEGIN ${upsertDocs(minutesDocs('e.id = new.id'))} END;
      CREATE TRIGGER search_minutes_au AFTER UPDATE OF meeting_id, from_member_id, to_member_id, aspect_id, text ON minutes_entries BEGIN
        ${upsertDocs(minutesDocs('e.id = new.id'))}
      END;
      CREATE TRIGGER search_minutes_ad AFTER DELETE ON minutes_entries BEGIN DELETE FROM search_docs WHERE id = old.id * 8 + 5; END;
    `);
    sqlite.exec(`${reclassifyHostEntries()};`);
  },
};
