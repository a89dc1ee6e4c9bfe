import { z } from 'zod';
import { channel } from './define';
import { id } from '../validation';
import type { MeetingKind } from './meetings';
import { SEARCH_KINDS, SEARCH_OFFSET_MAX, SEARCH_PAGE_MAX, SEARCH_QUERY_MAX, SEARCH_TERMS_MAX, searchTerms, type SearchKind } from '../search/terms';

export { SEARCH_KINDS, SEARCH_OFFSET_MAX, SEARCH_PAGE_MAX, SEARCH_QUERY_MAX, SEARCH_TERMS_MAX, searchTerms, type SearchKind };

/** A piece of a snippet: the text as stored, and whether it is (part of) a hit. Never HTML. */
export interface SearchSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  recordId: number;
  meetingId: number;
  meeting: { teamName: string; year: number; kind: MeetingKind; theme: string; date: string };
  /** The member the record is about (被批评人, target of an opinion, author of a material, owner of an item), if any. */
  memberId: number | null;
  memberName: string | null;
  aspectId: number | null;
  aspectLabel: string | null;
  /** Around the first hit, hits marked; `…` segments mark cut text. */
  snippet: SearchSegment[];
}

export interface SearchResult {
  /** The words searched for, after cleaning (control characters removed, duplicates dropped). */
  terms: string[];
  hits: SearchHit[];
  /** Number of records found; a lower bound when `totalCapped`. */
  total: number;
  totalCapped: boolean;
  /**
   * How hits are ordered: 'relevance' (bm25, for words of three characters or more searched across every meeting) or
   * 'density' (how often the words occur for the length of the text: for words of one or two characters, and inside
   * one meeting, member or aspect).
   */
  order: 'relevance' | 'density';
  /** False when there were too many hits to rank them all: the best of the first RANK_POOL found are shown. */
  rankedAll: boolean;
  offset: number;
  hasMore: boolean;
}

const L = {
  query: { zh: '检索内容', en: 'Search text' },
};


const query = z
  .string()
  .refine((q) => q.length <= SEARCH_QUERY_MAX * 4, {
    params: { zh: `${L.query.zh}不能超过 ${SEARCH_QUERY_MAX} 个字`, en: `${L.query.en} must be at most ${SEARCH_QUERY_MAX} characters` },
    message: `${L.query.zh}不能超过 ${SEARCH_QUERY_MAX} 个字`,
  })
  .transform((q) => q.trim())
  .refine((q) => searchTerms(q).length > 0, { params: { zh: '请输入要检索的内容', en: 'Type something to search for' }, message: '请输入要检索的内容' })
  .refine((q) => [...q].length <= SEARCH_QUERY_MAX, {
    params: { zh: `${L.query.zh}不能超过 ${SEARCH_QUERY_MAX} 个字`, en: `${L.query.en} must be at most ${SEARCH_QUERY_MAX} characters` },
    message: `${L.query.zh}不能超过 ${SEARCH_QUERY_MAX} 个字`,
  })
  .refine((q) => searchTerms(q).length <= SEARCH_TERMS_MAX, {
    params: { zh: `最多同时检索 ${SEARCH_TERMS_MAX} 个词（以空格分隔）`, en: `At most ${SEARCH_TERMS_MAX} words (separated by spaces) can be searched at once` },
    message: `最多同时检索 ${SEARCH_TERMS_MAX} 个词`,
  });

export const searchInput = z
  .object({
    query,
    /** Only these kinds (all when absent). */
    kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
    meetingId: id().optional(),
    memberId: id().optional(),
    aspectId: id().optional(),
    offset: z.number().int().min(0).max(SEARCH_OFFSET_MAX).optional(),
    limit: z.number().int().min(1).max(SEARCH_PAGE_MAX).optional(),
  })
  .strict();

export const searchApi = {
  /** Finds text in every meeting (or one meeting, member or aspect); words of one or two characters included. */
  'search.query': channel(searchInput).returns<SearchResult>(),
};
