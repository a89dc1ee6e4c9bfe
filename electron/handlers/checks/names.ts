// Wrong-unit names: the team's own data (what it says about itself) and its list of names (check_names).
import type Database from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../../../db/statements';
import type { NameEntry } from '../../common/api/checks';
import { wrongNames, type NameFlag, type TextSegment } from '../../common/checks';

/** Everything the team's data says about itself: name, unit, members' positions and 分管, 责任单位, talk partners' departments. */
export function teamText(sqlite: Database.Database, teamId: number): string {
  const rows = cachedStatement(
    sqlite,
    `SELECT name || ' ' || unit AS t FROM teams WHERE id = @team
     UNION ALL SELECT position || ' ' || portfolio FROM members WHERE team_id = @team
     UNION ALL SELECT department FROM talk_people WHERE team_id = @team
     UNION ALL SELECT DISTINCT i.unit FROM rectification_items i JOIN rectification_lists l ON l.id = i.list_id JOIN meetings g ON g.id = l.meeting_id WHERE g.team_id = @team`,
  )
    .raw()
    .all({ team: teamId }) as [string][];
  return rows.map((r) => r[0]).join('\n');
}

export function nameEntries(sqlite: Database.Database, teamId: number): NameEntry[] {
  return cachedStatement(sqlite, 'SELECT id, name, verdict FROM check_names WHERE team_id = ? ORDER BY verdict, name').all(teamId) as NameEntry[];
}

export function flagNames(sqlite: Database.Database, teamId: number, segments: readonly TextSegment[]): NameFlag[] {
  const entries = nameEntries(sqlite, teamId);
  return wrongNames(segments, teamText(sqlite, teamId), {
    foreign: entries.filter((e) => e.verdict === 'foreign').map((e) => e.name),
    own: entries.filter((e) => e.verdict === 'own').map((e) => e.name),
  });
}
