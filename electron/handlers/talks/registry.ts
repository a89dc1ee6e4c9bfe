/**
 * What talks and study sessions tell the rest of the app: the dashboard steps, the figures for reports and the talk
 * points that can become rectification items. Listed in electron/handlers/meetings/{steps,facts,sources}.ts.
 */
import type { StepProbe } from '../meetings/steps';
import type { FactsProvider } from '../meetings/facts';
import type { SourceProvider } from '../meetings/sources';
import { STUDY_FORMS } from '../../common/api/study';
import { computeCoverage } from './coverage';
import { listTalks } from './records';

/**
 * 谈心谈话 is done only when every required pair has talked (progress「12/15」), on the day the last pair was first
 * covered. 学习研讨 is done once at least one session is recorded (progress: the number of sessions), on its date.
 */
export async function talksStepProbe(...[ctx, meetingId]: Parameters<StepProbe>): ReturnType<StepProbe> {
  const c = await computeCoverage(ctx, meetingId);
  const done = c.required > 0 && c.covered === c.required;
  const doneOn = done ? (c.pairs.map((p) => p.firstDate as string).sort().at(-1) ?? null) : null;
  const sessions = await ctx.db.selectFrom('study_sessions').select('date').where('meeting_id', '=', meetingId).orderBy('date').execute();
  return {
    talks: { done, doneOn, progress: `${c.covered}/${c.required}` },
    study: { done: sessions.length > 0, doneOn: sessions[0]?.date ?? null, progress: sessions.length > 0 ? String(sessions.length) : null },
  };
}

export async function talksFacts(...[ctx, meetingId]: Parameters<FactsProvider>): ReturnType<FactsProvider> {
  const c = await computeCoverage(ctx, meetingId);
  const rows = await ctx.db.selectFrom('study_sessions').select(['form']).where('meeting_id', '=', meetingId).execute();
  return {
    talks: { talks: c.talks, personTimes: c.personTimes, requiredPairs: c.required, coveredPairs: c.covered },
    study: {
      sessions: rows.length,
      byForm: STUDY_FORMS.map((form) => ({ form, count: rows.filter((r) => r.form === form).length })).filter((f) => f.count > 0),
    },
  };
}

/**
 * Each side's points in a talk, verbatim (source id: the participant row). In a talk of two, the points one side
 * raised are about the other, so a member on the other side is named as whom the problem concerns.
 */
export async function talkSources(...[ctx, meetingId]: Parameters<SourceProvider>): ReturnType<SourceProvider> {
  const talks = await listTalks(ctx, meetingId);
  const rows = await ctx.db
    .selectFrom('talk_participants as tp')
    .innerJoin('talks as t', 't.id', 'tp.talk_id')
    .select(['tp.id', 'tp.talk_id', 'tp.sort_order'])
    .where('t.meeting_id', '=', meetingId)
    .execute();
  return talks.flatMap((talk) =>
    talk.participants.flatMap((p, index) => {
      if (p.points.trim() === '') return [];
      const row = rows.find((r) => r.talk_id === talk.id && r.sort_order === index);
      const other = talk.participants.length === 2 ? talk.participants[1 - index] : null;
      return row ? [{ type: 'talk' as const, id: row.id, text: p.points, aspectId: null, memberId: other?.memberId ?? null, origin: `谈心谈话·${p.name}→${other ? other.name : talk.participants.filter((q) => q !== p).map((q) => q.name).join('、')}` }] : [];
    }),
  );
}
