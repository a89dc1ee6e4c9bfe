import { addDays } from '../../electron/common/meetings/steps';
import type { Input } from '../../electron/common/api';
import { must, type Call } from './call';
import { demoEvidencePdf } from './evidencePdf';
import type { DemoIds, DemoPart } from './index';

/**
 * Two 整改清单 (fictional content), both built through the real channels:
 * - last year's 年度 meeting (see minutes.ts): the list agreed ten days after the meeting, built from the criticisms
 *   promoted in its minutes and from the self-criticisms, then a year of follow-up: progress, 督办 and 回头看
 *   entries, four items 销号, one 已完成待验收, one 长期坚持, one past its deadline, one deadline changed with a reason;
 * - this meeting: a draft list being built, some items from this year's opinions, some typed by hand, and last
 *   year's overdue item carried over (上年未完成); its 通报上年度整改落实情况 is generated from last year's list.
 * Member indexes follow DEMO_MEMBERS: 0 林向东 … 7 黄海峰.
 */
type Deadline = { kind: 'date' | 'immediate' | 'ongoing'; date: string | null };
type Progress = { day: number; kind: 'supervision' | 'review' | 'progress'; text: string; by?: string; status?: 'in_progress' | 'done_pending' | 'closed'; acceptor?: string; evidence?: string[]; noEvidenceReason?: string };

/** Days are counted from last year's meeting day. */
interface LastYearItem {
  /** Where it comes from in last year's minutes: a promoted criticism (by its order) or a member's self-criticism. */
  from: { promoted: number } | { selfOf: number };
  /** About the 班子 (the team check) rather than one member. */
  team?: boolean;
  /** Index in last year's aspects: 0 政治建设, 1 履职尽责, 2 全面从严治党. */
  aspect: number;
  problem: string;
  target: string;
  measures: string[];
  leaders: number[];
  unit: string;
  owner: string;
  deadline: { kind: 'date'; day: number } | { kind: 'immediate' | 'ongoing' };
  progress: Progress[];
}

