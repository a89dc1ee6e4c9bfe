import type { Migration } from './types';

/**
 * Honesty checks (issue 17, domain.md §10): advice only, never a block and never a score.
 *
 * - check_library: the unit's own library of archives and 范文 (.docx/.txt read by electron/documents/readers), kept
 *   verbatim; `official` marks quotations of official texts, which the similarity check ignores.
 * - check_docs + check_fingerprints: the inverted index of the similarity check (winnowed character shingles,
 *   electron/common/checks/fingerprints.ts). A material is (re)indexed when its stamp (revision and update time)
 *   changed since it was last indexed; a library file when it is imported. Deleting a material or a library file
 *   deletes its index rows (triggers), so the index never points at nothing. `scope` is the team for materials and 0
 *   for the library, so one query reads only the team's own materials and the library.
 * - check_names: the team's list of names to flag (foreign: another unit, place or department) or to accept (own).
 * - criticism_rules: the 伪批评 rules as data (phrases and examples the unit can extend); built-in rows are seeded.
 */
export const checks: Migration = {
  version: 13,
  name: 'checks',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE check_library (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 260),
        year INTEGER CHECK (year IS NULL OR year BETWEEN 1949 AND 2200),
        official INTEGER NOT NULL DEFAULT 0 CHECK (official IN (0,1)),
        text TEXT NOT NULL CHECK (length(trim(text)) >= 1 AND length(text) <= 2000000),
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE check_docs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('material','library')),
        ref_id INTEGER NOT NULL,
        scope INTEGER NOT NULL CHECK (scope >= 0),
        stamp TEXT NOT NULL CHECK (length(stamp) <= 100),
        UNIQUE (kind, ref_id)
      ) STRICT;

      CREATE TABLE check_fingerprints (
        scope INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        doc_id INTEGER NOT NULL REFERENCES check_docs(id) ON DELETE CASCADE,
        pos INTEGER NOT NULL CHECK (pos >= 0),
        PRIMARY KEY (scope, hash, doc_id, pos)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX check_fingerprints_by_doc ON check_fingerprints(doc_id);

      CREATE TRIGGER check_docs_material_gone AFTER DELETE ON materials
      BEGIN
        DELETE FROM check_docs WHERE kind = 'material' AND ref_id = old.id;
      END;
      CREATE TRIGGER check_docs_library_gone AFTER DELETE ON check_library
      BEGIN
        DELETE FROM check_docs WHERE kind = 'library' AND ref_id = old.id;
      END;

      CREATE TABLE check_names (
        id INTEGER PRIMARY KEY,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 2 AND 40),
        verdict TEXT NOT NULL CHECK (verdict IN ('foreign','own')),
        UNIQUE (team_id, name)
      ) STRICT;

      CREATE TABLE criticism_rules (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('contains','lacks')),
        label TEXT NOT NULL CHECK (length(trim(label)) BETWEEN 1 AND 60),
        label_en TEXT NOT NULL CHECK (length(label_en) <= 120),
        advice TEXT NOT NULL CHECK (length(advice) <= 300),
        phrases TEXT NOT NULL CHECK (length(phrases) <= 5000 AND json_valid(phrases) AND json_type(phrases) = 'array'),
        examples TEXT NOT NULL CHECK (length(examples) <= 5000 AND json_valid(examples) AND json_type(examples) = 'array'),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0,1)),
        sort_order INTEGER NOT NULL
      ) STRICT;
    `);
    const rule = sqlite.prepare('INSERT INTO criticism_rules (kind, label, label_en, advice, phrases, examples, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const rules: [string, string, string, string, string[], string[]][] = [
      ['contains', '以希望、建议、共勉代替批评', 'A wish or suggestion instead of criticism', '请指出具体问题，而不是提出希望', ['希望', '建议', '共勉', '期望', '盼望'], ['希望某某同志多注意休息', '建议今后进一步加强学习', '与大家共勉']],
      ['contains', '明贬暗褒', 'Praise disguised as criticism', '这类意见实为表扬，请批评真正的不足', ['太拼', '注意休息', '注意身体', '不注意休息', '要求过严', '要求太严', '要求太高', '工作太认真', '太认真', '工作量太大', '加班太多', '对自己太苛刻'], ['工作太拼了，不注意休息', '对下属要求过严']],
      ['contains', '不点名（个别同志、有的同志）', 'No name named (个别同志 / 有的同志)', '请点明批评对象', ['个别同志', '有的同志', '有些同志', '少数同志', '某些同志'], ['个别同志学习不够深入']],
      ['lacks', '没有具体事例（时间、地点、事例或数字）', 'No concrete fact (example, time, place or figure)', '请补充具体事例', ['比如', '例如', '譬如', '如在', '年', '月', '日', '次', '项', '个', '万元', '元', '%', '会上', '期间', '时'], ['学习不够深入，要加强']],
    ];
    rules.forEach(([kind, label, labelEn, advice, phrases, examples], i) => rule.run(kind, label, labelEn, advice, JSON.stringify(phrases), JSON.stringify(examples), i + 1));
  },
};
