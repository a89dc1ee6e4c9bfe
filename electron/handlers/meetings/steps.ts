import type { StepKey } from '../../common/meetings/steps';
import type { HandlerContext } from '../context';

export interface StepProbeResult {
  done: boolean;
  doneOn?: string | null;
  progress?: string | null;
}

/**
 * A feature that can tell from its own data whether a dashboard step is complete (e.g. talks: every required pair
 * held). Each feature's probe is listed in `providers.steps` in electron/handlers/compose.ts; the dashboard asks them all.
 */
export type StepProbe = (ctx: HandlerContext, meetingId: number) => Promise<Partial<Record<StepKey, StepProbeResult>>>;

/** The meeting's own step: held once its status says so. */
export const meetingHeld: StepProbe = async (ctx, meetingId) => {
  const row = await ctx.db.selectFrom('meetings').select(['status', 'date']).where('id', '=', meetingId).executeTakeFirst();
  const held = row?.status === 'held' || row?.status === 'closed';
  return { meeting: { done: held, doneOn: held ? row?.date : null } };
};

/** Every probe's answer for one meeting, merged (the context's `providers.steps`, in order). */
export async function collectSteps(ctx: HandlerContext, meetingId: number): Promise<Partial<Record<StepKey, StepProbeResult>>> {
  const derived: Partial<Record<StepKey, StepProbeResult>> = {};
  for (const probe of ctx.providers.steps) Object.assign(derived, await probe(ctx, meetingId));
  return derived;
}
