import { describe, expect, it } from 'vitest';
import { splitOpinionBatch, splitOpinions } from './split';
import { stripEnumerator } from './enumerators';
import { similarity, similarPairs, clusterPairs } from './similarity';
import { opinionsParagraph } from './paragraph';
import { channelFromLabel } from './vocab';

describe('splitOpinions', () => {
  it('splits one opinion per line, skipping blank lines and handling Windows line ends', () => {
    expect(splitOpinions('第一条意见。\r\n\r\n第二条意见。\r\n  \r\n第三条意见。\r\n')).toEqual(['第一条意见。', '第二条意见。', '第三条意见。']);
  });

  it('splits numbered points of every common style and drops only the markers', () => {
    const text = ['1. 学习不深入。', '2、调研不够。', '（3）作风不实。', '④ 落实不力。', '五、会议过多。', '（六）文件过多。', '7．台账繁多。'].join('\n');
    expect(splitOpinions(text)).toEqual(['学习不深入。', '调研不够。', '作风不实。', '落实不力。', '会议过多。', '文件过多。', '台账繁多。']);
  });

  it('keeps continuation lines with their point and does not take 3.5亿元 for a marker', () => {
    const text = '1. 项目推进慢，\n3.5亿元资金尚未拨付。\n\n2. 督办不够。';
    expect(splitOpinions(text)).toEqual(['项目推进慢，\n3.5亿元资金尚未拨付。', '督办不够。']);
  });

  it('splits 一是……二是…… inside a point, stripping 一是 like 1. and keeping the words', () => {
    expect(splitOpinions('对班子的意见：一是学习不够深入；二是调研不够扎实；三是督办不够有力。')).toEqual(['学习不够深入；', '调研不够扎实；', '督办不够有力。']);
    expect(splitOpinions('他说这一是非问题要分清。')).toEqual(['他说这一是非问题要分清。']);
  });

  it('returns nothing for blank input', () => {
    expect(splitOpinions(' \r\n\n\u3000')).toEqual([]);
  });
});

const MEMBERS = [
  { id: 11, name: '林向东', position: '县委书记' },
  { id: 12, name: '张卫东', position: '县长' },
  { id: 13, name: '王丽', position: '副县长' },
];

describe('splitOpinionBatch: lead-ins and enumerators', () => {
  it('reads 「对张卫东同志的意见：」 as the target of the lines below it, not as an opinion', () => {
    const batch = splitOpinionBatch(['对班子的意见：', '1. 会议偏多。', '2. 调研不深。', '', '对张卫东同志的意见：', '（一）工作作风有时急躁。', '（二）听取基层意见不够。'].join('\n'), MEMBERS);
    expect(batch.rows.map((r) => (r.kind === 'lead-in' ? `L ${r.text}` : `O ${r.text}`))).toEqual(['L 对班子的意见：', 'O 会议偏多。', 'O 调研不深。', 'L 对张卫东同志的意见：', 'O 工作作风有时急躁。', 'O 听取基层意见不够。']);
    expect(batch.opinions.map((o) => o.target)).toEqual([{ kind: 'team' }, { kind: 'team' }, { kind: 'member', memberId: 12, name: '张卫东' }, { kind: 'member', memberId: 12, name: '张卫东' }]);
    expect(batch.opinions.map((o) => o.original)).toEqual(['1. 会议偏多。', '2. 调研不深。', '（一）工作作风有时急躁。', '（二）听取基层意见不够。']);
    const leadIn = batch.rows[3];
    expect(leadIn.kind === 'lead-in' && leadIn.hint.zh).toContain('张卫东');
  });

  it('takes a lead-in run on with 一是…二是… on one line, by position too', () => {
    const batch = splitOpinionBatch('对县长的意见：一是学习不够深入；二是调研不够扎实。', MEMBERS);
    expect(batch.opinions.map((o) => [o.marker, o.text, o.target])).toEqual([
      ['一是', '学习不够深入；', { kind: 'member', memberId: 12, name: '张卫东' }],
      ['二是', '调研不够扎实。', { kind: 'member', memberId: 12, name: '张卫东' }],
    ]);
  });

  it('refuses a lead-in naming nobody on the team, with a hint, and flags the opinions below it', () => {
    const batch = splitOpinionBatch('对李四同志的意见：\n1. 作风不实。', MEMBERS);
    expect(batch.opinions).toHaveLength(1);
    expect(batch.opinions[0]).toMatchObject({ text: '作风不实。', target: null, unresolvedLeadIn: true });
    const lead = batch.rows[0];
    expect(lead.kind === 'lead-in' && lead.target).toBeNull();
    expect(lead.kind === 'lead-in' && lead.hint.zh).toContain('李四');
    expect(lead.kind === 'lead-in' && lead.hint.en).toMatch(/no member/);
  });

  it('splits 一是/二是 written on lines of their own and strips them, never leaving 一是一是 for the report', () => {
    const batch = splitOpinionBatch('一是会议多，\n文件也多。\n二是检查多。\n三是台账多。');
    expect(batch.opinions.map((o) => [o.marker, o.text])).toEqual([
      ['一是', '会议多，\n文件也多。'],
      ['二是', '检查多。'],
      ['三是', '台账多。'],
    ]);
  });

  it('does not take a sentence that starts with 对 for a lead-in', () => {
    expect(splitOpinions('对群众反映的问题回应不够及时。\n对基层减负重视不够。')).toEqual(['对群众反映的问题回应不够及时。', '对基层减负重视不够。']);
  });
});

