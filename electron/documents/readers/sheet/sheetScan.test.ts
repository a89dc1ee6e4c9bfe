import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SheetScanner } from './sheetScan';

const XML =
  '<?xml version="1.0"?><worksheet><sheetData>' +
  '<row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"/></row>' +
  '<row r="2" s="3" customFormat="1"><c r="A2" s="1"/><c r="B2" s="1"/></row>' + // styled, empty
  '<row r="3"/>' +
  '<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>中文&lt;文本</x:t></x:is></x:c></x:row>' +
  '<row r="5"><c r="A5"><f>SUM(A1)</f><v>3</v></c><c r="B5"><v>1</v></c></row>' +
  '</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="A4:A5"/></mergeCells></worksheet>';

function scanIn(pieces: Buffer[]) {
  const scanner = new SheetScanner();
  for (const p of pieces) scanner.push(p);
  return scanner.finish();
}

describe('SheetScanner', () => {
  it('counts rows and cells with content and collects merges', () => {
    expect(scanIn([Buffer.from(XML)])).toEqual({ rows: 3, cells: 4, merges: ['A1:B1', 'A4:A5'], mergesTruncated: false });
  });

  it('gives the same answer however the stream is chunked, even inside multi-byte characters', () => {
    const bytes = Buffer.from(XML);
    const whole = scanIn([bytes]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const pieces = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        expect(scanIn(pieces)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
    // One byte at a time.
    expect(scanIn([...bytes].map((b) => Buffer.from([b])))).toEqual(whole);
  });

  it('reports counts while streaming so a caller can stop early', () => {
    const scanner = new SheetScanner();
    const row = (n: number) => `<row r="${n}"><c r="A${n}"><v>${n}</v></c></row>`;
    scanner.push(Buffer.from('<sheetData>' + Array.from({ length: 100 }, (_, i) => row(i + 1)).join('')));
    // The last row is counted only when it closes.
    expect(scanner.counts.rows).toBe(99);
    expect(scanner.counts.cells).toBe(100);
  });
});
