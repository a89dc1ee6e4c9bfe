import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { materialText, P } from '../../common/checks/fixtures';
import { criticismHints } from '../../common/checks';
import type { CriticismRule, StoredCriticismRule } from '../../common/api/checks';

let app: TestApp & { ids: DemoIds };
let members: { id: number; name: string }[];
let lastYearId: number;

async function material(meetingId: number, memberId: number | null, text: string): Promise<number> {
  const preview = await app.must('materials.parse', { source: 'text', text });
  const list = await app.must('materials.list', { meetingId });
  const existing = list.find((m) => m.memberId === memberId && m.id !== null);
  if (existing?.id) {
    await app.must('materials.save', { id: existing.id, content: preview.material, revision: Date.now() });
    return existing.id;
  }
  return (await app.must('materials.create', { meetingId, memberId, content: preview.material })).id;
}

const docx = async (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  app = await openDemoApp();
  members = (await app.must('members.list', { teamId: app.ids.teamId })).map((m) => ({ id: m.id, name: m.name }));
  const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
  const last = await app.must('meetings.create', {
    teamId: app.ids.teamId,
    kind: 'annual',
    trigger: null,
    triggerReason: '',
    year: meeting.year - 1,
    theme: '上年度民主生活会',
    date: `${meeting.year - 1}-12-20`,
    startTime: '09:00',
    place: '会议室',
    hostMemberId: members[0].id,
    recorder: '郭文静',
    quorumRatio: 2 / 3,
    aspects: [{ label: '提高政治站位' }],
    guests: [],
  });
  lastYearId = last.id;
});
afterAll(() => app.close());

