import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildCsv } from '../workbook/buildCsv';
import { cleanCellText } from '../workbook/cellText';
import { readCsv } from './csv';
import { ReaderError } from './errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ReaderError);
    expect((err as ReaderError).messageEn).toMatch(/[a-z]/);
    return (err as ReaderError).code;
  }
  return undefined;
}

const cellsOf = (buf: Buffer, opts = {}) => readCsv(buf, opts).rows.map((r) => r.cells);

describe('readCsv encodings', () => {
  const text = '序号,意见建议\r\n1,理论学习不够深入\r\n';
  const expected = [
    ['序号', '意见建议'],
    ['1', '理论学习不够深入'],
  ];

  it('reads UTF-8 with a BOM (our exports, Excel "CSV UTF-8")', () => {
    const sheet = readCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.rows.map((r) => r.cells)).toEqual(expected);
    // The BOM never leaks into the first header.
    expect(sheet.rows[0].cells[0]).toBe('序号');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(readCsv(Buffer.from(text)).encoding).toBe('utf-8');
    expect(cellsOf(Buffer.from(text))).toEqual(expected);
  });

  it('reads GBK (Excel "CSV" on a Chinese Windows, WPS)', () => {
    const gbk = iconv.encode(text, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const sheet = readCsv(gbk);
    expect(sheet.encoding).toBe('gb18030');
    expect(sheet.rows.map((r) => r.cells)).toEqual(expected);
  });

  it('reads UTF-16 LE and BE with a BOM (Excel "Unicode text", tab-separated)', () => {
    const tsv = text.replace(/,/g, '\t');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(tsv, 'utf16-be')]);
    expect(readCsv(le)).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(cellsOf(le)).toEqual(expected);
    expect(readCsv(be).encoding).toBe('utf-16be');
    expect(cellsOf(be)).toEqual(expected);
  });
});

describe('readCsv parsing', () => {
  it('handles quoted fields with embedded quotes, separators and newlines, CRLF and LF', () => {
    const csv = 'a,b,c\r\n"他说：""要改""",  "x,y"  ,"第一行\r\n第二行"\n"",plain,"last"';
    const sheet = readCsv(Buffer.from(csv));
    expect(sheet.rows).toEqual([
      { rowNumber: 1, cells: ['a', 'b', 'c'] },
      // A quote not at the very start of a field is plain text, as in Excel: the comma still separates.
      { rowNumber: 2, cells: ['他说："要改"', '  "x', 'y"  ', '第一行\r\n第二行'] },
      { rowNumber: 3, cells: [null, 'plain', 'last'] },
    ]);
  });

  it('numbers rows like Excel, keeping numbering across blank lines and multi-line cells', () => {
    const sheet = readCsv(Buffer.from('h1,h2\n\n"x\ny",1\n,\nlast,2\n'));
    expect(sheet.rows.map((r) => r.rowNumber)).toEqual([1, 3, 5]);
  });

  it('keeps a trailing empty field and an old-Mac CR line end', () => {
    expect(cellsOf(Buffer.from('a,b,\rc,d,e'))).toEqual([
      ['a', 'b', null],
      ['c', 'd', 'e'],
    ]);
  });

  it('detects tab and semicolon separators from the header line', () => {
    expect(readCsv(Buffer.from('序号\t意见\t对象\n1\t有,逗号\t班子')).delimiter).toBe('\t');
    expect(cellsOf(Buffer.from('序号\t意见\t对象\n1\t有,逗号\t班子'))[1]).toEqual(['1', '有,逗号', '班子']);
    expect(readCsv(Buffer.from('序号;意见\n1;x')).delimiter).toBe(';');
    // Commas inside quoted headers do not count; data lines are not consulted.
    expect(readCsv(Buffer.from('"a,b,c";d;e\n1,2,3,4,5,6')).delimiter).toBe(';');
    expect(readCsv(Buffer.from('单列\n有;分号;的;文字')).delimiter).toBe(',');
    expect(readCsv(Buffer.from('a;b\n1;2'), { delimiter: ',' }).rows[0].cells).toEqual(['a;b']);
  });

  it('removes the apostrophe our writer puts before formula-like text, unless told not to', () => {
    const buf = Buffer.from("h\n'=1+1\n'-2\n'abc\n");
    expect(cellsOf(buf).flat()).toEqual(['h', '=1+1', '-2', "'abc"]);
    expect(cellsOf(buf, { unescapeFormulas: false }).flat()).toEqual(['h', "'=1+1", "'-2", "'abc"]);
  });

  it('refuses an unclosed quote instead of swallowing the rest of the file', () => {
    expect(codeOf(() => readCsv(Buffer.from('a,b\n1,"oops\n2,3\n')))).toBe('csv.unclosedQuote');
  });
});

