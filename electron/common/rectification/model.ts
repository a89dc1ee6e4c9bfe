/**
 * The vocabulary of the rectification list (domain.md §5), shared by main (exports, reports) and the renderer.
 * Chinese labels live here too because exported files are always in Chinese, whatever the interface language.
 */
export const ITEM_STATUSES = ['not_started', 'in_progress', 'done_pending', 'closed', 'ongoing'] as const;
export const DEADLINE_KINDS = ['date', 'immediate', 'ongoing'] as const;
export const PROGRESS_KINDS = ['supervision', 'review', 'progress'] as const;
export const SOURCE_TYPES = ['opinion', 'material_problem', 'criticism', 'talk', 'self_check', 'inspection', 'last_year'] as const;
/** Where an item of the one ledger was raised (domain.md §9): the meeting itself or another rectification. */
export const ORIGIN_KINDS = ['meeting', 'inspection', 'audit', 'supervision', 'study_campaign', 'theme_education', 'other'] as const;
/** The sources another list can be imported from (the meeting's own items are made in the app). */
export const IMPORTED_ORIGIN_KINDS = ['inspection', 'audit', 'supervision', 'study_campaign', 'theme_education', 'other'] as const;
export const CHANGE_FIELDS = ['problem', 'measures', 'leaders', 'unit', 'ownerPerson', 'deadline'] as const;

export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export type ProgressKind = (typeof PROGRESS_KINDS)[number];
export type ItemSourceType = (typeof SOURCE_TYPES)[number];
export type ChangeField = (typeof CHANGE_FIELDS)[number];
export type OriginKind = (typeof ORIGIN_KINDS)[number];

export const ORIGIN_ZH: Record<OriginKind, string> = {
  meeting: '民主生活会',
  inspection: '巡视巡察反馈',
  audit: '审计',
  supervision: '督察',
  study_campaign: '学习教育整改整治',
  theme_education: '主题教育',
  other: '其他',
};
export const ORIGIN_EN: Record<OriginKind, string> = {
  meeting: 'This meeting',
  inspection: 'Inspection feedback',
  audit: 'Audit',
  supervision: 'Supervision',
  study_campaign: 'Study campaign rectification',
  theme_education: 'Theme education',
  other: 'Other',
};

export const STATUS_ZH: Record<ItemStatus, string> = {
  not_started: '未启动',
  in_progress: '推进中',
  done_pending: '已完成待验收',
  closed: '已销号',
  ongoing: '长期坚持',
};

export const DEADLINE_ZH: Record<DeadlineKind, string> = { date: '限期', immediate: '立行立改', ongoing: '长期坚持' };
export const PROGRESS_KIND_ZH: Record<ProgressKind, string> = { supervision: '督办', review: '回头看', progress: '进展' };
export const SOURCE_ZH: Record<ItemSourceType, string> = {
  opinion: '征求意见',
  material_problem: '对照检查',
  criticism: '批评意见',
  talk: '谈心谈话',
  self_check: '自查',
  inspection: '巡察·审计反馈',
  last_year: '上年未完成',
};
export const CHANGE_FIELD_ZH: Record<ChangeField, string> = {
  problem: '问题表现',
  measures: '整改措施',
  leaders: '责任领导',
  unit: '责任单位',
  ownerPerson: '具体责任人',
  deadline: '整改时限',
};

/** Status from its Chinese label (Excel re-import); null when the label is not one of ours. */
export function statusFromLabel(label: string): ItemStatus | null {
  const clean = label.replace(/\s/g, '');
  const found = ITEM_STATUSES.find((s) => STATUS_ZH[s] === clean);
  return found ?? null;
}

export interface Deadline {
  kind: DeadlineKind;
  date: string | null;
}

/**
 * A deadline not chosen yet (未定): 限期 without its date. Items built from sources start so, and a list cannot be
 * agreed while one is left (a hurried secretary must not agree a default she never chose).
 */
export function deadlineChosen(deadline: Deadline): boolean {
  return deadline.kind !== 'date' || deadline.date !== null;
}

/** 「2027年3月31日」「立行立改」「长期坚持」; a dated 立行立改 reads 「立行立改（2027年1月15日前）」; 「未定」 before it is chosen. */
export function deadlineText(deadline: Deadline): string {
  const date = deadline.date ? chineseDate(deadline.date) : '';
  if (deadline.kind === 'date') return date || '未定';
  if (deadline.date) return `${DEADLINE_ZH[deadline.kind]}（${date}前）`;
  return DEADLINE_ZH[deadline.kind];
}

/** GB/T 9704 dates: Arabic digits without leading zeros. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
