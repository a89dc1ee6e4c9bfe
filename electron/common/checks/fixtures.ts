// Test fixtures of the honesty checks: short materials written for the tests (not copied from anywhere), so each
// similarity case has a known answer.

/** Paragraphs, each distinct from the others (no 18-character run in common). */
export const P = {
  study: '理论学习的自觉性不够强，满足于参加中心组集中学习，自学时间安排偏少，去年全年只撰写心得体会两篇，学用结合还有差距。',
  research: '调查研究不够深入，到分管的乡镇和企业走访时多听汇报少看现场，对群众反映的农村饮水安全问题没有跟踪到底。',
  money: '落实过紧日子要求不够坚决，部门年度会议费和培训费预算执行偏松，个别项目论证不充分就仓促上马，造成资金闲置。',
  style: '作风不够扎实，有时习惯于用会议落实会议、用文件落实文件，对基层反映的文山会海问题重视不够，减负成效不明显。',
  duty: '履行一岗双责不到位，对分管领域的党风廉政建设抓得不紧，与分管部门负责人谈心谈话次数偏少，提醒不够及时。',
  cause1: '理想信念这个总开关拧得还不够紧，放松了世界观人生观价值观的改造，对自身要求有所降低，党性修养有所弱化。',
  cause2: '宗旨意识有所淡化，深入群众了解实情的主动性不够，把精力更多放在了抓项目抓进度上，对群众急难愁盼关注不够。',
  measure1: '每周至少安排半天时间自学，围绕分管工作每季度撰写一篇有分量的学习体会，真正做到学思用贯通知信行统一。',
  measure2: '每月至少两次深入分管乡镇和企业一线，带着问题开展蹲点调研，对群众反映的问题建立台账，逐项跟踪直至办结。',
  colleague: '在推进重大项目建设中担当不够，遇到征地拆迁等难题时存在等靠思想，主动协调解决问题的办法不多，推进速度偏慢。',
  colleague2: '抓安全生产监管失之于宽，对重点企业的隐患排查满足于面上检查，整改督办不够有力，部分隐患整改没有闭环。',
  library: '对标先进找差距的意识不强，满足于完成上级交办的任务，开拓创新的劲头有所减退，工作标准不够高要求不够严。',
  official: '党的二十大报告指出，全面从严治党永远在路上，党的自我革命永远在路上，决不能有松劲歇脚、疲劳厌战的情绪。',
  fresh1: '统筹发展和安全的能力还有欠缺，对防范化解政府债务风险研究不深，对新兴产业发展趋势把握不准，招商引资成效不大。',
  fresh2: '联系服务群众不够紧密，接待群众来访次数偏少，对信访积案化解推动不力，有的案件久拖未决，群众满意度不高。',
  fresh3: '执行民主集中制不够严格，个别时候在分管领域重大事项决策前征求意见不够充分，与班子成员沟通交流还不够多。',
} as const;

/** A material in the shape the parser understands: problems under the meeting's aspects, causes, measures. */
export function materialText(title: string, problems: string[][], causes: string[], measures: string[]): string {
  const cn = '一二三四五六七八九十';
  const lines = [title, '按照县委统一部署，会前认真学习规定篇目，广泛征求意见。现对照检查如下：', '一、存在的主要问题'];
  problems.forEach((items, i) => lines.push(`（${cn[i]}）在${['提高政治站位', '落实全面从严治党责任', '担当作为'][i]}方面。${items.map((t, k) => `${cn[k]}是${t}`).join('')}`));
  lines.push('二、问题产生的原因');
  causes.forEach((c, i) => lines.push(`（${cn[i]}）${c}`));
  lines.push('三、整改措施');
  measures.forEach((m, i) => lines.push(`（${cn[i]}）${m}`));
  lines.push('以上是我的个人对照检查，不妥之处，恳请同志们批评指正。');
  return lines.join('\n');
}
