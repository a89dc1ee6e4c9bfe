import type { StepKey } from '../../common/meetings/steps';
import type { HandlerContext } from '../context';
import { talksStepProbe } from '../talks/registry';
import { opinionsStep } from '../opinions/providers';
import { materialsStep } from '../materials/providers';
import { rectificationProbe } from '../rectification/probes';

export interface StepProbeResult {
  done: boolean;
  doneOn?: string | null;
  progress?: string | null;
}

/**
 * A feature that can tell from its own data whether a dashboard step is complete (e.g. talks: every required pair
 * held). Each feature adds its probe to `stepProbes`; the dashboard asks them all.
 */
export type StepProbe = (ctx: HandlerContext, meetingId: number) => Promise<Partial<Record<StepKey, StepProbeResult>>>;

const meetingHeld: StepProbe = async (ctx, meetingId) => {
  const row = await ctx.db.selectFrom('meetings').select(['status', 'date']).where('id', '=', meetingId).executeTakeFirst();
  const held = row?.status === 'held' || row?.status === 'closed';
  return { meeting: { done: held, doneOn: held ? row?.date : null } };
};

export const stepProbes: StepProbe[] = [meetingHeld, opinionsStep, talksStepProbe, materialsStep, rectificationProbe];
