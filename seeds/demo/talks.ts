import { addDays } from '../../electron/common/meetings/steps';
import type { TalkType } from '../../electron/common/api/talks';
import { must } from './call';
import type { DemoPart } from './index';

/** Heads of departments overseen by members (fictional): index into DEMO_MEMBERS of the overseeing member. */
export const DEMO_DEPARTMENT_HEADS = [
  { name: '钱卫东', department: '县财政局', position: '党组书记、局长', overseer: 1 },
  { name: '马秀兰', department: '县教育局', position: '党组书记、局长', overseer: 2 },
  { name: '韩永生', department: '县农业农村局', position: '党组书记、局长', overseer: 3 },
];

/** Required pairs deliberately left without a talk, so the matrix has gaps to show: member index pairs, or [member, head]. */
export const DEMO_MISSING_MEMBER_PAIRS: [number, number][] = [
  [4, 5],
  [4, 6],
  [6, 7],
];
export const DEMO_MISSING_HEAD = 2; // 王建国 ↔ 韩永生 not yet

const SECRETARY_POINTS: [string, string][] = [
  ['指出其在落实巡察反馈问题整改中存在“等靠”思想，分管领域个别整改事项推进偏慢，希望主动认领、挂图作战。', '表示接受，承认对分管领域问题研究不深，会前将逐项梳理整改台账。'],
  ['提醒其在分管领域重大项目决策中要严格执行“三重一大”集体决策制度，防止个人说了算。', '认为提醒及时，表示今后凡重大事项一律上会研究。'],
  ['指出其深入基层调研次数偏少，调研多以听汇报为主，解决实际问题不够。', '表示会后每月至少安排两次蹲点调研，并带着问题下去。'],
];

const MEMBER_POINTS: [string, string][] = [
  ['认为对方在跨部门协调事项上主动沟通不够，有时存在“各管一摊”的现象。', '坦诚接受，提出对方在分管工作中也存在类似情况，双方约定建立工作会商机制。'],
  ['指出对方抓落实的韧劲还需加强，部分工作部署多、督促少。', '表示认同，提醒对方注意工作方法，对基层干部批评多、指导少。'],
  ['提醒对方落实中央八项规定精神要从小事做起，注意公务接待和公车使用中的细节。', '表示一定严格要求，也希望对方在会上直言不讳，不搞“你好我好大家好”。'],
];

const HEAD_POINTS: [string, string] = [
  '指出部门在巡察反馈问题整改中存在整改标准不高、举一反三不够的问题。',
  '反映基层人手紧张、政策执行中存在堵点，希望分管领导帮助协调解决。',
];

const AGREED = ['双方一致认为要把问题找准、把原因析透，在民主生活会上开展严肃认真的批评和自我批评。', '约定会后互相监督整改落实情况。'];

/** Talks for the demo meeting (fictional): almost every required pair covered, a few still missing; three study sessions. */
export const talksDemo: DemoPart = async (call, ids) => {
  const m = ids.memberIds;
  const heads: number[] = [];
  for (const h of DEMO_DEPARTMENT_HEADS) {
    const person = await must(call, 'talkPeople.create', {
      teamId: ids.teamId,
      person: { kind: 'department_head', name: h.name, department: h.department, position: h.position, overseerMemberId: m[h.overseer] },
    });
    heads.push(person.id);
  }
  let day = -12;
  const talk = async (type: TalkType, a: { memberId: number | null; personId: number | null }, b: { memberId: number | null; personId: number | null }, points: [string, string], topic: string, place: string) => {
    day = day >= -2 ? -12 : day + 1;
    await must(call, 'talks.create', {
      meetingId: ids.meetingId,
      talk: {
        date: addDays(ids.today, day),
        place,
        type,
        topic,
        agreed: AGREED.join(''),
        recorder: '郭文静',
        participants: [
          { ...a, points: points[0] },
          { ...b, points: points[1] },
        ],
      },
    });
  };
  const member = (i: number) => ({ memberId: m[i], personId: null });
  for (let i = 1; i < m.length; i++) {
    await talk('secretary_member', member(0), member(i), SECRETARY_POINTS[i % SECRETARY_POINTS.length], '交流思想、查找问题，为开好巡察整改专题民主生活会作准备', '县长办公室');
  }
  const missing = new Set(DEMO_MISSING_MEMBER_PAIRS.map(([a, b]) => `${a}|${b}`));
  let n = 0;
  for (let i = 1; i < m.length; i++) {
    for (let j = i + 1; j < m.length; j++) {
      if (missing.has(`${i}|${j}`)) continue;
      // Every third talk is started by the junior side: coverage does not depend on who initiated.
      const [a, b] = n % 3 === 2 ? [j, i] : [i, j];
      await talk('member_member', member(a), member(b), MEMBER_POINTS[n++ % MEMBER_POINTS.length], '相互提醒、坦诚交心', '县政府小会议室');
    }
  }
  for (let k = 0; k < heads.length; k++) {
    if (k === DEMO_MISSING_HEAD) continue;
    await talk('member_department', member(DEMO_DEPARTMENT_HEADS[k].overseer), { memberId: null, personId: heads[k] }, HEAD_POINTS, '听取分管部门对班子和本人的意见建议', `${DEMO_DEPARTMENT_HEADS[k].department}会议室`);
  }

  const everyone = m.filter((_, i) => i !== 4);
  const sessions = [
    { day: -10, form: 'center_group', topic: '集中学习习近平新时代中国特色社会主义思想和上级关于开好专题民主生活会的通知精神', hours: 3, notes: '县政府党组理论学习中心组学习，林向东主持。' },
    { day: -7, form: 'lecture', topic: '邀请县委党校教授作“以巡察整改推动高质量发展”专题辅导', hours: 2, notes: '县直部门主要负责人列席。' },
    { day: -4, form: 'seminar', topic: '围绕巡察反馈的4个方面18个问题开展集中研讨', hours: 3.5, notes: '每位班子成员结合分管工作作研讨发言。' },
  ] as const;
  for (const s of sessions) {
    await must(call, 'study.create', {
      meetingId: ids.meetingId,
      session: { date: addDays(ids.today, s.day), form: s.form, topic: s.topic, hours: s.hours, notes: s.notes, attendeeIds: s.form === 'lecture' ? m : everyone },
    });
  }
};
