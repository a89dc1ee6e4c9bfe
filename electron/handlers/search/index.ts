import type Database from 'better-sqlite3-multiple-ciphers';
import { SEARCH_KINDS, searchTerms, type SearchHit, type SearchKind, type SearchResult, type searchApi } from '../../common/api/search';
import { SEARCH_KIND_CODES } from '../../../db/migrations/008_search';
import { cachedStatement } from '../../../db/statements';
import type { HandlerContext } from '../context';
import type { HandlerMap, ParsedInput } from '../types';
import { buildSnippet } from './snippet';

type Input = ParsedInput<typeof searchApi, 'search.query'>;

/** The trigram index finds words of this many characters or more; shorter ones go through its vocabulary. */
const TRIGRAM = 3;
/** Hits counted exactly up to this number ("1,000+" beyond): a count costs as much as reading every hit. */
const COUNT_CAP = 1_000;
/** When more hits than this are found, only the first ones found are ranked (ranking costs about 5 µs a hit). */
export const RANK_POOL = COUNT_CAP;
/** Short words: the pool of most recent hits ordered by density. */
const DENSITY_POOL = 1_000;
/**
 * A short word found in more records than this (by the vocabulary's count), or spread over more distinct trigrams, is
 * common: reading the newest records until RECENT_POOL hits are found is then faster than merging its trigrams.
 */
const SHORT_INDEX_MAX_DOCS = 4_000;
const SHORT_INDEX_MAX_TERMS = 150;
const RECENT_POOL = 200;
const DEFAULT_LIMIT = 20;
/** Every stored text ends in these two characters (see migration 008); never shown. */
const PAD = 2;

const length = (term: string) => [...term].length;
/** Terms whose case matters to instr(); the index itself is case-insensitive, so the scan must be too. */
const hasCase = (term: string) => term.toLowerCase() !== term.toUpperCase();
/** An FTS5 string: every character literal, so `"`, `*`, `NEAR(`, `-`, `AND`… mean nothing. */
const phrase = (term: string) => `"${term.replaceAll('"', '""')}"`;
/** The smallest string above every string that starts with `prefix` (code-point order = UTF-8 byte order). */
function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  return chars.join('') + String.fromCodePoint(Math.min(last + 1, 0x10ffff));
}

/** The statements' shapes are few (one per combination of filters): kept prepared per connection. */
const prepare = cachedStatement;

interface Page {
  ids: number[];
  total: number;
  totalCapped: boolean;
  order: SearchResult['order'];
  rankedAll: boolean;
}

const KIND_BY_CODE = Object.fromEntries(Object.entries(SEARCH_KIND_CODES).map(([kind, code]) => [code, kind])) as Record<number, SearchKind>;

function kindCodes(kinds: readonly SearchKind[] | undefined): number[] | null {
  if (!kinds || kinds.length === SEARCH_KINDS.length) return null;
  return [...new Set(kinds)].map((k) => SEARCH_KIND_CODES[k]);
}

/** SQL for "term occurs in d.text", case-insensitive like the index; one bound parameter per term. */
function containsSql(terms: readonly string[], params: unknown[]): string[] {
  return terms.map((term) => {
    params.push(hasCase(term) ? term.toLowerCase() : term);
    return hasCase(term) ? 'instr(lower(d.text), ?) > 0' : 'instr(d.text, ?) > 0';
  });
}

/** Occurrences of the terms per 1,000 characters of text: the order of the scans and of short words. */
function densitySql(terms: readonly string[], params: unknown[]): string {
  const parts = terms.map((term) => {
    const needle = hasCase(term) ? term.toLowerCase() : term;
    const haystack = hasCase(term) ? 'lower(d.text)' : 'd.text';
    params.push(needle, needle);
    return `(length(${haystack}) - length(replace(${haystack}, ?, ''))) * 1.0 / length(?)`;
  });
  return `(${parts.join(' + ')}) * 1000.0 / (length(d.text) + 20)`;
}

