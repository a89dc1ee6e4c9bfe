/**
 * Importing another source's rectification list (巡视巡察反馈, 审计, 督察…) into the one ledger: the fields a column can
 * mean, with the header texts each is guessed from. Shared with the renderer, which shows every guess and lets the
 * user switch it.
 */
export const SOURCE_IMPORT_FIELDS = ['problem', 'aspect', 'target', 'measures', 'leaders', 'unit', 'ownerPerson', 'deadline', 'note'] as const;
export type SourceImportField = (typeof SOURCE_IMPORT_FIELDS)[number];

export const SOURCE_IMPORT_ZH: Record<SourceImportField, string> = {
  problem: '问题表现',
  aspect: '方面',
  target: '整改目标',
  measures: '整改措施',
  leaders: '责任领导',
  unit: '责任单位',
  ownerPerson: '具体责任人',
  deadline: '整改时限',
  note: '备注',
};
export const SOURCE_IMPORT_EN: Record<SourceImportField, string> = {
  problem: 'Problem',
  aspect: 'Aspect',
  target: 'Target',
  measures: 'Measures',
  leaders: 'Responsible leaders',
  unit: 'Responsible unit',
  ownerPerson: 'Person in charge',
  deadline: 'Deadline',
  note: 'Note',
};

/** Header texts seen in units' 台账, most specific first; matched after removing spaces and full-width forms. */
export const SOURCE_IMPORT_ALIASES: Record<SourceImportField, readonly string[]> = {
  problem: ['问题表现', '问题描述', '存在问题', '反馈问题', '具体问题', '问题清单', '问题'],
  aspect: ['方面', '问题类别', '类别', '问题类型'],
  target: ['整改目标', '目标'],
  measures: ['整改措施', '措施', '整改举措'],
  leaders: ['责任领导', '牵头领导', '分管领导', '责任领导班子成员'],
  unit: ['责任单位', '牵头单位', '责任部门', '配合单位'],
  ownerPerson: ['具体责任人', '责任人'],
  deadline: ['整改时限', '完成时限', '时限', '完成时间'],
  note: ['备注', '说明'],
};
