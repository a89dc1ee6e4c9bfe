import { addDays } from '../../electron/common/meetings/steps';
import { problemItems, problemText, type Material } from '../../electron/common/materials';
import { must } from './call';
import type { DemoPart } from './index';

/**
 * Fictional 对照检查材料 of the 青溪县人民政府党组 meeting, in the styles the import fixtures cover (run-in aspects with
 * 一是/二是 and 比如, a single 主要是, numbered 1. items, 上年度整改落实情况 and 个人有关事项说明), imported through the
 * same preview channel as a pasted text. They sit in every review state: 周明华 approved, 王建国 returned with a
 * comment and a time limit, 陈晓燕 submitted, the 班子 still a draft; a few problems answer the opinions addressed to
 * their author. Member indexes follow DEMO_MEMBERS: 0 林向东 … 7 黄海峰.
 */
const ASPECT = {
  leadership: '在坚持和加强党的全面领导、贯彻落实上级决策部署方面',
  discipline: '在落实全面从严治党主体责任、推进党风廉政建设方面',
  inspection: '在推动巡察反馈问题整改、促进高质量发展方面',
  style: '在落实中央八项规定精神、纠治“四风”方面',
  duty: '在履职尽责、担当作为方面',
};

const zhou = (year: number) => `青溪县常务副县长周明华${year}年度专题民主生活会个人对照检查材料
按照县委关于召开县政府党组${year}年度专题民主生活会的通知要求，围绕巡察整改这一主题，会前我认真学习了规定篇目，通过座谈会、征求意见表、个别访谈等方式广泛听取意见，共收到涉及本人的意见建议2条，与班子成员和分管部门主要负责人开展谈心谈话11人次。在此基础上，我对照五个方面深入查摆，认真撰写了对照检查材料。现对照检查如下：
一、存在的主要问题
（一）${ASPECT.leadership}。一是理论学习的系统性不够。对党的创新理论满足于跟进学、碎片化学，联系财政经济工作实际思考不深。比如，参加县政府党组理论学习中心组学习时，发言多以工作汇报代替学习体会。二是贯彻落实存在层层衰减现象。对稳经济一揽子政策措施，存在以会议落实会议、以文件落实文件的情况。比如，对“六稳”“六保”工作，满足于部署安排，跟踪问效不够。
（二）${ASPECT.discipline}。一是“一岗双责”落实不够到位。对分管领域党风廉政建设，习惯于开会部署、签责任书，经常性提醒、约谈做得不够。二是对国有企业监管存在薄弱环节。对县属国有企业“三重一大”决策执行情况监督检查不够经常，个别企业存在先决策后上会的情况。
（三）${ASPECT.inspection}。一是推进县属国有企业改革听取基层意见不够。改革方案征求基层企业意见的范围偏窄，有的措施不够接地气。二是财政资金统筹调度不够精准。安排资金时考虑部门意见多，对乡镇实际困难研究不够。比如，${year}年上半年乡镇转移支付资金下达比计划推迟近2个月，影响了部分民生项目进度。
（四）${ASPECT.style}。主要是调查研究还不够深入。到基层调研先后6次，但蹲点式、解剖麻雀式调研少，听取乡镇和企业意见多在会议室里，形成的调研成果转化为政策措施的不多。
（五）${ASPECT.duty}。一是存在求稳怕乱思想。推进政府债务化解、国企改革等重点工作，担心触碰矛盾，改革的力度和深度不够。二是抓项目攻坚的劲头不足。面对土地、资金等要素制约，有时存在等靠思想。比如，城南污水处理厂二期项目计划投资1.5亿元，因前期手续办理迟缓，开工时间比计划推迟了4个月。
二、问题产生的原因
（一）理想信念有所弱化。对理论学习重视不够，没有真正把学习作为一种政治责任和精神追求，在思想深处还存在“业务工作是硬任务、理论学习是软指标”的认识偏差。
（二）宗旨意识有所淡化。随着职务提升，深入群众的时间少了，对乡镇和企业的所思所盼了解不够全面，以人民为中心的发展思想在具体工作中落实得不够到位。
（三）担当精神有所减退。面对复杂矛盾和风险挑战，有时瞻前顾后、求稳怕乱，在敢闯敢试上还有差距。
三、下步整改措施
（一）在强化理论武装上下功夫。认真落实“第一议题”制度，每月至少开展1次专题学习，年内撰写调研报告不少于3篇，切实做到学思用贯通、知信行统一。
（二）在推动巡察整改上下功夫。对巡察反馈的财政资金调度、国企监管问题建立台账、逐项销号；国企改革方案出台前，逐户听取县属企业和职工代表意见。
（三）在从严管党治党上下功夫。认真履行“一岗双责”，每半年听取1次分管部门党风廉政建设情况汇报，严格执行中央八项规定及其实施细则精神，始终保持清正廉洁的政治本色。
以上是我的个人对照检查，不妥之处，恳请同志们批评指正。
`;

