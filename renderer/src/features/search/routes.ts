import type { RouteLocationRaw } from 'vue-router';
import type { SearchHit, SearchKind } from '../../../../electron/common/api/search';
import { workspaceSections } from '../meetings/sections';

/** The workspace section that shows each kind of record. */
const SECTION: Record<SearchKind, string> = {
  opinion: 'opinions',
  consolidated: 'opinions',
  talk: 'talks',
  material: 'materials',
  minutes: 'minutes',
  rectification: 'rectification',
};

/**
 * Where a hit opens: its meeting's section (the overview while that section does not exist yet), with
 * `focus` (the record id) and `kind` for the section to select the record, and `hl` (the matched text) for the
 * in-place highlight every section gets (see focus.ts).
 */
export function hitRoute(hit: SearchHit): RouteLocationRaw {
  const section = SECTION[hit.kind];
  const exists = workspaceSections.some((s) => s.path === section);
  const highlight = hit.snippet.find((s) => s.hit)?.text ?? '';
  return {
    path: `/meetings/${hit.meetingId}${exists ? `/${section}` : ''}`,
    query: { focus: String(hit.recordId), kind: hit.kind, ...(highlight ? { hl: highlight } : {}) },
  };
}