describe('checks.material (similarity)', () => {
  it('finds the passages repeated from the author’s own material of last year and warns above 30 %', async () => {
    const author = members[6].id; // members 1–3 have the demo's (submitted) materials
    await material(lastYearId, author, materialText('上年材料', [[P.study, P.research], [P.money]], [P.cause1], [P.measure1]));
    const now = await material(app.ids.meetingId, author, materialText('本年材料', [[P.study, P.fresh1], [P.money]], [P.cause2], [P.measure1]));
    const check = await app.must('checks.material', { id: now });
    const own = check.sources.find((s) => s.kind === 'own')!;
    expect(own.who).toBe(members[6].name);
    expect(own.passages.map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringContaining('理论学习的自觉性不够强'), expect.stringContaining('落实过紧日子'), expect.stringContaining('每周至少安排半天')]));
    expect(own.passages.every((p) => p.sourceText.length > 0 && p.similarity >= 0.9)).toBe(true);
    expect(check.ownShare).toBeGreaterThan(0.3);
    expect(check.ownWarn).toBe(true);
    expect(own.warn).toBe(true);
    // The passage points at the node it starts in, so the editor can scroll to it.
    expect(own.passages.find((p) => p.text.includes('理论学习'))!.nodeId).not.toBeNull();
  });

  it('finds a colleague’s passage of this meeting, below the warning', async () => {
    await material(app.ids.meetingId, members[7].id, materialText('同事材料', [[P.colleague2, P.fresh2], [P.fresh3]], [P.cause1], [P.measure2]));
    const mine = await material(app.ids.meetingId, members[5].id, materialText('我的材料', [[P.colleague2, P.library], [P.style]], [P.cause2], [P.research]));
    const check = await app.must('checks.material', { id: mine });
    const colleague = check.sources.find((s) => s.kind === 'colleague' && s.who === members[7].name)!;
    expect(colleague.passages.map((p) => p.text)).toEqual([expect.stringContaining('抓安全生产监管失之于宽')]);
    expect(colleague.warn).toBe(false);
    expect(check.sources.some((s) => s.kind === 'own')).toBe(false);
  });

  it('finds a library document, ignores official quotations, and forgets a removed document', async () => {
    const fanwen = await app.must('checks.library.import', { name: '范文汇编.txt', bytes: await docx(`${P.fresh1}\n${P.library}\n${P.duty}`), official: false, year: 2022 });
    const official = await app.must('checks.library.import', { name: '二十大报告摘录.txt', bytes: await docx(P.official), official: true, year: null });
    const mine = await material(app.ids.meetingId, members[4].id, materialText('引文材料', [[P.library, P.official], [P.fresh2]], [P.cause2], [P.measure2]));
    const check = await app.must('checks.material', { id: mine });
    const lib = check.sources.find((s) => s.libraryId === fanwen.id)!;
    expect(lib).toMatchObject({ kind: 'library', who: '范文汇编', year: 2022 });
    expect(lib.passages.map((p) => p.text)).toEqual([expect.stringContaining('对标先进找差距')]);
    expect(check.sources.some((s) => s.libraryId === official.id)).toBe(false);
    expect(check.sources.flatMap((s) => s.passages).some((p) => p.text.includes('全面从严治党永远在路上'))).toBe(false);
    expect(check.officialChars).toBeGreaterThan(40);

    await app.must('checks.library.remove', { id: fanwen.id });
    const after = await app.must('checks.material', { id: mine });
    expect(after.sources.some((s) => s.libraryId === fanwen.id)).toBe(false);
    expect(app.ctx.sqlite.prepare("SELECT count(*) AS n FROM check_docs WHERE kind = 'library' AND ref_id = ?").get(fanwen.id)).toEqual({ n: 0 });
  });

  it('reindexes a material only when it changed', async () => {
    const id = await material(app.ids.meetingId, members[0].id, materialText('改前', [[P.fresh3]], [P.cause1], [P.measure1]));
    await app.must('checks.material', { id });
    expect((await app.must('checks.material', { id })).reindexed).toBe(0);
    await material(app.ids.meetingId, members[0].id, materialText('改后', [[P.fresh3, P.study]], [P.cause1], [P.measure1]));
    expect((await app.must('checks.material', { id })).reindexed).toBe(1);
  });

  it('flags a department the team does not have, and accepts it once marked own', async () => {
    const id = await material(app.ids.meetingId, members[7].id, materialText('错名', [[`对水务部门的督促不够，${P.fresh1}`]], [P.cause1], [P.measure1]));
    const flags = (await app.must('checks.material', { id })).names;
    expect(flags.map((f) => f.name)).toEqual(['水务部门']);
    await app.must('checks.names.set', { teamId: app.ids.teamId, name: '水务部门', verdict: 'own' });
    expect((await app.must('checks.material', { id })).names).toEqual([]);
  });

  it('refuses an unknown material and a file that is neither .docx nor .txt, changing nothing', async () => {
    expect((await app.call('checks.material', { id: 999999 })).ok).toBe(false);
    const before = (await app.must('checks.library.list', {})).length;
    const res = await app.call('checks.library.import', { name: 'a.pdf', bytes: await docx('x'), official: false, year: null });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.messageEn).toContain('.docx or .txt');
    expect((await app.must('checks.library.list', {})).length).toBe(before);
  });
});

describe('checks.talks', () => {
  it('warns when two records of one talker are near-identical', async () => {
    const [a, b, c] = [members[1].id, members[2].id, members[3].id];
    const talk = (other: number, points: string, date: string) =>
      app.must('talks.create', {
        meetingId: app.ids.meetingId,
        talk: { date, place: '办公室', type: 'member_member', topic: '', agreed: '', recorder: '', participants: [{ memberId: a, personId: null, points }, { memberId: other, personId: null, points: '' }] },
      });
    const one = await talk(b, `${P.style}${P.duty}`, '2026-11-01');
    const two = await talk(c, `${P.style}${P.duty.replace('次数偏少', '次数较少')}`, '2026-11-02');
    const mine = (p: { a: { talkId: number }; b: { talkId: number } }) => [one.id, two.id].includes(p.a.talkId) || [one.id, two.id].includes(p.b.talkId);
    // (The demo's own talks reuse sentences, so they have near-identical pairs of their own.)
    const pairs = (await app.must('checks.talks', { meetingId: app.ids.meetingId })).filter(mine);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ memberId: a, talker: members[1].name });
    expect([pairs[0].a.talkId, pairs[0].b.talkId].sort()).toEqual([one.id, two.id].sort());
    expect(pairs[0].share).toBeGreaterThan(0.9);
    expect(pairs[0].passages[0].text).toContain('作风不够扎实');
  });
});

