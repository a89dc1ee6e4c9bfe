import type { meetingsApi, Meeting, MeetingSummary, Attendance, Dashboard, MeetingPreset } from '../../common/api/meetings';
import { defaultRules, noticeSubject, type MeetingRules } from '../../common/meetings/rules';
import { STEP_KEYS, addDays, stepStatus } from '../../common/meetings/steps';
import { AppError, notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { readSettings, userToday } from '../settings';
import { listMembers } from '../teams';
import type { HandlerMap, ParsedInput } from '../types';
import { collectSteps } from './steps';

const MEETING = { zh: '会议', en: 'Meeting' };
type MeetingInput = ParsedInput<typeof meetingsApi, 'meetings.create'>;

export async function getMeeting(ctx: HandlerContext, id: number): Promise<Meeting> {
  const row = await ctx.db
    .selectFrom('meetings')
    .innerJoin('teams', 'teams.id', 'meetings.team_id')
    .selectAll('meetings')
    .select('teams.name as team_name')
    .where('meetings.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(MEETING, id);
  const aspects = await ctx.db.selectFrom('meeting_aspects').select(['id', 'label']).where('meeting_id', '=', id).orderBy('sort_order').execute();
  const guests = await ctx.db.selectFrom('meeting_guests').select(['kind', 'name', 'position']).where('meeting_id', '=', id).orderBy('kind').orderBy('sort_order').execute();
  const rules = await readRules(ctx, id, row.kind);
  return {
    id: row.id,
    teamId: row.team_id,
    teamName: row.team_name,
    kind: row.kind,
    trigger: row.trigger,
    triggerReason: row.trigger_reason,
    year: row.year,
    theme: row.theme,
    date: row.date,
    startTime: row.start_time,
    place: row.place,
    hostMemberId: row.host_member_id,
    recorder: row.recorder,
    quorumRatio: row.quorum_ratio,
    status: row.status,
    aspects,
    guests,
    rules,
  };
}

/** The meeting's optional parts (domain.md §9); a meeting without a row has the defaults of its kind. */
export async function readRules(ctx: HandlerContext, meetingId: number, kind: 'annual' | 'special'): Promise<MeetingRules> {
  const row = await ctx.db.selectFrom('meeting_rules').select(['case_analysis', 'report_inquiries']).where('meeting_id', '=', meetingId).executeTakeFirst();
  const notices = await ctx.db.selectFrom('meeting_notices').select('subject').where('meeting_id', '=', meetingId).orderBy('sort_order').execute();
  const base = defaultRules(kind);
  return {
    caseAnalysis: row ? row.case_analysis === 1 : base.caseAnalysis,
    reportInquiries: row ? row.report_inquiries === 1 : base.reportInquiries,
    notices: notices.map((n) => n.subject),
  };
}

/** Subjects as typed, without 「通报…情况」 around them; the same subject twice is refused. */
function cleanNotices(notices: readonly string[]): string[] {
  const subjects = notices.map(noticeSubject);
  const empty = subjects.findIndex((s) => s === '');
  if (empty >= 0) throw new AppError('meetings.noticeEmpty', `第${empty + 1}个通报事项没有内容，未作任何修改`, `Report item ${empty + 1} is empty; nothing was changed`);
  const twice = subjects.find((s, i) => subjects.indexOf(s) !== i);
  if (twice) throw new AppError('meetings.noticeTwice', `通报事项「${twice}」重复，未作任何修改`, `The report item "${twice}" is listed twice; nothing was changed`);
  return subjects;
}

async function saveRules(ctx: HandlerContext, meetingId: number, rules: MeetingRules): Promise<void> {
  const subjects = cleanNotices(rules.notices);
  const values = { case_analysis: rules.caseAnalysis ? 1 : 0, report_inquiries: rules.reportInquiries ? 1 : 0 } as const;
  await ctx.db.insertInto('meeting_rules').values({ meeting_id: meetingId, ...values }).onConflict((oc) => oc.column('meeting_id').doUpdateSet(values)).execute();
  await ctx.db.deleteFrom('meeting_notices').where('meeting_id', '=', meetingId).execute();
  let order = 1;
  for (const subject of subjects) await ctx.db.insertInto('meeting_notices').values({ meeting_id: meetingId, sort_order: order++, subject }).execute();
}

async function listPresets(ctx: HandlerContext): Promise<MeetingPreset[]> {
  const rows = await ctx.db.selectFrom('meeting_presets').selectAll().orderBy('year', 'desc').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    name: r.name,
    aspects: JSON.parse(r.aspects) as string[],
    rules: { caseAnalysis: r.case_analysis === 1, reportInquiries: r.report_inquiries === 1, notices: JSON.parse(r.notices) as string[] },
    note: r.note,
    builtIn: r.built_in === 1,
  }));
}

