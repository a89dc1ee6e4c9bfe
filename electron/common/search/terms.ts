// What search finds and how a query is split into words, without zod so the renderer can use it without loading the
// contract.

/** What can be found. `consolidated` is a 梳理后 opinion; `minutes` a minutes entry; `rectification` an item of the list. */
export const SEARCH_KINDS = ['opinion', 'consolidated', 'talk', 'material', 'minutes', 'rectification'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Longest query, in characters, and most words (separated by spaces; every word must occur). */
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_TERMS_MAX = 8;
export const SEARCH_PAGE_MAX = 50;
/** How far paging goes: a search is for finding, not for reading ten years of records one page after another. */
export const SEARCH_OFFSET_MAX = 1000;

/** Control characters cannot be typed and mean nothing to a search: they are dropped, not refused. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The words of a query: split at white space, control characters dropped, duplicates removed. */
export function searchTerms(query: string): string[] {
  const words = query.replace(CONTROL, '').split(/[\s\u3000]+/u).filter((w) => w !== '');
  return [...new Set(words)];
}
