import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing';
import { buildScenario, type ScenarioSpec } from './reportScenario';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(() => app.close());

const base: ScenarioSpec = {
  members: 4,
  study: [],
  absent: [],
  markAttendance: true,
  host: true,
  place: '县政府第一会议室',
  addressee: '',
  guests: [],
  opinions: [],
  sortOpinions: false,
  feedback: [],
  materials: [],
  minutes: { open: false, exportBlank: false, advance: 0, selfCritics: [], teamCheck: false, otherItems: [], criticisms: [], finalize: false },
  items: [],
  agree: false,
};
const spec = (patch: Partial<ScenarioSpec>, minutes: Partial<ScenarioSpec['minutes']> = {}): ScenarioSpec => ({ ...base, ...patch, minutes: { ...base.minutes, ...minutes } });

/** Everything a reader of the draft sees, in order. */
async function draftText(meetingId: number) {
  const draft = (await app.must('report.draft', { meetingId })) as Awaited<ReturnType<typeof app.must<'report.draft'>>> & Record<string, unknown>;
  const opening = Array.isArray(draft.opening) ? (draft.opening as string[]) : [];
  const text = [draft.title, String(draft.addressee ?? ''), ...opening, ...draft.sections.flatMap((s) => [s.heading, ...s.paragraphs]), String(draft.closing ?? ''), ...draft.attachments].join('\n');
  return { draft, text };
}

