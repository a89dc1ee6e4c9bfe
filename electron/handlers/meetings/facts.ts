import type { HandlerContext } from '../context';

/**
 * Figures about one meeting that reports quote (会议情况报告, 通报): each feature contributes its own part from its
 * own tables through a provider listed in `providers.facts` (electron/handlers/compose.ts). Every number in a report comes from here, none is typed.
 */
export interface MeetingFacts {
  study?: { sessions: number; byForm: { form: string; count: number }[] };
  opinions?: {
    raw: number;
    /** 梳理后: consolidated opinions plus raw ones not merged yet. */
    consolidated: number;
    toTeam: number;
    toMembers: number;
    /** Raw opinions not yet merged or confirmed: while any remain, 梳理 is not finished. */
    unsorted: number;
    rawToTeam: number;
    rawToMembers: number;
    byChannel: { channel: string; count: number }[];
    formsIssued: number;
    formsReturned: number;
    /** Members with opinions addressed to them (in team order), and those whose feedback was never given. */
    feedbackDue: string[];
    feedbackNotGiven: string[];
  };
  talks?: { talks: number; personTimes: number; requiredPairs: number; coveredPairs: number };
  materials?: {
    /** Material rows, drafts included. */
    total: number;
    /** Materials submitted at least once, and whether the 班子's own is among them. */
    submitted: number;
    teamSubmitted: boolean;
    approved: number;
    /** Materials that were returned at least once (whether revised or not). */
    returnedForRevision: number;
    /** Materials submitted again after being returned (a version newer than the one returned). */
    resubmitted: number;
  };
  minutes?: {
    /** Non-empty criticisms addressed to a member. */
    criticisms: number;
    /** Non-empty self-criticism entries (all agenda items, the 班子 对照检查 included). */
    selfCriticisms: number;
    /** Present members with a non-empty 自我批评 outside the 班子 对照检查, in agenda order. */
    selfCritics: string[];
    /** Member rounds held: the round's member was present and gave a 自我批评 in it. */
    roundsHeld: number;
    /**
     * Per active member in team order (domain.md §10, 一团和气): non-empty criticisms given and received (from anyone,
     * and from other members only), and those received in the member's own round (null: the agenda has no round for
     * him or her). `secretary`: the team's 书记 (role), whose criticism inspectors look for first.
     */
    members: { name: string; secretary: boolean; present: boolean; given: number; received: number; receivedFromMembers: number; inOwnRound: number | null }[];
    startedAt: string | null;
    endedAt: string | null;
    /** Every agenda title as planned. */
    agenda: string[];
    /** Titles of the agenda items other than member rounds that hold at least one non-empty entry. */
    heldItems: string[];
    finalized: boolean;
  };
  rectification?: { items: number; closed: number; overdue: number; agreedOn: string | null };
}

export type FactsProvider = (ctx: HandlerContext, meetingId: number) => Promise<Partial<MeetingFacts>>;

export async function collectFacts(ctx: HandlerContext, meetingId: number): Promise<MeetingFacts> {
  const facts: MeetingFacts = {};
  for (const provider of ctx.providers.facts) Object.assign(facts, await provider(ctx, meetingId));
  return facts;
}
