/**
 * Characters a person cannot see, or that are not characters at all. The channel schemas refuse them
 * (`validation.ts`); the renderer removes them from pasted text before they reach a field (`utils/paste.ts`), so a
 * paste from a PDF or a web page never ends in a refused save. No zod here: the renderer imports this file.
 */

/** Half of a surrogate pair without the other half: not a character, and SQLite would store U+FFFD instead. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * In a short field (a name, a place): every control character but tab and line breaks, and the text-direction
 * embeddings, overrides, isolates and marks, which make text display in another order than it is stored.
 */
export const SHORT_FIELD_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** In long text kept verbatim: NUL and the direction controls only (a stray U+0001 from a PDF is removed on export). */
export const LONG_TEXT_FORBIDDEN = /[\u0000\u202A-\u202E\u2066-\u2069]/;

const PASTE_HIDDEN = new RegExp(`${SHORT_FIELD_FORBIDDEN.source}|${LONE_SURROGATE.source}`, 'g');

/** Pasted text without the characters any field refuses (line breaks and tabs stay); `removed` counts them. */
export function withoutHiddenCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const clean = text.replace(PASTE_HIDDEN, () => {
    removed += 1;
    return '';
  });
  return { text: clean, removed };
}
