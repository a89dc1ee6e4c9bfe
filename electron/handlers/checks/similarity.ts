// 材料雷同与复现 (issue 17 §1): one material against the author's own earlier materials, the colleagues' materials of
// the same meeting and the unit's library, through the inverted index (indexer.ts), each candidate verified passage
// by passage (electron/common/checks/passages.ts). Library items marked official are not sources: what they cover is
// left out of every other source (a quotation of an official text is not copying).
import type Database from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../../../db/statements';
import type { MaterialCheck, SimilarityPassage, SimilaritySource } from '../../common/api/checks';
import {
  covered,
  MIN_PASSAGE,
  materialSegments,
  normalise,
  passagesBetween,
  textSegments,
  winnow,
  WARN_SHARE,
  writtenSpan,
  type NormalText,
  type Passage,
  type SourceKind,
  type TextSegment,
} from '../../common/checks';
import { notFound } from '../../common/result';
import { LIBRARY_SCOPE, parseMaterialContent, syncTeamMaterials } from './indexer';
import { flagNames } from './names';

export const MATERIAL = { zh: '对照检查材料', en: 'Material' };

interface Candidate {
  docId: number;
  kind: SourceKind | 'official';
  materialId: number | null;
  libraryId: number | null;
  who: string;
  year: number | null;
  load(): TextSegment[];
}

/** Passages shorter than two fingerprints' worth cannot reach MIN_PASSAGE; a source needs at least this many seeds. */
const MIN_SEEDS = 2;
/**
 * Library documents verified passage by passage, those sharing the most fingerprints first (shared fingerprints
 * approximate the shared text). The rest are counted in `unverifiedLibrary`; the team's own materials and official
 * quotations are always verified.
 */
const MAX_LIBRARY_VERIFIED = 30;

