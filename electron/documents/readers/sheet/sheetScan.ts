/**
 * A streaming pre-scan of one worksheet's XML, fed chunk by chunk while the ZIP entry is being inflated.
 *
 * exceljs builds every cell of a workbook in memory (hundreds of bytes each), so a 50,000-row file would take a lot
 * of memory before we could even count its rows. Counting here, from tags alone, lets the reader refuse it after
 * seeing only the first rows over the limit. The scan also collects merged ranges, which the reader handles itself
 * because exceljs expands them cell by cell (an A1:XFD1048576 merge would never finish).
 */

export interface SheetScanResult {
  /** Rows with at least one cell holding content (empty styled rows are not counted). */
  rows: number;
  /** Cells holding content. */
  cells: number;
  /** Merged ranges as written, e.g. "A1:F1". */
  merges: string[];
  /** True when more merges existed than were kept. */
  mergesTruncated: boolean;
}

const MAX_MERGES = 10_000;
// An unfinished tag longer than this is not one we look at (ours are short); dropping it bounds memory.
const MAX_TAIL = 4096;
// Opening tags of rows, cells and merges, with an optional namespace prefix (some generators write <x:row>).
const TAG = /<(?:[\w.-]+:)?(row|c|mergeCell)(?=[\s/>])([^>]*)>/g;
const REF = /\bref="([^"]*)"/;

export class SheetScanner {
  private tail = '';
  private rowOpen = false;
  private rowHasContent = false;
  private readonly result: SheetScanResult = { rows: 0, cells: 0, merges: [], mergesTruncated: false };

  /** Feeds the next chunk of inflated XML. */
  push(chunk: Buffer): void {
    // latin1 maps bytes 1:1; tag names and the attributes we read are ASCII, and UTF-8 bytes of other text are
    // all ≥ 0x80, so they can never be mistaken for '<' or '>'.
    let text = this.tail + chunk.toString('latin1');
    const lastOpen = text.lastIndexOf('<');
    if (lastOpen >= 0 && text.indexOf('>', lastOpen) < 0) {
      const pending = text.slice(lastOpen);
      this.tail = pending.length <= MAX_TAIL ? pending : '';
      text = text.slice(0, lastOpen);
    } else {
      this.tail = '';
    }
    this.scan(text);
  }

  /** Counts so far; final once all chunks are pushed. */
  get counts(): Readonly<SheetScanResult> {
    return this.result;
  }

  finish(): SheetScanResult {
    this.closeRow();
    return this.result;
  }

  private closeRow(): void {
    if (this.rowOpen && this.rowHasContent) this.result.rows++;
    this.rowOpen = false;
    this.rowHasContent = false;
  }

  private scan(text: string): void {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
      const [, name, attrs] = m;
      const selfClosing = attrs.endsWith('/');
      if (name === 'row') {
        this.closeRow();
        this.rowOpen = !selfClosing;
      } else if (name === 'c') {
        // <c r="B2" s="1"/> is a formatted but empty cell.
        if (!selfClosing) {
          this.result.cells++;
          this.rowHasContent = true;
        }
      } else {
        const ref = REF.exec(attrs)?.[1];
        if (!ref) continue;
        if (this.result.merges.length < MAX_MERGES) this.result.merges.push(ref);
        else this.result.mergesTruncated = true;
      }
    }
  }
}