async function assertHostInTeam(ctx: HandlerContext, input: MeetingInput): Promise<void> {
  const team = await ctx.db.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst();
  if (!team) throw notFound({ zh: '领导班子', en: 'Team' }, input.teamId);
  if (input.hostMemberId === null) return;
  const host = await ctx.db.selectFrom('members').select('id').where('id', '=', input.hostMemberId).where('team_id', '=', input.teamId).executeTakeFirst();
  if (!host) throw notFound({ zh: '主持人（须为本班子成员）', en: 'Chair (must be a team member)' }, input.hostMemberId);
}

function columns(input: MeetingInput, at: string) {
  return {
    team_id: input.teamId,
    kind: input.kind,
    trigger: input.kind === 'annual' ? null : input.trigger,
    trigger_reason: input.kind === 'annual' ? '' : input.triggerReason,
    year: input.year,
    theme: input.theme,
    date: input.date,
    start_time: input.startTime,
    place: input.place,
    host_member_id: input.hostMemberId,
    recorder: input.recorder,
    quorum_ratio: input.quorumRatio,
    updated_at: at,
  };
}

/** Keeps the ids of aspects that stay, so opinions and problems classified by them remain linked. */
async function saveAspectsAndGuests(trx: HandlerContext['db'], meetingId: number, input: MeetingInput): Promise<void> {
  const existing = await trx.selectFrom('meeting_aspects').select('id').where('meeting_id', '=', meetingId).execute();
  const keep = new Set(input.aspects.flatMap((a) => (a.id ? [a.id] : [])));
  const unknown = [...keep].filter((id) => !existing.some((e) => e.id === id));
  if (unknown.length > 0) throw notFound({ zh: '对照检查方面', en: 'Aspect' }, unknown[0]);
  const removed = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (removed.length > 0) await trx.deleteFrom('meeting_aspects').where('id', 'in', removed).execute();
  let order = 1;
  for (const aspect of input.aspects) {
    if (aspect.id) await trx.updateTable('meeting_aspects').set({ label: aspect.label, sort_order: order++ }).where('id', '=', aspect.id).execute();
    else await trx.insertInto('meeting_aspects').values({ meeting_id: meetingId, label: aspect.label, sort_order: order++ }).execute();
  }
  await trx.deleteFrom('meeting_guests').where('meeting_id', '=', meetingId).execute();
  let guestOrder = 1;
  for (const guest of input.guests) {
    await trx.insertInto('meeting_guests').values({ meeting_id: meetingId, ...guest, sort_order: guestOrder++ }).execute();
  }
}

export async function getAttendance(ctx: HandlerContext, meetingId: number): Promise<Attendance> {
  const meeting = await getMeeting(ctx, meetingId);
  const members = await listMembers(ctx, meeting.teamId);
  const marks = await ctx.db.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId).execute();
  const byMember = new Map(marks.map((m) => [m.member_id, m]));
  // Members marked for this meeting who have since left still count: the record is of the day.
  const rows = members.map((m) => {
    const mark = byMember.get(m.id);
    return { memberId: m.id, name: m.name, position: m.position, present: mark ? mark.present === 1 : true, absenceReason: mark?.absence_reason ?? null, note: mark?.note ?? '' };
  });
  const present = rows.filter((r) => r.present).length;
  return {
    expected: rows.length,
    present,
    quorumRatio: meeting.quorumRatio,
    quorumMet: rows.length > 0 && present >= Math.ceil(rows.length * meeting.quorumRatio - 1e-9),
    rows,
    guests: meeting.guests,
  };
}

async function dashboard(ctx: HandlerContext, id: number, today?: string): Promise<Dashboard> {
  const meeting = await getMeeting(ctx, id);
  const settings = await readSettings(ctx);
  const day = today ?? await userToday(ctx);
  const manual = await ctx.db.selectFrom('meeting_steps').select(['step', 'done_on']).where('meeting_id', '=', id).execute();
  const manualByStep = new Map(manual.map((m) => [m.step, m.done_on]));
  const derived = await collectSteps(ctx, id);
  const steps = STEP_KEYS.map((key) => {
    const offsetDays = settings.stepOffsets[key];
    const due = addDays(meeting.date, offsetDays);
    const auto = derived[key];
    const doneOn = manualByStep.get(key) ?? (auto?.done ? (auto.doneOn ?? null) : null);
    const done = manualByStep.has(key) || Boolean(auto?.done);
    return { key, due, offsetDays, status: stepStatus(due, day, done), doneOn, derived: Boolean(auto), progress: auto?.progress ?? null };
  });
  return { meeting, today: day, steps };
}

