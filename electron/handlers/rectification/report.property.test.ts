/**
 * The 会议情况报告 never states anything untrue, as a property:
 * 1. composeReport over ≥ 500 generated fact sets: every sentence is recognised by the oracle and true of the facts,
 *    every supported claim is made, every gap is listed;
 * 2. meeting states built through the real handlers on a real SQLite file: the facts the handler reads equal an
 *    independent plain-SQL reading, and the draft passes the same oracle against that reading.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReport, type ReportFacts } from '../../common/report/compose';
import type { ItemStatus } from '../../common/rectification/model';
import { FIXED_TODAY, openTestApp, type TestApp } from '../testing';
import { checkReport, sqlTruth } from './reportOracle';
import { checkCarryOver, checkOpinionsParagraph, sqlCarryOverTruth } from './paragraphOracles';
import { reportFacts } from './report';
import { buildScenario, type MaterialPath, type ScenarioSpec } from './reportScenario';

const NAMES = ['林向东', '周文华', '陈建国', '刘志强', '王丽萍', '赵明', '孙丽娟', '黄海峰'];
// Cores that look like markers but are words (「一、二类」「1.5亿元」「一线」) are only ever written without a prefix.
const PLAIN_CORES = ['理论学习不够深入', '联系服务群众不够紧密', '调查研究不够扎实', '担当作为不够有力', '落实中央八项规定精神有松懈', '建立调研工作台账', '坚持第一议题制度', '完善督办机制'];
const TRICKY_CORES = ['一线调研偏少', '一、二类项目审批不规范', '1.5亿元专项资金使用不规范', '（2025）号文件落实不到位', '第一议题学习后研究落实不够'];
const PREFIXES = ['', '一是', '二是', '三是', '1.', '2、', '（一）', '（二）', '①', '（1）', '一、', '（一）一是'];
const SUFFIXES = ['', '。', '；'];

/** A problem or measure text and the words the report must show for it. */
const textArb = fc.oneof(
  fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...PLAIN_CORES), fc.constantFrom(...SUFFIXES)).map(([p, c, s]) => ({ text: `${p}${c}${s}`, core: c })),
  fc.tuple(fc.constantFrom(...TRICKY_CORES), fc.constantFrom(...SUFFIXES)).map(([c, s]) => ({ text: `${c}${s}`, core: c })),
);

const AGENDA = ['主持人宣布会议开始，说明会议主要任务和出席、列席情况', '通报上年度民主生活会整改落实情况', '通报本次民主生活会征求意见情况', '书记代表领导班子作对照检查', '督导组、列席领导点评', '主持人总结讲话'];

