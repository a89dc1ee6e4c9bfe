import { describe, expect, it } from 'vitest';
import { buildCsv } from './buildCsv';

const columns = [
  { key: 'no', header: '序号' },
  { key: 'text', header: '意见建议' },
  { key: 'id', header: '内部编号' },
];

describe('buildCsv', () => {
  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    const buf = buildCsv(columns, [{ no: 1, text: '学习不够', id: 'a' }]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString('utf8')).toBe('序号,意见建议,内部编号\r\n1,学习不够,a\r\n');
  });

  it('quotes separators, quotes and line breaks the RFC 4180 way', () => {
    const text = buildCsv(columns, [{ no: 2, text: '他说："要改"，\n然后,走了', id: null }]).subarray(3).toString('utf8');
    expect(text.split('\r\n')[1]).toBe('2,"他说：""要改""，\n然后,走了",');
  });

  it('escapes formula-like text but not numbers', () => {
    const rows = [
      { no: -5, text: '=1+1', id: '+cmd' },
      { no: 3.5, text: '@SUM(A1)', id: '-2+3' },
    ];
    const lines = buildCsv(columns, rows).subarray(3).toString('utf8').split('\r\n');
    expect(lines[1]).toBe("-5,'=1+1,'+cmd");
    expect(lines[2]).toBe("3.5,'@SUM(A1),'-2+3");
  });

  it('writes nothing for null, undefined and numbers Excel cannot hold', () => {
    const text = buildCsv(columns, [{ no: NaN, text: undefined, id: Infinity }]).subarray(3).toString('utf8');
    expect(text.split('\r\n')[1]).toBe(',,');
  });
});
