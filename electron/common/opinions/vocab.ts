/**
 * The fixed vocabularies of 征求意见 (domain.md §3): channels and how a consolidated opinion is handled.
 * Labels live here (not only in i18n) because exports, the import template and the report paragraph need them in main.
 */
export const OPINION_CHANNELS = ['symposium', 'interview', 'form', 'box', 'phone', 'online', 'superior', 'inspection', 'other'] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];

export const CHANNEL_LABELS: Record<OpinionChannel, { zh: string; en: string }> = {
  symposium: { zh: '座谈会', en: 'Symposium' },
  interview: { zh: '个别访谈', en: 'Individual interview' },
  form: { zh: '征求意见表', en: 'Opinion form' },
  box: { zh: '意见箱', en: 'Suggestion box' },
  phone: { zh: '电话', en: 'Telephone' },
  online: { zh: '网络/邮件/微信', en: 'Online / e-mail / WeChat' },
  superior: { zh: '上级反馈', en: 'Feedback from above' },
  inspection: { zh: '巡察·审计反馈', en: 'Inspection / audit feedback' },
  other: { zh: '其他', en: 'Other' },
};

export const HANDLINGS = ['feedback', 'report', 'rectify'] as const;
export type Handling = (typeof HANDLINGS)[number];

export const HANDLING_LABELS: Record<Handling, { zh: string; en: string }> = {
  feedback: { zh: '反馈本人', en: 'Fed back to the person' },
  report: { zh: '会上通报', en: 'Reported at the meeting' },
  rectify: { zh: '纳入整改', en: 'Put on the rectification list' },
};

/** Words people write in a 针对对象 cell meaning the team as a whole. */
export const TEAM_TARGET_WORDS = ['领导班子', '班子', '对班子', '对领导班子', '班子整体', '党组', '党委'];
export const TEAM_TARGET_LABEL = '领导班子';

/** A channel from its Chinese label or a common synonym, as typed in a filled-in form. */
export function channelFromLabel(label: string): OpinionChannel | null {
  const t = label.replace(/\s/g, '');
  if (t === '') return null;
  for (const key of OPINION_CHANNELS) if (CHANNEL_LABELS[key].zh === t || CHANNEL_LABELS[key].en.toLowerCase() === t.toLowerCase()) return key;
  const synonyms: [RegExp, OpinionChannel][] = [
    [/座谈/, 'symposium'],
    [/访谈|走访|谈话/, 'interview'],
    [/意见表|征求表|表格/, 'form'],
    [/意见箱|信箱/, 'box'],
    [/电话|热线/, 'phone'],
    [/网络|邮件|邮箱|微信|网上|短信/, 'online'],
    [/巡察|巡视|审计/, 'inspection'],
    [/上级/, 'superior'],
    [/其他|其它/, 'other'],
  ];
  return synonyms.find(([re]) => re.test(t))?.[1] ?? null;
}
