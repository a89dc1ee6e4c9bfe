import type { Migration } from './types';

/**
 * Full-text search over everything people write: opinions (raw and consolidated), talks, materials, minutes entries
 * and rectification items.
 *
 * - `search_docs` holds one row per searchable record: what it is (kind, record id), where it belongs (meeting,
 *   member, aspect) and its plain text. Its id is derived from the record, `record_id * 8 + kind code`, never a
 *   sequence: opinion ids are random so that row order cannot place an anonymous opinion next to the named ones
 *   entered at the same moment, and a sequence here would give that order back.
 * - `search_fts` is an FTS5 index over `search_docs.text` (external content, trigram tokenizer: Chinese has no spaces,
 *   so any substring of three or more characters is found). Queries of one or two characters, which trigram cannot
 *   match, are answered from the same index through its vocabulary (`search_vocab`): every stored text ends in two
 *   newlines, so each character and each pair of characters begins at least one indexed trigram.
 * - Triggers on the source tables keep `search_docs` in step, and triggers on `search_docs` keep the index in step,
 *   in the same transaction as the write: nothing can be saved without becoming searchable.
 */

/** Kind codes in `search_docs.id = record_id * 8 + code`. Append only. */
export const SEARCH_KIND_CODES = { opinion: 1, consolidated: 2, talk: 3, material: 4, minutes: 5, rectification: 6 } as const;

/** Appended to every indexed text (see above); stripped before anything is shown. */
export const SEARCH_PAD = "char(10, 10)";

/**
 * The statement that (re)writes one record's row: `select` yields (id, kind, record_id, meeting_id, member_id,
 * member2_id, aspect_id, text) for the records to write. An upsert, so the index is touched only when the text changed.
 */
export function upsertDocs(select: string): string {
  return `INSERT INTO search_docs (id, kind, record_id, meeting_id, member_id, member2_id, aspect_id, text)
    ${select}
    ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id, member_id = excluded.member_id,
      member2_id = excluded.member2_id, aspect_id = excluded.aspect_id, text = excluded.text;`;
}

// One SELECT per kind, parameterised by the WHERE that picks the records (a trigger's row, or every row for the backfill).
const opinionDocs = (where: string) => `SELECT o.id * 8 + 1, 'opinion', o.id, o.meeting_id, o.target_member_id, NULL, o.aspect_id, o.text || ${SEARCH_PAD}
    FROM opinions o WHERE ${where}`;
const consolidatedDocs = (where: string) => `SELECT c.id * 8 + 2, 'consolidated', c.id, c.meeting_id, c.target_member_id, NULL, c.aspect_id,
      c.text || CASE WHEN c.note <> '' THEN char(10) || c.note ELSE '' END || ${SEARCH_PAD}
    FROM consolidated_opinions c WHERE ${where}`;
// A talk is one record: its topic, the points each side raised (in order) and what was agreed. Its members are found
// through talk_participants (a talk has several), so member_id stays empty here.
const talkDocs = (where: string) => `SELECT t.id * 8 + 3, 'talk', t.id, t.meeting_id, NULL, NULL, NULL,
      concat_ws(char(10), nullif(t.topic, ''),
        (SELECT group_concat(p.points, char(10)) FROM (SELECT points FROM talk_participants WHERE talk_id = t.id AND points <> '' ORDER BY sort_order) p),
        nullif(t.agreed, '')) || ${SEARCH_PAD}
    FROM talks t WHERE ${where}`;
// A material's text: every title, opening, heading and text of its tree (electron/common/materials/model.ts), in
// document order; ids, kinds and list styles are not text. Numbering markers are not stored, so 一、 is not found.
const materialDocs = (where: string) => `SELECT x.id * 8 + 4, 'material', x.id, x.meeting_id, x.member_id, NULL, NULL,
      coalesce((SELECT group_concat(j.value, char(10)) FROM json_tree(x.content) j
        WHERE j.type = 'text' AND j.key IN ('title', 'opening', 'heading', 'text') AND j.value <> ''), '') || ${SEARCH_PAD}
    FROM materials x WHERE ${where}`;
