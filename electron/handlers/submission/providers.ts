import { localDate } from '../context';
import type { StepProbe } from '../meetings/steps';

/**
 * The dashboard's 报送 step (会议情况报告 and 会议记录 to the upper level): done on the day a package carrying both
 * went up; packages without one of them show as progress, not as done.
 */
export const submissionStep: StepProbe = async (ctx, meetingId) => {
  const rows = await ctx.db.selectFrom('submissions').select(['at', 'manifest']).where('meeting_id', '=', meetingId).orderBy('at').execute();
  if (rows.length === 0) return {};
  const keys = (manifest: string) => (JSON.parse(manifest) as { keys?: string[] }).keys ?? [];
  const full = rows.find((r) => keys(r.manifest).includes('report') && keys(r.manifest).includes('minutes'));
  if (full) return { report: { done: true, doneOn: localDate(new Date(full.at)), progress: null } };
  return { report: { done: false, progress: `已报送${rows.length}次，未含报告和记录` } };
};
