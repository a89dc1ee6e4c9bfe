import type { EntryType } from './types';

export interface MatrixEntry {
  type: EntryType;
  fromMemberId: number | null;
  toMemberId: number | null;
  text: string;
}

export interface CriticismMatrix {
  /** `${from}>${to}` → count. */
  cells: Record<string, number>;
  given: Record<number, number>;
  received: Record<number, number>;
  /** «相互提出批评意见 N 条». */
  total: number;
  selfCriticisms: number;
  /** Present members whose round got no criticism (flagged in the console and the export). */
  uncriticised: number[];
}

export const cellKey = (from: number, to: number) => `${from}>${to}`;

/** Counts only entries with text: an empty draft is not an opinion. */
export function criticismMatrix(entries: readonly MatrixEntry[], roundMemberIds: readonly number[]): CriticismMatrix {
  const cells: Record<string, number> = {};
  const given: Record<number, number> = {};
  const received: Record<number, number> = {};
  let total = 0;
  let selfCriticisms = 0;
  for (const entry of entries) {
    if (entry.text.trim() === '') continue;
    if (entry.type === 'self_criticism') selfCriticisms++;
    if (entry.type !== 'criticism' || entry.toMemberId === null) continue;
    total++;
    received[entry.toMemberId] = (received[entry.toMemberId] ?? 0) + 1;
    if (entry.fromMemberId !== null) {
      const key = cellKey(entry.fromMemberId, entry.toMemberId);
      cells[key] = (cells[key] ?? 0) + 1;
      given[entry.fromMemberId] = (given[entry.fromMemberId] ?? 0) + 1;
    }
  }
  const uncriticised = roundMemberIds.filter((id) => !received[id]);
  return { cells, given, received, total, selfCriticisms, uncriticised };
}
