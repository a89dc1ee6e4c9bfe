/**
 * The declarative description of an Excel export. Features describe what to show; buildWorkbook owns how it looks,
 * how it prints and how it is kept safe, so every list the app hands to a superior looks and behaves the same.
 */

/** A value a feature may put in a cell. Text stays text, numbers stay numbers; null and undefined leave it empty. */
export type CellInput = string | number | null | undefined;

export type RowInput = Readonly<Record<string, CellInput>>;

export interface ListValidation {
  /** Allowed values, shown as a dropdown over the data rows. */
  list: readonly string[];
  /**
   * true (default): Excel refuses other values. false: it warns but lets the user keep a value not in the list,
   * for columns such as 整改时限 where 「立行立改」 sits beside free dates.
   */
  strict?: boolean;
  /** Hint shown when the cell is selected, e.g. 「请从下拉列表选择」. */
  prompt?: string;
}

export interface ColumnSpec {
  /** Key into each row object. */
  key: string;
  header: string;
  /** Width in Excel character units (one CJK character ≈ 2). Guessed from header and content when omitted. */
  width?: number;
  /** Wrap long text inside the cell; default true, since most columns hold sentences. */
  wrap?: boolean;
  /** Horizontal alignment of data cells; default left. Use 'center' for 序号 and short status columns. */
  align?: 'left' | 'center' | 'right';
  validation?: ListValidation;
  hidden?: boolean;
}

export interface MarginsMm {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

export interface PrintSpec {
  /** Default landscape: the 整改清单 has fifteen columns. */
  orientation?: 'landscape' | 'portrait';
  /** Millimetres, as units write them in their format rules. */
  margins?: Partial<MarginsMm>;
  /** Footer 「第 N 页，共 M 页」; default true. */
  pageNumbers?: boolean;
}

export interface RowKeySpec {
  /** Key into each row object holding a stable record id. */
  key: string;
  /** Header of the hidden column; default ROW_KEY_HEADER so importers can find it without configuration. */
  header?: string;
}

export interface SheetSpec {
  /** Sheet tab name; cleaned to Excel's rules (≤ 31 characters, no []:*?/\, unique). */
  name: string;
  /** Merged bold centred title, e.g. 「××领导班子民主生活会整改清单」. */
  title: string;
  /** Optional line under the title, e.g. 「填报单位（盖章）：××\u3000\u3000填报日期：2026年1月5日」. */
  subtitle?: string;
  columns: readonly ColumnSpec[];
  rows: readonly RowInput[];
  /**
   * Appends a hidden last column holding each row's record id, so that a list edited in Excel/WPS and imported
   * again can be matched back to its records (rows may have been sorted, inserted or deleted meanwhile).
   */
  rowKey?: RowKeySpec;
  /** Extra empty bordered rows (with the same dropdowns) for filling in by hand; default 0. */
  blankRows?: number;
  /** Freeze everything down to the header row; default true. */
  freezeHeader?: boolean;
  /** Filter buttons on the header row; default true. */
  autoFilter?: boolean;
  print?: PrintSpec;
}

export interface WorkbookSpec {
  sheets: readonly SheetSpec[];
  /** Document property; default 「镜鉴」. */
  creator?: string;
  /** Document property; pass a fixed date for reproducible files. */
  created?: Date;
}

/** Where things land on a sheet, so callers and importers need not hard-code row numbers. */
export interface SheetLayout {
  titleRow: number;
  subtitleRow: number | null;
  headerRow: number;
  firstDataRow: number;
  /** Last row that carries data or a blank fill-in row; firstDataRow - 1 when there are none. */
  lastDataRow: number;
}