const LAST_YEAR: LastYearItem[] = [
  {
    from: { promoted: 0 },
    aspect: 0,
    problem: '抓工作部署多、督促检查少，有的工作布置下去后跟踪问效不够，个别重点任务推进中出现“中梗阻”。',
    target: '县政府重点工作全部纳入台账管理，按月调度、按季通报，滞后事项当季清零。',
    measures: ['建立县政府重点工作台账，实行“交办—督办—反馈—销号”闭环管理', '每季度召开一次重点工作推进会，通报进度、约谈滞后单位'],
    leaders: [0],
    unit: '县政府办公室',
    owner: '县政府督查室 方志远',
    deadline: { kind: 'date', day: 120 },
    progress: [
      { day: 35, kind: 'progress', text: '重点工作台账已建立，纳入年度重点任务23项，逐项明确责任单位和完成时限。', status: 'in_progress', evidence: ['县政府2026年重点工作台账（扫描件）.pdf'] },
      { day: 98, kind: 'review', text: '回头看：一季度推进会已召开，通报滞后事项4项，约谈责任单位2个，滞后事项均已整改到位。', status: 'done_pending', evidence: ['一季度重点工作推进会纪要.pdf'] },
      { day: 105, kind: 'review', text: '经县纪委监委派驻第一纪检监察组验收，闭环机制运行正常，同意销号。', status: 'closed', acceptor: '杨光' },
    ],
  },
  {
    from: { promoted: 1 },
    aspect: 2,
    problem: '对分管部门要求不够严格，对苗头性、倾向性问题提醒不够及时，分管领域廉政风险防控存在薄弱环节。',
    target: '分管部门全部建立廉政风险防控台账，主要负责人提醒谈话全覆盖。',
    measures: ['与分管部门主要负责人逐一开展提醒谈话', '督促分管部门梳理廉政风险点，建立防控台账并每半年更新'],
    leaders: [1],
    unit: '县财政局、县发展改革局',
    owner: '县财政局 李明',
    deadline: { kind: 'date', day: 150 },
    progress: [
      { day: 40, kind: 'progress', text: '已与分管的5个部门主要负责人开展提醒谈话，梳理廉政风险点47个。', status: 'in_progress' },
      { day: 138, kind: 'review', text: '5个部门廉政风险防控台账全部建立，经验收合格，予以销号。', status: 'closed', acceptor: '林向东', evidence: ['分管部门廉政风险防控台账（汇总，扫描件）.pdf'] },
    ],
  },
  {
    from: { promoted: 2 },
    aspect: 1,
    problem: '批评下属时有时方式方法欠妥，容易挫伤干部积极性。',
    target: '改进工作方法，做到严管与厚爱结合。',
    measures: ['在分管部门干部会上作说明，听取意见', '结合谈心谈话了解干部思想状况，做好关心关爱'],
    leaders: [2],
    unit: '县教育局、县卫生健康局',
    owner: '县政府办公室 秘书科 周婷',
    deadline: { kind: 'immediate' },
    progress: [{ day: 28, kind: 'review', text: '已在分管部门干部会上作说明，并与12名中层干部谈心谈话，立行立改到位。', status: 'closed', acceptor: '林向东', noEvidenceReason: '立行立改事项，验收人现场核实，未形成书面材料' }],
  },
  {
    from: { selfOf: 0 },
    team: true,
    aspect: 2,
    problem: '落实全面从严治党主体责任压力传导不够，“一岗双责”层层递减现象仍不同程度存在。',
    target: '党组每季度专题研究全面从严治党工作，班子成员履行“一岗双责”情况纳入年度述职。',
    measures: ['党组每季度召开会议专题研究全面从严治党工作', '班子成员每年到分管部门讲廉政党课不少于1次'],
    leaders: [0, 1],
    unit: '县政府办公室',
    owner: '县政府办公室 郭文静',
    deadline: { kind: 'ongoing' },
    progress: [
      { day: 110, kind: 'progress', text: '党组已召开全面从严治党专题会议1次，班子成员讲廉政党课3次。' },
      { day: 290, kind: 'progress', text: '党组本年度已专题研究全面从严治党工作3次，班子成员讲廉政党课8次，持续推进。' },
    ],
  },
  {
    from: { selfOf: 2 },
    aspect: 1,
    problem: '深入基层学校、卫生院调研不够经常，对群众反映强烈的看病难、入学难问题推动解决力度不够。',
    target: '每季度到学校、卫生院调研不少于1次，推动解决群众反映的突出问题不少于5件。',
    measures: ['制定分管领域年度调研计划', '建立群众反映问题台账，逐件跟踪销号'],
    leaders: [2],
    unit: '县教育局、县卫生健康局',
    owner: '县卫生健康局 冯晓梅',
    deadline: { kind: 'date', day: 200 },
    progress: [
      { day: 60, kind: 'progress', text: '已到乡镇卫生院、农村学校调研4次，建立群众反映问题台账，列入问题9件。', status: 'in_progress' },
      { day: 185, kind: 'review', text: '台账9件问题已解决7件，其余2件纳入年度民生实事，经验收同意销号。', status: 'closed', acceptor: '林向东', evidence: ['群众反映问题台账（扫描件）.pdf', '调研报告（卫生院人才队伍）.pdf'] },
    ],
  },
  {
    from: { selfOf: 7 },
    aspect: 1,
    problem: '统筹办文办会存在重形式、轻实效的现象，精文减会落实不够到位，基层迎检负担仍然较重。',
    target: '县政府层面发文、会议数量同比压减15%以上。',
    measures: ['实行发文计划管理，能不发的坚决不发', '合并同类会议，推行视频会议直达乡镇'],
    leaders: [7],
    unit: '县政府办公室',
    owner: '县政府办公室 秘书科 周婷',
    deadline: { kind: 'date', day: 260 },
    progress: [
      { day: 120, kind: 'progress', text: '出台精文减会十条措施，一季度发文同比减少12%。', status: 'in_progress' },
      { day: 250, kind: 'progress', text: '前三季度县政府发文同比减少18%、会议减少21%，已完成整改，待验收。', status: 'done_pending', evidence: ['精文减会情况统计表（扫描件）.pdf'] },
    ],
  },
  {
    from: { selfOf: 1 },
    aspect: 1,
    problem: '防范化解地方政府债务风险办法不多，对平台公司转型发展谋划不够。',
    target: '平台公司完成市场化转型，债务规模控制在市定限额以内。',
    measures: ['制定平台公司整合转型方案', '建立政府债务风险月监测、季通报制度'],
    leaders: [1],
    unit: '县财政局',
    owner: '县财政局 李明',
    deadline: { kind: 'date', day: 300 },
    progress: [
      { day: 90, kind: 'progress', text: '债务风险月监测制度已建立，平台公司整合转型方案已报县政府常务会审议。', status: 'in_progress' },
      { day: 280, kind: 'progress', text: '3家平台公司已整合为1家，正在办理资产划转和市场化融资手续。' },
    ],
  },
  {
    from: { selfOf: 3 },
    aspect: 1,
    problem: '推进乡村振兴存在“重项目、轻运营”倾向，有的产业项目建成后运营主体不落实，效益不明显。',
    target: '已建成的产业项目全部落实运营主体，闲置项目全部盘活。',
    measures: ['对全县产业项目开展运营情况评估', '逐个项目引入运营主体，建立联农带农机制'],
    leaders: [3],
    unit: '县农业农村局',
    owner: '县农业农村局 钱国庆',
    deadline: { kind: 'date', day: 210 },
    progress: [
      { day: 90, kind: 'progress', text: '已对全县23个产业项目开展运营评估，发现运营主体不落实的项目3个。', status: 'in_progress' },
      { day: 225, kind: 'supervision', text: '县政府督查室督办：3个项目中仍有2个未落实运营主体，已超过整改时限，要求一个月内提出解决方案。', by: '方志远' },
      { day: 300, kind: 'progress', text: '1个项目已引入村集体合作社运营，另2个项目正在与企业洽谈，受市场行情影响进度滞后。' },
    ],
  },
];

/** The change recorded after agreement: item 7's deadline, moved with who and why. */
const CHANGED = { index: 6, toDaysAfterToday: 35, by: '郭文静', reason: '按省里调整后的债务化解方案，平台公司资产划转需延至年底完成' };

