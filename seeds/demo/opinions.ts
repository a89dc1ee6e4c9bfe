import { addDays } from '../../electron/common/meetings/steps';
import { must } from './call';
import type { DemoPart } from './index';

/**
 * Fictional opinions gathered for the 青溪县人民政府党组 meeting: a symposium, interviews, returned forms and the
 * suggestion box, named and anonymous, with near-duplicates left for the secretary to merge (one pair already merged).
 * Member indexes follow DEMO_MEMBERS: 0 林向东 … 7 黄海峰; aspect indexes follow DEMO_ASPECTS.
 */
type Seed = { text: string; target: number | null; aspect: number | null };

const SYMPOSIUM: Seed[] = [
  { text: '县政府党组传达学习上级会议精神比较及时，但结合青溪实际研究具体落实举措不够，有的部署停留在转发文件层面。', target: null, aspect: 0 },
  { text: '巡察反馈的“项目审批慢”问题整改进度不快，企业办事仍要多头跑、反复跑。', target: null, aspect: 2 },
  { text: '县政府常务会议题较多，有的议题会前征求意见不充分，会上临时动议的情况仍有发生。', target: null, aspect: 0 },
  { text: '希望周明华副县长在推进县属国有企业改革中多听取基层企业意见，改革方案要更接地气。', target: 1, aspect: 4 },
];

const INTERVIEWS: (Seed & { submitter: string; source: string })[] = [
  { text: '陈晓燕同志到基层学校调研次数较多，但对农村学校教师周转房问题跟踪督办不够，有的问题反映两年还没解决。', target: 2, aspect: 4, submitter: '李国庆', source: '县教育局' },
  { text: '王建国同志对高标准农田建设项目质量监管抓得不够细，个别乡镇存在重建设轻管护的情况。', target: 3, aspect: 2, submitter: '钱文斌', source: '县农业农村局' },
  { text: '政府办文办会效率有提升，但有的文件流转环节多，基层反映材料报送要求重复。', target: 7, aspect: 3, submitter: '张海燕', source: '青溪镇人民政府' },
];

const FORMS: Seed[] = [
  { text: '基层减负工作还有差距，督查检查考核事项多，台账材料要求多，“文山会海”问题有所反弹。', target: null, aspect: 3 },
  { text: '督查检查考核过多过频，基层迎检任务重，各类台账材料多，文山会海现象仍然存在。', target: null, aspect: 3 },
  { text: '对巡察指出的问题整改还不够彻底，有的问题存在“表面整改”现象，建立长效机制不够。', target: null, aspect: 2 },
  { text: '巡察反馈问题整改有的不够彻底，存在表面整改的情况，长效机制建设不够。', target: null, aspect: 2 },
  { text: '林向东同志抓全局工作有力，但深入基层一线蹲点调研的时间相对较少，听取群众意见的渠道还需拓宽。', target: 0, aspect: 4 },
  { text: '孙丽娟同志推动营商环境优化有成效，建议对企业反映的涉企检查过多问题进一步跟踪解决。', target: 5, aspect: 2 },
  { text: '刘志强同志分管的老旧小区改造项目，部分小区施工期间群众意见较大，沟通解释工作不到位。', target: 6, aspect: 4 },
  { text: '赵立新同志抓信访积案化解力度大，但对个别重复信访件的源头治理还需加强。', target: 4, aspect: 4 },
  { text: '班子成员之间开展批评时顾虑较多，相互提醒不够，批评与自我批评辣味不足。', target: null, aspect: 1 },
];

const BOX: Seed[] = [
  { text: '个别领导干部公务接待仍有超标准的苗头，希望严格执行中央八项规定精神。', target: null, aspect: 3 },
  { text: '部分分管部门对“四风”问题的隐形变异表现警惕性不高，监督检查流于形式。', target: null, aspect: 1 },
  { text: '希望县领导多到村里走走，少看“盆景”，多看“背景”，真正了解群众的难处。', target: null, aspect: 4 },
  { text: '周明华同志在财政资金调度上有时考虑部门意见多，对乡镇实际困难考虑不够。', target: 1, aspect: 4 },
];

export const opinionsDemo: DemoPart = async (call, ids) => {
  const meeting = await must(call, 'meetings.get', { id: ids.meetingId });
  const aspect = (i: number | null) => (i === null ? null : (meeting.aspects[i]?.id ?? null));
  const target = (i: number | null) => (i === null ? null : ids.memberIds[i]);
  const day = (n: number) => addDays(ids.today, -n);
  const base = { source: '', anonymous: true, submitter: '' };
  const created: { id: number; text: string }[] = [];
  const add = async (channel: 'symposium' | 'interview' | 'form' | 'box', date: string, seed: Seed & { submitter?: string; source?: string }, anonymous: boolean) => {
    const o = await must(call, 'opinions.create', {
      meetingId: ids.meetingId,
      opinion: { ...base, channel, date, text: seed.text, targetMemberId: target(seed.target), aspectId: aspect(seed.aspect), anonymous, submitter: seed.submitter ?? '', source: seed.source ?? '' },
    });
    created.push({ id: o.id, text: o.text });
  };
  for (const s of SYMPOSIUM) await add('symposium', day(9), { ...s, source: '县直部门主要负责同志座谈会' }, true);
  for (const s of INTERVIEWS) await add('interview', day(8), s, false);
  for (const s of FORMS) await add('form', day(6), { ...s, source: '县直各部门、各乡镇（盖章）' }, true);
  for (const s of BOX) await add('box', day(5), s, true);
  await must(call, 'opinions.setForms', { meetingId: ids.meetingId, channel: 'form', issued: 110, returned: 63 });
  // One duplicate pair already merged by the secretary; the 文山会海 pair is left for the suggestions.
  const rectification = created.filter((c) => c.text.includes('表面整改')).map((c) => c.id);
  await must(call, 'opinions.merge', {
    meetingId: ids.meetingId,
    opinionIds: rectification,
    text: '巡察反馈问题整改不够彻底，存在“表面整改”现象，长效机制建设不够。',
    targetMemberId: null,
    aspectId: aspect(2),
    handling: 'rectify',
    note: '',
  });
};
