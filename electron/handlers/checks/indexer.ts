// The similarity index, kept up to date incrementally: a material is (re)indexed when its stamp (revision and update
// time) differs from the one it was indexed with, which a check finds with one query over the team's materials
// before it reads the index; a library file is indexed when imported. Deletions follow by trigger (migration 013).
import type Database from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../../../db/statements';
import { materialSegments, normalise, textSegments, winnow, type TextSegment } from '../../common/checks';
import type { Material } from '../../common/materials';

export const LIBRARY_SCOPE = 0;

export function indexDocument(sqlite: Database.Database, kind: 'material' | 'library', refId: number, scope: number, stamp: string, segments: readonly TextSegment[]): void {
  const existing = cachedStatement(sqlite, 'SELECT id FROM check_docs WHERE kind = ? AND ref_id = ?').get(kind, refId) as { id: number } | undefined;
  let docId: number;
  if (existing) {
    docId = existing.id;
    cachedStatement(sqlite, 'DELETE FROM check_fingerprints WHERE doc_id = ?').run(docId);
    cachedStatement(sqlite, 'UPDATE check_docs SET stamp = ?, scope = ? WHERE id = ?').run(stamp, scope, docId);
  } else {
    docId = Number(cachedStatement(sqlite, 'INSERT INTO check_docs (kind, ref_id, scope, stamp) VALUES (?, ?, ?, ?)').run(kind, refId, scope, stamp).lastInsertRowid);
  }
  const insert = cachedStatement(sqlite, 'INSERT OR IGNORE INTO check_fingerprints (scope, hash, doc_id, pos) VALUES (?, ?, ?, ?)');
  for (const f of winnow(normalise(segments).chars)) insert.run(scope, f.hash, docId, f.pos);
}

export function parseMaterialContent(content: string): Material {
  return JSON.parse(content) as Material;
}

/** Brings the index of one team's materials up to date; returns how many were (re)indexed. */
export function syncTeamMaterials(sqlite: Database.Database, teamId: number): number {
  const stale = cachedStatement(
    sqlite,
    `SELECT m.id, m.revision || ':' || m.updated_at AS stamp
       FROM materials m JOIN meetings g ON g.id = m.meeting_id
       LEFT JOIN check_docs d ON d.kind = 'material' AND d.ref_id = m.id
      WHERE g.team_id = ? AND (d.id IS NULL OR d.stamp <> m.revision || ':' || m.updated_at)`,
  ).all(teamId) as { id: number; stamp: string }[];
  if (stale.length === 0) return 0;
  const content = cachedStatement(sqlite, 'SELECT content FROM materials WHERE id = ?');
  sqlite.transaction(() => {
    for (const row of stale) {
      const { content: json } = content.get(row.id) as { content: string };
      indexDocument(sqlite, 'material', row.id, teamId, row.stamp, materialSegments(parseMaterialContent(json)));
    }
  })();
  return stale.length;
}

export function indexLibraryItem(sqlite: Database.Database, id: number, text: string): void {
  indexDocument(sqlite, 'library', id, LIBRARY_SCOPE, 'library', textSegments(text));
}
