import type { ExportKind } from '../../../../electron/common/api/settings';

/** Each export in words (the log records a code such as rectification.xlsx); a new kind without its words fails to compile. */
export const EXPORT_KIND_LABELS: Record<'zh-CN' | 'en', Record<ExportKind, string>> = {
  'zh-CN': {
    'prep.plan': '会议方案（Word）',
    'prep.opinionNotice': '征求意见通知（Word）',
    'prep.meetingNotice': '会议通知（Word）',
    'prep.signIn': '签到表（Word）',
    'prep.hostScript': '主持词（Word）',
    'opinions.template': '征求意见表（Excel）',
    'opinions.summary': '征求意见汇总',
    'opinions.stats': '征求意见统计（Excel）',
    'opinions.feedback': '征求意见反馈本人',
    'materials.docx': '对照检查材料（Word）',
    'materials.txt': '对照检查材料（文本）',
    'minutes.docx': '会议记录（Word）',
    'minutes.txt': '会议记录（文本）',
    'rectification.xlsx': '整改清单（Excel）',
    'rectification.docx': '整改清单（Word）',
    'rectification.csv': '整改清单（CSV）',
    'rectification.pdf': '整改清单（PDF）',
    'rectification.evidence': '整改佐证材料',
    'rectification.review': '整改回头看（Excel）',
    'report.docx': '会议情况报告（Word）',
    'submission.zip': '报送材料包（压缩包）',
    'submission.folder': '报送材料包（文件夹）',
    exchange: '交换文件',
    backup: '数据备份',
  },
  en: {
    'prep.plan': 'Meeting plan (Word)',
    'prep.opinionNotice': 'Notice asking for opinions (Word)',
    'prep.meetingNotice': 'Meeting notice (Word)',
    'prep.signIn': 'Sign-in sheet (Word)',
    'prep.hostScript': "Chair's script (Word)",
    'opinions.template': 'Opinion form (Excel)',
    'opinions.summary': 'Summary of opinions',
    'opinions.stats': 'Opinion statistics (Excel)',
    'opinions.feedback': 'Opinions fed back to a member',
    'materials.docx': 'Self-examination material (Word)',
    'materials.txt': 'Self-examination material (text)',
    'minutes.docx': 'Minutes (Word)',
    'minutes.txt': 'Minutes (text)',
    'rectification.xlsx': 'Rectification list (Excel)',
    'rectification.docx': 'Rectification list (Word)',
    'rectification.csv': 'Rectification list (CSV)',
    'rectification.pdf': 'Rectification list (PDF)',
    'rectification.evidence': 'Rectification evidence',
    'rectification.review': 'Rectification review (Excel)',
    'report.docx': 'Meeting report (Word)',
    'submission.zip': 'Package for the upper level (.zip)',
    'submission.folder': 'Package for the upper level (folder)',
    exchange: 'Exchange file',
    backup: 'Data backup',
  },
};

/** The words for a logged kind; a kind this version does not know (a newer file) is called by what it is, a file. */
export function exportKindLabel(kind: string, locale: string): string {
  const labels = EXPORT_KIND_LABELS[locale === 'en' ? 'en' : 'zh-CN'];
  return (labels as Record<string, string>)[kind] ?? (locale === 'en' ? 'Exported file' : '导出文件');
}
