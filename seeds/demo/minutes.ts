import { addDays } from '../../electron/common/meetings/steps';
import type { MinutesConsole } from '../../electron/common/api/minutes';
import type { EntryType } from '../../electron/common/minutes/types';
import { must } from './call';
import type { DemoPart } from './index';
import { DEMO_GUESTS } from './team';

const SELF: Record<string, string> = {
  林向东: '对照检查，我在统筹发展和安全上存在短板，对县域经济结构性矛盾研究不深，有的重大项目前期论证不够充分，推进中出现反复。',
  周明华: '我在防范化解地方政府债务风险上办法不多，对平台公司转型发展谋划不够，财政资金绩效管理还停留在面上。',
  陈晓燕: '我深入基层学校、卫生院调研不够经常，对群众反映强烈的看病难、入学难问题推动解决的力度不够。',
  王建国: '我在推进乡村振兴上存在“重项目、轻运营”的倾向，有的产业项目建成后效益不明显。',
  赵立新: '我对基层矛盾纠纷源头化解重视不够，有的信访积案化解进度偏慢。',
  孙丽娟: '我在优化营商环境上存在“文件多、落地少”的问题，对企业反映的堵点回应还不够及时。',
  刘志强: '我对生态环境问题整改的跟踪督导不够，有的问题出现反弹。',
  黄海峰: '我在统筹办文办会上存在重形式、轻实效的现象，精文减会落实不够到位。',
};

const CRITICISMS = [
  '调查研究多是“打招呼”式的安排，直接到基层“解剖麻雀”的少，掌握的情况不够鲜活。',
  '抓工作部署多、督促检查少，有的工作布置下去后跟踪问效不够。',
  '对分管部门要求不够严格，对苗头性、倾向性问题提醒不够及时。',
  '批评下属时有时方式方法欠妥，容易挫伤干部积极性。',
  '对巡察反馈问题的整改有“交账”思想，举一反三、建章立制不够。',
  '学习党的创新理论存在“急用先学”的倾向，系统学习、深入思考不够。',
  '落实“一岗双责”不够有力，对分管领域党风廉政建设研究部署偏少。',
  '有时存在“等靠要”思想，开拓创新、攻坚克难的劲头不足。',
  '对分管领域风险隐患排查还不够彻底，有的问题发现不及时。',
  '联系服务群众不够经常，对群众“急难愁盼”问题回应不够及时。',
  '会议和文件精简不够，基层反映的迎检负担问题还没有得到根本解决。',
];

const RESPONSE = '诚恳接受同志们的批评意见，会后逐条梳理，列入个人整改清单，立行立改、长期坚持。';

/**
 * A finished 年度 meeting of the same team a year earlier, with finalised minutes: the minutes console, the
 * report and the rectification list of this year have last year's record to look back on (回头看).
 */
