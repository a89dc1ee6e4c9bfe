import { z } from 'zod';
import { channel } from './define';
import { id } from '../validation';
import type { MeetingKind } from './meetings';

/** What can be found. `consolidated` is a 梳理后 opinion; `minutes` a minutes entry; `rectification` an item of the list. */
export const SEARCH_KINDS = ['opinion', 'consolidated', 'talk', 'material', 'minutes', 'rectification'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Longest query, in characters, and most words (separated by spaces; every word must occur). */
export const SEARCH_QUERY_MAX = 100;
export const SEARCH_TERMS_MAX = 8;
export const SEARCH_PAGE_MAX = 50;
/** How far paging goes: a search is for finding, not for reading ten years of records one page after another. */
export const SEARCH_OFFSET_MAX = 1000;

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

/** Control characters cannot be typed and mean nothing to a search: they are dropped, not refused. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** The words of a query: split at white space, control characters dropped, duplicates removed. */
export function searchTerms(query: string): string[] {
  const words = query.replace(CONTROL, '').split(/[\s\u3000]+/u).filter((w) => w !== '');
  return [...new Set(words)];
}

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
