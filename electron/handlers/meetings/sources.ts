import type { HandlerContext } from '../context';
import { talkSources } from '../talks/registry';
import { opinionsSources } from '../opinions/providers';
import { materialsSources } from '../materials/providers';
import { minutesSources } from '../minutes/providers';

/** Where a rectification item can come from (domain.md §5 问题来源). */
export type SourceType = 'opinion' | 'material_problem' | 'criticism' | 'talk' | 'self_check' | 'inspection' | 'last_year';

/** A record another feature offers as the origin of a rectification item. */
export interface SourceCandidate {
  type: SourceType;
  id: number;
  /** The text as recorded (verbatim). */
  text: string;
  aspectId: number | null;
  /** The member the problem is about (null: the 班子 as a whole). */
  memberId: number | null;
  /** Short human label of where it is from, e.g. 「征求意见·座谈会」「林向东对照检查材料」「周明华→林向东」. */
  origin: string;
}

export type SourceProvider = (ctx: HandlerContext, meetingId: number) => Promise<SourceCandidate[]>;

/** One entry per feature that offers sources (opinions, materials, minutes, talks). */
export const sourceProviders: SourceProvider[] = [opinionsSources, materialsSources, talkSources, minutesSources];

export async function collectSources(ctx: HandlerContext, meetingId: number): Promise<SourceCandidate[]> {
  const all: SourceCandidate[] = [];
  for (const provider of sourceProviders) all.push(...(await provider(ctx, meetingId)));
  return all;
}
