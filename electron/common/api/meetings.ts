import { z } from 'zod';
import { channel } from './define';
import { clockTime, id, isoDate, L, oneOf, text } from '../validation';
import type { StepStatus } from '../meetings/steps';
import { MAX_NOTICES, type MeetingRules } from '../meetings/rules';
import { ABSENCE_REASONS, MEETING_KINDS, MEETING_STATUSES, TRIGGERS, type AbsenceReason, type MeetingKind, type MeetingStatus, type MeetingTrigger } from '../meetings/vocab';

export type { MeetingRules };
export { ABSENCE_REASONS, MEETING_KINDS, MEETING_STATUSES, TRIGGERS, type AbsenceReason, type MeetingKind, type MeetingStatus, type MeetingTrigger };

export interface Guest {
  kind: 'attendee' | 'supervisor';
  name: string;
  position: string;
}

export interface Aspect {
  id: number;
  label: string;
}

export interface MeetingSummary {
  id: number;
  teamId: number;
  teamName: string;
  kind: MeetingKind;
  trigger: MeetingTrigger | null;
  year: number;
  theme: string;
  date: string;
  status: MeetingStatus;
}

export interface Meeting extends MeetingSummary {
  triggerReason: string;
  startTime: string;
  place: string;
  hostMemberId: number | null;
  recorder: string;
  quorumRatio: number;
  aspects: Aspect[];
  guests: Guest[];
  /** This year's optional parts (domain.md §9): 案例剖析, 谈话函询, extra 通报 items. */
  rules: MeetingRules;
}

/** The year's 方面 and optional parts, offered when a meeting is created (rows of meeting_presets, editable). */
export interface MeetingPreset {
  id: number;
  year: number;
  name: string;
  aspects: string[];
  rules: MeetingRules;
  /** Where the wording comes from and what is still to be filled in. */
  note: string;
  builtIn: boolean;
}

export interface AttendanceRow {
  memberId: number;
  name: string;
  position: string;
  present: boolean;
  absenceReason: AbsenceReason | null;
  note: string;
}

export interface Attendance {
  expected: number;
  present: number;
  quorumRatio: number;
  quorumMet: boolean;
  rows: AttendanceRow[];
  guests: Guest[];
}

export interface DashboardStep {
  key: string;
  due: string;
  offsetDays: number;
  status: StepStatus;
  doneOn: string | null;
  /** True when completion is derived from the data (e.g. every required talk held), not ticked by hand. */
  derived: boolean;
  /** Progress hint such as "12/15", when the step can measure itself. */
  progress: string | null;
}

export interface Dashboard {
  meeting: Meeting;
  today: string;
  steps: DashboardStep[];
}

const guest = z
  .object({
    kind: oneOf({ zh: '人员类别', en: 'Guest type' }, ['attendee', 'supervisor']),
    name: text(L.name, 50, { min: 1 }),
    position: text(L.position, 100),
  })
  .strict();

const NOTICE = { zh: '通报事项', en: 'Report item' };

export const meetingRulesFields = z
  .object({
    caseAnalysis: z.boolean(),
    reportInquiries: z.boolean(),
    notices: z.array(text(NOTICE, 100, { min: 1 })).max(MAX_NOTICES),
  })
  .strict();

const presetFields = z
  .object({
    id: id().optional(),
    year: z.number().int().min(2000).max(2100),
    name: text({ zh: '预设名称', en: 'Preset name' }, 100, { min: 1 }),
    aspects: z.array(text(L.aspect, 200, { min: 1 })).max(30),
    rules: meetingRulesFields,
    note: text(L.note, 500),
  })
  .strict();

export const meetingFields = z
  .object({
    teamId: id(),
    kind: oneOf(L.kind, MEETING_KINDS),
    trigger: oneOf(L.trigger, TRIGGERS).nullable(),
    triggerReason: text(L.reason, 1000),
    year: z.number().int().min(2000).max(2100),
    theme: text(L.theme, 200, { min: 1 }),
    date: isoDate(L.meetingDate),
    startTime: clockTime(L.startTime),
    place: text(L.place, 100),
    hostMemberId: id().nullable(),
    recorder: text(L.recorder, 50),
    quorumRatio: z.number().gt(0).max(1),
    /** Existing aspects keep their id (records classified by them stay linked); new ones have none. */
    aspects: z.array(z.object({ id: id().optional(), label: text(L.aspect, 200, { min: 1 }) }).strict()).max(30),
    guests: z.array(guest).max(100),
    /** Omitted: a new meeting gets the defaults for its kind, an update keeps what was set. */
    rules: meetingRulesFields.optional(),
  })
  .strict()
  .refine((m) => m.kind === 'annual' || m.trigger !== null, {
    path: ['trigger'],
    params: { zh: '专题民主生活会须注明召开原因（巡视、巡察、审计、纪律检查或其他）', en: 'A special meeting needs its trigger (inspection, audit, discipline case or other)' },
    message: '专题民主生活会须注明召开原因',
  });

export const meetingsApi = {
  'meetings.list': channel(z.object({ teamId: id().optional() }).strict()).returns<MeetingSummary[]>(),
  'meetings.get': channel(z.object({ id: id() }).strict()).returns<Meeting>(),
  'meetings.create': channel(meetingFields).returns<Meeting>(),
  'meetings.update': channel(z.object({ id: id(), meeting: meetingFields }).strict()).returns<Meeting>(),
  'meetings.presets': channel(z.object({}).strict()).returns<MeetingPreset[]>(),
  'meetings.savePreset': channel(presetFields).returns<MeetingPreset[]>(),
  'meetings.deletePreset': channel(z.object({ id: id() }).strict()).returns<MeetingPreset[]>(),
  'meetings.setStatus': channel(z.object({ id: id(), status: oneOf({ zh: '会议状态', en: 'Status' }, MEETING_STATUSES) }).strict()).returns<Meeting>(),
  'meetings.dashboard': channel(z.object({ id: id(), today: isoDate(L.date).optional() }).strict()).returns<Dashboard>(),
  'meetings.markStep': channel(
    z.object({ id: id(), step: z.string().min(1).max(50), doneOn: isoDate(L.date).nullable() }).strict(),
  ).returns<Dashboard>(),
  'attendance.get': channel(z.object({ meetingId: id() }).strict()).returns<Attendance>(),
  'attendance.set': channel(
    z
      .object({
        meetingId: id(),
        memberId: id(),
        present: z.boolean(),
        absenceReason: oneOf({ zh: '缺席原因', en: 'Absence reason' }, ABSENCE_REASONS).nullable(),
        note: text(L.note, 200),
      })
      .strict()
      .refine((a) => a.present || a.absenceReason !== null, {
        path: ['absenceReason'],
        params: { zh: '缺席须注明原因', en: 'An absence needs a reason' },
        message: '缺席须注明原因',
      }),
  ).returns<Attendance>(),
};
