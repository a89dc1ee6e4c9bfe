import { describe, expect, it } from 'vitest';
import { LONE_SURROGATE, SHORT_FIELD_FORBIDDEN, withoutHiddenCharacters } from './hiddenCharacters';

describe('withoutHiddenCharacters', () => {
  it('takes out direction controls, NUL, other control characters and broken surrogate halves, and counts them', () => {
    expect(withoutHiddenCharacters('张\u202E三\u0000\u2066丰\u0007')).toEqual({ text: '张三丰', removed: 4 });
    expect(withoutHiddenCharacters('半个\uD83D表情')).toEqual({ text: '半个表情', removed: 1 });
  });

  it('keeps line breaks, tabs, whole emoji and ordinary Chinese text exactly', () => {
    const text = '一是学习不够深入；\n\t二是👍联系实际不紧。\r\n';
    expect(withoutHiddenCharacters(text)).toEqual({ text, removed: 0 });
  });

  it('leaves nothing that a short field would refuse', () => {
    const all = Array.from({ length: 0x3000 }, (_, i) => String.fromCharCode(i)).join('');
    const { text } = withoutHiddenCharacters(all);
    expect(SHORT_FIELD_FORBIDDEN.test(text.replace(/[\t\n\r]/g, ''))).toBe(false);
    expect(LONE_SURROGATE.test(text)).toBe(false);
  });
});
