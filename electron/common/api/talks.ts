import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, L, oneOf, text, verbatim } from '../validation';
import type { PairCoverage, RuleSet } from '../talks/pairs';
import { TALK_PERSON_KINDS, TALK_TYPES, type TalkPersonKind, type TalkType } from '../talks/vocab';

export { TALK_PERSON_KINDS, TALK_TYPES, type TalkPersonKind, type TalkType };

/** Someone outside the team a member talks with: a 分管部门负责人, a 党员群众代表, a 下级党组织书记. */
export interface TalkPerson {
  id: number;
  teamId: number;
  kind: TalkPersonKind;
  name: string;
  department: string;
  position: string;
  overseerMemberId: number | null;
}

export interface TalkParticipant {
  memberId: number | null;
  personId: number | null;
  name: string;
  position: string;
  /** Points this side raised, verbatim. */
  points: string;
}

export interface Talk {
  id: number;
  meetingId: number;
  date: string;
  place: string;
  type: TalkType;
  topic: string;
  agreed: string;
  recorder: string;
  /** The 谈话人 first, then the 谈话对象. */
  participants: TalkParticipant[];
}

export interface CoverageMember {
  id: number;
  name: string;
  position: string;
  role: 'secretary' | 'deputy' | 'member';
}

export interface TalkCoverage {
  /** Active members in team order: the rows and columns of the matrix. */
  members: CoverageMember[];
  people: TalkPerson[];
  rules: RuleSet;
  pairs: PairCoverage[];
  required: number;
  covered: number;
  talks: number;
  /** 人次: each 谈话对象 of each talk counts once. */
  personTimes: number;
}

const participant = z
  .object({
    memberId: id().nullable(),
    personId: id().nullable(),
    points: verbatim({ zh: '谈话中提出的意见', en: 'Points raised' }, 5000),
  })
  .strict()
  .refine((p) => (p.memberId === null) !== (p.personId === null), {
    params: { zh: '每位谈话参与人须为班子成员或已登记的班子外人员之一', en: 'Each participant is either a team member or a registered outside person' },
    message: '谈话参与人无效',
  });

export const talkFields = z
  .object({
    date: isoDate({ zh: '谈话日期', en: 'Talk date' }),
    place: text(L.place, 100),
    type: oneOf({ zh: '谈话类型', en: 'Talk type' }, TALK_TYPES),
    topic: text({ zh: '谈话主题', en: 'Topic' }, 200),
    agreed: verbatim({ zh: '达成共识和改进意见', en: 'Agreed improvements' }, 5000),
    recorder: text(L.recorder, 50),
    participants: z
      .array(participant)
      .max(50)
      .refine((list) => list.length >= 2, {
        params: { zh: '谈心谈话至少要有两人（谈话人和谈话对象）', en: 'A talk needs at least two people (the one who talks and the one talked to)' },
        message: '谈心谈话至少要有两人',
      })
      .refine(
        (list) => {
          const keys = list.map((p) => (p.memberId !== null ? `m${p.memberId}` : `p${p.personId}`));
          return new Set(keys).size === keys.length;
        },
        { params: { zh: '同一人不能在一次谈话中出现两次', en: 'The same person cannot appear twice in one talk' }, message: '谈话参与人重复' },
      ),
  })
  .strict();

const personFields = z
  .object({
    kind: oneOf({ zh: '人员类别', en: 'Kind' }, TALK_PERSON_KINDS),
    name: text(L.name, 50, { min: 1 }),
    department: text({ zh: '部门', en: 'Department' }, 100),
    position: text(L.position, 100),
    overseerMemberId: id().nullable(),
  })
  .strict();

const extraRule = z
  .object({
    label: text({ zh: '规则名称', en: 'Rule name' }, 100, { min: 1 }),
    memberId: id().nullable(),
    otherMemberId: id().nullable(),
    otherPersonId: id().nullable(),
  })
  .strict()
  .refine((r) => (r.otherMemberId === null) !== (r.otherPersonId === null), {
    path: ['otherMemberId'],
    params: { zh: '自定义规则须指定一位谈话对象', en: 'A custom rule needs one person to talk with' },
    message: '自定义规则须指定一位谈话对象',
  });

export const ruleSetFields = z
  .object({
    secretaryMembers: z.boolean(),
    membersEachOther: z.boolean(),
    memberDepartments: z.boolean(),
    extras: z.array(extraRule).max(50),
  })
  .strict();

export const talksApi = {
  'talks.list': channel(z.object({ meetingId: id() }).strict()).returns<Talk[]>(),
  'talks.create': channel(z.object({ meetingId: id(), talk: talkFields }).strict()).returns<Talk>(),
  'talks.update': channel(z.object({ id: id(), talk: talkFields }).strict()).returns<Talk>(),
  'talks.delete': channel(z.object({ id: id() }).strict()).returns<{ id: number }>(),
  /** The coverage matrix: required pairs under the meeting's rule set, with the talks that cover them. */
  'talks.coverage': channel(z.object({ meetingId: id() }).strict()).returns<TalkCoverage>(),
  'talks.setRules': channel(z.object({ meetingId: id(), rules: ruleSetFields }).strict()).returns<TalkCoverage>(),
  'talkPeople.list': channel(z.object({ teamId: id() }).strict()).returns<TalkPerson[]>(),
  'talkPeople.create': channel(z.object({ teamId: id(), person: personFields }).strict()).returns<TalkPerson>(),
  'talkPeople.update': channel(z.object({ id: id(), person: personFields }).strict()).returns<TalkPerson>(),
  /** Refused while the person appears in a talk: the record of the talk must stay whole. */
  'talkPeople.delete': channel(z.object({ id: id() }).strict()).returns<{ id: number }>(),
};
