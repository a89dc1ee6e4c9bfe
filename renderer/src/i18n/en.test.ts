import { describe, expect, it } from 'vitest';
import { EXPORT_KIND_LABELS } from '../features/app/exportKinds';
import { CHINESE_ON_PURPOSE, englishMessages, NOT_ENGLISH } from './english';

describe('the English interface', () => {
  it('has no Chinese character or full-width punctuation in its messages, except Chinese quoted on purpose', () => {
    const leaks = englishMessages().filter(([key, text]) => NOT_ENGLISH.test(text) && !CHINESE_ON_PURPOSE.test(key));
    expect(leaks).toEqual([]);
    // The exceptions are still messages (a renamed key must not leave a stale exception behind).
    expect(englishMessages().filter(([key]) => CHINESE_ON_PURPOSE.test(key)).length).toBeGreaterThanOrEqual(10);
  });

  it('names every export kind in English', () => {
    expect(Object.entries(EXPORT_KIND_LABELS.en).filter(([, text]) => NOT_ENGLISH.test(text))).toEqual([]);
  });
});
