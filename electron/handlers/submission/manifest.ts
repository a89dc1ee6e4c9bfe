/**
 * The 材料清单: the first document of a package (GB/T 9704), one row per file with its title and SHA-256, then what
 * was not sent and why. Pages are not counted: the app does not lay pages out (Word, WPS and LibreOffice break pages
 * differently, domain.md §11), so the column says 「—」 and the note under the table says why, instead of a guess.
 */
import type { SubmissionFileRow, SubmissionGap } from '../../common/api/submission';
import { formatChineseDate, type DocumentBlock } from '../../documents/gbt9704';

export interface ManifestFacts {
  title: string;
  teamName: string;
  recipient: string;
  date: string;
  due: string;
  files: readonly SubmissionFileRow[];
  gaps: readonly SubmissionGap[];
  encrypted: boolean;
}

/** A SHA-256 in eight groups of 8, so a table cell breaks it between groups (two a line) and a reader compares it group by group. */
export const groupedHash = (hash: string): string => hash.match(/.{1,8}/g)?.join(' ') ?? hash;

export const PAGES_UNKNOWN = '—';

export function manifestBlocks(facts: ManifestFacts): DocumentBlock[] {
  const line = (label: string, value: string): DocumentBlock => ({ kind: 'paragraph', runs: [{ text: `${label}：`, font: 'heading1' }, { text: value }] });
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: facts.title },
    { kind: 'blankLine' },
    line('报送单位', facts.teamName),
    line('报送对象', facts.recipient),
    line('报送日期', formatChineseDate(facts.date)),
    line('报送时限', `${formatChineseDate(facts.due)}前`),
    { kind: 'heading1', text: '一、报送材料' },
    {
      kind: 'table',
      fontSizePt: 10.5,
      columns: [
        { title: '序号', widthPct: 6, align: 'center', minChars: 2 },
        { title: '材料名称', widthPct: 31 },
        { title: '文件名', widthPct: 27 },
        { title: '页数', widthPct: 6, align: 'center', minChars: 2 },
        { title: 'SHA-256校验值', widthPct: 30 },
      ],
      rows: facts.files.map((f, i) => [String(i + 1), f.title, f.name, PAGES_UNKNOWN, groupedHash(f.sha256)]),
    },
    {
      kind: 'paragraph',
      text: '页数以打开文件后的实际排版为准：本软件不排版，各文字处理软件分页不同，故不填写，请核对后手工填写。SHA-256校验值用于核对文件在报送过程中未被改动，同一文件夹中的“SHA256SUMS.txt”列有包括本清单在内全部文件的校验值。',
    },
  ];
  if (facts.encrypted) blocks.push({ kind: 'paragraph', text: '压缩包已设密码（AES-256加密），密码另行告知。' });
  blocks.push({ kind: 'heading1', text: '二、未报送材料及原因' });
  if (facts.gaps.length === 0) blocks.push({ kind: 'paragraph', text: '无。' });
  facts.gaps.forEach((g, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}.${g.title}：${g.reason}。` }));
  return blocks;
}