/**
 * Inside one meeting, aspect or member: their records are few (hundreds), so every record is read and every word
 * matched exactly, whatever its length; ordered by density.
 */
function scopeScan(sqlite: Database.Database, terms: string[], input: Input, offset: number, limit: number): Page {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.meetingId !== undefined) {
    where.push('d.meeting_id = ?');
    params.push(input.meetingId);
  }
  if (input.aspectId !== undefined) {
    // An aspect belongs to one meeting: the meeting index finds its records.
    where.push('d.meeting_id = (SELECT meeting_id FROM meeting_aspects WHERE id = ?)', 'd.aspect_id = ?');
    params.push(input.aspectId, input.aspectId);
  }
  if (input.memberId !== undefined) {
    // The member's records: about or by them, the talks they took part in, the items they lead.
    where.push(`d.id IN (
      SELECT id FROM search_docs WHERE member_id = ?
      UNION SELECT id FROM search_docs WHERE member2_id = ?
      UNION SELECT talk_id * 8 + ${SEARCH_KIND_CODES.talk} FROM talk_participants WHERE member_id = ?
      UNION SELECT item_id * 8 + ${SEARCH_KIND_CODES.rectification} FROM rectification_item_leaders WHERE member_id = ?)`);
    params.push(input.memberId, input.memberId, input.memberId, input.memberId);
  }
  const codes = kindCodes(input.kinds);
  if (codes) where.push(`d.id % 8 IN (${codes.join(',')})`);
  where.push(...containsSql(terms, params));
  const scoreParams: unknown[] = [];
  const score = densitySql(terms, scoreParams);
  const sql = `SELECT d.id AS id, count(*) OVER () AS total FROM search_docs d WHERE ${where.join(' AND ')}
    ORDER BY ${score} DESC, d.id DESC LIMIT ? OFFSET ?`;
  const rows = prepare(sqlite, sql).all(...params, ...scoreParams, limit, offset) as { id: number; total: number }[];
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    total = (prepare(sqlite, `SELECT count(*) AS n FROM search_docs d WHERE ${where.join(' AND ')}`).get(...params) as { n: number }).n;
  }
  return { ids: rows.map((r) => r.id), total, totalCapped: false, order: 'density', rankedAll: true };
}

interface Expansion {
  /** FTS5 expression: every indexed trigram that starts with the word. */
  match: string;
  terms: number;
  /** Records holding one of these trigrams, summed: an upper bound of the records holding the word. */
  docs: number;
}

/** A word of one or two characters through the index's vocabulary; null when no indexed text holds it. */
function expandShort(sqlite: Database.Database, term: string): Expansion | null {
  const folded = term.toLowerCase();
  const rows = prepare(sqlite, 'SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ?').all(folded, prefixEnd(folded)) as { term: string; doc: number }[];
  if (rows.length === 0) return null;
  return { match: `(${rows.map((r) => phrase(r.term)).join(' OR ')})`, terms: rows.length, docs: rows.reduce((sum, r) => sum + r.doc, 0) };
}

/**
 * Common short words: the records of the newest meetings that hold every word (the meeting index read backwards, so
 * the scan stops as soon as RECENT_POOL are found), ordered by density.
 */
function recentScan(sqlite: Database.Database, terms: string[], input: Input, offset: number, limit: number): Page {
  const where: string[] = [];
  const params: unknown[] = [];
  const codes = kindCodes(input.kinds);
  if (codes) where.push(`d.kind IN (${codes.map((c) => `'${KIND_BY_CODE[c]}'`).join(',')})`);
  where.push(...containsSql(terms, params));
  const scoreParams: unknown[] = [];
  const score = densitySql(terms, scoreParams);
  const sql = `WITH pool(id) AS (SELECT d.id FROM search_docs d INDEXED BY search_docs_by_meeting WHERE ${where.join(' AND ')}
      ORDER BY d.meeting_id DESC, d.kind DESC, d.id DESC LIMIT ${RECENT_POOL})
    SELECT d.id AS id, (SELECT count(*) FROM pool) AS total FROM pool JOIN search_docs d ON d.id = pool.id ORDER BY ${score} DESC, d.id DESC LIMIT ? OFFSET ?`;
  const rows = prepare(sqlite, sql).all(...params, ...scoreParams, limit, offset) as { id: number; total: number }[];
  const total = rows[0]?.total ?? (offset > 0 ? RECENT_POOL : 0);
  return { ids: rows.map((r) => r.id), total, totalCapped: total >= RECENT_POOL, order: 'density', rankedAll: total < RECENT_POOL };
}