export function checkMaterial(sqlite: Database.Database, materialId: number): MaterialCheck {
  const row = cachedStatement(
    sqlite,
    `SELECT m.id, m.member_id, m.content, g.id AS meeting_id, g.team_id, g.date
       FROM materials m JOIN meetings g ON g.id = m.meeting_id WHERE m.id = ?`,
  ).get(materialId) as { id: number; member_id: number | null; content: string; meeting_id: number; team_id: number; date: string } | undefined;
  if (!row) throw notFound(MATERIAL, materialId);
  const reindexed = syncTeamMaterials(sqlite, row.team_id);

  const segments = materialSegments(parseMaterialContent(row.content));
  const query = normalise(segments);
  const prints = winnow(query.chars);

  const candidates = new Map<number, Candidate>();
  const materialContent = cachedStatement(sqlite, 'SELECT content FROM materials WHERE id = ?');
  const materials = cachedStatement(
    sqlite,
    `SELECT d.id AS doc_id, m.id, m.member_id, g.year, g.kind, coalesce(p.name, t.name) AS who
       FROM check_docs d
       JOIN materials m ON m.id = d.ref_id
       JOIN meetings g ON g.id = m.meeting_id
       JOIN teams t ON t.id = g.team_id
       LEFT JOIN members p ON p.id = m.member_id
      WHERE d.kind = 'material' AND d.scope = ? AND m.id <> ?
        AND (g.id = ? OR (m.member_id IS ? AND g.date < ?))`,
  ).all(row.team_id, row.id, row.meeting_id, row.member_id, row.date) as { doc_id: number; id: number; member_id: number | null; year: number; kind: string; who: string }[];
  for (const m of materials) {
    const own = m.member_id === row.member_id;
    candidates.set(m.doc_id, {
      docId: m.doc_id,
      kind: own ? 'own' : 'colleague',
      materialId: m.id,
      libraryId: null,
      who: m.who,
      year: m.year,
      load: () => materialSegments(parseMaterialContent((materialContent.get(m.id) as { content: string }).content)),
    });
  }
  const libraryText = cachedStatement(sqlite, 'SELECT text FROM check_library WHERE id = ?');
  const library = cachedStatement(sqlite, "SELECT d.id AS doc_id, l.id, l.title, l.year, l.official FROM check_docs d JOIN check_library l ON l.id = d.ref_id WHERE d.kind = 'library'").all() as {
    doc_id: number;
    id: number;
    title: string;
    year: number | null;
    official: 0 | 1;
  }[];
  for (const l of library) {
    candidates.set(l.doc_id, {
      docId: l.doc_id,
      kind: l.official ? 'official' : 'library',
      materialId: null,
      libraryId: l.id,
      who: l.title,
      year: l.year,
      load: () => textSegments((libraryText.get(l.id) as { text: string }).text),
    });
  }

  // Rank the candidates by shared fingerprints (one aggregate over the index), then read the seeds of those verified.
  const positions = new Map<number, number[]>();
  for (const f of prints) {
    const list = positions.get(f.hash);
    if (list) list.push(f.pos);
    else positions.set(f.hash, [f.pos]);
  }
  const shared = cachedStatement(sqlite, 'SELECT doc_id, count(*) AS n FROM check_fingerprints WHERE scope IN (?, ?) AND hash IN (SELECT value FROM json_each(?)) GROUP BY doc_id')
    .raw()
    .all(row.team_id, LIBRARY_SCOPE, JSON.stringify([...positions.keys()])) as [number, number][];
  const ranked = shared.filter(([docId, n]) => n >= MIN_SEEDS && candidates.has(docId)).sort((a, b) => b[1] - a[1]);
  const verify: number[] = [];
  let libraryTaken = 0;
  let unverified = 0;
  for (const [docId] of ranked) {
    if (candidates.get(docId)!.kind !== 'library') verify.push(docId);
    else if (libraryTaken++ < MAX_LIBRARY_VERIFIED) verify.push(docId);
    else unverified++;
  }
  const docPrints = cachedStatement(sqlite, 'SELECT hash, pos FROM check_fingerprints WHERE doc_id = ?');

  const found: { c: Candidate; source: NormalText; segments: TextSegment[]; passages: Passage[] }[] = [];
  const masked = new Uint8Array(query.chars.length);
  // Official quotations first, so that what they cover is known before the other sources are counted.
  verify.sort((a, b) => Number(candidates.get(b)!.kind === 'official') - Number(candidates.get(a)!.kind === 'official'));
  for (const docId of verify) {
    const c = candidates.get(docId)!;
    const seeds: [number, number][] = [];
    for (const [hash, pos] of docPrints.raw().all(docId) as [number, number][]) {
      const at = positions.get(hash);
      if (at) for (const qp of at) seeds.push([qp, pos]);
    }
    const sourceSegments = c.load();
    const source = normalise(sourceSegments);
    const passages = passagesBetween(query.chars, source.chars, seeds);
    if (passages.length === 0) continue;
    if (c.kind === 'official') for (const p of passages) masked.fill(1, p.qFrom, p.qTo);
    else found.push({ c, source, segments: sourceSegments, passages });
  }

  const total = query.chars.length;
  const share = (passages: readonly Passage[]) => (total === 0 ? 0 : covered(total, passages, masked) / total);
  const sources: SimilaritySource[] = [];
  const ownPassages: Passage[] = [];
  for (const { c, source, segments: sourceSegments, passages } of found) {
    const kept = passages.filter((p) => countUnmasked(masked, p) >= Math.min(p.qTo - p.qFrom, MIN_PASSAGE));
    if (kept.length === 0) continue;
    if (c.kind === 'own') ownPassages.push(...kept);
    const s = share(kept);
    sources.push({
      kind: c.kind as SourceKind,
      materialId: c.materialId,
      libraryId: c.libraryId,
      who: c.who,
      year: c.year,
      share: round(s),
      warn: s > WARN_SHARE,
      passages: kept.flatMap((p) => shown(segments, query, sourceSegments, source, p)),
    });
  }
  sources.sort((a, b) => b.share - a.share || (b.year ?? 0) - (a.year ?? 0));
  const ownShare = share(ownPassages);
  let officialChars = 0;
  for (const m of masked) officialChars += m;
  return { materialId: row.id, chars: total, ownShare: round(ownShare), ownWarn: ownShare > WARN_SHARE, officialChars, sources, names: flagNames(sqlite, row.team_id, segments), reindexed, unverifiedLibrary: unverified };
}

function countUnmasked(masked: Uint8Array, p: Passage): number {
  let n = 0;
  for (let i = p.qFrom; i < p.qTo; i++) if (!masked[i]) n++;
  return n;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * A passage as shown: one row per paragraph of the checked text it crosses (so each row links to its node), each
 * beside the matching stretch of the source (exact for a verbatim copy, proportional inside an edited one).
 */
export function shown(segments: readonly TextSegment[], query: NormalText, sourceSegments: readonly TextSegment[], source: NormalText, p: Passage): SimilarityPassage[] {
  const rows: SimilarityPassage[] = [];
  const ratio = (p.sTo - p.sFrom) / (p.qTo - p.qFrom);
  let from = p.qFrom;
  while (from < p.qTo) {
    let to = from + 1;
    while (to < p.qTo && query.seg[to] === query.seg[from]) to++;
    if (to - from >= SHOWN_MIN || rows.length === 0) {
      const sFrom = p.sFrom + Math.round((from - p.qFrom) * ratio);
      const sTo = to === p.qTo ? p.sTo : Math.max(sFrom + 1, p.sFrom + Math.round((to - p.qFrom) * ratio));
      rows.push({
        nodeId: segments[query.seg[from]].nodeId,
        text: writtenSpan(segments, query, from, to).map((x) => x.text).join(''),
        sourceText: writtenSpan(sourceSegments, source, sFrom, Math.min(sTo, source.chars.length)).map((x) => x.text).join('\n'),
        similarity: p.similarity,
        chars: to - from,
      });
    }
    from = to;
  }
  return rows;
}

/** A piece of a passage shorter than this (normalised characters) in one paragraph is counted but not listed. */
const SHOWN_MIN = 6;
