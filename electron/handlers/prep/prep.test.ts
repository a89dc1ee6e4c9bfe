import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import { noticeDeadline } from './index';
import type { DemoIds } from '../../../seeds/demo';
import { bodyParagraphs, find, findAll, readDocx, runFormat, textOf } from '../../documents/gbt9704/testkit';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
});
afterEach(() => app.close());

describe('preparation drafts', () => {
  it('writes the 会议方案 in GB/T 9704 format with step dates from the settings', async () => {
    await app.must('settings.update', { stepOffsets: { plan: -20 } });
    const saved = await app.must('prep.plan', { meetingId: app.ids.meetingId, issueDate: '2026-01-05' });
    expect(saved.saved).toBe(true);
    expect(saved.fileName).toBe('中共青溪县人民政府党组关于召开巡察整改专题民主生活会的方案（草稿）.docx');
    const docx = await readDocx(fs.readFileSync(saved.path!));
    const paragraphs = bodyParagraphs(docx.document);
    const texts = paragraphs.map(textOf);
    // Title: 2号 (44 half-points) 方正小标宋简体, centred.
    const title = runFormat(find(paragraphs[0], 'w:r')!);
    expect(texts[0]).toBe('中共青溪县人民政府党组\n关于召开巡察整改专题民主生活会的方案');
    expect(title).toMatchObject({ eastAsia: '方正小标宋简体', size: 44 });
    // Margins: top 37 mm = 2098 twips, left 28 mm = 1588 twips.
    const pgMar = find(docx.sections.at(-1)!, 'w:pgMar')!;
    expect(pgMar.attrs).toMatchObject({ 'w:top': '2098', 'w:left': '1588' });
    const body = texts.join('\n');
    // The meeting is on 2026-12-09 (twelve days after the fixed test day): dates in 2026年1月5日 form, no leading zeros.
    expect(body).toContain('时间：2026年12月9日（星期三）上午8:30。');
    expect(body).toContain('制定会议方案。研究制定会议方案，报上级党组织审核备案。2026年11月19日前完成。');
    expect(body).toContain('开展谈心谈话。');
    expect(body).toContain('2026年12月4日前完成');
    expect(body).toMatch(/\n2026年1月5日$/);
    expect(body).not.toMatch(/\d{4}年0\d月|月0\d日/);
    // Agenda in domain order; a 专题 meeting has no 谈话函询 item.
    const agenda = ['主持人说明会议主要任务', '通报上年度民主生活会整改', '通报本次民主生活会征求意见情况', '书记代表领导班子作对照检查', '书记作个人对照检查发言', '班子成员逐一作个人对照检查发言', '督导组、列席领导点评讲话', '主持人作总结讲话'];
    const positions = agenda.map((a) => body.indexOf(a));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).not.toContain('谈话函询');
    expect(body).toContain('列席：杨光（县纪委监委派驻第一纪检监察组组长）；何静（县委组织部副部长）。');
    // Level-1 headings in 黑体, body in 仿宋_GB2312.
    const heading = paragraphs.find((p) => textOf(p) === '一、会议主题')!;
    expect(runFormat(find(heading, 'w:r')!).eastAsia).toBe('黑体');
    const para = paragraphs.find((p) => textOf(p).startsWith('地点：'))!;
    expect(runFormat(find(para, 'w:r')!)).toMatchObject({ eastAsia: '仿宋_GB2312', size: 32 });
    const log = await app.must('exportLog.list', {});
    expect(log[0]).toMatchObject({ kind: 'prep.plan', meetingId: app.ids.meetingId });
  });

  it('follows the unit font profile', async () => {
    await app.must('settings.update', { document: { fontProfile: 'system' } });
    const saved = await app.must('prep.plan', { meetingId: app.ids.meetingId, issueDate: '2026-11-27' });
    const docx = await readDocx(fs.readFileSync(saved.path!));
    expect(runFormat(find(bodyParagraphs(docx.document)[0], 'w:r')!).eastAsia).toBe('华文中宋');
  });

  it('writes the 征求意见通知 with aspects, channels, deadline and where to send', async () => {
    const defaults = await app.must('prep.defaults', { meetingId: app.ids.meetingId });
    // Five days before the 征求意见 step (2026-11-29) would be past; three days from today is within the step.
    expect(defaults.noticeDeadline).toBe('2026-11-29');
    expect(noticeDeadline('2026-12-20', '2026-11-27')).toBe('2026-12-15');
    expect(noticeDeadline('2026-11-25', '2026-11-27')).toBe('2026-11-30');
    const saved = await app.must('prep.opinionNotice', {
      meetingId: app.ids.meetingId,
      deadline: '2026-12-01',
      recipients: '各乡镇党委，县直各单位党组织',
      channels: ['召开座谈会', '发放征求意见表'],
      sendTo: '县政府办公室秘书科（县政府大楼305室）',
      contact: '郭文静',
      phone: '0571-12345678',
      issuer: '中共青溪县人民政府党组',
      issueDate: '2026-11-20',
    });
    const body = bodyParagraphs((await readDocx(fs.readFileSync(saved.path!))).document).map(textOf).join('\n');
    expect(body).toContain('各乡镇党委，县直各单位党组织：');
    expect(body).toContain('（一）在坚持和加强党的全面领导、贯彻落实上级决策部署方面。');
    expect(body).toContain('采取召开座谈会、发放征求意见表等方式进行。');
    expect(body).toContain('请于2026年12月1日前将意见建议（加盖单位公章）报送至县政府办公室秘书科（县政府大楼305室）。联系人：郭文静，联系电话：0571-12345678。');
    expect(body).toMatch(/\n2026年11月20日$/);
  });

  it('refuses a bad deadline or no channel, writing no file', async () => {
    const before = app.counts();
    const base = { meetingId: app.ids.meetingId, deadline: '2026-11-31', recipients: '各单位', channels: ['电话'], sendTo: '办公室', contact: '', phone: '', issuer: '党组', issueDate: '2026-11-20' };
    expect(await app.call('prep.opinionNotice', base)).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await app.call('prep.opinionNotice', { ...base, deadline: '2026-11-30', channels: [] })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await app.call('prep.plan', { meetingId: 99999, issueDate: '2026-11-20' })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(app.counts()).toEqual(before);
    expect(fs.existsSync(app.exportDir) ? fs.readdirSync(app.exportDir) : []).toEqual([]);
  });
});

