export interface ReportEditsTable {
  meeting_id: number;
  /** JSON array of StoredReportParagraph (electron/common/report/edit.ts). */
  paragraphs: string;
  updated_at: string;
}

export interface ReportTables {
  report_edits: ReportEditsTable;
}