const wang = (year: number) => `青溪县副县长王建国${year}年度专题民主生活会对照检查材料
按照县委统一部署，围绕巡察整改和推动高质量发展，我认真学习了规定篇目，主动征求分管部门、服务对象和基层干部群众意见建议，与县长及其他班子成员和分管部门负责人开展了谈心谈话。现对照检查如下：
一、存在的问题
（一）${ASPECT.leadership}。一是学习自觉性有所欠缺。忙于事务性工作，自学时间不够固定，对党中央关于“三农”工作的最新部署学习还停留在面上。比如，今年参加分管部门党组织专题学习仅2次。二是理论联系实际不够。运用党的创新理论指导农业农村工作的能力还不强，对粮食安全、耕地保护等重大问题思考不深。
（二）${ASPECT.inspection}。一是推动乡村全面振兴力度不够。对县域农业特色产业的培育缺乏长远规划，部分产业项目存在“重建设、轻运营”的问题。比如，${year - 2}年10月建成的冷链物流中心，目前利用率不足四成。二是耕地保护责任落实不够严格。对个别乡镇违规占用耕地问题发现不及时、处置不果断。
（三）${ASPECT.duty}。主要是面对困难矛盾有时缺乏迎难而上的魄力，对农村集体经济薄弱村的帮扶措施针对性不强，全县仍有8个村集体经济年收入低于10万元。
二、原因分析
（一）理论学习不够深入。没有把理论学习摆在应有位置，存在以干代学的倾向，运用理论解决实际问题的能力不强。
（二）政绩观有所偏差。对打基础、利长远的工作投入不够，存在急于求成的心态，对项目建成后的运营管理重视不够。
三、整改措施
（一）在筑牢思想根基上下功夫。坚持每周自学不少于4小时，每季度围绕农业农村重点工作开展1次专题调研。
（二）在推动乡村振兴上下功夫。研究制定特色产业发展三年行动方案，盘活冷链物流中心等存量资产，力争${year + 1}年底前全面消除集体经济年收入低于10万元的薄弱村。
以上对照检查，不妥之处，请批评指正。
`;

const chen = (year: number) => `${year}年度专题民主生活会个人对照检查材料
青溪县副县长\u3000陈晓燕
按照县委关于召开县政府党组专题民主生活会的部署要求，我认真学习了规定篇目，深入开展谈心谈话，广泛征求意见建议。结合思想和工作实际，现对照检查如下：
一、上年度民主生活会整改落实情况
${year - 1}年度民主生活会查摆的3个方面6个问题，已完成整改5个，1个正在推进中。一是理论学习不系统的问题。制定个人年度学习计划，全年参加中心组学习12次，已整改完成。二是城区学位紧张的问题。新建的城东小学已于${year}年9月投入使用，新增学位1620个，已整改完成。三是基层医疗服务能力不足的问题。县域医共体建设正在推进中。
二、查摆的问题
（一）${ASPECT.leadership}
主要是学习的深度和广度不够，满足于读原著、记笔记，对党中央关于教育、卫生健康工作的部署研究不深。比如，在组织全县教师开展专题学习时，形式较为单一，以集中宣讲为主。
（二）${ASPECT.inspection}
突出表现在：一是解决群众关心的教育热点问题力度不够，对农村学校教师周转房问题跟踪督办不够，有的问题反映两年还没解决；二是推进城乡教育均衡发展的办法不多，乡村学校师资力量薄弱问题仍较突出。
（三）${ASPECT.style}
一是深入基层调研不够，到农村学校和乡镇卫生院调研的次数偏少，全年仅4次；二是廉洁自律上还有松懈思想，对分管领域廉政风险的警惕性不高。
三、根源剖析
（一）党性修养有所放松。认为自己长期在教育系统工作，理想信念坚定，放松了党性锤炼。
（二）群众观点有所淡化。习惯于坐在办公室听汇报、看材料，对群众的呼声了解不深、不及时。
四、下步努力方向和整改措施
（一）强化理论学习。首先，要把学习党的创新理论同分管工作结合起来，每月自学不少于2次。其次，要把学习成果转化为推动教育卫生事业高质量发展的思路举措。
（二）着力办好民生实事。第一，年内启动农村学校教师周转房建设，逐校建立问题清单；第二，实施乡村教师支持计划，三年内为乡村学校补充教师200名。
五、个人有关事项说明
本人严格按照规定如实报告个人有关事项，不存在应报未报的情况。本年度没有受到谈话函询。
以上是我的对照检查，请大家批评帮助。
`;

