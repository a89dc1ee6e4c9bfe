import { describe, expect, it } from 'vitest';
import { describeTables } from './tables';

describe('what a backup holds, in words', () => {
  it('never shows a SQLite table name, sums what belongs together and puts the search index last', () => {
    const rows = describeTables(
      [
        { table: 'search_fts_data', rows: 40 },
        { table: 'consolidated_opinions', rows: 25 },
        { table: 'opinions', rows: 86 },
        { table: 'search_docs', rows: 300 },
        { table: 'talk_rule_sets', rows: 1 },
        { table: 'talk_rule_extras', rows: 2 },
      ],
      'zh-CN',
    );
    expect(rows).toEqual([
      { label: '征求意见（梳理后）', rows: 25 },
      { label: '征求意见（原始）', rows: 86 },
      { label: '谈心谈话要求', rows: 3 },
      { label: '全文检索索引', rows: 340 },
    ]);
    expect(rows.every((r) => !/[a-z_]{3,}/.test(r.label))).toBe(true);
    expect(describeTables([{ table: 'consolidated_opinions', rows: 1 }], 'en')[0].label).toBe('Opinions (consolidated)');
  });
});
