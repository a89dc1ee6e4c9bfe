/*
 * What "English" means for the English interface, shared by the unit test over the messages (en.test.ts) and the
 * e2e walk over every screen in English (e2e/screens.e2e.test.ts).
 */
import { en } from './en';

/** Chinese characters and the full-width punctuation of Chinese text: neither belongs in the English interface. */
export const NOT_ENGLISH = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/**
 * Messages whose Chinese is the point: the documents are Chinese whatever the interface language, so the headings
 * and numbering styles a material is written with, and the examples of what to type (an addressee, an attachment
 * label, the markers a pasted list is split at, a heading's official wording) are quoted as they are written.
 */
export const CHINESE_ON_PURPOSE =
  /^(materials\.(aspectPlaceholder|examplePlaceholder|itemHeadingPlaceholder|defaultHeadings\..+|styles\..+)|opinions\.batchHint|rectification\.attachmentLabel|report\.addresseeHint)$/;

/** Every message of the English interface as [key, text]. */
export function englishMessages(): [string, string][] {
  const leaves = (value: unknown, at: string): [string, string][] => {
    if (typeof value === 'string') return [[at, value]];
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, at ? `${at}.${k}` : k));
    return [];
  };
  return leaves(en, '');
}

/** The Chinese quoted on purpose (see CHINESE_ON_PURPOSE), as runs of text a screen may show in English mode. */
export function quotedChinese(): string[] {
  return englishMessages()
    .filter(([key]) => CHINESE_ON_PURPOSE.test(key))
    .flatMap(([, text]) => text.match(new RegExp(`[^\\x00-\\x7f]+(?:[\\x20-\\x7f]*[^\\x00-\\x7f]+)*`, 'gu')) ?? []);
}
