import type { EntryType } from './types';

export interface MatrixEntry {
  agendaItemId: number;
  type: EntryType;
  fromMemberId: number | null;
  toMemberId: number | null;
  text: string;
}

/** A member's own round (member_round agenda item): the criticisms of that member are expected there. */
export interface MatrixRound {
  itemId: number;
  memberId: number;
}

export interface CriticismMatrix {
  /** `${from}>${to}` → count. */
  cells: Record<string, number>;
  given: Record<number, number>;
  /** From anyone (a member or a guest such as the 督导组). */
  received: Record<number, number>;
  /** From other members only: what 「班子成员对…提出批评意见」 may say. */
  receivedFromMembers: Record<number, number>;
  /** Every criticism of a member, whoever gave it (the matrix's received row sums to it). */
  total: number;
  /** Between two members of the team: what 「班子成员相互提出批评意见 N 条」 may say (a guest's is not mutual). */
  mutual: number;
  /** Given by a guest (督导组, 列席): shown beside the mutual count, never inside it. */
  fromGuests: number;
  selfCriticisms: number;
  /** Round item id → criticisms of the round's member by other members recorded in that round (a guest's alone does not make a round heard). */
  roundReceived: Record<number, number>;
  /** The rounds in which nobody criticised their member (flagged in the console once over; domain.md §10). */
  silentRounds: MatrixRound[];
}

export const cellKey = (from: number, to: number) => `${from}>${to}`;

/** Counts only entries with text: an empty draft is not an opinion. */
export function criticismMatrix(entries: readonly MatrixEntry[], rounds: readonly MatrixRound[]): CriticismMatrix {
  const cells: Record<string, number> = {};
  const given: Record<number, number> = {};
  const received: Record<number, number> = {};
  const receivedFromMembers: Record<number, number> = {};
  const roundOf = new Map(rounds.map((r) => [r.itemId, r.memberId]));
  const roundReceived: Record<number, number> = Object.fromEntries(rounds.map((r) => [r.itemId, 0]));
  let total = 0;
  let mutual = 0;
  let fromGuests = 0;
  let selfCriticisms = 0;
  for (const entry of entries) {
    if (entry.text.trim() === '') continue;
    if (entry.type === 'self_criticism') selfCriticisms++;
    if (entry.type !== 'criticism' || entry.toMemberId === null) continue;
    total++;
    received[entry.toMemberId] = (received[entry.toMemberId] ?? 0) + 1;
    if (entry.fromMemberId === null) fromGuests++;
    // A member's 「criticism」 of himself is neither given nor mutual: it stays in the total only.
    else if (entry.fromMemberId !== entry.toMemberId) {
      mutual++;
      if (roundOf.get(entry.agendaItemId) === entry.toMemberId) roundReceived[entry.agendaItemId]++;
      const key = cellKey(entry.fromMemberId, entry.toMemberId);
      cells[key] = (cells[key] ?? 0) + 1;
      given[entry.fromMemberId] = (given[entry.fromMemberId] ?? 0) + 1;
      receivedFromMembers[entry.toMemberId] = (receivedFromMembers[entry.toMemberId] ?? 0) + 1;
    }
  }
  const silentRounds = rounds.filter((r) => roundReceived[r.itemId] === 0);
  return { cells, given, received, receivedFromMembers, total, mutual, fromGuests, selfCriticisms, roundReceived, silentRounds };
}