describe('stripEnumerator', () => {
  it('strips every common enumerator and nothing else', () => {
    const cases: Array<[string, string, string]> = [
      ['1. 学习不深', '1.', '学习不深'],
      ['2、调研不够', '2、', '调研不够'],
      ['（3）作风不实', '（3）', '作风不实'],
      ['④落实不力', '④', '落实不力'],
      ['五、会议过多', '五、', '会议过多'],
      ['（六）文件过多', '（六）', '文件过多'],
      ['一是学习不深', '一是', '学习不深'],
      ['十二要加强', '十二要', '加强'],
      ['第一，学习', '第一，', '学习'],
      ['3.5亿元未拨付', '', '3.5亿元未拨付'],
      ['一、二季度增速低', '', '一、二季度增速低'],
      ['一是', '', '一是'],
      ['统一是关键', '', '统一是关键'],
    ];
    for (const [input, marker, text] of cases) expect(stripEnumerator(input), input).toEqual({ marker, text });
  });
});

describe('similarity', () => {
  it('scores near-duplicates high and unrelated opinions low', () => {
    const a = '督查检查考核过多过频，基层迎检任务重，台账材料多。';
    const b = '基层减负还有差距，督查检查考核事项多，台账材料要求多。';
    const c = '希望县领导多到村里走走，真正了解群众的难处。';
    expect(similarity(a, b)).toBeGreaterThan(0.35);
    expect(similarity(a, c)).toBeLessThan(0.15);
    expect(similarity(a, a)).toBe(1);
  });

  it('clusters pairs without merging anything', () => {
    const items = [
      { id: 1, text: '整改不够彻底，存在表面整改现象' },
      { id: 2, text: '整改不彻底，存在表面整改的现象' },
      { id: 3, text: '公务接待超标准' },
    ];
    const clusters = clusterPairs(similarPairs(items, 0.5));
    expect(clusters).toHaveLength(1);
    expect(clusters[0].ids).toEqual([1, 2]);
  });
});

describe('opinionsParagraph', () => {
  it('writes the 通报 sentence from the figures', () => {
    const p = opinionsParagraph({ raw: 252, unsorted: 0, rawToTeam: 140, rawToMembers: 112, consolidated: 155, consolidatedToTeam: 88, consolidatedToMembers: 67, channels: ['symposium', 'interview', 'form'], formsIssued: 110, formsReturned: 63 });
    expect(p).toContain('通过召开座谈会、个别访谈、发放征求意见表等方式');
    expect(p).toContain('共发放征求意见表110份，收回63份；');
    expect(p).toContain('共征求意见建议252条，梳理归纳为155条，其中对班子88条，对班子成员个人67条。');
    expect(opinionsParagraph({ raw: 0, unsorted: 0, rawToTeam: 0, rawToMembers: 0, consolidated: 0, consolidatedToTeam: 0, consolidatedToMembers: 0, channels: [], formsIssued: 0, formsReturned: 0 })).toBe('');
  });

  it('recognises channel labels people type', () => {
    expect(channelFromLabel('座谈会')).toBe('symposium');
    expect(channelFromLabel('意见箱')).toBe('box');
    expect(channelFromLabel('微信')).toBe('online');
    expect(channelFromLabel('巡察反馈')).toBe('inspection');
    expect(channelFromLabel('飞鸽传书')).toBeNull();
  });
});
