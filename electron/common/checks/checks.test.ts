import { describe, expect, it } from 'vitest';
import { parseOutline } from '../materials';
import { checkup, compareTexts, criticismHints, isCriticismHeading, materialSegments, normalise, passagesBetween, seedsBetween, shareOf, similarity, textSegments, winnow, wrongNames, type CriticismRule } from '.';
import { materialText, P } from './fixtures';

const norm = (text: string) => normalise(textSegments(text));

describe('normalise', () => {
  it('keeps letters and digits, remembers where each came from', () => {
    const n = normalise([{ nodeId: 'a', text: '一、学习：（ＡＢ）１２' }, { nodeId: 'b', text: '再 学' }]);
    expect(n.chars).toBe('一学习ab12再学');
    expect([...n.seg]).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(n.off[7]).toBe(0);
    expect(n.off[8]).toBe(2);
  });
});

describe('winnowing', () => {
  it('guarantees a shared fingerprint for a common run of 10 characters', () => {
    const run = '学用结合还有差距去年';
    const a = norm(`${P.fresh1}${run}${P.fresh2}`).chars;
    const b = norm(`${P.fresh3}${run}${P.colleague}`).chars;
    const seeds = seedsBetween(winnow(a), winnow(b));
    expect(seeds.some(([q, d]) => a.slice(q, q + 6) === b.slice(d, d + 6) && a.indexOf(run) <= q)).toBe(true);
  });
});

describe('passages', () => {
  it('finds a copied paragraph as one passage at similarity 1', () => {
    const q = norm(`${P.fresh1}${P.study}${P.fresh2}`);
    const s = norm(`${P.colleague}${P.study}`);
    const ps = compareTexts(q, s);
    expect(ps).toHaveLength(1);
    expect(q.chars.slice(ps[0].qFrom, ps[0].qTo)).toBe(norm(P.study).chars);
    expect(ps[0].similarity).toBe(1);
  });

  it('keeps a lightly edited paragraph (a changed figure and name) as one passage of at least 90 %', () => {
    const edited = P.study.replace('两篇', '三篇').replace('中心组', '党组会');
    const ps = compareTexts(norm(`${P.fresh1}${edited}`), norm(P.study));
    expect(ps).toHaveLength(1);
    expect(ps[0].similarity).toBeGreaterThanOrEqual(0.9);
    expect(ps[0].similarity).toBeLessThan(1);
    expect(ps[0].qTo - ps[0].qFrom).toBeGreaterThan(50);
  });

  it('drops a run shorter than about 20 characters and finds nothing in unrelated text', () => {
    const short = '满足于参加中心组集中学习'; // 12 characters
    expect(compareTexts(norm(`${P.fresh1}${short}${P.fresh2}`), norm(P.study))).toEqual([]);
    expect(compareTexts(norm(P.fresh3), norm(P.colleague2))).toEqual([]);
  });

  it('refuses a hash collision (seeds whose shingles differ)', () => {
    expect(passagesBetween('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉', '子丑寅卯辰巳午未申酉甲乙丙丁戊己庚辛壬癸', [[0, 0]])).toEqual([]);
  });

  it('measures edit-distance similarity and gives up below the floor', () => {
    expect(similarity('abcdefghij', 'abcdefghij')).toBe(1);
    expect(similarity('abcdefghij', 'abcdefghiX')).toBeCloseTo(0.9);
    expect(similarity('abcdefghij', 'abcdefgXYZ')).toBe(0);
  });
});

describe('material segments', () => {
  it('leaves out the title, the opening, section and aspect headings and the closing formula', () => {
    const m = parseOutline(materialText('个人对照检查材料', [[P.study], [P.duty]], [P.cause1], [P.measure1])).material;
    const text = materialSegments(m).map((s) => s.text).join('|');
    expect(text).not.toContain('存在的主要问题');
    expect(text).not.toContain('在提高政治站位方面');
    expect(text).not.toContain('批评指正');
    expect(text).not.toContain('个人对照检查材料');
    expect(text).not.toContain('现对照检查如下');
    expect(text).toContain(P.study);
    expect(text).toContain(P.measure1);
  });

  it('does not count two materials that share only headings as similar', () => {
    const a = normalise(materialSegments(parseOutline(materialText('甲', [[P.study], [P.duty], [P.colleague]], [P.cause1], [P.measure1])).material));
    const b = normalise(materialSegments(parseOutline(materialText('乙', [[P.fresh1], [P.fresh2], [P.fresh3]], [P.cause2], [P.measure2])).material));
    // Same headings (一、存在的主要问题, （一）在…方面), same opening and closing formulas, nothing else in common.
    expect(compareTexts(a, b)).toEqual([]);
    expect(shareOf(a, compareTexts(a, a))).toBe(1);
  });
});