/** Across every meeting: the trigram index. */
function indexSearch(sqlite: Database.Database, terms: string[], input: Input, offset: number, limit: number): Page {
  const long = terms.filter((t) => length(t) >= TRIGRAM);
  const short = terms.filter((t) => length(t) < TRIGRAM);
  const empty: Page = { ids: [], total: 0, totalCapped: false, order: long.length > 0 ? 'relevance' : 'density', rankedAll: true };
  let match: string;
  // Short words next to long ones are checked on the long ones' hits; alone they are looked up in the vocabulary.
  let checkShort: string[] = [];
  if (long.length > 0) {
    match = long.map(phrase).join(' AND ');
    checkShort = short;
  } else {
    const expansions: Expansion[] = [];
    for (const term of short) {
      const expansion = expandShort(sqlite, term);
      if (expansion === null) return empty;
      expansions.push(expansion);
    }
    const rarest = Math.min(...expansions.map((e) => e.docs));
    const trigrams = expansions.reduce((sum, e) => sum + e.terms, 0);
    if (rarest > SHORT_INDEX_MAX_DOCS || trigrams > SHORT_INDEX_MAX_TERMS) return recentScan(sqlite, short, input, offset, limit);
    const parts = expansions.map((e) => e.match);
    match = parts.join(' AND ');
  }
  const where = ['search_fts MATCH ?'];
  const params: unknown[] = [match];
  const codes = kindCodes(input.kinds);
  if (codes) where.push(`f.rowid % 8 IN (${codes.join(',')})`);
  const join = checkShort.length > 0 ? 'JOIN search_docs d ON d.id = f.rowid' : '';
  where.push(...containsSql(checkShort, params));
  const from = `search_fts f ${join} WHERE ${where.join(' AND ')}`;

  const counted = (prepare(sqlite, `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} LIMIT ${COUNT_CAP + 1})`).get(...params) as { n: number }).n;
  const total = Math.min(counted, COUNT_CAP);
  const totalCapped = counted > COUNT_CAP;
  if (total === 0) return empty;

  if (long.length > 0) {
    const rankedAll = !totalCapped;
    if (!rankedAll && offset >= RANK_POOL) return { ids: [], total, totalCapped, order: 'relevance', rankedAll };
    // bm25 per row after the filters; beyond the pool, the best of the first RANK_POOL hits found.
    const sql = rankedAll
      ? `SELECT f.rowid AS id FROM ${from} ORDER BY bm25(search_fts), f.rowid DESC LIMIT ? OFFSET ?`
      : `SELECT id FROM (SELECT f.rowid AS id, bm25(search_fts) AS r FROM ${from} LIMIT ${RANK_POOL}) ORDER BY r, id DESC LIMIT ? OFFSET ?`;
    const rows = prepare(sqlite, sql).all(...params, limit, offset) as { id: number }[];
    return { ids: rows.map((r) => r.id), total, totalCapped, order: 'relevance', rankedAll };
  }
  // Short words only: the most recent hits (highest ids), by density. bm25 over hundreds of OR-ed trigrams costs too much.
  const scoreParams: unknown[] = [];
  const score = densitySql(short, scoreParams);
  const sql = `WITH pool(id) AS (SELECT f.rowid FROM ${from} ORDER BY f.rowid DESC LIMIT ${DENSITY_POOL})
    SELECT d.id AS id FROM pool JOIN search_docs d ON d.id = pool.id ORDER BY ${score} DESC, d.id DESC LIMIT ? OFFSET ?`;
  const rows = prepare(sqlite, sql).all(...params, ...scoreParams, limit, offset) as { id: number }[];
  return { ids: rows.map((r) => r.id), total, totalCapped, order: 'density', rankedAll: total <= DENSITY_POOL };
}

