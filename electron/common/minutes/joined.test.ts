import { describe, expect, it } from 'vitest';
import { isJoined, joinTexts } from './joined';

describe('two recorders’ words joined by a merge', () => {
  it('are recognised until the secretary keeps one wording', () => {
    const joined = joinTexts('对照检查发言。', '对照检查发言，表示会后抓整改。', '李四');
    expect(joined).toBe('对照检查发言。\n〔另一台记录（李四）：对照检查发言，表示会后抓整改。〕');
    expect(isJoined(joined)).toBe(true);
    expect(isJoined('对照检查发言，表示会后抓整改。')).toBe(false);
    // A speaker quoting a bracket is not a merge.
    expect(isJoined('引用〔2024〕3号文件')).toBe(false);
  });
});