const RULES: CriticismRule[] = [
  { id: 1, kind: 'contains', label: '以希望代替批评', labelEn: 'wish', advice: '', phrases: ['希望', '建议', '共勉'], examples: [], enabled: true },
  { id: 2, kind: 'contains', label: '明贬暗褒', labelEn: 'praise', advice: '', phrases: ['注意休息', '太拼', '要求过严'], examples: [], enabled: true },
  { id: 3, kind: 'contains', label: '不点名', labelEn: 'unnamed', advice: '', phrases: ['个别同志', '有的同志'], examples: [], enabled: true },
  { id: 4, kind: 'lacks', label: '没有具体事例', labelEn: 'no fact', advice: '', phrases: ['比如', '年', '月', '次'], examples: [], enabled: true },
];

describe('伪批评 hints', () => {
  const fired = (text: string, rules = RULES) => criticismHints(text, rules).map((h) => h.ruleId);
  it('names each rule that fires', () => {
    expect(fired('希望某某同志多注意休息')).toEqual([1, 2]);
    expect(fired('工作太拼了，对下属要求过严')).toEqual([2, 4]);
    expect(fired('个别同志学习不够深入，理论功底不扎实')).toEqual([3, 4]);
    expect(fired('与同志们共勉')).toEqual([1]);
  });
  it('stays quiet on a concrete criticism with a name and a fact', () => {
    expect(fired('王强同志今年3月到分管企业调研只听汇报，没有到车间看一次，群众有意见')).toEqual([]);
    expect(fired('张三同志对分管的信访积案推动不力，比如东关村的土地纠纷拖了两年')).toEqual([]);
  });
  it('applies only enabled rules, and a unit-added rule fires', () => {
    const rules = [...RULES.map((r) => ({ ...r, enabled: r.id !== 1 })), { id: 9, kind: 'contains' as const, label: '以工作建议代替批评', labelEn: '', advice: '', phrases: ['下一步可以'], examples: [], enabled: true }];
    expect(fired('希望你下一步可以多下基层，比如每月一次', rules)).toEqual([9]);
  });
});

describe('wrong-unit names', () => {
  const seg = [{ nodeId: 'n1', text: '对水务部门的项目督促不够，对教育局反映的问题回应不及时，与临河县交流不够。' }];
  it('flags a department the team data never mentions, and names on the foreign list', () => {
    const flags = wrongNames(seg, '县政府党组 副县长 分管教育、卫健', { foreign: ['临河县'], own: [] });
    expect(flags.map((f) => [f.name, f.reason])).toEqual([
      ['水务部门', 'unknown'],
      ['临河县', 'list'],
    ]);
    expect(seg[0].text.slice(flags[0].start, flags[0].end)).toBe('水务部门');
  });
  it('accepts departments of the team and names marked own', () => {
    expect(wrongNames(seg, '分管水务、教育', { foreign: [], own: [] })).toEqual([]);
    expect(wrongNames(seg, '', { foreign: [], own: ['水务部门', '教育局'] })).toEqual([]);
  });
});

describe('相互批评 parts of a material', () => {
  it('recognises a section of criticism of others, not the closing formula or self-criticism', () => {
    for (const h of ['对班子其他成员的批评意见', '相互批评', '开展相互批评情况', '批评意见', '开展相互批评和自我批评']) expect(isCriticismHeading(h), h).toBe(true);
    for (const h of ['以上是我的对照检查，恳请同志们批评指正', '自我批评', '存在的主要问题', '']) expect(isCriticismHeading(h), h).toBe(false);
  });
});