const factsArb = fc
  .record({
    members: fc.integer({ min: 2, max: 8 }),
    absentMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    reasons: fc.array(fc.constantFrom('请假', '因病住院', '出差', '其他原因'), { minLength: 8, maxLength: 8 }),
    held: fc.boolean(),
    known: fc.boolean(),
    startTime: fc.constantFrom('', '09:00', '14:30'),
    place: fc.constantFrom('', '县政府第一会议室'),
    theme: fc.constantFrom('', '以学铸魂、以学正风', '2026年度民主生活会'),
    host: fc.boolean(),
    addressee: fc.constantFrom('', '中共青溪县委'),
    supervisors: fc.constantFrom([], [{ position: '市委第一督导组组长', name: '吴国平' }], [{ position: '市委第一督导组组长', name: '吴国平' }, { position: '市委第一督导组成员', name: '郑美玲' }]),
    attendees: fc.constantFrom([], [{ position: '县委组织部副部长', name: '何静' }]),
    study: fc.option(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }))),
    talks: fc.option(fc.integer({ min: 0, max: 30 })),
    opinions: fc.option(
      fc.record({
        raw: fc.integer({ min: 0, max: 40 }),
        unsortedShare: fc.double({ min: 0, max: 1, noNaN: true }),
        teamShare: fc.double({ min: 0, max: 1, noNaN: true }),
        merge: fc.double({ min: 0.3, max: 1, noNaN: true }),
        channels: fc.subarray(['座谈会', '个别访谈', '征求意见表', '意见箱']),
        forms: fc.constantFrom([0, 0], [50, 30], [110, 63]),
        dueMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fedMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      }),
    ),
    materials: fc.option(fc.record({ submitted: fc.integer({ min: 0, max: 9 }), team: fc.boolean(), approved: fc.integer({ min: 0, max: 9 }), resubmitted: fc.integer({ min: 0, max: 9 }) })),
    minutes: fc.option(
      fc.record({
        finalized: fc.boolean(),
        held: fc.subarray(AGENDA),
        selfMask: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        criticisms: fc.integer({ min: 0, max: 60 }),
        rounds: fc.integer({ min: 0, max: 8 }),
        /** Per member: criticisms received in his or her own round (null: no round on the agenda). */
        ownRound: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { freq: 8 }), { minLength: 8, maxLength: 8 }),
        /** Criticisms of the 书记 (member 0) by members; null: the team names no 书记. */
        secretary: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 6 }),
      }),
    ),
    rectification: fc.option(
      fc.record({
        agreed: fc.boolean(),
        labels: fc.subarray(['在政治建设方面', '在作风建设方面。', null], { minLength: 1 }),
        items: fc.array(fc.record({ problem: textArb, measures: fc.array(textArb, { maxLength: 3 }), owned: fc.boolean(), group: fc.nat(2) }), { minLength: 0, maxLength: 8 }),
        closed: fc.nat(8),
        overdue: fc.nat(8),
      }),
    ),
  })
  .map((g) => {
    const cores = new Map<string, string>();
    const names = NAMES.slice(0, g.members);
    const absent = names.filter((_, i) => g.absentMask[i]).map((name) => ({ name, reason: g.reasons[NAMES.indexOf(name)] }));
    const present = names.filter((n) => !absent.some((a) => a.name === n));
    let opinions: ReportFacts['opinions'] = null;
    if (g.opinions) {
      const o = g.opinions;
      const unsorted = Math.floor(o.raw * o.unsortedShare);
      const rawToTeam = Math.floor(o.raw * o.teamShare);
      const merged = Math.max(o.raw === unsorted ? 0 : 1, Math.floor((o.raw - unsorted) * o.merge));
      const consolidated = merged + unsorted;
      const due = names.filter((_, i) => o.dueMask[i]);
      const consolidatedToTeam = Math.min(consolidated, Math.floor(consolidated * o.teamShare));
      opinions = {
        raw: o.raw,
        unsorted,
        consolidated,
        consolidatedToTeam,
        consolidatedToMembers: consolidated - consolidatedToTeam,
        rawToTeam,
        rawToMembers: o.raw - rawToTeam,
        channels: o.channels,
        formsIssued: o.forms[0],
        formsReturned: o.forms[1],
        membersWithOpinions: due,
        membersNotFedBack: due.filter((n) => !o.fedMask[NAMES.indexOf(n)]),
      };
    }
    let rectification: ReportFacts['rectification'] = null;
    if (g.rectification) {
      const r = g.rectification;
      const groups = r.labels.map((label) => ({ label, items: [] as { problem: string; measures: string[]; owned: boolean }[] }));
      for (const it of r.items) {
        cores.set(it.problem.text, it.problem.core);
        for (const m of it.measures) cores.set(m.text, m.core);
        groups[it.group % groups.length].items.push({ problem: it.problem.text, measures: it.measures.map((m) => m.text), owned: it.owned });
      }
      const kept = groups.filter((x) => x.items.length > 0);
      const total = kept.reduce((n, x) => n + x.items.length, 0);
      const closed = Math.min(r.closed, total);
      rectification = { agreedOn: r.agreed ? '2026-11-25' : null, groups: kept, closed, overdue: Math.min(r.overdue, total - closed) };
    }
    const selfCritics = g.minutes ? present.filter((n) => g.minutes!.selfMask[NAMES.indexOf(n)]) : [];
    const facts: ReportFacts = {
      team: '中共青溪县人民政府党组',
      kindName: '2026年度民主生活会',
      today: FIXED_TODAY,
      addressee: g.addressee,
      meeting: { held: g.held, date: '2026-11-20', startTime: g.startTime, place: g.place, theme: g.theme, host: g.host ? names[0] : '' },
      attendance: { known: g.known, expected: names.length, present: present.length, absent },
      supervisors: [...g.supervisors],
      attendees: [...g.attendees],
      study: g.study === null ? null : { sessions: g.study[0], selfStudy: g.study[1] },
      opinions,
      talks: g.talks === null ? null : { personTimes: g.talks },
      materials: g.materials
        ? {
            submitted: g.materials.submitted,
            teamSubmitted: g.materials.team && g.materials.submitted > 0,
            approved: Math.min(g.materials.approved, g.materials.submitted),
            resubmitted: Math.min(g.materials.resubmitted, g.materials.submitted),
          }
        : null,
      minutes: g.minutes
        ? {
            finalized: g.minutes.finalized,
            heldItems: g.minutes.held,
            selfCritics,
            criticisms: g.minutes.criticisms,
            roundsHeld: Math.min(g.minutes.rounds, selfCritics.length),
            rounds: present.map((name) => ({ name, received: g.minutes!.ownRound[NAMES.indexOf(name)] })),
            secretary: g.minutes.secretary === null ? null : { name: names[0], present: present.includes(names[0]), fromMembers: g.minutes.secretary },
          }
        : null,
      rectification,
    };
    return { facts, core: (text: string) => cores.get(text) ?? text };
  });

