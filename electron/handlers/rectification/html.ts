/**
 * Print-ready HTML of the list for Electron's printToPDF: A4 landscape, the header row repeated on every page,
 * every text escaped (the page runs with JavaScript off, but an opinion reading <script> must still print as text).
 */
import type { ExportTable } from './table';
import { printedCell, printedColumns } from './table';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const cell = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

export function printHtml(table: ExportTable): string {
  const columns = printedColumns(table);
  const total = columns.reduce((n, c) => n + c.share, 0);
  const cols = columns.map((c) => `<col style="width:${((c.share / total) * 100).toFixed(2)}%">`).join('');
  const head = columns.map((c) => `<th>${cell(c.printHeader ?? c.header)}</th>`).join('');
  const body = table.rows.map((r) => `<tr>${columns.map((c) => `<td class="${c.center ? 'c' : ''}">${cell(printedCell(r, c.key))}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(table.title)}</title>
<style>
@page { size: A4 landscape; margin: 18mm 12mm 16mm 12mm; }
html, body { margin: 0; padding: 0; }
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif; color: #000; }
h1 { font-family: "方正小标宋简体", "华文中宋", "SimSun", "Noto Serif CJK SC", serif; font-size: 20pt; font-weight: normal; text-align: center; margin: 0 0 4pt; }
.sub { text-align: center; font-family: "KaiTi", "楷体_GB2312", "楷体", "Noto Serif CJK SC", serif; font-size: 12pt; margin: 0 0 10pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 9pt; line-height: 1.45; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; background: #f2f2f2; }
th, td { border: 0.6pt solid #000; padding: 3pt 4pt; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
td.c { text-align: center; }
</style></head>
<body>
<h1>${cell(table.title)}</h1>
<p class="sub">${cell(table.subtitle)}</p>
<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
</body></html>`;
}