describe('材料体检', () => {
  const material = parseOutline(materialText('材料', [[P.study], [P.duty]], [P.cause1, P.cause2], [P.measure1])).material;
  const problems = material.sections[0].children;
  const rows = (opinions: { id: number; text: string; nodeIds: string[] }[], aspects = ['在提高政治站位方面', '在落实全面从严治党责任方面', '在带头遵规守纪方面']) =>
    checkup({ material, aspects, opinions, length: { min: 100, max: 10000 } });

  it('ticks each aspect the material covers, pointing at its block, and lists the one it misses', () => {
    const aspects = rows([]).filter((r) => r.code === 'aspect');
    expect(aspects.map((r) => r.ok)).toEqual([true, true, false]);
    expect(aspects[0].nodeId).toBe(problems[0].id);
    expect(aspects[2].nodeId).toBeNull();
  });

  it('lists an opinion no problem answers, with its id to jump to', () => {
    const opinionRows = rows([
      { id: 7, text: '调研不深入', nodeIds: [] },
      { id: 8, text: '学习不够', nodeIds: ['x'] },
    ]).filter((r) => r.code === 'opinion');
    expect(opinionRows).toEqual([
      expect.objectContaining({ ok: false, opinionId: 7, subject: '调研不深入' }),
      expect.objectContaining({ ok: true, opinionId: 8, nodeId: 'x' }),
    ]);
  });

  it('checks causes and measures are present and numbered, and the length', () => {
    const r = rows([]);
    expect(r.find((x) => x.code === 'causes')).toMatchObject({ ok: true, count: 2 });
    expect(r.find((x) => x.code === 'measures')).toMatchObject({ ok: true, count: 1 });
    const noMeasures = { ...material, sections: material.sections.filter((s) => s.kind !== 'measures') };
    expect(checkup({ material: noMeasures, aspects: [], opinions: [], length: { min: 100, max: 10000 } }).find((x) => x.code === 'measures')).toMatchObject({ ok: false, count: 0 });
    expect(checkup({ material, aspects: [], opinions: [], length: { min: 3000, max: 10000 } }).find((x) => x.code === 'length')!.ok).toBe(false);
  });

  it('counts an opinion explicitly left (with its reason) as done, but an answered one never shows the mark', () => {
    const left = [{ kind: 'opinion' as const, refId: 7, reason: '已在个人有关事项中说明' }, { kind: 'opinion' as const, refId: 8, reason: '旧的说明' }];
    const r = checkup({ material, aspects: [], opinions: [{ id: 7, text: '调研不深入', nodeIds: [] }, { id: 8, text: '学习不够', nodeIds: ['x'] }, { id: 9, text: '不在乎', nodeIds: [] }], left, length: { min: 1, max: 99999 } });
    expect(r.filter((x) => x.code === 'opinion').map((x) => [x.opinionId, x.ok, x.left])).toEqual([[7, true, '已在个人有关事项中说明'], [8, true, null], [9, false, null]]);
    // A mark for last year's item of the same id is not a mark for the opinion.
    const other = checkup({ material, aspects: [], opinions: [{ id: 9, text: '不在乎', nodeIds: [] }], left: [{ kind: 'last_year', refId: 9, reason: 'x' }], length: { min: 1, max: 99999 } });
    expect(other.find((x) => x.code === 'opinion')!.ok).toBe(false);
  });

  it('finds where last year’s problem is taken up (reworded), lists one not taken up, and accepts one left with a reason', () => {
    const lastYear = [
      { id: 31, seq: 2, problem: '理论学习自觉性不够强，自学时间安排偏少，学用结合有差距' },
      { id: 32, seq: 5, problem: '对分管领域安全生产隐患排查督办不力' },
      { id: 33, seq: 6, problem: '招商引资成效不大' },
    ];
    const r = checkup({ material, aspects: [], opinions: [], lastYear, left: [{ kind: 'last_year', refId: 33, reason: '已调整分工，不再分管' }], length: { min: 1, max: 99999 } }).filter((x) => x.code === 'lastYear');
    expect(r.map((x) => [x.itemId, x.ok, x.count, x.left])).toEqual([[31, true, 2, null], [32, false, 5, null], [33, true, 6, '已调整分工，不再分管']]);
    expect(r[0].nodeId).toBe(materialSegments(material).find((s) => s.text.includes('理论学习的自觉性'))!.nodeId);
    expect(r[1].nodeId).toBeNull();
  });
});