describe('会议情况报告 as a property', () => {
  it('states only claims the facts support, makes every supported claim and lists the gaps (600 fact sets)', () => {
    fc.assert(
      fc.property(factsArb, (truth) => {
        const failures = checkReport(composeReport(truth.facts), truth);
        expect(failures).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  describe('through the real handlers on a real SQLite file', () => {
    let app: TestApp;
    let n = 0;
    beforeAll(async () => {
      app = await openTestApp();
    });
    afterAll(() => app.close());

    const statuses: ItemStatus[] = ['not_started', 'in_progress', 'done_pending', 'closed'];
    const paths: MaterialPath[] = ['none', 'draft', 'submitted', 'returned', 'resubmitted', 'approved', 'returnedApproved'];
    const specArb = fc
      .record({
        members: fc.integer({ min: 2, max: 5 }),
        study: fc.array(fc.constantFrom('center_group' as const, 'seminar' as const, 'self_study' as const), { maxLength: 3 }),
        absent: fc.subarray([1, 2, 3, 4]),
        markAttendance: fc.boolean(),
        host: fc.boolean(),
        place: fc.constantFrom('', '县政府第一会议室'),
        addressee: fc.constantFrom('', '中共青溪县委'),
        guests: fc.boolean().map((g): ScenarioSpec['guests'] => (g ? [{ kind: 'supervisor', position: '市委第一督导组组长', name: '吴国平' }] : [])),
        opinions: fc.array(fc.option(fc.integer({ min: 0, max: 4 })), { maxLength: 6 }),
        sortOpinions: fc.boolean(),
        feedback: fc.subarray([null, 0, 1, 2, 3, 4]),
        materials: fc.array(fc.constantFrom(...paths), { maxLength: 6 }),
        minutes: fc.record({
          open: fc.boolean(),
          exportBlank: fc.boolean(),
          advance: fc.nat(3),
          selfCritics: fc.subarray([0, 1, 2, 3, 4]),
          teamCheck: fc.boolean(),
          otherItems: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
          criticisms: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 4 }),
          roundRobin: fc.boolean(),
          outOfRound: fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 2 }),
          guestCriticisms: fc.subarray([0, 1, 2, 3, 4], { maxLength: 2 }),
          dropRounds: fc.oneof({ weight: 4, arbitrary: fc.constant<number[]>([]) }, { weight: 1, arbitrary: fc.subarray([0, 1, 2, 3, 4], { maxLength: 2 }) }),
          finalize: fc.boolean(),
        }),
        items: fc.array(fc.record({ aspect: fc.option(fc.nat(1)), problem: textArb, measures: fc.array(textArb, { maxLength: 2 }), status: fc.constantFrom(...statuses), owned: fc.boolean() }), { maxLength: 4 }),
        agree: fc.boolean(),
      })
      .map((s) => {
        const inTeam = (i: number) => i < s.members;
        const spec: ScenarioSpec = {
          ...s,
          absent: s.absent.filter(inTeam),
          opinions: s.opinions.map((t) => (t === null || !inTeam(t) ? null : t)),
          feedback: s.feedback.filter((i) => i === null || inTeam(i)),
          materials: s.materials.slice(0, s.members + 1),
          minutes: {
            ...s.minutes,
            selfCritics: s.minutes.selfCritics.filter(inTeam),
            criticisms: s.minutes.criticisms.filter(([a, b]) => a !== b && inTeam(a) && inTeam(b)),
            outOfRound: s.minutes.outOfRound.filter(([a, b]) => a !== b && inTeam(a) && inTeam(b)),
            guestCriticisms: s.minutes.guestCriticisms.filter(inTeam),
            dropRounds: s.minutes.dropRounds.filter(inTeam),
          },
          items: s.items.map((i) => ({ aspect: i.aspect, problem: i.problem.text, measures: [...new Set(i.measures.map((m) => m.text))], status: s.agree ? i.status : 'not_started', owned: i.owned })),
        };
        const cores = new Map(s.items.flatMap((i) => [[i.problem.text, i.problem.core] as const, ...i.measures.map((m) => [m.text, m.core] as const)]));
        return { spec, core: (text: string) => cores.get(text) ?? text };
      });

    /** The facts as the oracle reads them: zero and absent figures alike, names as sets. */
    const normal = (f: ReportFacts) => ({
      ...f,
      study: [f.study?.sessions || 0, f.study?.selfStudy || 0],
      talks: f.talks?.personTimes || 0,
      opinions: f.opinions && { ...f.opinions, channels: [...f.opinions.channels].sort(), membersWithOpinions: [...f.opinions.membersWithOpinions].sort(), membersNotFedBack: [...f.opinions.membersNotFedBack].sort() },
      minutes: f.minutes && { ...f.minutes, selfCritics: [...f.minutes.selfCritics].sort() },
    });

    it('reads the same facts as plain SQL and writes no untrue sentence about them (report, 通报 paragraph, next year’s carry-over)', async () => {
      await fc.assert(
        fc.asyncProperty(specArb, async ({ spec, core }) => {
          const scenario = await buildScenario(app, spec, n++);
          const truth = sqlTruth(app.ctx.sqlite, scenario.meetingId, FIXED_TODAY, core);
          expect(normal(await reportFacts(app.ctx, scenario.meetingId))).toEqual(normal(truth.facts));
          const draft = await app.must('report.draft', { meetingId: scenario.meetingId });
          expect(checkReport(draft, truth)).toEqual([]);

          // The 通报征求意见情况 paragraph of the same meeting.
          const stats = await app.must('opinions.stats', { meetingId: scenario.meetingId });
          const o = truth.facts.opinions;
          const order = ['symposium', 'interview', 'form', 'box', 'phone', 'online', 'superior', 'inspection', 'other'];
          const channels = (app.ctx.sqlite.prepare('SELECT DISTINCT channel FROM opinions WHERE meeting_id = ?').all(scenario.meetingId) as { channel: string }[]).map((r) => r.channel).sort((a, b) => order.indexOf(a) - order.indexOf(b));
          const none = { raw: 0, unsorted: 0, consolidated: 0, consolidatedToTeam: 0, consolidatedToMembers: 0, rawToTeam: 0, rawToMembers: 0, formsIssued: 0, formsReturned: 0 };
          expect(checkOpinionsParagraph(stats.paragraph, { ...none, ...o, channels })).toEqual([]);

          // The next year's 通报上年度整改落实情况 about this meeting's list.
          const next = await app.must('meetings.create', { teamId: scenario.teamId, kind: 'annual', trigger: null, triggerReason: '', year: 2027, theme: '2027年度民主生活会', date: '2027-12-20', startTime: '', place: '', hostMemberId: null, recorder: '', quorumRatio: 0.5, aspects: [], guests: [] });
          const carry = await app.must('rectification.carryOver', { meetingId: next.id, today: '2027-12-01' });
          const hasList = app.ctx.sqlite.prepare('SELECT 1 FROM rectification_lists WHERE meeting_id = ?').get(scenario.meetingId) !== undefined;
          if (!hasList) expect(carry.paragraphs).toEqual([]);
          else expect(checkCarryOver(carry.paragraphs, sqlCarryOverTruth(app.ctx.sqlite, scenario.meetingId, '2026年度民主生活会', '2027-12-01'))).toEqual([]);
        }),
        { numRuns: 40 },
      );
    }, 600_000);
  });
});
