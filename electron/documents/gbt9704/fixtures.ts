/**
 * Test documents shaped like the app's real exports.
 */
import type { DocumentBlock, TableBlock } from './blocks';

/** A member's 对照检查材料 using every paragraph kind. */
export function materialBlocks(): DocumentBlock[] {
  return [
    { kind: 'title', text: '县委常委班子成员张某某\n2025年度民主生活会个人对照检查材料' },
    { kind: 'author', text: '张某某' },
    { kind: 'blankLine' },
    { kind: 'paragraph', text: '根据县委关于召开2025年度民主生活会的通知要求，现对照检查如下：' },
    { kind: 'heading1', text: '一、存在的主要问题' },
    { kind: 'heading2', heading: '（一）在提高政治站位方面。', body: '一是理论学习不够深入。比如，学习“六稳”“六保”精神不够系统。二是……' },
    { kind: 'heading2', heading: '（二）在落实全面从严治党两个责任方面' },
    { kind: 'heading3', heading: '1.学习不够。', body: '学用结合不紧。' },
    { kind: 'heading4', heading: '（1）具体表现。', body: '调研次数偏少。' },
    {
      kind: 'paragraph',
      runs: [
        { text: '主要是', font: 'heading2' },
        { text: '对分管领域问题研究不深。', bold: true },
      ],
    },
    { kind: 'heading1', text: '二、整改措施' },
    { kind: 'paragraph', text: '下一步，我将认真整改。' },
    { kind: 'plain', text: '张某某', align: 'right', rightIndentChars: 4 },
    { kind: 'plain', text: '2026年1月5日', align: 'right', rightIndentChars: 4 },
    { kind: 'attachmentLabel', text: '附件1' },
    { kind: 'title', text: '征求意见汇总' },
  ];
}

/** The rectification list with `rowCount` rows, as a landscape table. */
export function rectificationTable(rowCount: number, fontSizePt = 12): TableBlock {
  const columns = [
    { title: '序号', widthPct: 4, align: 'center' as const },
    { title: '方面', widthPct: 8 },
    { title: '问题表现', widthPct: 16 },
    { title: '问题来源', widthPct: 6 },
    { title: '整改目标', widthPct: 10 },
    { title: '整改措施', widthPct: 16 },
    { title: '责任领导', widthPct: 6 },
    { title: '责任单位', widthPct: 6 },
    { title: '具体责任人', widthPct: 6 },
    { title: '整改时限', widthPct: 7, align: 'center' as const },
    { title: '整改状态', widthPct: 6 },
    { title: '备注', widthPct: 5 },
  ];
  const rows = Array.from({ length: rowCount }, (_, i) => [
    String(i + 1),
    '在提高政治站位方面',
    `问题表现第${i + 1}条：调查研究不够深入，\n解决实际问题办法不多。`,
    '征求意见',
    '全年开展调研不少于6次',
    '建立调研清单，逐项落实',
    '张某某',
    '办公室',
    '李某',
    '2026年6月30日',
    '推进中',
    '',
  ]);
  return { kind: 'table', columns, rows, fontSizePt };
}