export const meetingsHandlers: HandlerMap<typeof meetingsApi> = {
  async 'meetings.list'(ctx, input) {
    let query = ctx.db
      .selectFrom('meetings')
      .innerJoin('teams', 'teams.id', 'meetings.team_id')
      .select(['meetings.id', 'meetings.team_id', 'teams.name as team_name', 'meetings.kind', 'meetings.trigger', 'meetings.year', 'meetings.theme', 'meetings.date', 'meetings.status']);
    if (input.teamId) query = query.where('meetings.team_id', '=', input.teamId);
    const rows = await query.orderBy('meetings.date', 'desc').orderBy('meetings.id', 'desc').limit(500).execute();
    return rows.map(
      (r): MeetingSummary => ({ id: r.id, teamId: r.team_id, teamName: r.team_name, kind: r.kind, trigger: r.trigger, year: r.year, theme: r.theme, date: r.date, status: r.status }),
    );
  },
  'meetings.get': (ctx, input) => getMeeting(ctx, input.id),
  async 'meetings.create'(ctx, input) {
    await assertHostInTeam(ctx, input);
    const at = nowIso(ctx);
    const row = await ctx.db
      .insertInto('meetings')
      .values({ ...columns(input, at), status: 'preparing', created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveAspectsAndGuests(ctx.db, row.id, input);
    await saveRules(ctx, row.id, input.rules ?? defaultRules(input.kind));
    const id = row.id;
    return getMeeting(ctx, id);
  },
  async 'meetings.update'(ctx, input) {
    const current = await getMeeting(ctx, input.id);
    if (current.teamId !== input.meeting.teamId) {
      throw notFound({ zh: '会议（不能改换所属班子）', en: 'Meeting (its team cannot change)' }, input.id);
    }
    await assertHostInTeam(ctx, input.meeting);
    await ctx.db.updateTable('meetings').set(columns(input.meeting, nowIso(ctx))).where('id', '=', input.id).execute();
    await saveAspectsAndGuests(ctx.db, input.id, input.meeting);
    if (input.meeting.rules) await saveRules(ctx, input.id, input.meeting.rules);
    return getMeeting(ctx, input.id);
  },
  'meetings.presets': (ctx) => listPresets(ctx),
  async 'meetings.savePreset'(ctx, input) {
    const values = {
      year: input.year,
      name: input.name.trim(),
      aspects: JSON.stringify(input.aspects.map((a) => a.trim())),
      notices: JSON.stringify(cleanNotices(input.rules.notices)),
      case_analysis: input.rules.caseAnalysis ? 1 : 0,
      report_inquiries: input.rules.reportInquiries ? 1 : 0,
      note: input.note,
      updated_at: nowIso(ctx),
    } as const;
    const sameName = await ctx.db.selectFrom('meeting_presets').select('id').where('name', '=', values.name).executeTakeFirst();
    if (sameName && sameName.id !== input.id) {
      throw new AppError('meetings.presetExists', `已有名为「${values.name}」的预设，请换一个名称，未作任何修改`, `A preset named "${values.name}" exists; choose another name. Nothing was changed`);
    }
    if (input.id !== undefined) {
      const result = await ctx.db.updateTable('meeting_presets').set(values).where('id', '=', input.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound({ zh: '方面预设', en: 'Preset' }, input.id);
    } else {
      await ctx.db.insertInto('meeting_presets').values({ ...values, built_in: 0 }).execute();
    }
    return listPresets(ctx);
  },
  async 'meetings.deletePreset'(ctx, input) {
    const result = await ctx.db.deleteFrom('meeting_presets').where('id', '=', input.id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound({ zh: '方面预设', en: 'Preset' }, input.id);
    return listPresets(ctx);
  },
  async 'meetings.setStatus'(ctx, input) {
    await getMeeting(ctx, input.id);
    await ctx.db.updateTable('meetings').set({ status: input.status, updated_at: nowIso(ctx) }).where('id', '=', input.id).execute();
    return getMeeting(ctx, input.id);
  },
  'meetings.dashboard': (ctx, input) => dashboard(ctx, input.id, input.today),
  async 'meetings.markStep'(ctx, input) {
    await getMeeting(ctx, input.id);
    if (input.doneOn === null) {
      await ctx.db.deleteFrom('meeting_steps').where('meeting_id', '=', input.id).where('step', '=', input.step).execute();
    } else {
      await ctx.db
        .insertInto('meeting_steps')
        .values({ meeting_id: input.id, step: input.step, done_on: input.doneOn })
        .onConflict((oc) => oc.columns(['meeting_id', 'step']).doUpdateSet({ done_on: input.doneOn as string }))
        .execute();
    }
    return dashboard(ctx, input.id);
  },
  'attendance.get': (ctx, input) => getAttendance(ctx, input.meetingId),
  async 'attendance.set'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const member = await ctx.db.selectFrom('members').select('id').where('id', '=', input.memberId).where('team_id', '=', meeting.teamId).executeTakeFirst();
    if (!member) throw notFound({ zh: '本班子成员', en: 'Team member' }, input.memberId);
    const values = { present: input.present ? 1 : 0, absence_reason: input.present ? null : input.absenceReason, note: input.note } as const;
    await ctx.db
      .insertInto('attendance')
      .values({ meeting_id: input.meetingId, member_id: input.memberId, ...values })
      .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet(values))
      .execute();
    return getAttendance(ctx, input.meetingId);
  },
};
