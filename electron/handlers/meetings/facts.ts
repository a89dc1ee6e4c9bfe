import type { HandlerContext } from '../context';

/**
 * Figures about one meeting that reports quote (会议情况报告, 通报): each feature contributes its own part from its
 * own tables through a provider listed in `providers.facts` (electron/handlers/compose.ts). Every number in a report comes from here, none is typed.
 */
export interface MeetingFacts {
  study?: { sessions: number; byForm: { form: string; count: number }[] };
  opinions?: {
    raw: number;
    consolidated: number;
    toTeam: number;
    toMembers: number;
    byChannel: { channel: string; count: number }[];
    formsIssued: number;
    formsReturned: number;
  };
  talks?: { talks: number; personTimes: number; requiredPairs: number; coveredPairs: number };
  materials?: { total: number; submitted: number; approved: number; returnedForRevision: number };
  minutes?: { criticisms: number; selfCriticisms: number; startedAt: string | null; endedAt: string | null; agenda: string[]; finalized: boolean };
  rectification?: { items: number; closed: number; overdue: number; agreedOn: string | null };
}

export type FactsProvider = (ctx: HandlerContext, meetingId: number) => Promise<Partial<MeetingFacts>>;

export async function collectFacts(ctx: HandlerContext, meetingId: number): Promise<MeetingFacts> {
  const facts: MeetingFacts = {};
  for (const provider of ctx.providers.facts) Object.assign(facts, await provider(ctx, meetingId));
  return facts;
}
