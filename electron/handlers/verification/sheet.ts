/**
 * The 发言记录核对单 of one speaker: his or her own entries (自我批评, criticisms given and received, 回应表态) in the
 * order of the meeting, a column for the speaker's corrections, and a line to sign and date. Printed from the preview
 * (A4 portrait); every text escaped, no script.
 */
import type { CheckEntry, CheckRole } from '../../common/api/verification';
import { escapeHtml } from '../rectification/html';

export const ROLE_ZH: Record<CheckRole, string> = { self: '自我批评', given: '对他人的批评', received: '收到的批评', response: '回应表态', other: '其他发言' };

/** An ideographic space: the gaps of a form line keep their width in Chinese type. */
const GAP = '\u3000';
const cell = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

export function checkSheetHtml(sheet: { title: string; name: string; position: string; entries: readonly CheckEntry[] }): string {
  const rows = sheet.entries
    .map((e, i) => {
      const who = e.role === 'given' ? `对${e.counterpart}` : e.role === 'received' ? `${e.counterpart}提出` : '';
      return `<tr><td class="c">${i + 1}</td><td>${cell(e.agendaTitle)}</td><td class="c">${ROLE_ZH[e.role]}${who ? `<br>（${cell(who)}）` : ''}</td><td>${cell(e.text)}</td><td></td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${cell(sheet.title)}</title>
<style>
@page { size: A4 portrait; margin: 25mm 20mm 22mm 20mm; }
html, body { margin: 0; padding: 0; }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "Noto Serif CJK SC", serif; color: #000; font-size: 12pt; }
h1 { font-family: "方正小标宋简体", "华文中宋", "SimSun", "Noto Serif CJK SC", serif; font-size: 20pt; font-weight: normal; text-align: center; margin: 0 0 6pt; }
.who { font-family: "KaiTi", "楷体_GB2312", "楷体", "Noto Serif CJK SC", serif; font-size: 14pt; margin: 0 0 10pt; text-align: center; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; line-height: 1.5; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f2f2f2; }
th, td { border: 0.6pt solid #000; padding: 4pt; vertical-align: top; word-break: break-all; }
td.c { text-align: center; vertical-align: middle; }
.note { margin: 10pt 0 0; }
.sign { margin-top: 24pt; line-height: 2.4; }
</style></head>
<body>
<h1>${cell(sheet.title).replace(/发言记录核对单$/, '<br>发言记录核对单')}</h1>
<p class="who">核对人：${cell(sheet.name)}${sheet.position ? `（${cell(sheet.position)}）` : ''}</p>
<table><colgroup><col style="width:6%"><col style="width:16%"><col style="width:14%"><col style="width:44%"><col style="width:20%"></colgroup>
<thead><tr><th>序号</th><th>议程</th><th>类别</th><th>记录内容</th><th>更正意见</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5" class="c">会议记录中没有本人的发言记录。</td></tr>'}
</tbody></table>
<p class="note">请逐条核对以上记录。如需更正，请在“更正意见”栏写明更正后的内容及理由；记录无误的，请在下方签字。</p>
<div class="sign">核对意见：□ 记录无误${GAP.repeat(2)}□ 需更正（见上表）<br>核对人（签字）：＿＿＿＿＿＿＿＿${GAP.repeat(3)}日期：＿＿＿＿年＿＿月＿＿日</div>
</body></html>
`;
}