describe('会议情况报告 states only what the data shows', () => {
  it('does not say a returned material was resubmitted when it never was', async () => {
    const s = await buildScenario(app, spec({ materials: ['approved', 'returned', 'resubmitted'] }));
    const { text } = await draftText(s.meetingId);
    expect(text).toContain('其中1份经退回修改后重新提交');
    const s2 = await buildScenario(app, spec({ materials: ['approved', 'returned'] }), 1);
    expect((await draftText(s2.meetingId)).text).not.toContain('重新提交');
  });

  it('counts the people who gave a 自我批评, not the 班子 对照检查 as one more', async () => {
    const s = await buildScenario(app, spec({}, { teamCheck: true, selfCritics: [0, 1, 2, 3], criticisms: [[1, 0]] }));
    const { text } = await draftText(s.meetingId);
    expect(text).not.toMatch(/自我批评5人次/);
    expect(text).toContain('4名同志作个人对照检查发言');
  });

  it('after only opening the console or exporting a blank record, states no agenda and no 0 criticisms', async () => {
    const s = await buildScenario(app, spec({}, { open: true, exportBlank: true }));
    const { draft, text } = await draftText(s.meetingId);
    expect(text).not.toContain('会议主要议程');
    expect(text).not.toContain('批评意见0条');
    expect(JSON.stringify(draft.missing)).toContain('批评意见条数');
  });

  it('says feedback reached all members only when it did', async () => {
    const s = await buildScenario(app, spec({ opinions: [0, 1, 2, 3, null], sortOpinions: true, feedback: [1] }));
    const { draft, text } = await draftText(s.meetingId);
    expect(text).not.toContain('均原汁原味反馈本人');
    expect(text).not.toContain('均已原汁原味反馈本人');
    expect(text).toContain('已向1名班子成员原汁原味反馈');
    expect(JSON.stringify(draft.missing)).toContain('意见反馈本人');
    const all = await buildScenario(app, spec({ opinions: [0, 1, 2, 3, null], sortOpinions: true, feedback: [0, 1, 2, 3] }), 1);
    expect((await draftText(all.meetingId)).text).toContain('对班子成员个人的意见均已原汁原味反馈本人');
  });

  it('numbers problems once (no 一是一是) and never prints 「（未归类）」', async () => {
    const s = await buildScenario(
      app,
      spec({
        items: [
          { aspect: 0, problem: '一是理论学习不够深入。', measures: ['1.坚持第一议题制度'], status: 'not_started', owned: true },
          { aspect: 0, problem: '二是联系群众不够紧密；', measures: ['（一）建立联系点'], status: 'not_started', owned: true },
          { aspect: null, problem: '（一）调查研究不够。', measures: ['开展蹲点调研'], status: 'not_started', owned: true },
        ],
      }),
    );
    const { text } = await draftText(s.meetingId);
    expect(text).not.toMatch(/一是一是|二是二是|一是1\.|二是（一）/);
    expect(text).toContain('一是理论学习不够深入；二是联系群众不够紧密。');
    expect(text).not.toContain('未归类');
    expect(text).toContain('其他方面。调查研究不够。');
  });

  it("never reports an absent member's 对照检查 as delivered", async () => {
    const s = await buildScenario(app, spec({ absent: [3] }, { selfCritics: [0, 1, 2] }));
    const { text } = await draftText(s.meetingId);
    expect(text).not.toContain('刘志强同志个人对照检查发言');
    expect(text).toContain('林向东、周文华、陈建国3名同志作个人对照检查发言');
  });

  it('does not count 个人自学 as 集中学习研讨', async () => {
    const s = await buildScenario(app, spec({ study: ['center_group', 'self_study', 'self_study'] }));
    const { text } = await draftText(s.meetingId);
    expect(text).toContain('会前，班子开展集中学习研讨1次，班子成员个人自学2次。');
  });

  it('has a 主送机关 line (placeholder listed as missing), an opening paragraph, 「特此报告。」 and the 落款', async () => {
    const s = await buildScenario(app, spec({}, { selfCritics: [0], finalize: true }));
    const { draft } = await draftText(s.meetingId);
    expect(draft.addressee).toBe('（主送机关）');
    expect(JSON.stringify(draft.missing)).toContain('主送机关');
    expect(draft.opening.join('')).toContain('2026年11月20日9时，中共青溪县第1局党组在县政府第一会议室召开2026年度民主生活会，林向东同志主持会议。');
    expect(draft.opening.join('')).toContain('班子成员应到4人，实到4人。');
    expect(draft.closing).toBe('特此报告。');
    expect(draft.signature).toEqual({ organ: '中共青溪县第1局党组', date: '2026年11月27日' });
    const named = await app.must('report.setAddressee', { meetingId: s.meetingId, addressee: '中共青溪县委' });
    expect(named.addressee).toBe('中共青溪县委');
    expect(JSON.stringify(named.missing)).not.toContain('主送机关');
  });

  describe('says criticism reached everyone and the 书记 only when the finalised record shows it', () => {
    const EVERYONE = /出席会议的\d+名班子成员在本人对照检查环节均收到批评意见/;
    const missingWhy = (draft: { missing: { claim: string; why: string }[] }, claim: string) => draft.missing.find((m) => m.claim === claim)?.why;

    it('states both when every round holds criticism, and drops the first once one round is emptied', async () => {
      const s = await buildScenario(app, spec({}, { selfCritics: [0, 1, 2, 3], roundRobin: true, finalize: true }));
      let { draft, text } = await draftText(s.meetingId);
      expect(text).toContain('班子成员相互提出批评意见12条。出席会议的4名班子成员在本人对照检查环节均收到批评意见。班子成员对主要负责同志提出批评意见3条。');
      expect(missingWhy(draft, '每名班子成员均收到批评意见')).toBeUndefined();
      expect(missingWhy(draft, '对主要负责同志的批评意见')).toBeUndefined();

      // Reopen the record, empty 陈建国's round, finalise again: the sentence goes and the gap names him.
      await app.must('minutes.reopen', { meetingId: s.meetingId, reason: '核对记录' });
      const state = await app.must('minutes.console', { meetingId: s.meetingId });
      const round = state.agenda.find((a) => a.kind === 'member_round' && a.memberId === s.memberIds[2])!;
      for (const e of state.entries.filter((x) => x.agendaItemId === round.id && x.type === 'criticism')) await app.must('minutes.deleteEntry', { id: e.id });
      await app.must('minutes.finalize', { meetingId: s.meetingId, hostConfirmed: '林向东', recorderConfirmed: '郭文静' });
      ({ draft, text } = await draftText(s.meetingId));
      expect(text).not.toMatch(EVERYONE);
      expect(text).toContain('班子成员相互提出批评意见9条。');
      expect(missingWhy(draft, '每名班子成员均收到批评意见')).toBe('陈建国的个人对照检查环节未记录其他班子成员的批评意见');
      expect(text).toContain('班子成员对主要负责同志提出批评意见3条。');
    });

    it('never says the 书记 was criticised when nobody did, and names him in the gap', async () => {
      const s = await buildScenario(app, spec({}, { selfCritics: [0, 1, 2], criticisms: [[0, 1], [2, 1], [0, 2], [1, 2]], finalize: true }));
      const { draft, text } = await draftText(s.meetingId);
      expect(text).not.toContain('主要负责同志');
      expect(text).not.toMatch(EVERYONE);
      expect(missingWhy(draft, '对主要负责同志的批评意见')).toBe('会议记录中没有班子成员对书记林向东的批评意见');
      expect(missingWhy(draft, '每名班子成员均收到批评意见')).toBe('林向东、刘志强的个人对照检查环节未记录其他班子成员的批评意见');
    });

    it('counts only members in 「相互」 and in the rounds: the 督导组\'s criticisms do not make a silent round heard', async () => {
      // 林向东 (书记) and 周文华 criticised only by the 督导组; 陈建国 and 刘志强 by a member.
      const s = await buildScenario(app, spec({}, { selfCritics: [0, 1, 2], criticisms: [[0, 2], [0, 3]], guestCriticisms: [0, 1, 2], finalize: true }));
      const { draft, text } = await draftText(s.meetingId);
      expect(text).toContain('班子成员相互提出批评意见2条。');
      expect(text).not.toMatch(EVERYONE);
      expect(text).not.toContain('主要负责同志提出批评意见');
      expect(missingWhy(draft, '每名班子成员均收到批评意见')).toBe('林向东、周文华的个人对照检查环节未记录其他班子成员的批评意见');
      expect(missingWhy(draft, '对主要负责同志的批评意见')).toBe('会议记录中没有班子成员对书记林向东的批评意见');
    });

    it('says nothing of the kind from a record not finalised', async () => {
      const s = await buildScenario(app, spec({}, { selfCritics: [0, 1, 2, 3], roundRobin: true }));
      const { draft, text } = await draftText(s.meetingId);
      expect(text).toContain('班子成员相互提出批评意见12条。');
      expect(text).not.toMatch(EVERYONE);
      expect(text).not.toContain('主要负责同志');
      expect(missingWhy(draft, '每名班子成员均收到批评意见')).toBe('会议记录尚未定稿');
      expect(missingWhy(draft, '对主要负责同志的批评意见')).toBe('会议记录尚未定稿');
      // A record still being taken (or a meeting days away) that holds no criticism of the 书记 yet: the reason is
      // the record not finalised, as for the sentence above, not a finding that nobody criticised him.
      const early = await buildScenario(app, spec({}, { selfCritics: [0, 1], criticisms: [[0, 1]] }), 1);
      expect(missingWhy((await draftText(early.meetingId)).draft, '对主要负责同志的批评意见')).toBe('会议记录尚未定稿');
    });

    it('counts a member criticised only outside his own round as a silent round, and the 书记 criticised anywhere', async () => {
      const s = await buildScenario(app, spec({ absent: [3] }, { roundRobin: true, dropRounds: [0], outOfRound: [[1, 0]], finalize: true }));
      const { draft, text } = await draftText(s.meetingId);
      // 刘志强 was absent: his round is not expected. 林向东 has no round of his own on the agenda.
      expect(text).not.toMatch(EVERYONE);
      expect(missingWhy(draft, '每名班子成员均收到批评意见')).toBe('议程中没有林向东的个人对照检查环节');
      // Two criticisms of 林向东 under the 班子 对照检查 (round robin falls back there) and one more: 3 by members.
      expect(text).toContain('班子成员对主要负责同志提出批评意见3条。');
      const all = await buildScenario(app, spec({ absent: [3] }, { roundRobin: true, finalize: true }), 1);
      expect((await draftText(all.meetingId)).text).toContain('出席会议的3名班子成员在本人对照检查环节均收到批评意见。');
    });
  });
});