export const minutesDemo: DemoPart = async (call, ids) => {
  const date = addDays(ids.today, -350);
  const meeting = await must(call, 'meetings.create', {
    teamId: ids.teamId,
    kind: 'annual',
    trigger: null,
    triggerReason: '',
    // Held early in the year, it reviews the year before.
    year: Number(addDays(date, -60).slice(0, 4)),
    theme: '深入学习贯彻党的创新理论，凝心聚力推动县域高质量发展',
    date,
    startTime: '08:30',
    place: '县政府常务会议室',
    hostMemberId: ids.memberIds[0],
    recorder: '郭文静',
    quorumRatio: 2 / 3,
    aspects: [{ label: '在加强政治建设、提高政治能力方面' }, { label: '在履职尽责、担当作为方面' }, { label: '在落实全面从严治党责任方面' }],
    guests: DEMO_GUESTS.map((g) => ({ ...g, position: g.position.replace('第三督导组', '第一督导组') })),
  });
  await must(call, 'attendance.set', { meetingId: meeting.id, memberId: ids.memberIds[6], present: false, absenceReason: 'leave', note: '因病住院' });
  let state = await must(call, 'minutes.prepare', { meetingId: meeting.id });
  const names = new Map(state.members.map((m) => [m.id, m.name]));
  let n = 0;
  const entry = async (s: MinutesConsole, type: EntryType, text: string, fromMemberId: number | null, toMemberId: number | null, fromGuest = '') =>
    must(call, 'minutes.saveEntry', {
      meetingId: meeting.id, key: `demo${meeting.id}n${String(n++).padStart(5, '0')}`, revision: 1, agendaItemId: s.cursor.itemId as number,
      type, fromMemberId, fromGuest, toMemberId, aspectId: type === 'criticism' ? meeting.aspects[n % meeting.aspects.length].id : null, text, draft: false,
    });
  const promoted: number[] = [];
  for (let step = 0; step < 200; step++) {
    state = await must(call, 'minutes.advance', { meetingId: meeting.id, to: { mode: 'nextSpeaker' } });
    const item = state.agenda.find((a) => a.id === state.cursor.itemId);
    const speech = state.cursor.speech;
    if (!item || !speech) break;
    const who = speech.memberId;
    const target = item.memberId;
    switch (item.kind) {
      case 'opening':
        await entry(state, 'host', `主持人宣布会议开始。本次会议应到${state.members.length}人，实到${state.members.filter((m) => m.present).length}人，刘志强同志因病请假。市委第一督导组到会指导。`, who, null);
        break;
      case 'last_year':
        await entry(state, 'report', '上年度民主生活会查摆的5个方面23个问题，已完成整改20个，3个需长期坚持的问题正在持续推进。', who, null);
        break;
      case 'opinions':
        await entry(state, 'report', '会前通过座谈会、征求意见表等方式征求意见建议，共收集意见建议86条，梳理归纳为41条，均已原汁原味反馈本人。', who, null);
        break;
      case 'inquiries':
        await entry(state, 'report', '本年度班子成员未受到谈话函询。', who, null);
        break;
      case 'team_check':
        await entry(state, 'self_criticism', '代表县政府党组作对照检查：班子在推动高质量发展上办法不多、在落实全面从严治党责任上压力传导不够、在服务群众上还有差距。', who, null);
        break;
      case 'member_round':
        if (speech.role === 'self') await entry(state, 'self_criticism', SELF[names.get(who as number) ?? ''] ?? '作个人对照检查发言。', who, null);
        else if (speech.role === 'criticism') {
          const saved = await entry(state, 'criticism', CRITICISMS[(step * 7) % CRITICISMS.length], who, target);
          if (step % 5 === 0) await entry(state, 'criticism', CRITICISMS[(step * 3 + 1) % CRITICISMS.length], who, target);
          if (promoted.length < 3 && step % 4 === 0) promoted.push(saved.id);
        } else await entry(state, 'response', RESPONSE, who, null);
        break;
      case 'supervisor':
        await entry(state, 'comment', '这次民主生活会准备充分、主题鲜明，批评和自我批评开门见山、直指问题，达到了红红脸、出出汗、咬咬耳朵、扯扯袖子的效果。', null, null, speech.guestName);
        break;
      case 'pledge':
        await entry(state, 'response', '对照检查发言和同志们的批评意见，将逐条列入整改清单，以实际行动抓好整改落实。', who, null);
        break;
      case 'summary':
        await entry(state, 'host', '会议开得严肃认真，达到了预期目的。会后要抓好整改落实，确保件件有着落、事事有回音。', who, null);
        break;
      default:
        break;
    }
  }
  for (const id of promoted) await must(call, 'minutes.promote', { entryId: id, promoted: true });
  await must(call, 'minutes.finalize', { meetingId: meeting.id, hostConfirmed: names.get(ids.memberIds[0]) ?? '林向东', recorderConfirmed: '郭文静' });
};