describe('材料体检 data (checks.checkup)', () => {
  const item = (memberId: number | null, problem: string) => ({ aspectId: null, memberId, problem, target: '', measures: [], leaderIds: [], unit: '', ownerPerson: '', deadline: { kind: 'ongoing' as const, date: null }, note: '' });

  it('lists the author’s own problems on last year’s list, not a colleague’s, with the unit’s length range', async () => {
    const author = members[5].id;
    await app.must('rectification.createItem', { meetingId: lastYearId, item: item(author, '调查研究不够深入，多听汇报少看现场'), sources: [] });
    await app.must('rectification.createItem', { meetingId: lastYearId, item: item(members[4].id, '别人的问题'), sources: [] });
    const id = await material(app.ids.meetingId, author, materialText('本年材料', [[P.research]], [P.cause1], [P.measure1]));
    const data = await app.must('checks.checkup', { materialId: id });
    expect(data.lastYear.map((i) => i.problem)).toEqual(['调查研究不够深入，多听汇报少看现场']);
    expect(data.lastYear[0].meetingYear).toBe((await app.must('meetings.get', { id: lastYearId })).year);
    expect(data.length).toEqual({ min: 3000, max: 10000 });
    await app.must('settings.update', { materialLength: { min: 1500, max: 6000 } });
    expect((await app.must('checks.checkup', { materialId: id })).length).toEqual({ min: 1500, max: 6000 });
    // A range upside down is refused and changes nothing.
    const bad = await app.call('settings.update', { materialLength: { min: 8000, max: 6000 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('大于上限');
    expect((await app.must('settings.get', {})).materialLength).toEqual({ min: 1500, max: 6000 });
  });

  it('stores an opinion left with its reason, clears it, and refuses an opinion addressed to someone else', async () => {
    const author = members[5].id;
    const id = await material(app.ids.meetingId, author, materialText('本年材料', [[P.research]], [P.cause1], [P.measure1]));
    const mine = await app.must('opinions.create', { meetingId: app.ids.meetingId, opinion: { channel: 'symposium', source: '', date: null, targetMemberId: author, aspectId: null, text: '下基层次数少', anonymous: true, submitter: '' } });
    const theirs = await app.must('opinions.create', { meetingId: app.ids.meetingId, opinion: { channel: 'symposium', source: '', date: null, targetMemberId: members[4].id, aspectId: null, text: '别人的意见', anonymous: true, submitter: '' } });
    const left = await app.must('checks.checkup.leave', { materialId: id, kind: 'opinion', refId: mine.id, reason: '  已当面说明情况  ' });
    expect(left.left).toEqual([expect.objectContaining({ kind: 'opinion', refId: mine.id, reason: '已当面说明情况' })]);
    const refused = await app.call('checks.checkup.leave', { materialId: id, kind: 'opinion', refId: theirs.id, reason: '无关' });
    expect(refused.ok).toBe(false);
    const noReason = await app.call('checks.checkup.leave', { materialId: id, kind: 'opinion', refId: mine.id, reason: '  ' });
    expect(noReason.ok).toBe(false);
    expect((await app.must('checks.checkup', { materialId: id })).left).toHaveLength(1);
    // Deleting the opinion deletes its mark.
    await app.must('opinions.delete', { meetingId: app.ids.meetingId, ids: [mine.id] });
    expect((await app.must('checks.checkup', { materialId: id })).left).toHaveLength(0);
    const again = await app.must('opinions.create', { meetingId: app.ids.meetingId, opinion: { channel: 'symposium', source: '', date: null, targetMemberId: author, aspectId: null, text: '再一条', anonymous: true, submitter: '' } });
    await app.must('checks.checkup.leave', { materialId: id, kind: 'opinion', refId: again.id, reason: '理由' });
    expect((await app.must('checks.checkup.leave', { materialId: id, kind: 'opinion', refId: again.id, reason: null })).left).toHaveLength(0);
    const lastYear = (await app.must('checks.checkup', { materialId: id })).lastYear[0];
    expect((await app.must('checks.checkup.leave', { materialId: id, kind: 'last_year', refId: lastYear.id, reason: '分工调整' })).left).toEqual([expect.objectContaining({ kind: 'last_year', refId: lastYear.id })]);
  });

  it('stores the reviewer’s ticks with comments in the 督导组 order and clears one', async () => {
    const id = await material(app.ids.meetingId, members[5].id, materialText('本年材料', [[P.research]], [P.cause1], [P.measure1]));
    await app.must('checks.checkup.review', { materialId: id, reason: 'depth', set: true, comment: '原因只谈学习不够' });
    const both = await app.must('checks.checkup.review', { materialId: id, reason: 'practice', set: true, comment: '' });
    expect(both.reviews.map((r) => [r.reason, r.comment])).toEqual([['practice', ''], ['depth', '原因只谈学习不够']]);
    expect((await app.must('checks.checkup.review', { materialId: id, reason: 'practice', set: false, comment: '' })).reviews.map((r) => r.reason)).toEqual(['depth']);
    expect((await app.call('checks.checkup.review', { materialId: id, reason: 'tone' as never, set: true, comment: '' })).ok).toBe(false);
    expect((await app.call('checks.checkup', { materialId: 999999 })).ok).toBe(false);
  });
});

describe('伪批评 rules (checks.rules)', () => {
  /** A listed rule as the save channel takes it (without the built-in flag, which only the database sets). */
  const input = (r: StoredCriticismRule): CriticismRule => ({ id: r.id, kind: r.kind, label: r.label, labelEn: r.labelEn, advice: r.advice, phrases: r.phrases, examples: r.examples, enabled: r.enabled });
  it('adds a rule with examples, edits and disables it, deletes it; a built-in rule can be disabled, not deleted', async () => {
    const before = await app.must('checks.rules.list', {});
    expect(before.filter((r) => r.builtin).map((r) => r.label)).toEqual(['以希望、建议、共勉代替批评', '明贬暗褒', '不点名（个别同志、有的同志）', '没有具体事例（时间、地点、事例或数字）']);
    // Every built-in example fires its own rule (the rules screen shows it).
    for (const r of before.filter((x) => x.builtin)) for (const x of r.examples) expect(criticismHints(x, [r]).map((h) => h.ruleId), x).toEqual([r.id]);
    const added = await app.must('checks.rules.save', { id: null, kind: 'contains', label: '以工作建议代替批评', labelEn: 'A work suggestion instead of criticism', advice: '请指出问题本身', phrases: ['要进一步', '要更加'], examples: ['要进一步加强学习'], enabled: true });
    const rule = added.at(-1)!;
    expect(rule).toMatchObject({ builtin: false, label: '以工作建议代替批评', phrases: ['要进一步', '要更加'], examples: ['要进一步加强学习'] });
    const edited = await app.must('checks.rules.save', { ...input(rule), phrases: ['要进一步'], enabled: false });
    expect(edited.find((r) => r.id === rule.id)).toMatchObject({ phrases: ['要进一步'], enabled: false });
    const builtin = before[0];
    expect((await app.must('checks.rules.save', { ...input(builtin), enabled: false })).find((r) => r.id === builtin.id)?.enabled).toBe(false);
    const refused = await app.call('checks.rules.remove', { id: builtin.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('只能停用');
    // The database refuses it too, whoever asks.
    expect(() => app.ctx.sqlite.prepare('DELETE FROM criticism_rules WHERE id = ?').run(builtin.id)).toThrow(/built-in/);
    expect((await app.must('checks.rules.remove', { id: rule.id })).some((r) => r.id === rule.id)).toBe(false);
    await app.must('checks.rules.save', { ...input(builtin), enabled: true });
    expect((await app.call('checks.rules.save', { ...input(builtin), phrases: [] })).ok).toBe(false);
  });
});