/** This meeting's draft items. */
const CURRENT: { aspect: number; problem: string; target: string; measures: string[]; leaders: number[]; unit: string; owner: string; deadline: Deadline; member?: number }[] = [
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

type Ids = Parameters<DemoPart>[1];
type ItemInput = Input<'rectification.createItem'>['item'];

/** Last year's agreed list with a year of follow-up; returns the item ids in list order. */
async function lastYearList(call: Call, ids: Ids, meeting: { id: number; date: string }): Promise<number[]> {
  const details = await must(call, 'meetings.get', { id: meeting.id });
  const minutes = await must(call, 'minutes.console', { meetingId: meeting.id });
  const promoted = minutes.entries.filter((e) => e.promotedAt !== null && e.type === 'criticism').map((e) => e.id);
  const sources = await must(call, 'rectification.sources', { meetingId: meeting.id });
  const day = (n: number) => addDays(meeting.date, n);
  for (const item of LAST_YEAR) {
    const source =
      'promoted' in item.from
        ? sources.find((s) => s.type === 'criticism' && s.id === promoted[(item.from as { promoted: number }).promoted])
        : sources.find((s) => s.type === 'self_check' && s.memberId === ids.memberIds[(item.from as { selfOf: number }).selfOf] && (item.team ? s.text.startsWith('代表') : !s.text.startsWith('代表')));
    if (!source) throw new Error(`demo: last year's source for 「${item.problem.slice(0, 12)}」 is missing`);
    const fields: ItemInput = {
      aspectId: details.aspects[item.aspect]?.id ?? null,
      memberId: item.team ? null : source.memberId,
      problem: item.problem,
      target: item.target,
      measures: item.measures,
      leaderIds: item.leaders.map((i) => ids.memberIds[i]),
      unit: item.unit,
      ownerPerson: item.owner,
      deadline: item.deadline.kind === 'date' ? { kind: 'date', date: day(item.deadline.day) } : { kind: item.deadline.kind, date: null },
      note: '',
    };
    await must(call, 'rectification.createItem', { meetingId: meeting.id, item: fields, sources: [{ type: source.type, id: source.id }] });
  }
  const agreed = await must(call, 'rectification.agree', { meetingId: meeting.id, agreedOn: day(10), agreedBy: '林向东' });
  const itemIds = agreed.items.map((i) => i.id);
  // A year of follow-up, in date order as it was recorded.
  const entries = LAST_YEAR.flatMap((item, index) => item.progress.map((p) => ({ ...p, itemId: itemIds[index] }))).sort((a, b) => a.day - b.day);
  for (const p of entries) {
    await must(call, 'rectification.addProgress', {
      itemId: p.itemId,
      date: day(p.day),
      kind: p.kind,
      text: p.text,
      by: p.by ?? '郭文静',
      statusTo: p.status ?? null,
      acceptor: p.acceptor ?? '',
      evidence: (p.evidence ?? []).map((name) => ({ name, file: demoEvidencePdf(name) })),
      ...(p.noEvidenceReason ? { noEvidenceReason: p.noEvidenceReason } : {}),
    });
  }
  await must(call, 'rectification.updateItem', {
    itemId: itemIds[CHANGED.index],
    patch: { deadline: { kind: 'date', date: addDays(ids.today, CHANGED.toDaysAfterToday) } },
    change: { by: CHANGED.by, reason: CHANGED.reason },
  });
  return itemIds;
}

export const rectificationDemo: DemoPart = async (call: Call, ids) => {
  const meeting = await must(call, 'meetings.get', { id: ids.meetingId });
  const earlier = (await must(call, 'meetings.list', { teamId: ids.teamId })).filter((m) => m.id !== ids.meetingId && m.date < meeting.date).sort((a, b) => b.date.localeCompare(a.date))[0];
  const lastYearIds = earlier ? await lastYearList(call, ids, earlier) : [];

  const sources = await must(call, 'rectification.sources', { meetingId: ids.meetingId });
  for (const [index, item] of CURRENT.entries()) {
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
  if (earlier && lastYearIds.length > 0) await carryOverdue(call, ids, earlier.id, meeting.aspects[4]?.id ?? null);
};

/** Last year's overdue items come into this list as 上年未完成, with this meeting's aspect and a new deadline. */
async function carryOverdue(call: Call, ids: DemoIds & { today: string }, lastYearMeetingId: number, aspectId: number | null): Promise<void> {
  const lastYear = await must(call, 'rectification.get', { meetingId: lastYearMeetingId });
  const overdue = lastYear.items.filter((i) => i.overdue).map((i) => i.id);
  if (overdue.length === 0) return;
  const list = await must(call, 'rectification.carryItems', { meetingId: ids.meetingId, itemIds: overdue });
  for (const item of list.items.filter((i) => i.sources.some((s) => s.type === 'last_year'))) {
    await must(call, 'rectification.updateItem', { itemId: item.id, patch: { aspectId, deadline: { kind: 'date', date: addDays(ids.today, 120) } } });
  }
}
