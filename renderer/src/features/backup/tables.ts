/**
 * What a backup holds, in words: the file's tables are named for people («征求意见（梳理后）»), never by their SQLite
 * names. Tables that only serve the app (the search index and its shadow tables, settings, logs) are summed up as
 * one line each; a table this version does not know is counted under 其他内部数据.
 */
type Words = { zh: string; en: string };
const TALK_RULES: Words = { zh: '谈心谈话要求', en: 'Talk requirements' };

const TABLES: Record<string, Words> = {
  teams: { zh: '领导班子', en: 'Leadership teams' },
  members: { zh: '班子成员', en: 'Team members' },
  meetings: { zh: '民主生活会', en: 'Meetings' },
  meeting_aspects: { zh: '对照检查方面', en: 'Aspects' },
  meeting_guests: { zh: '列席和督导人员', en: 'Guests and supervisors' },
  meeting_steps: { zh: '工作进度', en: 'Preparation steps' },
  attendance: { zh: '出席情况', en: 'Attendance' },
  opinions: { zh: '征求意见（原始）', en: 'Opinions (as received)' },
  consolidated_opinions: { zh: '征求意见（梳理后）', en: 'Opinions (consolidated)' },
  opinion_forms: { zh: '征求意见表发放回收', en: 'Opinion forms issued and returned' },
  study_sessions: { zh: '学习研讨', en: 'Study sessions' },
  study_attendees: { zh: '学习研讨参加人员', en: 'Study participants' },
  talks: { zh: '谈心谈话', en: 'Heart-to-heart talks' },
  talk_participants: { zh: '谈心谈话参加人', en: 'Talk participants' },
  talk_people: { zh: '谈话对象', en: 'People talked with' },
  talk_rule_sets: TALK_RULES,
  talk_rule_extras: TALK_RULES,
  materials: { zh: '对照检查材料', en: 'Self-examination materials' },
  material_versions: { zh: '对照检查材料提交版本', en: 'Submitted versions of materials' },
  material_reviews: { zh: '对照检查材料审核意见', en: 'Reviews of materials' },
  material_problems: { zh: '对照检查材料查摆问题', en: 'Problems found in materials' },
  material_opinion_links: { zh: '问题与意见的对应', en: 'Problems linked to opinions' },
  minutes_sessions: { zh: '会议记录', en: 'Minutes' },
  minutes_agenda_items: { zh: '会议议程', en: 'Agenda items' },
  minutes_speeches: { zh: '发言', en: 'Speeches' },
  minutes_entries: { zh: '会议记录条目', en: 'Minutes entries' },
  minutes_promotions: { zh: '会上转为整改事项', en: 'Entries sent to rectification' },
  minutes_reopen_log: { zh: '会议记录重新打开记录', en: 'Reopenings of the minutes' },
  rectification_lists: { zh: '整改清单', en: 'Rectification lists' },
  rectification_items: { zh: '整改事项', en: 'Rectification items' },
  rectification_measures: { zh: '整改措施', en: 'Measures' },
  rectification_item_leaders: { zh: '整改事项责任领导', en: 'Responsible leaders of items' },
  rectification_item_sources: { zh: '整改事项问题来源', en: 'Sources of items' },
  rectification_progress: { zh: '整改进展', en: 'Progress reports' },
  rectification_evidence: { zh: '整改佐证材料', en: 'Evidence' },
  rectification_evidence_files: { zh: '整改佐证材料文件', en: 'Evidence files' },
  rectification_agreements: { zh: '整改清单审议通过版', en: 'Agreed versions of lists' },
  rectification_changes: { zh: '整改清单审议后变更', en: 'Changes after agreement' },
  rectification_links: { zh: '整改事项同一问题关联', en: 'Items linked as one problem' },
  rectification_dismissals: { zh: '已忽略的同一问题建议', en: 'Dismissed same-problem suggestions' },
  opinion_feedback: { zh: '意见反馈本人记录', en: 'Opinions fed back to members' },
  submissions: { zh: '报送材料包记录', en: 'Packages sent upward' },
  minutes_entry_revisions: { zh: '发言记录更正', en: 'Corrections of minutes entries' },
  minutes_checks: { zh: '发言记录核对单回收', en: 'Speakers\' check sheets returned' },
  export_log: { zh: '导出记录', en: 'Export log' },
  settings: { zh: '设置', en: 'Settings' },
};
const SEARCH: Words = { zh: '全文检索索引', en: 'Search index' };
const OTHER: Words = { zh: '其他内部数据', en: 'Other internal data' };

export function tableWords(table: string): Words {
  if (TABLES[table]) return TABLES[table];
  if (table.startsWith('search_')) return SEARCH;
  return OTHER;
}

/** The rows of a backup as people read them: one line per named thing, same names summed, app-internal lines last. */
export function describeTables(tables: readonly { table: string; rows: number }[], locale: string): { label: string; rows: number }[] {
  const sums = new Map<Words, number>();
  for (const t of tables) {
    const words = tableWords(t.table);
    sums.set(words, (sums.get(words) ?? 0) + t.rows);
  }
  const internal = new Set<Words>([SEARCH, OTHER]);
  return [...sums]
    .sort(([a], [b]) => Number(internal.has(a)) - Number(internal.has(b)))
    .map(([words, rows]) => ({ label: locale === 'en' ? words.en : words.zh, rows }));
}
