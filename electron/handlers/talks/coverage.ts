import type { talksApi, TalkCoverage } from '../../common/api/talks';
import { coverage, DEFAULT_RULES, personTimes, requiredPairs, summarize, type RuleSet } from '../../common/talks/pairs';
import { nowIso, type HandlerContext } from '../context';
import { getMeeting } from '../meetings';
import { listMembers } from '../teams';
import type { ParsedInput } from '../types';
import { assertTeamMembers, assertTeamPeople, listPeople } from './people';
import { listTalks, participantKeys } from './records';

export async function loadRules(ctx: HandlerContext, meetingId: number): Promise<RuleSet> {
  const row = await ctx.db.selectFrom('talk_rule_sets').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  const extras = await ctx.db.selectFrom('talk_rule_extras').select(['id', 'label', 'member_id', 'other_member_id', 'other_person_id']).where('meeting_id', '=', meetingId).orderBy('sort_order').execute();
  return {
    ...(row ? { secretaryMembers: row.secretary_members === 1, membersEachOther: row.members_each_other === 1, memberDepartments: row.member_departments === 1 } : DEFAULT_RULES),
    extras: extras.map((e) => ({ id: e.id, label: e.label, memberId: e.member_id, otherMemberId: e.other_member_id, otherPersonId: e.other_person_id })),
  };
}

export async function saveRules(ctx: HandlerContext, meetingId: number, rules: ParsedInput<typeof talksApi, 'talks.setRules'>['rules']): Promise<void> {
  const meeting = await getMeeting(ctx, meetingId);
  const memberIds = rules.extras.flatMap((e) => [e.memberId, e.otherMemberId]).filter((id): id is number => id !== null);
  await assertTeamMembers(ctx, meeting.teamId, [...new Set(memberIds)]);
  await assertTeamPeople(ctx, meeting.teamId, [...new Set(rules.extras.flatMap((e) => (e.otherPersonId !== null ? [e.otherPersonId] : [])))]);
  const flags = { secretary_members: rules.secretaryMembers ? 1 : 0, members_each_other: rules.membersEachOther ? 1 : 0, member_departments: rules.memberDepartments ? 1 : 0, updated_at: nowIso(ctx) } as const;
  await ctx.db.insertInto('talk_rule_sets').values({ meeting_id: meetingId, ...flags }).onConflict((oc) => oc.column('meeting_id').doUpdateSet(flags)).execute();
  await ctx.db.deleteFrom('talk_rule_extras').where('meeting_id', '=', meetingId).execute();
  let order = 0;
  for (const e of rules.extras) {
    await ctx.db
      .insertInto('talk_rule_extras')
      .values({ meeting_id: meetingId, sort_order: order++, label: e.label, member_id: e.memberId, other_member_id: e.otherMemberId, other_person_id: e.otherPersonId })
      .execute();
  }
}

export async function computeCoverage(ctx: HandlerContext, meetingId: number): Promise<TalkCoverage> {
  const meeting = await getMeeting(ctx, meetingId);
  const members = await listMembers(ctx, meeting.teamId, true);
  const people = await listPeople(ctx, meeting.teamId);
  const rules = await loadRules(ctx, meetingId);
  const talks = await listTalks(ctx, meetingId);
  const forCoverage = talks.map((t) => ({ id: t.id, date: t.date, participants: participantKeys(t) }));
  const pairs = coverage(requiredPairs(members, people, rules), forCoverage);
  const summary = summarize(pairs);
  return {
    members: members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name, position: m.position, role: m.role })),
    people,
    rules,
    pairs,
    required: summary.required,
    covered: summary.covered,
    talks: talks.length,
    personTimes: personTimes(forCoverage),
  };
}