interface DetailRow {
  id: number;
  kind: SearchKind;
  record_id: number;
  meeting_id: number;
  member_id: number | null;
  aspect_id: number | null;
  text: string;
  team_name: string;
  year: number;
  meeting_kind: 'annual' | 'special';
  theme: string;
  date: string;
  member_name: string | null;
  aspect_label: string | null;
}

function details(sqlite: Database.Database, ids: number[], terms: string[]): SearchHit[] {
  if (ids.length === 0) return [];
  const rows = prepare(
    sqlite,
    `SELECT d.id, d.kind, d.record_id, d.meeting_id, d.member_id, d.aspect_id, d.text, t.name AS team_name, m.year, m.kind AS meeting_kind,
        m.theme, m.date, mb.name AS member_name, a.label AS aspect_label
      FROM search_docs d
      JOIN meetings m ON m.id = d.meeting_id
      JOIN teams t ON t.id = m.team_id
      LEFT JOIN members mb ON mb.id = d.member_id
      LEFT JOIN meeting_aspects a ON a.id = d.aspect_id
      WHERE d.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as DetailRow[];
  const talkNames = new Map<number, string>();
  const talkIds = rows.filter((r) => r.kind === 'talk').map((r) => r.record_id);
  if (talkIds.length > 0) {
    const people = prepare(
      sqlite,
      `SELECT p.talk_id, group_concat(coalesce(mb.name, tp.name), '、') AS names FROM
        (SELECT * FROM talk_participants WHERE talk_id IN (SELECT value FROM json_each(?)) ORDER BY talk_id, sort_order) p
        LEFT JOIN members mb ON mb.id = p.member_id LEFT JOIN talk_people tp ON tp.id = p.person_id GROUP BY p.talk_id`,
    ).all(JSON.stringify(talkIds)) as { talk_id: number; names: string }[];
    for (const p of people) talkNames.set(p.talk_id, p.names);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        kind: r.kind,
        recordId: r.record_id,
        meetingId: r.meeting_id,
        meeting: { teamName: r.team_name, year: r.year, kind: r.meeting_kind, theme: r.theme, date: r.date },
        memberId: r.member_id,
        memberName: r.kind === 'talk' ? (talkNames.get(r.record_id) ?? null) : r.member_name,
        aspectId: r.aspect_id,
        aspectLabel: r.aspect_label,
        snippet: buildSnippet(r.text.slice(0, Math.max(0, r.text.length - PAD)), terms),
      },
    ];
  });
}

export function runSearch(ctx: HandlerContext, input: Input): SearchResult {
  const terms = searchTerms(input.query);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? DEFAULT_LIMIT;
  const scoped = input.meetingId !== undefined || input.memberId !== undefined || input.aspectId !== undefined;
  // Synchronous from here to the end: no other call can write between the count, the page and the details.
  const page = (scoped ? scopeScan : indexSearch)(ctx.sqlite, terms, input, offset, limit);
  const hits = details(ctx.sqlite, page.ids, terms);
  return {
    terms,
    hits,
    total: page.total,
    totalCapped: page.totalCapped,
    order: page.order,
    rankedAll: page.rankedAll,
    offset,
    hasMore: page.ids.length > 0 && offset + page.ids.length < (page.rankedAll ? page.total : Math.min(page.total, page.order === 'relevance' ? RANK_POOL : DENSITY_POOL)),
  };
}

export const searchHandlers: HandlerMap<typeof searchApi> = {
  'search.query': (ctx, input) => runSearch(ctx, input),
};
