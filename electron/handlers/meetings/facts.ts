import type { HandlerContext } from '../context';
import { talksFacts } from '../talks/registry';
import { opinionsFacts } from '../opinions/providers';
import { materialsFacts } from '../materials/providers';
import { minutesFacts } from '../minutes/providers';
import { rectificationFacts } from '../rectification/probes';

/**
 * Figures about one meeting that reports quote (会议情况报告, 通报): each feature contributes its own part from its
 * own tables through a provider listed in `factsProviders`. Every number in a report comes from here, none is typed.
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

/** One entry per feature. */
export const factsProviders: FactsProvider[] = [opinionsFacts, talksFacts, materialsFacts, minutesFacts, rectificationFacts];

export async function collectFacts(ctx: HandlerContext, meetingId: number): Promise<MeetingFacts> {
  const facts: MeetingFacts = {};
  for (const provider of factsProviders) Object.assign(facts, await provider(ctx, meetingId));
  return facts;
}
