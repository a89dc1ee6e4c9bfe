/**
 * This year's rules as data (issue 19 §3, domain.md §9): presets offered when a meeting is created, the meeting's
 * optional parts, and what follows them — the agenda, the material template and section kind, the opening 通报 items
 * generated from the ledger in the agenda, the 会议记录 and the report.
 */
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import type { Input } from '../../common/api';
import { meetingName } from '../../common/meetings/name';
import { bodyParagraphs, readDocx, textOf } from '../../documents/gbt9704/testkit';
import { minutesFile } from '../minutes';
import { checkCarryOver, sqlCarryOverTruth } from '../rectification/paragraphOracles';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
});
afterEach(() => app.close());

const STUDY = '中央八项规定精神学习教育整改整治';

/** The 主持词's paragraphs, as the Word file holds them. */
async function hostScript(meetingId: number): Promise<string[]> {
  const saved = await app.must('prep.hostScript', { meetingId });
  return bodyParagraphs((await readDocx(fs.readFileSync(saved.path!))).document).map(textOf);
}
/** The paragraphs under the agenda item 「下面，进行第×项议程：<title>。」, up to the next item. */
function under(script: string[], title: string): string[] {
  const at = script.findIndex((p) => /^下面，进行第.+项议程：/u.test(p) && p.endsWith(`：${title}。`));
  expect(at, title).toBeGreaterThan(0);
  const next = script.findIndex((p, i) => i > at && (/^下面，进行第/u.test(p) || p.startsWith('会议到此结束')));
  return script.slice(at + 1, next);
}

async function createFromPreset(year: number) {
  const presets = await app.must('meetings.presets', {});
  const preset = presets.find((p) => p.year === year)!;
  const old = await app.must('meetings.get', { id: app.ids.meetingId });
  const meeting = await app.must('meetings.create', {
    teamId: app.ids.teamId, kind: 'annual', trigger: null, triggerReason: '', year: 2027, theme: '2027年度民主生活会', date: '2027-12-20', startTime: '09:00',
    place: '县政府常务会议室', hostMemberId: old.hostMemberId, recorder: old.recorder, quorumRatio: old.quorumRatio,
    aspects: preset.aspects.map((label) => ({ label })), guests: [], rules: preset.rules,
  });
  return { preset, meeting };
}

