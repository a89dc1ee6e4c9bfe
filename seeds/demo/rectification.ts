import { must, type Call } from './call';
import type { DemoPart } from './index';

/**
 * A draft 整改清单 on the demo meeting (fictional content). When an earlier meeting of the team exists in the demo,
 * its list would be the place for an agreed, followed-up list; the demo has none yet, so the current meeting shows
 * the list being built: some items from the registered sources, some typed by hand.
 */
const ITEMS: { aspect: number; problem: string; target: string; measures: string[]; leaders: number[]; unit: string; owner: string; deadline: { kind: 'date' | 'immediate' | 'ongoing'; date: string | null }; member?: number }[] = [
  {
    aspect: 0,
    problem: '学习贯彻上级决策部署有时停留在传达层面，结合青溪实际研究落实举措不够具体，个别部署存在“以文件落实文件”现象。',
    target: '重大决策部署均制定具体落实方案，明确责任单位和时间节点。',
    measures: ['建立“第一议题”学习后研究落实清单制度', '每季度对重大部署落实情况开展一次专项督查'],
    leaders: [0],
    unit: '县政府办公室',
    owner: '黄海峰',
    deadline: { kind: 'date', date: '2027-06-30' },
  },
  {
    aspect: 2,
    problem: '巡察反馈的政府投资项目审批流程不规范问题整改进度偏慢，3个项目手续补办尚未完成。',
    target: '3个项目手续全部补办到位，建立项目审批全流程台账。',
    measures: ['逐项目明确补办时限，实行周调度', '修订政府投资项目管理办法'],
    leaders: [1, 6],
    unit: '县发展改革局、县住房城乡建设局',
    owner: '县发展改革局 吴建军',
    deadline: { kind: 'date', date: '2027-03-31' },
  },
  {
    aspect: 3,
    problem: '文件会议仍然偏多，部分会议层层陪会，基层反映迎检材料负担较重。',
    target: '县政府层面发文、会议数量同比压减15%以上。',
    measures: ['实行会议计划管理，能合并的合并召开', '清理规范各类工作群和填报事项'],
    leaders: [7],
    unit: '县政府办公室',
    owner: '',
    deadline: { kind: 'immediate', date: null },
  },
  {
    aspect: 4,
    problem: '到分管领域基层一线调研偏少，对乡村振兴项目运营中的困难掌握不够深入。',
    target: '每季度到乡镇蹲点调研不少于1次，形成调研报告。',
    measures: ['制定个人年度调研计划', '建立调研发现问题跟踪销号台账'],
    leaders: [3],
    unit: '县农业农村局',
    owner: '县农业农村局 钱国庆',
    deadline: { kind: 'ongoing', date: null },
    member: 3,
  },
];

export const rectificationDemo: DemoPart = async (call: Call, ids) => {
  const meeting = await must(call, 'meetings.get', { id: ids.meetingId });
  const sources = await must(call, 'rectification.sources', { meetingId: ids.meetingId });
  for (const [index, item] of ITEMS.entries()) {
    // The first item is built from the first offered opinion, when the opinions part registered one.
    const source = index === 0 ? sources.find((s) => s.type === 'opinion') : undefined;
    await must(call, 'rectification.createItem', {
      meetingId: ids.meetingId,
      item: {
        aspectId: meeting.aspects[item.aspect]?.id ?? null,
        memberId: item.member !== undefined ? ids.memberIds[item.member] : null,
        problem: item.problem,
        target: item.target,
        measures: item.measures,
        leaderIds: item.leaders.map((i) => ids.memberIds[i]),
        unit: item.unit,
        ownerPerson: item.owner,
        deadline: item.deadline,
        note: '',
      },
      sources: source ? [{ type: source.type, id: source.id }] : [],
    });
  }
};
