/** What opinions contribute to other features: report figures, rectification sources, the dossier, the dashboard. */
import { CHANNEL_LABELS } from '../../common/opinions/vocab';
import type { HandlerContext } from '../context';
import type { DossierProvider } from '../meetings/dossier';
import type { FactsProvider } from '../meetings/facts';
import type { SourceCandidate, SourceProvider } from '../meetings/sources';
import type { StepProbe } from '../meetings/steps';
import { computeStats } from './stats';
import { listConsolidated, listRaw } from './store';

export const opinionsFacts: FactsProvider = async (ctx, meetingId) => {
  const s = await computeStats(ctx, meetingId);
  if (s.raw === 0 && s.formsIssued === 0) return {};
  const due = s.byTarget.filter((t) => t.memberId !== null && t.raw > 0);
  const given = new Set(
    (await ctx.db.selectFrom('opinion_feedback').select('member_id').distinct().where('meeting_id', '=', meetingId).where('member_id', 'is not', null).execute()).map((r) => r.member_id),
  );
  return {
    opinions: {
      raw: s.raw,
      consolidated: s.consolidated,
      toTeam: s.consolidatedToTeam,
      toMembers: s.consolidatedToMembers,
      unsorted: s.unsorted,
      rawToTeam: s.rawToTeam,
      rawToMembers: s.rawToMembers,
      byChannel: s.byChannel.map((c) => ({ channel: c.label, count: c.raw })),
      formsIssued: s.formsIssued,
      formsReturned: s.formsReturned,
      feedbackDue: due.map((t) => t.label),
      feedbackNotGiven: due.filter((t) => !given.has(t.memberId)).map((t) => t.label),
    },
  };
};

/**
 * Consolidated opinions are the sources (the secretary's wording, one per problem); raw opinions not merged yet are
 * offered as they are. The origin names the channel, never a giver.
 */
export const opinionsSources: SourceProvider = async (ctx, meetingId) => {
  const raws = await listRaw(ctx.db, meetingId);
  const groups = await listConsolidated(ctx.db, meetingId, raws);
  const byId = new Map(raws.map((r) => [r.id, r]));
  const label = (channel: keyof typeof CHANNEL_LABELS) => `征求意见·${CHANNEL_LABELS[channel].zh}`;
  const out: SourceCandidate[] = groups.map((g) => {
    const first = byId.get(g.rawIds[0]);
    return { type: 'opinion', id: g.id, text: g.text, aspectId: g.aspectId, memberId: g.targetMemberId, origin: `${first ? label(first.channel) : '征求意见'}（梳理后，合并${g.rawIds.length}条）` };
  });
  // Raw ids are random and large and consolidated ids small: negative ids mark raw ones so the two never collide.
  for (const r of raws.filter((x) => x.consolidatedId === null)) out.push({ type: 'opinion', id: -r.id, text: r.text, aspectId: r.aspectId, memberId: r.targetMemberId, origin: label(r.channel) });
  return out;
};

export const opinionsDossier: DossierProvider = async (ctx, meetingId, memberId) => {
  const raws = (await listRaw(ctx.db, meetingId)).filter((r) => r.targetMemberId === memberId);
  if (raws.length === 0) return [];
  return [
    {
      kind: 'opinions',
      title: memberId === null ? { zh: '征求到的对班子的意见（原文）', en: 'Opinions on the team (verbatim)' } : { zh: '征求到的对本人的意见（原文）', en: 'Opinions on this member (verbatim)' },
      paragraphs: raws.map((r, i) => `${i + 1}. ${r.text}`),
    },
  ];
};

/**
 * The 征求意见 step is done when there is at least one opinion, every raw opinion has been sorted (merged or confirmed
 * as its own consolidated opinion) and classified by aspect, and feedback has been exported after the last change
 * to the list could matter, i.e. at least once. Progress shows sorted/raw.
 */
export const opinionsStep: StepProbe = async (ctx: HandlerContext, meetingId) => {
  const raws = await listRaw(ctx.db, meetingId);
  if (raws.length === 0) return {};
  const sorted = raws.filter((r) => r.consolidatedId !== null && r.aspectId !== null).length;
  const feedback = await ctx.db
    .selectFrom('export_log')
    .select((eb) => eb.fn.max('at').as('last'))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'opinions.feedback')
    .executeTakeFirst();
  const last = feedback?.last ?? null;
  const done = sorted === raws.length && last !== null;
  return { opinions: { done, doneOn: done && last ? last.slice(0, 10) : null, progress: `${sorted}/${raws.length}` } };
};