describe('presets by year', () => {
  it('offers the seeded 2023, 2024 and 2025 presets worded as domain.md §9 quotes them, each saying where it is unsure', async () => {
    const presets = await app.must('meetings.presets', {});
    const byYear = (y: number) => presets.find((p) => p.year === y && p.builtIn)!;
    expect(byYear(2023).aspects).toEqual(['凝心铸魂筑牢根本', '锤炼品格强化忠诚', '实干担当促进发展', '践行宗旨为民造福', '廉洁奉公树立新风']);
    expect(byYear(2024).aspects).toHaveLength(4);
    expect(byYear(2024).aspects[0]).toBe('带头严守政治纪律和政治规矩，维护党的团结统一');
    expect(byYear(2025)).toMatchObject({ aspects: ['在带头强化政治忠诚、提高政治能力方面'], rules: { caseAnalysis: true, reportInquiries: true, notices: [STUDY] } });
    for (const p of presets) expect(p.note).toMatch(/以上级通知为准|按上级通知补充/);
  });

  it('applies the 2025 preset to a new meeting, and every part stays editable', async () => {
    const { meeting } = await createFromPreset(2025);
    expect(meeting.aspects.map((a) => a.label)).toEqual(['在带头强化政治忠诚、提高政治能力方面']);
    expect(meeting.rules).toEqual({ caseAnalysis: true, reportInquiries: true, notices: [STUDY] });

    // Edited: another aspect, 谈话函询 off, a second 通报 item typed with its 「通报…情况」 around it.
    const fields: Input<'meetings.update'>['meeting'] = { ...meeting, aspects: [...meeting.aspects, { label: '在带头履职尽责方面' }], rules: { caseAnalysis: true, reportInquiries: false, notices: [STUDY, '通报县委巡察反馈问题整改情况'] } };
    const { id: _id, teamName: _t, status: _s, ...rest } = fields as typeof fields & { id: number; teamName: string; status: string };
    const edited = await app.must('meetings.update', { id: meeting.id, meeting: rest });
    expect(edited.aspects.map((a) => a.label)).toEqual(['在带头强化政治忠诚、提高政治能力方面', '在带头履职尽责方面']);
    expect(edited.rules).toEqual({ caseAnalysis: true, reportInquiries: false, notices: [STUDY, '县委巡察反馈问题整改'] });
    // An update without rules keeps them.
    const kept = await app.must('meetings.update', { id: meeting.id, meeting: { ...rest, rules: undefined } });
    expect(kept.rules).toEqual(edited.rules);

    // The same subject twice is refused with a bilingual message, and nothing changes.
    const before = app.counts();
    const twice = await app.call('meetings.update', { id: meeting.id, meeting: { ...rest, rules: { caseAnalysis: false, reportInquiries: true, notices: [STUDY, `通报${STUDY}情况`] } } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'meetings.noticeTwice' } });
    if (!twice.ok) expect(twice.error.messageEn).toContain('twice');
    expect(app.counts()).toEqual(before);
    expect((await app.must('meetings.get', { id: meeting.id })).rules).toEqual(edited.rules);
  });

  it('lets the unit add, edit and remove its own presets; a name in use is refused', async () => {
    const rules = { caseAnalysis: false, reportInquiries: true, notices: [] };
    const added = await app.must('meetings.savePreset', { year: 2026, name: '2026年度 民主生活会（本单位）', aspects: ['在政治建设方面'], rules, note: '按市委通知' });
    const mine = added.find((p) => p.name === '2026年度 民主生活会（本单位）')!;
    expect(mine).toMatchObject({ builtIn: false, aspects: ['在政治建设方面'] });
    expect(added[0].year).toBe(2026);
    const edited = await app.must('meetings.savePreset', { id: mine.id, year: 2026, name: mine.name, aspects: ['在政治建设方面', '在作风建设方面'], rules, note: '' });
    expect(edited.find((p) => p.id === mine.id)?.aspects).toHaveLength(2);
    const builtIn = added.find((p) => p.builtIn)!;
    const clash = await app.call('meetings.savePreset', { year: 2026, name: builtIn.name, aspects: [], rules, note: '' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'meetings.presetExists' } });
    const left = await app.must('meetings.deletePreset', { id: mine.id });
    expect(left.some((p) => p.id === mine.id)).toBe(false);
  });
});