// An entry is about the member it addresses (被批评人) or, failing that, its speaker; the speaker is kept as member2.
// Exported for 012, which rebuilds minutes_entries and must put back the same triggers.
export const minutesDocs = (where: string) => `SELECT e.id * 8 + 5, 'minutes', e.id, e.meeting_id, coalesce(e.to_member_id, e.from_member_id), e.from_member_id, e.aspect_id,
      e.text || ${SEARCH_PAD}
    FROM minutes_entries e WHERE ${where}`;
// An item: problem, target, measures (in order), progress and note. Its 责任领导 are found through rectification_item_leaders.
const rectificationDocs = (where: string) => `SELECT i.id * 8 + 6, 'rectification', i.id, l.meeting_id, i.member_id, NULL, i.aspect_id,
      concat_ws(char(10), i.problem, nullif(i.target, ''),
        (SELECT group_concat(m.text, char(10)) FROM (SELECT text FROM rectification_measures WHERE item_id = i.id ORDER BY sort_order) m),
        nullif(i.progress, ''), nullif(i.note, '')) || ${SEARCH_PAD}
    FROM rectification_items i JOIN rectification_lists l ON l.id = i.list_id WHERE ${where}`;

const deleteDoc = (idExpr: string) => `DELETE FROM search_docs WHERE id = ${idExpr};`;

