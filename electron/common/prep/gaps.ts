// Without zod so the renderer can use it without loading the contract.

/**
 * What a draft needs from the meeting data and does not find. The document leaves the gap visible with the
 * placeholder (「（地点待定）」), never an invented value; the preparation screen lists the same gaps before export.
 */
export type DraftGapKey = 'startTime' | 'place' | 'host' | 'members' | 'guests';
export type DraftKind = 'meetingNotice' | 'signIn' | 'hostScript';

export interface DraftGap {
  key: DraftGapKey;
  /** What the document prints in the gap. */
  placeholder: string;
}

export const GAP_PLACEHOLDERS: Record<DraftGapKey, string> = {
  startTime: '（时间待定）',
  place: '（地点待定）',
  host: '（主持人待定）',
  members: '（班子成员待录入）',
  guests: '（列席人员待定）',
};

/** The facts each draft prints: only those are checked for it. */
const NEEDS: Record<DraftKind, DraftGapKey[]> = {
  meetingNotice: ['startTime', 'place', 'members'],
  signIn: ['startTime', 'place', 'members'],
  hostScript: ['host', 'members'],
};

export interface DraftFacts {
  startTime: string;
  place: string;
  hostName: string | null;
  memberCount: number;
}

export function draftGaps(kind: DraftKind, facts: DraftFacts): DraftGap[] {
  const missing: Record<DraftGapKey, boolean> = {
    startTime: facts.startTime === '',
    place: facts.place.trim() === '',
    host: facts.hostName === null,
    members: facts.memberCount === 0,
    guests: false,
  };
  return NEEDS[kind].filter((key) => missing[key]).map((key) => ({ key, placeholder: GAP_PLACEHOLDERS[key] }));
}
