import { describe, expect, it } from 'vitest';
import { EXPORT_KINDS } from '../../../../electron/common/api/settings';
import { exportKindLabel } from './exportKinds';

describe('export log kinds', () => {
  it('names every export in words, in both languages, never by its code', () => {
    for (const kind of EXPORT_KINDS) {
      for (const locale of ['zh-CN', 'en']) {
        const label = exportKindLabel(kind, locale);
        expect(label, kind).not.toBe(kind);
        expect(label, kind).not.toMatch(/^[a-z]+\.[a-z]+$/);
      }
    }
    expect(exportKindLabel('rectification.xlsx', 'zh-CN')).toBe('整改清单（Excel）');
    expect(exportKindLabel('opinions.feedback', 'zh-CN')).toBe('征求意见反馈本人');
    expect(exportKindLabel('something.new', 'zh-CN')).toBe('导出文件');
  });
});
