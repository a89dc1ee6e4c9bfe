import type { HandlerContext } from '../context';

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
  /** Marked 转为整改事项 during the meeting: offered first and pre-selected. */
  promoted?: boolean;
}

/** One per feature that offers sources (opinions, materials, minutes, talks), listed in `providers.sources`. */
export type SourceProvider = (ctx: HandlerContext, meetingId: number) => Promise<SourceCandidate[]>;

export async function collectSources(ctx: HandlerContext, meetingId: number): Promise<SourceCandidate[]> {
  const all: SourceCandidate[] = [];
  for (const provider of ctx.providers.sources) all.push(...(await provider(ctx, meetingId)));
  return all;
}
