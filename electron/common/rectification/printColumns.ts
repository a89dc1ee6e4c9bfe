/**
 * The columns the working (草稿) 整改清单 can print in Word, as a 督导组 台账 lays them out: 责任领导, 责任单位 and
 * 具体责任人 stacked in one 责任 column, 整改状态 with 逾期 and 销号 in one. The user picks which to print; 序号 and
 * 问题表现 always are. Shared by the export dialog and the export.
 */
export const PRINT_COLUMN_KEYS = ['seq', 'aspect', 'problem', 'source', 'target', 'measures', 'responsibility', 'deadline', 'progress', 'status', 'evidence', 'note'] as const;

export type PrintColumnKey = (typeof PRINT_COLUMN_KEYS)[number];

export const PRINT_COLUMN_ZH: Record<PrintColumnKey, string> = {
  seq: '序号',
  aspect: '方面',
  problem: '问题表现',
  source: '问题来源',
  target: '整改目标',
  measures: '整改措施',
  responsibility: '责任领导、责任单位、具体责任人',
  deadline: '整改时限',
  progress: '整改进展',
  status: '整改状态、销号情况',
  evidence: '佐证材料',
  note: '备注',
};

export const PRINT_COLUMN_EN: Record<PrintColumnKey, string> = {
  seq: 'No.',
  aspect: 'Aspect',
  problem: 'Problem',
  source: 'Source',
  target: 'Target',
  measures: 'Measures',
  responsibility: 'Leaders, unit, owner',
  deadline: 'Deadline',
  progress: 'Progress',
  status: 'Status and closing',
  evidence: 'Evidence',
  note: 'Note',
};

/** Always printed: a list without its numbers or its problems is not a list. */
export const REQUIRED_PRINT_COLUMNS: readonly PrintColumnKey[] = ['seq', 'problem'];

/** What a working list prints unless the user chooses otherwise: what a 督办 meeting reads. */
export const DEFAULT_PRINT_COLUMNS: readonly PrintColumnKey[] = ['seq', 'aspect', 'problem', 'measures', 'responsibility', 'deadline', 'progress', 'status'];

/** The chosen columns in the catalogue's order, with the required ones added. */
export function normalizePrintColumns(chosen: readonly PrintColumnKey[] | null | undefined): PrintColumnKey[] {
  const wanted = new Set<PrintColumnKey>([...(chosen && chosen.length > 0 ? chosen : DEFAULT_PRINT_COLUMNS), ...REQUIRED_PRINT_COLUMNS]);
  return PRINT_COLUMN_KEYS.filter((k) => wanted.has(k));
}