describe('what follows the rules', () => {
  it('the agenda opens with the extra 通报 item and leaves 谈话函询 out when the meeting does not hear it', async () => {
    const { meeting } = await createFromPreset(2025);
    const titles = (await app.must('minutes.prepare', { meetingId: meeting.id })).agenda.map((a) => a.title);
    expect(titles.slice(0, 5)).toEqual(['主持人宣布会议开始，说明会议主要任务和出席、列席情况', `通报${STUDY}情况`, '通报上年度民主生活会整改落实情况', '通报本次民主生活会征求意见情况', '通报班子成员受到谈话函询情况']);

    const { meeting: plain } = await createFromPreset(2024);
    const { id: _i, teamName: _t, status: _s, ...rest } = plain;
    await app.must('meetings.update', { id: plain.id, meeting: { ...rest, date: '2027-12-21', rules: { caseAnalysis: false, reportInquiries: false, notices: [] } } });
    const plainTitles = (await app.must('minutes.prepare', { meetingId: plain.id })).agenda.map((a) => a.title);
    expect(plainTitles.some((t) => t.includes('谈话函询') || t.includes('整改整治'))).toBe(false);
    expect(plainTitles[1]).toBe('通报上年度民主生活会整改落实情况');

    // The 会议方案 lists the same parts.
    const plan = await app.must('prep.plan', { meetingId: meeting.id, issueDate: '2026-11-27' });
    const planText = bodyParagraphs((await readDocx(fs.readFileSync(plan.path!))).document).map(textOf).join('\n');
    expect(planText).toContain(`通报${STUDY}情况。`);
    expect(planText.indexOf(`通报${STUDY}情况`)).toBeLessThan(planText.indexOf('通报上年度民主生活会整改措施落实情况'));
    expect(planText).toContain('通报班子成员受到谈话函询情况');
    const plainPlan = await app.must('prep.plan', { meetingId: plain.id, issueDate: '2026-11-27' });
    expect(bodyParagraphs((await readDocx(fs.readFileSync(plainPlan.path!))).document).map(textOf).join('\n')).not.toContain('谈话函询');
  });

  it('a new material has the 案例剖析 part; a pasted one is parsed into that kind and exported with it', async () => {
    const { meeting } = await createFromPreset(2025);
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const fresh = await app.must('materials.create', { meetingId: meeting.id, memberId: members[1].id, content: null });
    expect(fresh.content.sections.map((s) => [s.kind, s.heading])).toEqual([['problems', '存在的主要问题'], ['causes', '原因分析'], ['caseAnalysis', '反面典型案例剖析'], ['measures', '整改措施']]);
    // Without the rule, no such part.
    const { meeting: plain } = await createFromPreset(2024);
    const noCase = await app.must('materials.create', { meetingId: plain.id, memberId: members[1].id, content: null });
    expect(noCase.content.sections.some((s) => s.kind === 'caseAnalysis')).toBe(false);

    const text = [
      '2027年度民主生活会个人对照检查材料',
      '按照县委要求，现对照检查如下：',
      '一、存在的主要问题',
      '（一）在带头强化政治忠诚、提高政治能力方面。一是学习不够系统。',
      '二、反面典型案例剖析',
      '（一）以某县原副县长违规吃喝案为镜鉴。该案暴露出纪律意识淡薄的问题，对照自身，在公务接待中也存在把关不严的情况。',
      '三、原因分析',
      '（一）理想信念有所弱化。放松了自我要求。',
      '四、整改措施',
      '（一）在强化理论武装上下功夫。每周自学不少于4小时。',
    ].join('\n');
    const preview = await app.must('materials.parse', { source: 'text', text });
    const section = preview.material.sections.find((s) => s.heading === '反面典型案例剖析');
    expect(section?.kind).toBe('caseAnalysis');
    expect(preview.warnings.some((w) => w.nodeId === section?.id)).toBe(false);
    const created = await app.must('materials.create', { meetingId: meeting.id, memberId: members[2].id, content: preview.material });
    const saved = await app.must('materials.export', { meetingId: meeting.id, ids: [created.id], format: 'docx' });
    const paragraphs = bodyParagraphs((await readDocx(fs.readFileSync(saved.files[0].path))).document).map(textOf);
    expect(paragraphs).toContain('二、反面典型案例剖析');
    expect(paragraphs.some((p) => p.startsWith('（一）以某县原副县长违规吃喝案为镜鉴。该案暴露出纪律意识淡薄的问题'))).toBe(true);
  });
});

