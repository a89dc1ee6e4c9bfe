/**
 * Fixed wording of the drafts. The documents are official Chinese whatever the interface language; the user edits
 * the draft in Word or WPS afterwards, so the wording is the common one from unit practice, not a rule.
 */
import type { StepKey } from '../../common/meetings/steps';

export const STEP_TEXT: Partial<Record<StepKey, { title: string; body: string }>> = {
  plan: { title: '制定会议方案', body: '研究制定会议方案，报上级党组织审核备案。' },
  opinions: { title: '广泛征求意见', body: '采取召开座谈会、个别访谈、发放征求意见表等方式，广泛征求对领导班子和班子成员的意见建议，梳理归类后原汁原味反馈本人。' },
  study: { title: '深入学习研讨', body: '通过理论学习中心组集中学习、专题辅导、集中研讨和个人自学等方式，深入学习，提高思想认识，为开好会议打牢思想基础。' },
  talks: { title: '开展谈心谈话', body: '书记与班子成员、班子成员之间、班子成员与分管部门负责人之间开展谈心谈话，交流思想、交换意见，做到应谈尽谈。' },
  materials: { title: '撰写对照检查材料', body: '班子成员本人撰写个人对照检查材料，书记主持起草班子对照检查材料，报上级党组织审核把关。' },
  notice: { title: '印发会议通知', body: '向参会人员和列席人员印发会议通知，明确会议时间、地点和议程。' },
  circular: { title: '通报会议情况', body: '按规定范围通报会议情况。' },
  report: { title: '报送会议情况报告', body: '将会议情况报告和会议记录报送上级纪委和组织部门。' },
  rectification: { title: '抓好整改落实', body: '针对查摆出的问题和提出的意见建议，制定整改清单，明确责任领导、责任单位和整改时限，做到完成一项、销号一项。' },
};

/**
 * domain.md §4, in order. `inquiries` (谈话函询) is there when the meeting's rules say so (a 年度 meeting by default);
 * the meeting's extra 通报 items (domain.md §9) come right after the opening.
 */
export const AGENDA: { text: string; inquiries?: boolean }[] = [
  { text: '主持人说明会议主要任务，通报到会和列席人员情况。' },
  { text: '通报上年度民主生活会整改措施落实情况。' },
  { text: '通报本次民主生活会征求意见情况。' },
  { text: '通报班子成员受到谈话函询情况。', inquiries: true },
  { text: '书记代表领导班子作对照检查。' },
  { text: '书记作个人对照检查发言，班子成员逐一对书记提出批评意见。' },
  { text: '班子成员逐一作个人对照检查发言，开展自我批评，其他班子成员提出批评意见，被批评人作简要回应表态。' },
  { text: '督导组、列席领导点评讲话。' },
  { text: '主持人作总结讲话。' },
];

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function weekday(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `星期${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}

/** 「08:30」→「上午8:30」, as notices write the time; afternoon times keep the 24-hour form after 下午. */
export function clockText(time: string): string {
  if (!time) return '';
  const [h, m] = time.split(':').map(Number);
  return `${h < 12 ? '上午' : '下午'}${h}:${String(m).padStart(2, '0')}`;
}
