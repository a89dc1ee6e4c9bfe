import type { Migration } from './types';

/**
 * This year's rules as data (domain.md §9): the 方面 and optional parts change every year with the upper level's
 * notice, so they live in rows, never in code.
 * - `meeting_rules`: per meeting, whether the materials carry a 反面典型案例剖析 part and whether the meeting hears the
 *   通报班子成员受到谈话函询情况 (no row: the defaults, 谈话函询 for a 年度 meeting only).
 * - `meeting_notices`: extra opening 通报 items, e.g. 中央八项规定精神学习教育整改整治 (→「通报…情况」), in order.
 * - `meeting_presets`: the year's 方面 and parts, offered when a meeting is created; the seeded rows are taken from
 *   domain.md §9 (wording to be checked against the unit's own notice), and the unit adds or edits its own.
 */
export const meetingRules: Migration = {
  version: 19,
  name: 'meeting_rules',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE meeting_rules (
        meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
        case_analysis INTEGER NOT NULL DEFAULT 0 CHECK (case_analysis IN (0,1)),
        report_inquiries INTEGER NOT NULL CHECK (report_inquiries IN (0,1))
      ) STRICT;

      CREATE TABLE meeting_notices (
        id INTEGER PRIMARY KEY,
        meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        sort_order INTEGER NOT NULL,
        subject TEXT NOT NULL CHECK (length(trim(subject)) BETWEEN 1 AND 100)
      ) STRICT;
      CREATE INDEX meeting_notices_by_meeting ON meeting_notices(meeting_id, sort_order);

      CREATE TABLE meeting_presets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 100),
        aspects TEXT NOT NULL CHECK (json_valid(aspects) AND json_type(aspects) = 'array' AND length(aspects) <= 20000),
        notices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notices) AND json_type(notices) = 'array' AND length(notices) <= 4000),
        case_analysis INTEGER NOT NULL DEFAULT 0 CHECK (case_analysis IN (0,1)),
        report_inquiries INTEGER NOT NULL DEFAULT 1 CHECK (report_inquiries IN (0,1)),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
        built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0,1)),
        updated_at TEXT NOT NULL CHECK (length(updated_at) BETWEEN 10 AND 40)
      ) STRICT;
    `);
    const insert = sqlite.prepare(
      `INSERT INTO meeting_presets (year, name, aspects, notices, case_analysis, report_inquiries, note, built_in, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, '2026-12-03T00:00:00Z')`,
    );
    for (const p of PRESETS) insert.run(p.year, p.name, JSON.stringify(p.aspects), JSON.stringify(p.notices), p.caseAnalysis ? 1 : 0, p.inquiries ? 1 : 0, p.note);
  },
};

// The seeded rows, worded exactly as domain.md §9 quotes them (no 「在…方面」 added where the source has none). Frozen
// here as the migration's data; the table is what the app reads.
const PRESETS = [
  {
    year: 2023,
    name: '2023年度 主题教育专题民主生活会（五个具体目标）',
    aspects: ['凝心铸魂筑牢根本', '锤炼品格强化忠诚', '实干担当促进发展', '践行宗旨为民造福', '廉洁奉公树立新风'],
    notices: [],
    caseAnalysis: false,
    inquiries: true,
    note: '方面取自主题教育的五个具体目标，表述以上级通知为准，可编辑。',
  },
  {
    year: 2024,
    name: '2024年度 民主生活会（四个带头）',
    aspects: [
      '带头严守政治纪律和政治规矩，维护党的团结统一',
      '带头增强党性、严守纪律、砥砺作风',
      '带头在遵规守纪、清正廉洁前提下勇于担责、敢于创新',
      '带头履行全面从严治党政治责任',
    ],
    notices: [],
    caseAnalysis: false,
    inquiries: true,
    note: '方面取自“四个带头”，表述以上级通知为准，可编辑。',
  },
  {
    year: 2025,
    name: '2025年度 民主生活会',
    aspects: ['在带头强化政治忠诚、提高政治能力方面'],
    notices: ['中央八项规定精神学习教育整改整治'],
    caseAnalysis: true,
    inquiries: true,
    note: '仅预置了已核实的第一个方面，其余方面请按上级通知补充；会前开展反面典型案例剖析，会上通报学习教育整改整治情况。',
  },
];