describe('the opening 通报 items from the ledger', () => {
  it('gives the two paragraphs with the numbers of an independent count, in the 会议记录 and the report', async () => {
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    // Last year's list: the demo meeting's, agreed, one item closed, one in progress.
    const old = await app.must('meetings.get', { id: app.ids.meetingId });
    expect(old.kind).toBe('special'); // the demo's 巡察整改专题 meeting: named with its date
    type Item = Input<'rectification.createItem'>['item'];
    const base: Item = { aspectId: null, memberId: null, problem: '', target: '', measures: ['建立台账'], leaderIds: [members[0].id], unit: '县政府办公室', ownerPerson: '黄海峰', deadline: { kind: 'date', date: '2027-03-31' }, note: '' };
    // Only the items made here (the demo's own draft items are removed).
    for (const i of (await app.must('rectification.get', { meetingId: old.id })).items) await app.must('rectification.deleteItem', { itemId: i.id });
    const lastYear = 0;
    await app.must('rectification.createItem', { meetingId: old.id, item: { ...base, problem: '调查研究不够深入' }, sources: [] });
    await app.must('rectification.createItem', { meetingId: old.id, item: { ...base, problem: '督查检查考核过多', measures: ['精简督查事项', '建立计划管理'] }, sources: [] });
    const agreed = await app.must('rectification.agree', { meetingId: old.id, agreedOn: '2026-11-20', agreedBy: '林向东' });
    const [a, b] = agreed.items.slice(lastYear);
    await app.must('rectification.addProgress', { itemId: a.id, date: '2026-11-25', kind: 'review', text: '验收合格', by: '郭文静', statusTo: 'closed', acceptor: '何静', evidence: [], noEvidenceReason: '验收人现场核查' });
    await app.must('rectification.addProgress', { itemId: b.id, date: '2026-11-25', kind: 'progress', text: '督查事项已精简一半', by: '郭文静', statusTo: 'in_progress', acceptor: '', evidence: [] });

    // This year's meeting with the 2025 preset; the 学习教育 list entered into its ledger, one of three items in progress.
    const { meeting } = await createFromPreset(2025);
    const study = { ...base, originKind: 'study_campaign' as const, origin: STUDY };
    await app.must('rectification.createItem', { meetingId: meeting.id, item: { ...study, problem: '公务接待审批不严' }, sources: [] });
    const s2 = await app.must('rectification.createItem', { meetingId: meeting.id, item: { ...study, problem: '违规使用公车', measures: ['公车统一调度', '每月通报'] }, sources: [] });
    await app.must('rectification.createItem', { meetingId: meeting.id, item: { ...study, problem: '会议文件过多', deadline: { kind: 'ongoing', date: null } }, sources: [] });
    await app.must('rectification.createItem', { meetingId: meeting.id, item: { ...base, problem: '本次会议查摆的问题' }, sources: [] });
    const second = s2.items.find((i) => i.problem === '违规使用公车')!;
    await app.must('rectification.addProgress', { itemId: second.id, date: '2026-11-26', kind: 'progress', text: '公车平台已上线', by: '郭文静', statusTo: 'in_progress', acceptor: '', evidence: [] });

    const today = '2027-12-01';
    const opening = await app.must('rectification.opening', { meetingId: meeting.id, today });
    expect(opening.map((o) => [o.kind, o.title])).toEqual([['notice', `通报${STUDY}情况`], ['last_year', '通报上年度民主生活会整改落实情况']]);
    // The numbers against plain SQL, read apart from the code under test.
    expect(checkCarryOver(opening[0].paragraphs, sqlCarryOverTruth(app.ctx.sqlite, meeting.id, STUDY, today, STUDY))).toEqual([]);
    expect(checkCarryOver(opening[1].paragraphs, sqlCarryOverTruth(app.ctx.sqlite, old.id, `${old.date.slice(0, 4)}年${Number(old.date.slice(5, 7))}月${Number(old.date.slice(8))}日召开的${meetingName(old).short}`, today))).toEqual([]);
    expect(opening[0].paragraphs[0]).toBe(`${STUDY}共反馈问题3个，制定整改措施4条。截至2027年12月1日，尚无已销号事项，需长期坚持1项，正在推进1项，尚未启动1项。`);
    expect(opening[0].paragraphs.join('')).toContain('原因及进展：公车平台已上线');
    expect(opening[1].paragraphs[0]).toMatch(/已完成整改并销号1项/);
    expect(opening[1].paragraphs.join('')).toContain('原因及进展：督查事项已精简一半');

    // The 会议记录: under the 通报 items nobody typed, the same paragraphs, said to come from the ledger.
    // (as of the app's today, as every document says it: the same function, so the same figures)
    const now = await app.must('rectification.opening', { meetingId: meeting.id });
    expect(now.map((o) => o.paragraphs.length)).toEqual(opening.map((o) => o.paragraphs.length));
    const minutes = new TextDecoder().decode((await minutesFile(app.ctx, meeting.id, 'txt')).bytes);
    expect(minutes).toContain('以下为据整改台账生成的通报内容');
    for (const p of [...now[0].paragraphs, ...now[1].paragraphs]) expect(minutes).toContain(p);

    // The 主持词: under each 通报 item the text the ledger supports, checked sentence by sentence against plain SQL as of
    // the app's today (the day the draft is written), and in the agenda's order.
    const script = await hostScript(meeting.id);
    const day = '2026-11-27';
    const lastLabel = `${old.date.slice(0, 4)}年${Number(old.date.slice(5, 7))}月${Number(old.date.slice(8))}日召开的${meetingName(old).short}`;
    const studyText = under(script, `通报${STUDY}情况`);
    const lastText = under(script, '通报上年度民主生活会整改落实情况');
    expect(studyText.length).toBeGreaterThan(1);
    expect(checkCarryOver(studyText, sqlCarryOverTruth(app.ctx.sqlite, meeting.id, STUDY, day, STUDY))).toEqual([]);
    expect(checkCarryOver(lastText, sqlCarryOverTruth(app.ctx.sqlite, old.id, lastLabel, day))).toEqual([]);
    expect(studyText[0]).toBe(`${STUDY}共反馈问题3个，制定整改措施4条。截至2026年11月27日，尚无已销号事项，需长期坚持1项，正在推进1项，尚未启动1项。`);
    expect(script.indexOf(studyText[0])).toBeLessThan(script.indexOf(lastText[0]));
    // Both 通报 of the ledger have text; only the 征求意见 one waits (this new meeting has no opinion yet).
    expect(script.filter((p) => p.includes('请据实补充'))).toEqual(['（本次会议尚未登记征求到的意见，此处通报内容请据实补充）']);
    expect((await app.must('prep.defaults', { meetingId: meeting.id })).hostScriptNotices.map((n) => n.title)).toEqual(['通报征求意见情况']);

    // The report: only once the meeting took place; before, the claims are listed as missing.
    const before = await app.must('report.draft', { meetingId: meeting.id });
    expect(before.missing.map((m) => m.claim)).toContain(`${STUDY}情况`);
    await app.must('meetings.setStatus', { id: meeting.id, status: 'held' });
    const draft = await app.must('report.draft', { meetingId: meeting.id });
    const held = draft.sections.find((s) => s.heading.endsWith('会议召开情况'))!.paragraphs;
    const first = held.findIndex((p) => p.startsWith(`会上通报${STUDY}情况：`));
    expect(first).toBeGreaterThanOrEqual(0);
    const reported = [held[first].replace(`会上通报${STUDY}情况：`, ''), ...held.slice(first + 1, first + now[0].paragraphs.length)];
    expect(reported).toEqual(now[0].paragraphs);
    expect(held.some((p) => p.startsWith('会上通报上年度民主生活会整改落实情况：'))).toBe(true);
  });

  it('omits a 通报 the ledger cannot support and says why', async () => {
    const { meeting } = await createFromPreset(2025);
    const opening = await app.must('rectification.opening', { meetingId: meeting.id });
    expect(opening[0]).toMatchObject({ kind: 'notice', paragraphs: [] });
    expect(opening[0].missing).toContain(STUDY);
    await app.must('meetings.setStatus', { id: meeting.id, status: 'held' });
    const draft = await app.must('report.draft', { meetingId: meeting.id });
    expect(draft.sections.flatMap((s) => s.paragraphs).some((p) => p.includes(STUDY))).toBe(false);
    expect(draft.missing.find((m) => m.claim === `${STUDY}情况`)?.why).toContain('整改台账中没有来源');
    // The 主持词 names the item and says, in a line of its own, what the ledger lacks: no figure at all.
    const script = await hostScript(meeting.id);
    const study = under(script, `通报${STUDY}情况`);
    // A fact in the host's draft, without the screen's advice (no 「导入」, no 「无从生成」 in a printed 公文).
    expect(study).toEqual([`（整改台账中没有来源为「${STUDY}」的事项，此处通报内容请据实补充）`]);
    // …and the preparation screen names it before the draft is written, in both languages.
    const [gap, ...others] = (await app.must('prep.defaults', { meetingId: meeting.id })).hostScriptNotices;
    expect(others.map((n) => n.title)).toEqual(['通报征求意见情况']);
    expect(gap).toMatchObject({ title: `通报${STUDY}情况`, missing: expect.stringContaining('整改台账中没有来源'), missingEn: expect.stringContaining('The ledger holds no item') });
    // The demo's 巡察整改专题 meeting is this team's earlier meeting; its list (the demo's) is what 上年度 reports.
    const last = under(script, '通报上年度民主生活会整改落实情况');
    expect(last.length).toBeGreaterThan(0);
    expect(last.join('')).not.toMatch(/请据实补充/);
    // A team without an earlier list: the placeholder, not a number.
    for (const i of (await app.must('rectification.get', { meetingId: app.ids.meetingId })).items) await app.must('rectification.deleteItem', { itemId: i.id });
    expect(under(await hostScript(meeting.id), '通报上年度民主生活会整改落实情况')).toEqual(['（上次民主生活会的整改清单没有事项，此处通报内容请据实补充）']);
  });
});