export const search: Migration = {
  version: 8,
  name: 'search',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('opinion','consolidated','talk','material','minutes','rectification')),
        record_id INTEGER NOT NULL,
        meeting_id INTEGER NOT NULL,
        member_id INTEGER,
        member2_id INTEGER,
        aspect_id INTEGER,
        -- Derived from records whose own CHECKs bound them; the limit here only guards the index itself.
        text TEXT NOT NULL CHECK (length(text) <= 4000000)
      ) STRICT;
      CREATE INDEX search_docs_by_meeting ON search_docs(meeting_id, kind);
      CREATE INDEX search_docs_by_member ON search_docs(member_id) WHERE member_id IS NOT NULL;
      CREATE INDEX search_docs_by_member2 ON search_docs(member2_id) WHERE member2_id IS NOT NULL;

      -- Found missing by tests/queryPlans.test.ts on ten years of records: per-meeting reads that scanned whole tables.
      CREATE INDEX IF NOT EXISTS minutes_speeches_by_meeting ON minutes_speeches(meeting_id, started_at);
      CREATE INDEX IF NOT EXISTS minutes_reopen_log_by_meeting ON minutes_reopen_log(meeting_id);
      CREATE INDEX IF NOT EXISTS rectification_agreements_by_list ON rectification_agreements(list_id);
    `);

    // Backfill before the index exists: one bulk build is much faster than row-by-row triggers.
    for (const select of [opinionDocs('1'), consolidatedDocs('1'), talkDocs('1'), materialDocs('1'), minutesDocs('1'), rectificationDocs('1')]) {
      sqlite.exec(`INSERT INTO search_docs (id, kind, record_id, meeting_id, member_id, member2_id, aspect_id, text) ${select};`);
    }

    sqlite.exec(`
      CREATE VIRTUAL TABLE search_fts USING fts5(text, content = 'search_docs', content_rowid = 'id', tokenize = 'trigram');
      INSERT INTO search_fts (search_fts) VALUES ('rebuild');
      -- The index's own vocabulary: how one- and two-character queries find the trigrams that start with them.
      CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row');

      CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      CREATE TRIGGER search_docs_au AFTER UPDATE OF text ON search_docs WHEN old.text IS NOT new.text BEGIN
        INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO search_fts (rowid, text) VALUES (new.id, new.text);
      END;

      -- Opinions (an opinion made anonymous takes a new random id: the old row goes, the new one comes).
      CREATE TRIGGER search_opinions_ai AFTER INSERT ON opinions BEGIN ${upsertDocs(opinionDocs('o.id = new.id'))} END;
      CREATE TRIGGER search_opinions_au AFTER UPDATE OF id, meeting_id, target_member_id, aspect_id, text ON opinions BEGIN
        DELETE FROM search_docs WHERE old.id <> new.id AND id = old.id * 8 + 1;
        ${upsertDocs(opinionDocs('o.id = new.id'))}
      END;
      CREATE TRIGGER search_opinions_ad AFTER DELETE ON opinions BEGIN ${deleteDoc('old.id * 8 + 1')} END;

      CREATE TRIGGER search_consolidated_ai AFTER INSERT ON consolidated_opinions BEGIN ${upsertDocs(consolidatedDocs('c.id = new.id'))} END;
      CREATE TRIGGER search_consolidated_au AFTER UPDATE OF meeting_id, target_member_id, aspect_id, text, note ON consolidated_opinions BEGIN
        ${upsertDocs(consolidatedDocs('c.id = new.id'))}
      END;
      CREATE TRIGGER search_consolidated_ad AFTER DELETE ON consolidated_opinions BEGIN ${deleteDoc('old.id * 8 + 2')} END;

      -- Talks: the talk row and each participant's points.
      CREATE TRIGGER search_talks_ai AFTER INSERT ON talks BEGIN ${upsertDocs(talkDocs('t.id = new.id'))} END;
      CREATE TRIGGER search_talks_au AFTER UPDATE OF meeting_id, topic, agreed ON talks BEGIN ${upsertDocs(talkDocs('t.id = new.id'))} END;
      CREATE TRIGGER search_talks_ad AFTER DELETE ON talks BEGIN ${deleteDoc('old.id * 8 + 3')} END;
      CREATE TRIGGER search_talk_points_ai AFTER INSERT ON talk_participants BEGIN ${upsertDocs(talkDocs('t.id = new.talk_id'))} END;
      CREATE TRIGGER search_talk_points_au AFTER UPDATE OF talk_id, sort_order, points ON talk_participants BEGIN
        ${upsertDocs(talkDocs('t.id IN (old.talk_id, new.talk_id)'))}
      END;
      CREATE TRIGGER search_talk_points_ad AFTER DELETE ON talk_participants BEGIN ${upsertDocs(talkDocs('t.id = old.talk_id'))} END;

      -- Materials: every autosave of the tree (versions and reviews hold copies and comments, not the current text).
      CREATE TRIGGER search_materials_ai AFTER INSERT ON materials BEGIN ${upsertDocs(materialDocs('x.id = new.id'))} END;
      CREATE TRIGGER search_materials_au AFTER UPDATE OF meeting_id, member_id, content ON materials BEGIN ${upsertDocs(materialDocs('x.id = new.id'))} END;
      CREATE TRIGGER search_materials_ad AFTER DELETE ON materials BEGIN ${deleteDoc('old.id * 8 + 4')} END;

      CREATE TRIGGER search_minutes_ai AFTER INSERT ON minutes_entries BEGIN ${upsertDocs(minutesDocs('e.id = new.id'))} END;
      CREATE TRIGGER search_minutes_au AFTER UPDATE OF meeting_id, from_member_id, to_member_id, aspect_id, text ON minutes_entries BEGIN
        ${upsertDocs(minutesDocs('e.id = new.id'))}
      END;
      CREATE TRIGGER search_minutes_ad AFTER DELETE ON minutes_entries BEGIN ${deleteDoc('old.id * 8 + 5')} END;

      -- Rectification items and their measures.
      CREATE TRIGGER search_rectification_ai AFTER INSERT ON rectification_items BEGIN ${upsertDocs(rectificationDocs('i.id = new.id'))} END;
      CREATE TRIGGER search_rectification_au AFTER UPDATE OF list_id, aspect_id, member_id, problem, target, progress, note ON rectification_items BEGIN
        ${upsertDocs(rectificationDocs('i.id = new.id'))}
      END;
      CREATE TRIGGER search_rectification_ad AFTER DELETE ON rectification_items BEGIN ${deleteDoc('old.id * 8 + 6')} END;
      CREATE TRIGGER search_measures_ai AFTER INSERT ON rectification_measures BEGIN ${upsertDocs(rectificationDocs('i.id = new.item_id'))} END;
      CREATE TRIGGER search_measures_au AFTER UPDATE OF item_id, sort_order, text ON rectification_measures BEGIN
        ${upsertDocs(rectificationDocs('i.id IN (old.item_id, new.item_id)'))}
      END;
      CREATE TRIGGER search_measures_ad AFTER DELETE ON rectification_measures BEGIN ${upsertDocs(rectificationDocs('i.id = old.item_id'))} END;
    `);
  },
};
