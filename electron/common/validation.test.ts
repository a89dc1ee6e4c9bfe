import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { L, text, verbatim, type Bilingual } from './validation';

/** What a refusal tells people, in both languages (as invalidInput in main passes it on). */
function refusal(result: z.ZodSafeParseResult<string>): Bilingual | null {
  if (result.success) return null;
  return (result.error.issues[0] as { params?: Bilingual }).params ?? null;
}

const name = text(L.name, 50, { min: 1 });
const minutesText = verbatim({ zh: '发言内容', en: 'Remarks' }, 5000);

const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const MARKS = ['\u200E', '\u200F', '\u061C'];
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F'];
const LONE = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'];

describe('names and short fields refuse what no one can see', () => {
  it.each([...BIDI, ...MARKS, ...CONTROLS].map((c) => [c]))('refuses U+%s with the field and the character named in both languages', (char) => {
    const message = refusal(name.safeParse(`张${char}伟`));
    const point = `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    expect(message).toEqual({ zh: `姓名含有看不见的控制字符（${point}），请删除后再保存`, en: `Name contains an invisible control character (${point}); remove it and save again` });
  });

  it('refuses half of a surrogate pair, at the start, the middle or the end', () => {
    for (const half of LONE) {
      for (const value of [`${half}张伟`, `张${half}伟`, `张伟${half}`]) {
        const message = refusal(name.safeParse(value));
        expect(message?.zh, JSON.stringify(value)).toMatch(/^姓名含有残缺的字符（U\+D[89A-F][0-9A-F]{2}），/);
        expect(message?.en).toMatch(/^Name contains a broken character \(U\+D[89A-F][0-9A-F]{2}\)/);
      }
    }
  });

  it('keeps Chinese, rare characters, emoji (with joiners), full-width spaces, tabs and line breaks', () => {
    for (const value of ['张伟', '𠀀𠀁', '王😀', '👨‍👩‍👧', '欧阳　娜', 'A\tB', '第一行\n第二行', '\r\n', 'Ñandú', '아이', 'مرحبا']) {
      expect(name.safeParse(value).success || value.trim() === '', JSON.stringify(value)).toBe(true);
    }
  });
});

describe('long verbatim text refuses NUL, broken characters and direction overrides only', () => {
  it('refuses them with a bilingual message', () => {
    for (const char of ['\u0000', ...BIDI, ...LONE]) {
      const message = refusal(minutesText.safeParse(`同志们，${char}今天的会议`));
      expect(message?.zh, JSON.stringify(char)).toMatch(/^发言内容含有/);
      expect(message?.en).toMatch(/^Remarks contains /);
    }
  });

  it('keeps everything else exactly as typed (other controls are removed on export, not here)', () => {
    for (const value of ['  前后空格  ', '\u0001页眉\u000B换行\u000C', '\u200E标记', '😀𠀀']) {
      expect(minutesText.parse(value)).toBe(value);
    }
  });
});

describe('fuzzing any string', () => {
  const forbiddenShort = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const wellFormed = (value: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
  const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.string({ unit: fc.constantFrom('张', '伟', ' ', '\u202E', '\u0000', '\uD83D', '\uDE00', '\u2066', '\n', 'a'), maxLength: 12 }),
  );

  it('a short field accepts a string exactly when it holds none of those characters, and then stores it trimmed', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const result = text(L.place, 100).safeParse(value);
        expect(result.success).toBe(!forbiddenShort.test(value.trim()));
        if (result.success) {
          expect(result.data).toBe(value.trim());
          expect(wellFormed(result.data)).toBe(true);
        } else {
          const message = refusal(result);
          expect(message?.zh).toMatch(/^会议地点含有/);
          expect(message?.en).toMatch(/^Place contains /);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('what long text accepts is well formed and unchanged', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const result = minutesText.safeParse(value);
        if (result.success) {
          expect(result.data).toBe(value);
          expect(wellFormed(value)).toBe(true);
          expect(value).not.toMatch(/[\u0000\u202A-\u202E\u2066-\u2069]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
