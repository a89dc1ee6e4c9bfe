/** The list as .xlsx (re-importable), .docx (GB/T 9704 landscape table), .csv, print-ready HTML and its PDF. */
import type { rectificationApi } from '../../common/api/rectification';
import { AppError } from '../../common/result';
import { ITEM_STATUSES, STATUS_ZH } from '../../common/rectification/model';
import type { PrintColumnKey } from '../../common/rectification/printColumns';
import { buildGbtDocument, normalizePageSettings, sectionGeometry, type DocumentBlock } from '../../documents/gbt9704';
import { buildCsv, buildWorkbook, type ColumnSpec } from '../../documents/workbook';
import { saveExport } from '../files';
import { readSettings } from '../settings';
import type { HandlerContext } from '../context';
import type { HandlerMap } from '../types';
import { printHtml } from './html';
import { exportTable, type ExportTable } from './table';
import { rectificationWordTable } from './wordTable';

type Api = typeof rectificationApi;
const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];
const CSV = [{ name: 'CSV（逗号分隔）', extensions: ['csv'] }];
const PDF = [{ name: 'PDF 文档', extensions: ['pdf'] }];

/** Columns the import reads back; everything else in the sheet is for reading only. */
export const EDITABLE_HEADERS = { progress: '整改进展', status: '整改状态', closedOn: '销号日期', acceptor: '验收人', note: '备注' } as const;

export function workbookColumns(table: ExportTable): ColumnSpec[] {
  const columns: ColumnSpec[] = [];
  for (const c of table.columns) {
    const width = Math.max(6, Math.round(c.share * 2.2));
    if (c.key === 'status') {
      columns.push({ key: 'status', header: c.header, width, align: 'center', validation: { list: ITEM_STATUSES.map((s) => STATUS_ZH[s]), strict: true, prompt: '请从下拉列表选择整改状态' } });
      columns.push({ key: 'overdue', header: '逾期情况', width: 12, align: 'center' });
    } else {
      columns.push({ key: c.key, header: c.header, width, align: c.center ? 'center' : 'left' });
    }
  }
  return columns;
}

export async function xlsxBytes(ctx: HandlerContext, table: ExportTable): Promise<Buffer> {
  return buildWorkbook({
    created: ctx.now(),
    sheets: [
      {
        name: '整改清单',
        title: table.title,
        subtitle: table.subtitle,
        columns: workbookColumns(table),
        rows: table.rows,
        // Only the live list carries record ids: the agreed version is a record, not something to edit and re-import.
        ...(table.version === 'current' ? { rowKey: { key: 'id' } } : {}),
        print: { orientation: 'landscape' },
      },
    ],
  });
}

export async function docxBytes(ctx: HandlerContext, table: ExportTable, attachmentLabel: string | null, columns?: readonly PrintColumnKey[]): Promise<Buffer> {
  const settings = await readSettings(ctx);
  const textWidth = sectionGeometry(normalizePageSettings(settings.document), 'landscape').textWidth;
  const blocks: DocumentBlock[] = [
    {
      kind: 'section',
      orientation: 'landscape',
      blocks: [
        ...(attachmentLabel ? [{ kind: 'attachmentLabel' as const, text: attachmentLabel }] : []),
        { kind: 'title', text: table.title },
        { kind: 'subtitle', text: table.subtitle },
        rectificationWordTable(table, columns, textWidth),
      ],
    },
  ];
  return buildGbtDocument({ blocks, settings: settings.document, meta: { title: table.title } });
}

export const exportHandlers: Pick<HandlerMap<Api>, 'rectification.exportXlsx' | 'rectification.exportDocx' | 'rectification.exportCsv' | 'rectification.exportPdf' | 'rectification.printHtml'> = {
  async 'rectification.exportXlsx'(ctx, input) {
    const table = await exportTable(ctx, input.meetingId, input.version, input.scope);
    return saveExport(ctx, { kind: 'rectification.xlsx', meetingId: input.meetingId, suggestedName: `${table.fileBase}.xlsx`, filters: XLSX, bytes: await xlsxBytes(ctx, table) });
  },
  async 'rectification.exportDocx'(ctx, input) {
    const table = await exportTable(ctx, input.meetingId, input.version, input.scope);
    return saveExport(ctx, { kind: 'rectification.docx', meetingId: input.meetingId, suggestedName: `${table.fileBase}.docx`, filters: DOCX, bytes: await docxBytes(ctx, table, input.attachmentLabel, input.columns) });
  },
  async 'rectification.exportCsv'(ctx, input) {
    const table = await exportTable(ctx, input.meetingId, 'current', input.scope);
    const columns = [...workbookColumns(table).map((c) => ({ key: c.key, header: c.header })), { key: 'id', header: '内部编号（请勿修改）' }];
    return saveExport(ctx, { kind: 'rectification.csv', meetingId: input.meetingId, suggestedName: `${table.fileBase}.csv`, filters: CSV, bytes: buildCsv(columns, table.rows) });
  },
  async 'rectification.exportPdf'(ctx, input) {
    if (!ctx.files.printToPdf) {
      throw new AppError(
        'rectification.pdfUnavailable',
        '当前环境不能直接生成 PDF（仅桌面版支持）。请使用打印预览，在打印对话框中选择“另存为 PDF”，纸张 A4、横向。',
        'A PDF cannot be made here (desktop app only). Use the print preview and choose "Save as PDF" in the print dialog, A4 landscape.',
      );
    }
    const table = await exportTable(ctx, input.meetingId, input.version, input.scope);
    const bytes = await ctx.files.printToPdf(printHtml(table));
    return saveExport(ctx, { kind: 'rectification.pdf', meetingId: input.meetingId, suggestedName: `${table.fileBase}.pdf`, filters: PDF, bytes });
  },
  async 'rectification.printHtml'(ctx, input) {
    return printHtml(await exportTable(ctx, input.meetingId, input.version, input.scope));
  },
};
