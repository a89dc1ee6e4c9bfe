import { describe, expect, it } from 'vitest';
import { mapRows } from './mapRows';
import type { SheetRow } from './types';

const aliases = {
  content: ['意见建议', '意见和建议', '主要内容'],
  target: ['针对对象'],
  aspect: ['方面'],
  channel: ['来源渠道', '渠道'],
  id: ['内部编号'],
};

const row = (rowNumber: number, ...cells: SheetRow['cells']): SheetRow => ({ rowNumber, cells });

describe('mapRows header detection', () => {
  it('finds the header below a title and subtitle, tolerant of width, spaces, line breaks, stars and notes', () => {
    const rows = [
      row(1, '某某领导班子民主生活会征求意见汇总表', '某某领导班子民主生活会征求意见汇总表'),
      row(2, '填报单位：某局'),
      row(4, '序号', '*意见\n建议', ' 针对 对象 ', '方面（必填）', '来源渠道：', '备注'),
      row(5, 1, '会议太多', '班子', '作风建设', '座谈会', '无'),
    ];
    const mapped = mapRows(rows, { headerAliases: aliases, requiredFields: ['content', 'target'] });
    expect(mapped.headerRowNumber).toBe(4);
    expect(mapped.columns).toEqual({ content: 2, target: 3, aspect: 4, channel: 5 });
    expect(mapped.unknownHeaders).toEqual([
      { column: 1, text: '序号' },
      { column: 6, text: '备注' },
    ]);
    expect(mapped.errors).toEqual([]);
    expect(mapped.rows).toEqual([
      {
        rowNumber: 5,
        values: { content: '会议太多', target: '班子', aspect: '作风建设', channel: '座谈会', id: null },
        errors: [],
      },
    ]);
  });

  it('matches full-width header text', () => {
    const mapped = mapRows([row(1, '意见建议', '针对对象'), row(2, 'x', 'y')], {
      headerAliases: { content: ['意见建议'], target: ['针对对象'], n: ['ＩＤ（内部）'] },
    });
    expect(mapped.columns).toMatchObject({ content: 1, target: 2 });
    const wide = mapRows([row(1, '意见建议', 'id'), row(2, 'x', 'y')], { headerAliases: { content: ['意见建议'], n: ['ＩＤ'] } });
    expect(wide.columns).toEqual({ content: 1, n: 2 });
  });

  it('picks the row naming the most fields, and prefers exact over loose matches', () => {
    const rows = [
      row(1, '意见建议', '方面'), // a note row that happens to name two fields
      row(2, '意见建议（原文）', '意见建议', '针对对象', '方面'),
      row(3, 'a', 'b', 'c', 'd'),
    ];
    const mapped = mapRows(rows, { headerAliases: aliases });
    expect(mapped.headerRowNumber).toBe(2);
    // 「意见建议」 exactly wins over 「意见建议（原文）」, which is then a duplicate.
    expect(mapped.columns.content).toBe(2);
    expect(mapped.errors.map((e) => e.code)).toEqual(['header.duplicate']);
  });

  it('looks only in the first rows, and reports a missing header with the expected names', () => {
    const rows = [...Array.from({ length: 10 }, (_, i) => row(i + 1, `说明${i}`)), row(11, '意见建议', '针对对象')];
    const mapped = mapRows(rows, { headerAliases: aliases });
    expect(mapped.headerRowNumber).toBeNull();
    expect(mapped.rows).toEqual([]);
    expect(mapped.errors[0].code).toBe('header.notFound');
    expect(mapped.errors[0].message).toContain('意见建议、针对对象');
    expect(mapRows(rows, { headerAliases: aliases, headerSearchRows: 11 }).headerRowNumber).toBe(11);
  });

  it('reports missing required columns at sheet level', () => {
    const mapped = mapRows([row(1, '意见建议', '方面'), row(2, 'x', 'y')], {
      headerAliases: aliases,
      requiredFields: ['content', 'target', 'channel'],
    });
    expect(mapped.errors).toHaveLength(1);
    expect(mapped.errors[0]).toMatchObject({ code: 'header.missingRequired' });
    expect(mapped.errors[0].message).toContain('针对对象、来源渠道');
    // Rows are still returned so the preview can show them.
    expect(mapped.rows).toHaveLength(1);
  });

  it('reports an empty sheet', () => {
    expect(mapRows([], { headerAliases: aliases }).errors[0].code).toBe('sheet.empty');
  });
});

describe('mapRows rows', () => {
  const header = row(1, '意见建议', '针对对象', '内部编号');

  it('trims values, turns blanks into null and skips rows with nothing to import', () => {
    const mapped = mapRows([header, row(2, '\u3000 会议太多 ', '  '), row(3, null, null, null, '只在未知列'), row(4, 'x')], {
      headerAliases: aliases,
    });
    expect(mapped.rows.map((r) => [r.rowNumber, r.values.content, r.values.target])).toEqual([
      [2, '会议太多', null],
      [4, 'x', null],
    ]);
    const untrimmed = mapRows([header, row(2, ' a ')], { headerAliases: aliases, trim: false });
    expect(untrimmed.rows[0].values.content).toBe(' a ');
  });

  it('flags empty required values per row with the row number', () => {
    const mapped = mapRows([header, row(7, null, '张三'), row(8, '意见', null)], {
      headerAliases: aliases,
      requiredFields: ['content', 'target'],
    });
    expect(mapped.rows.map((r) => r.errors.map((e) => [e.field, e.code]))).toEqual([
      [['content', 'row.required']],
      [['target', 'row.required']],
    ]);
    expect(mapped.rows[0].errors[0].message).toContain('第 7 行');
    expect(mapped.rows[0].errors[0].messageEn).toContain('Row 7');
  });

  it('flags repeated values of unique fields (copied rows keep their hidden id)', () => {
    const mapped = mapRows([header, row(2, 'a', 'x', 'id-1'), row(3, 'b', 'x', 'id-2'), row(4, 'c', 'x', 'id-1')], {
      headerAliases: aliases,
      uniqueFields: ['id'],
    });
    expect(mapped.rows.map((r) => r.errors.map((e) => e.code))).toEqual([[], [], ['row.duplicate']]);
    expect(mapped.rows[2].errors[0].message).toContain('第 2 行');
  });

  it('skips the header repeated further down (lists pasted page by page)', () => {
    const mapped = mapRows([header, row(2, 'a', 'x'), row(30, '意见建议', '针对 对象'), row(31, 'b', 'y')], {
      headerAliases: aliases,
    });
    expect(mapped.rows.map((r) => r.rowNumber)).toEqual([2, 31]);
  });

  it('keeps numbers and booleans as they are', () => {
    const mapped = mapRows([row(1, '意见建议', '合并条数', '已反馈'), row(2, 'a', 3, true)], {
      headerAliases: { content: ['意见建议'], count: ['合并条数'], done: ['已反馈'] },
    });
    expect(mapped.rows[0].values).toEqual({ content: 'a', count: 3, done: true });
  });
});