describe('readCsv hostile input', () => {
  it('refuses an empty file', () => {
    expect(codeOf(() => readCsv(Buffer.alloc(0)))).toBe('file.empty');
  });

  it('returns no rows for a file of blank lines', () => {
    expect(readCsv(Buffer.from('\r\n\r\n,,\r\n')).rows).toEqual([]);
  });

  it('refuses random bytes as not text', () => {
    expect(codeOf(() => readCsv(randomBytes(64 * 1024)))).toBe('file.notText');
  });

  it('says when the file is really a workbook or a legacy .xls', () => {
    expect(codeOf(() => readCsv(Buffer.from('PK\u0003\u0004rest-of-zip')))).toBe('file.isWorkbook');
    expect(codeOf(() => readCsv(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe('file.legacyFormat');
  });

  it('refuses a file over the size limit', () => {
    expect(codeOf(() => readCsv(Buffer.from('a,b\n1,2\n'), { maxBytes: 4 }))).toBe('file.tooLarge');
  });

  it('refuses 50,000 rows with a clear message', () => {
    const big = Buffer.from('序号,意见\n' + Array.from({ length: 50_000 }, (_, i) => `${i},意见${i}`).join('\n'));
    let err: ReaderError | undefined;
    try {
      readCsv(big);
    } catch (e) {
      err = e as ReaderError;
    }
    expect(err?.code).toBe('file.tooManyRows');
    expect(err?.message).toContain('20000');
    expect(readCsv(big, { maxRows: 60_000 }).rows).toHaveLength(50_001);
  });

  it('refuses an absurd number of fields', () => {
    expect(codeOf(() => readCsv(Buffer.from(','.repeat(600_000) + 'x')))).toBe('file.tooManyCells');
  });
});

describe('buildCsv → readCsv round trip', () => {
  // Text as people type it, plus every character CSV, formula escaping and encoding detection care about.
  const tricky = fc.constantFrom(',', ';', '\t', '"', "'", '\n', '\r\n', '\r', '=', '+', '-', '@', '＝', ' ', '\u3000', '\uFEFF', '中', '𠀀', 'a');
  const cellText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: tricky, maxLength: 12 }));
  const columns = [
    { key: 'a', header: '意见建议' },
    { key: 'b', header: '针对对象' },
    { key: 'n', header: '合并条数' },
  ];

  it('gives back every string and number that was written', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: cellText, b: cellText, n: fc.option(fc.integer(), { nil: null }) }), { maxLength: 15 }),
        (rows) => {
          const sheet = readCsv(buildCsv(columns, rows));
          expect(sheet.encoding).toBe('utf-8');
          expect(sheet.delimiter).toBe(',');
          expect(sheet.rows[0].cells).toEqual(['意见建议', '针对对象', '合并条数']);
          const byNumber = new Map(sheet.rows.map((r) => [r.rowNumber, r.cells]));
          rows.forEach((row, i) => {
            // Written text is cleaned (unstorable characters dropped, line breaks unified) — that, exactly, comes back.
            const want = [cleanCellText(row.a), cleanCellText(row.b), row.n === null ? '' : String(row.n)].map((v) =>
              v === '' ? null : v,
            );
            const got = byNumber.get(i + 2) ?? [null, null, null];
            expect(got).toEqual(want);
          });
          // Nothing but the header and the rows came back.
          expect(Math.max(...sheet.rows.map((r) => r.rowNumber))).toBeLessThanOrEqual(rows.length + 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back text exactly when it needs no cleaning', () => {
    const plain = fc.string({ unit: fc.constantFrom(',', '"', "'", '\n', '=', '-', '@', ' ', '中', 'a', '\t'), minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(plain, plain, (a, b) => {
        const sheet = readCsv(buildCsv(columns, [{ a, b, n: 1 }]));
        expect(sheet.rows[1].cells).toEqual([a === '' ? null : a, b === '' ? null : b, '1']);
      }),
      { numRuns: 500 },
    );
  });
});