const team = (year: number) => `中共青溪县人民政府党组领导班子
${year}年度专题民主生活会对照检查材料

根据县委组织部、县纪委监委关于开好专题民主生活会的通知精神，县政府党组把开好本次民主生活会作为一项重要政治任务，认真制定方案，深入开展学习研讨，通过召开座谈会、发放征求意见表、设置意见箱等形式，广泛征求意见建议。党组书记与班子成员之间、班子成员相互之间、班子成员与分管部门负责人之间普遍开展了谈心谈话。现对照检查如下：

一、存在的突出问题

（一）${ASPECT.leadership}
1.传达学习上级精神后研究落实不够。县政府党组传达学习上级会议精神比较及时，但结合青溪实际研究具体落实举措不够，有的部署停留在转发文件层面。
2.议事决策程序执行不够严格。县政府常务会议题较多，有的议题会前征求意见不充分，会上临时动议的情况仍有发生。
（二）${ASPECT.inspection}
1.巡察反馈问题整改不够彻底。有的问题存在“表面整改”现象，建立长效机制不够。比如，巡察反馈的“项目审批慢”问题，企业办事仍要多头跑、反复跑。
2.基层减负工作还有差距。督查检查考核事项多，台账材料要求多，“文山会海”问题有所反弹。
（三）${ASPECT.style}
1.落实中央八项规定精神还有薄弱环节。个别部门公务接待仍有超标准的苗头，对“四风”问题隐形变异表现警惕性不高。

二、原因剖析

（一）理论武装还不够到位
党组对理论学习的重要性认识不足，学习的系统性、针对性不强，用党的创新理论指导政府工作实践的能力还有差距。
（二）责任担当还不够强
面对改革发展中的困难和矛盾，存在畏难情绪，攻坚克难的劲头不足，缺少“钉钉子”的精神。

三、整改措施

（一）在加强理论武装上持续用力。
一要健全学习制度，严格落实党组理论学习中心组学习制度，每季度至少开展1次专题研讨；二要注重学用结合，围绕高质量发展开展课题调研。
（二）在推动巡察整改上持续用力。
一要实行问题清单化管理，对巡察反馈问题挂图作战、逐项销号；二要精简督查检查考核事项，切实为基层减负。

以上对照检查，不妥之处，请同志们批评指正。
`;

export const materialsDemo: DemoPart = async (call, ids) => {
  const meeting = await must(call, 'meetings.get', { id: ids.meetingId });
  const year = meeting.year;
  const add = async (memberId: number | null, text: string) => {
    const preview = await must(call, 'materials.parse', { source: 'text', text });
    return must(call, 'materials.create', { meetingId: ids.meetingId, memberId, content: preview.material });
  };
  /** Links the problem containing `problem` to the opinions addressed to the author that contain `opinion`. */
  const link = async (material: Awaited<ReturnType<typeof add>>, problem: string, opinion: string) => {
    const node = findProblem(material.content, problem);
    const opinionIds = material.opinions.filter((o) => o.text.includes(opinion)).map((o) => o.id);
    if (node && opinionIds.length > 0) await must(call, 'materials.link', { id: material.id, nodeId: node, opinionIds });
  };
  const supervisor = meeting.guests.find((g) => g.kind === 'supervisor')?.name ?? '督导组';

  const zhouMaterial = await add(ids.memberIds[1], zhou(year));
  await link(zhouMaterial, '推进县属国有企业改革听取基层意见不够', '国有企业改革');
  await link(zhouMaterial, '财政资金统筹调度不够精准', '财政资金调度');
  await must(call, 'materials.submit', { id: zhouMaterial.id, note: '' });
  await must(call, 'materials.review', { id: zhouMaterial.id, decision: 'approve', reviewer: supervisor, comment: '问题查摆具体，原因剖析到位，同意。', deadline: null });

  const wangMaterial = await add(ids.memberIds[3], wang(year));
  await must(call, 'materials.submit', { id: wangMaterial.id, note: '初稿' });
  await must(call, 'materials.review', {
    id: wangMaterial.id,
    decision: 'return',
    reviewer: supervisor,
    comment: '征求意见中反映的“高标准农田建设重建设轻管护”问题在材料中没有回应，请补充查摆并在整改措施中对应；原因分析偏于笼统，请结合分管工作深入剖析。',
    deadline: addDays(ids.today, 2),
  });

  const chenMaterial = await add(ids.memberIds[2], chen(year));
  await link(chenMaterial, '农村学校教师周转房', '周转房');
  await must(call, 'materials.submit', { id: chenMaterial.id, note: '已对照征求意见逐条回应' });

  await add(null, team(year));
};

function findProblem(content: Material, text: string): string | null {
  return problemItems(content).find((p) => problemText(p.item).includes(text))?.item.id ?? null;
}