describe('会议通知, 签到表 and 主持词', () => {
  const docText = async (path: string) => bodyParagraphs((await readDocx(fs.readFileSync(path))).document).map(textOf).join('\n');
  const noticeInput = (meetingId: number) => ({ meetingId, recipients: '各位班子成员，列席会议同志', contact: '郭文静', phone: '0571-12345678', issuer: '中共青溪县人民政府党组', issueDate: '2026-12-06' });

  it('writes the 会议通知 from the meeting: time, place, members, 列席, the agenda, contact and date', async () => {
    const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const defaults = await app.must('prep.defaults', { meetingId: meeting.id });
    expect(defaults.gaps.meetingNotice).toEqual([]);
    const saved = await app.must('prep.meetingNotice', noticeInput(meeting.id));
    expect(saved.fileName).toBe('中共青溪县人民政府党组关于召开巡察整改专题民主生活会的通知（草稿）.docx');
    const body = await docText(saved.path!);
    expect(body).toContain('各位班子成员，列席会议同志：');
    expect(body).toContain(`经研究，定于2026年12月9日（星期三）上午8:30在${meeting.place}召开巡察整改专题民主生活会。`);
    expect(body).toContain(`出席：中共青溪县人民政府党组班子成员${members.length}人：${members[0].name}（${members[0].position}）；`);
    expect(body).toContain('列席：杨光（县纪委监委派驻第一纪检监察组组长）；何静（县委组织部副部长）。');
    // The agenda is the standard one of a 专题 meeting (no 谈话函询), one line per member round.
    expect(body).toContain('1.主持人宣布会议开始');
    expect(body).not.toContain('谈话函询');
    for (const m of members) expect(body).toContain(`${m.name}同志`);
    expect(body).toContain('联系人：郭文静，联系电话：0571-12345678。');
    expect(body).toMatch(/\n2026年12月6日$/);
    expect(body).not.toContain('待定');
    expect((await app.must('exportLog.list', {}))[0]).toMatchObject({ kind: 'prep.meetingNotice' });
  });

  it('leaves a missing place and time as a visible gap and lists them before export, never invents them', async () => {
    const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
    const { id: _id, status: _s, teamName: _t, ...fields } = meeting;
    await app.must('meetings.update', { id: meeting.id, meeting: { ...fields, aspects: fields.aspects.map((a) => ({ id: a.id, label: a.label })), place: '', startTime: '' } });
    const defaults = await app.must('prep.defaults', { meetingId: meeting.id });
    expect(defaults.gaps.meetingNotice.map((g) => g.key)).toEqual(['startTime', 'place']);
    expect(defaults.gaps.signIn.map((g) => g.placeholder)).toEqual(['（时间待定）', '（地点待定）']);
    expect(defaults.gaps.hostScript).toEqual([]);
    const notice = await docText((await app.must('prep.meetingNotice', noticeInput(meeting.id))).path!);
    expect(notice).toContain('定于2026年12月9日（星期三）（时间待定）在（地点待定）召开');
    expect(notice).toContain('地点：（地点待定）。');
    const signIn = await docText((await app.must('prep.signIn', { meetingId: meeting.id })).path!);
    expect(signIn).toContain('地点：（地点待定）');
  });

  it('writes the 签到表 with every member and guest and an empty 签到 column', async () => {
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const saved = await app.must('prep.signIn', { meetingId: app.ids.meetingId });
    const docx = await readDocx(fs.readFileSync(saved.path!));
    const cells = findAll(find(docx.document, 'w:tbl')!, 'w:tr').map((row) => findAll(row, 'w:tc').map(textOf));
    expect(cells[0]).toEqual(['序号', '姓名', '职务', '签到', '类别']);
    expect(cells.slice(1, members.length + 1).map((c) => c[1])).toEqual(members.map((m) => m.name));
    expect(cells.slice(1).every((c) => c[3] === '')).toBe(true);
    expect(cells.slice(members.length + 1).map((c) => `${c[1]}${c[4]}`)).toEqual(['吴国平督导', '郑美玲督导', '杨光列席', '何静列席']);
  });

  it('writes the 主持词 item by item from the console agenda, naming each round’s member', async () => {
    const state = await app.must('minutes.prepare', { meetingId: app.ids.meetingId });
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const host = members.find((m) => m.role === 'secretary')!;
    // The secretary adds an item in the console: the 主持词 follows the console's agenda, not the standard one.
    const items = state.agenda.map((a) => ({ id: a.id, kind: a.kind, title: a.title, memberId: a.memberId, plannedMinutes: a.plannedMinutes }));
    items.splice(1, 0, { id: undefined as unknown as number, kind: 'other', title: '通报中央八项规定精神学习教育整改整治情况', memberId: null, plannedMinutes: null });
    await app.must('minutes.saveAgenda', { meetingId: app.ids.meetingId, items: items.map(({ id, ...rest }) => (id ? { id, ...rest } : rest)) });
    const defaults = await app.must('prep.defaults', { meetingId: app.ids.meetingId });
    expect(defaults.agendaFromMinutes).toBe(true);
    const body = await docText((await app.must('prep.hostScript', { meetingId: app.ids.meetingId })).path!);
    expect(body.split('\n').slice(0, 2).join('')).toBe('在中共青溪县人民政府党组巡察整改专题民主生活会上的主持词');
    expect(body).toContain(`应到班子成员${members.length}人，实到＿＿人。`);
    expect(body).toContain(`今天的会议共有${items.length - 1}项议程。`);
    expect(body).toContain('下面，进行第一项议程：通报中央八项规定精神学习教育整改整治情况。');
    const other = members.find((m) => m.id !== host.id)!;
    expect(body).toContain(`议程。请${other.name}同志作个人对照检查发言，然后请同志们逐一对${other.name}同志提出批评意见，最后请${other.name}同志作简要回应表态。`);
    expect(body).toContain('我作个人对照检查发言，然后请同志们逐一对我提出批评意见');
    expect(body).toContain('请吴国平、郑美玲同志点评讲话。');
    expect(body).toMatch(/会议到此结束。散会。$/);
    // Under 通报征求意见情况 the opinions board's own paragraph, word for word (the one source of those figures).
    const { paragraph } = await app.must('opinions.stats', { meetingId: app.ids.meetingId });
    expect(paragraph).toMatch(/共征求意见建议\d+条/);
    expect(body).toContain(`征求意见情况。\n${paragraph}\n`);
    expect(defaults.hostScriptNotices.map((n) => n.title)).not.toContain('通报征求意见情况');
  });

  it('leaves the 征求意见 通报 as a bracketed gap while the meeting has no opinion, and lists it on the screen', async () => {
    const old = await app.must('meetings.get', { id: app.ids.meetingId });
    const meeting = await app.must('meetings.create', {
      teamId: app.ids.teamId, kind: 'annual', trigger: null, triggerReason: '', year: 2027, theme: '2027年度民主生活会', date: '2027-12-20', startTime: '09:00',
      place: '县政府常务会议室', hostMemberId: old.hostMemberId, recorder: old.recorder, quorumRatio: old.quorumRatio, aspects: [{ label: '在政治建设方面' }], guests: [],
      rules: { caseAnalysis: false, reportInquiries: true, notices: [] },
    });
    const defaults = await app.must('prep.defaults', { meetingId: meeting.id });
    expect(defaults.hostScriptNotices.map((n) => n.title)).toContain('通报征求意见情况');
    const body = await docText((await app.must('prep.hostScript', { meetingId: meeting.id })).path!);
    expect(body).toContain('征求意见情况。\n（本次会议尚未登记征求到的意见，此处通报内容请据实补充）');
    expect(body).not.toMatch(/共征求意见建议\d/);
  });
});
