import type { OpinionChannel } from './vocab';

/** How each channel reads in the 通报征求意见情况 sentence 「通过……等方式」. */
const CHANNEL_PHRASES: Record<OpinionChannel, string> = {
  symposium: '召开座谈会',
  interview: '个别访谈',
  form: '发放征求意见表',
  box: '设置意见箱',
  phone: '开通征求意见电话',
  online: '网络、邮件和微信',
  superior: '听取上级反馈',
  inspection: '对照巡察审计反馈',
  other: '其他方式',
};

export interface ParagraphFigures {
  raw: number;
  /** Raw opinions not merged or confirmed yet: while any remain, nothing is said about 梳理归纳. */
  unsorted: number;
  consolidated: number;
  consolidatedToTeam: number;
  consolidatedToMembers: number;
  rawToTeam: number;
  rawToMembers: number;
  channels: OpinionChannel[];
  formsIssued: number;
  formsReturned: number;
}

/**
 * The ready paragraph for the agenda item 通报征求意见情况, e.g. 「……共征求意见建议252条，梳理归纳为155条，其中对班子88条，
 * 对班子成员个人67条。」 Every figure comes from the data; clauses with nothing to say are left out. 「梳理归纳为」 is said
 * only once every opinion has been sorted; until then the split is of the opinions as received.
 */
export function opinionsParagraph(f: ParagraphFigures): string {
  if (f.raw === 0) return '';
  const ways = f.channels.map((c) => CHANNEL_PHRASES[c]);
  const how = ways.length > 0 ? `通过${ways.join('、')}${ways.length > 1 ? '等' : ''}方式，` : '';
  const forms = f.formsIssued > 0 ? `共发放征求意见表${f.formsIssued}份，收回${f.formsReturned}份；` : '';
  const sortedAll = f.unsorted === 0;
  const [team, members] = sortedAll ? [f.consolidatedToTeam, f.consolidatedToMembers] : [f.rawToTeam, f.rawToMembers];
  const split = [team > 0 ? `对班子${team}条` : '', members > 0 ? `对班子成员个人${members}条` : ''].filter(Boolean).join('，');
  const sorted = sortedAll && f.consolidated !== f.raw ? `，梳理归纳为${f.consolidated}条` : '';
  return `会前，${how}征求对领导班子和班子成员的意见建议。${forms}共征求意见建议${f.raw}条${sorted}${split ? `，其中${split}` : ''}。`;
}
