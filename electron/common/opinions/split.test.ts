import { describe, expect, it } from 'vitest';
import { splitOpinions } from './split';
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

  it('splits 一是……二是…… inside a point, keeping the words', () => {
    expect(splitOpinions('对班子的意见：一是学习不够深入；二是调研不够扎实；三是督办不够有力。')).toEqual(['对班子的意见：', '一是学习不够深入；', '二是调研不够扎实；', '三是督办不够有力。']);
    expect(splitOpinions('他说这一是非问题要分清。')).toEqual(['他说这一是非问题要分清。']);
  });

  it('returns nothing for blank input', () => {
    expect(splitOpinions(' \r\n\n\u3000')).toEqual([]);
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
