/**
 * Meeting states for the 会议情况报告 tests, built only through the real channels: who attended, whose material was
 * submitted, returned or resubmitted, who was given feedback, what the minutes hold, the rectification items.
 */
import type { Material } from '../../common/materials';
import type { ItemStatus } from '../../common/rectification/model';
import type { TestApp } from '../testing';

export type MaterialPath = 'none' | 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'approved' | 'returnedApproved';

export interface ScenarioSpec {
  /** Team size; member 0 is the 书记. */
  members: number;
  /** Forms of the study sessions held. */
  study: readonly ('center_group' | 'seminar' | 'self_study')[];
  absent: readonly number[];
  /** Attendance marks written even for those present. */
  markAttendance: boolean;
  host: boolean;
  place: string;
  addressee: string;
  guests: { kind: 'supervisor' | 'attendee'; position: string; name: string }[];
  /** Each opinion's target: a member index, or null for the 班子. */
  opinions: (number | null)[];
  /** Merge every raw opinion into its own consolidated opinion. */
  sortOpinions: boolean;
  /** Member indices (or null for the 班子) whose feedback file is exported. */
  feedback: (number | null)[];
  /** Material path of the 班子 (index 0) and each member (index i + 1). */
  materials: readonly MaterialPath[];
  minutes: {
    open: boolean;
    exportBlank: boolean;
    /** Only the console is moved on (F8), nothing typed. */
    advance: number;
    /** Member indices who speak in their own round (self-criticism), present or not (absent ones are refused by the oracle). */
    selfCritics: readonly number[];
    teamCheck: boolean;
    /** Non-member-round agenda positions (0 = opening…) that get a report entry. */
    otherItems: readonly number[];
    criticisms: readonly (readonly [number, number])[];
    /** Every present member criticises every other present member in the latter's round. */
    roundRobin?: boolean;
    /** Criticisms [from, to] recorded under the 班子 对照检查 item, outside the member's own round. */
    outOfRound?: readonly (readonly [number, number])[];
    /** Member indices criticised by a guest (the 督导组) in their own round: not 「相互」, and not a member's criticism. */
    guestCriticisms?: readonly number[];
    /** Member indices whose round is taken off the agenda before anything is typed. */
    dropRounds?: readonly number[];
    finalize: boolean;
  };
  items: { aspect: number | null; problem: string; measures: string[]; status: ItemStatus; owned: boolean }[];
  agree: boolean;
}

export interface Scenario {
  meetingId: number;
  teamId: number;
  memberIds: number[];
  names: string[];
}

const NAMES = ['林向东', '周文华', '陈建国', '刘志强', '王丽萍', '赵明'];

/** The material with one problem under its first aspect (the empty template has aspects but no items). */
function withFirstProblem(content: Material, text: string): Material {
  const copy = structuredClone(content);
  const problems = copy.sections[0];
  const block = problems.kind === 'problems' ? problems.children.find((c) => c.type === 'aspect') : undefined;
  if (!block || block.type !== 'aspect') throw new Error('the empty material has no aspect block');
  block.children = [{ id: 'scenario-problem', type: 'item', label: '', heading: '', text, examples: [], listStyle: 'none', children: [] }];
  return copy;
}

/** A scanned 验收 record as far as the evidence check goes: a PDF by its bytes. */
function acceptancePdf(): Uint8Array<ArrayBuffer> {
  const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  const out = new Uint8Array(new ArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}

export async function buildScenario(app: TestApp, spec: ScenarioSpec, n = 0): Promise<Scenario> {
  const team = await app.must('teams.create', { name: `青溪县第${n + 1}局党组`, organ: 'party_group', unit: '' });
  const memberIds: number[] = [];
  for (let i = 0; i < spec.members; i++) {
    const m = await app.must('members.create', { teamId: team.id, name: NAMES[i], position: i === 0 ? '局长' : '副局长', role: i === 0 ? 'secretary' : 'member', portfolio: '' });
    memberIds.push(m.id);
  }
  const meeting = await app.must('meetings.create', {
    teamId: team.id,
    kind: 'annual',
    trigger: null,
    triggerReason: '',
    year: 2026,
    theme: '以学铸魂、以学正风',
    date: '2026-11-20',
    startTime: '09:00',
    place: spec.place,
    hostMemberId: spec.host ? memberIds[0] : null,
    recorder: '郭文静',
    quorumRatio: 0.5,
    aspects: [{ label: '在政治建设方面' }, { label: '在作风建设方面' }],
    guests: spec.guests,
  });
  const meetingId = meeting.id;
  const aspects = meeting.aspects.map((a) => a.id);
  if (spec.addressee) await app.must('report.setAddressee', { meetingId, addressee: spec.addressee });
  for (let i = 0; i < spec.members; i++) {
    const absent = spec.absent.includes(i);
    if (absent || spec.markAttendance) await app.must('attendance.set', { meetingId, memberId: memberIds[i], present: !absent, absenceReason: absent ? 'leave' : null, note: '' });
  }

  for (const form of spec.study) {
    await app.must('study.create', { meetingId, session: { date: '2026-10-15', form, topic: '学习党的创新理论', hours: 2, notes: '', attendeeIds: [] } });
  }

  // 征求意见 and feedback.
  for (const [k, target] of spec.opinions.entries()) {
    await app.must('opinions.create', {
      meetingId,
      opinion: { channel: k % 2 ? 'form' : 'symposium', source: '', date: '2026-10-10', targetMemberId: target === null ? null : memberIds[target], aspectId: aspects[k % 2], text: `意见第${k + 1}条`, anonymous: true, submitter: '' },
    });
  }
  if (spec.sortOpinions && spec.opinions.length) await app.must('opinions.confirmSingles', { meetingId, handling: 'feedback' });
  const feedback = [...new Set(spec.feedback)].map((i) => (i === null ? null : memberIds[i]));
  if (feedback.length === 1) await app.must('opinions.exportFeedback', { meetingId, memberIds: feedback, format: 'xlsx' });
  else if (feedback.length > 1) await app.must('opinions.exportFeedback', { meetingId, memberIds: feedback, format: 'xlsx' });

  // 对照检查材料.
  for (const [k, path] of spec.materials.entries()) {
    if (path === 'none' || k > spec.members) continue;
    const created = await app.must('materials.create', { meetingId, memberId: k === 0 ? null : memberIds[k - 1], content: null });
    const saved = await app.must('materials.save', { id: created.id, content: withFirstProblem(created.content, '理论学习不够深入。'), revision: created.revision + 1 });
    if (path === 'draft') continue;
    await app.must('materials.submit', { id: created.id, note: '初稿' });
    if (path === 'approved') await app.must('materials.review', { id: created.id, decision: 'approve', reviewer: '吴国平', comment: '', deadline: null });
    if (path === 'submitted' || path === 'approved') continue;
    const returned = await app.must('materials.review', { id: created.id, decision: 'return', reviewer: '吴国平', comment: '剖析不深，请修改。', deadline: null });
    if (path === 'returned') continue;
    await app.must('materials.save', { id: created.id, content: withFirstProblem(returned.content, '理论学习不够深入，联系实际不够。'), revision: saved.revision + 5 });
    await app.must('materials.submit', { id: created.id, note: '修改稿' });
    if (path === 'returnedApproved') await app.must('materials.review', { id: created.id, decision: 'approve', reviewer: '吴国平', comment: '', deadline: null });
  }

  // 会议记录.
  const mn = spec.minutes;
  const robin = mn.roundRobin ? memberIds.flatMap((_, from) => memberIds.map((__, to) => [from, to] as const)).filter(([a, b]) => a !== b && !spec.absent.includes(a) && !spec.absent.includes(b)) : [];
  const dropped = new Set((mn.dropRounds ?? []).map((i) => memberIds[i]));
  if (mn.open || mn.exportBlank || mn.advance > 0 || mn.selfCritics.length || mn.teamCheck || mn.otherItems.length || mn.criticisms.length || robin.length || mn.outOfRound?.length || mn.guestCriticisms?.length || mn.finalize) {
    let console = await app.must('minutes.prepare', { meetingId });
    if (dropped.size > 0) {
      const items = console.agenda.filter((a) => !(a.kind === 'member_round' && a.memberId !== null && dropped.has(a.memberId)));
      console = await app.must('minutes.saveAgenda', { meetingId, items: items.map((a) => ({ id: a.id, kind: a.kind, title: a.title, memberId: a.memberId, plannedMinutes: a.plannedMinutes })) });
    }
    if (mn.exportBlank) await app.must('minutes.export', { meetingId, format: 'txt' });
    for (let i = 0; i < mn.advance; i++) await app.must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    let key = 0;
    const save = async (agendaItemId: number, type: 'self_criticism' | 'criticism' | 'report', from: number | null, to: number | null, text: string, fromGuest = '') => {
      key++;
      await app.must('minutes.saveEntry', { meetingId, key: `scenario-${n}-${key}`, revision: 1, agendaItemId, type, fromMemberId: from, fromGuest, toMemberId: to, aspectId: null, text, draft: false });
    };
    const team = console.agenda.find((a) => a.kind === 'team_check')!;
    // A member without a round is criticised under the 班子 对照检查 item.
    const round = (memberIndex: number) => console.agenda.find((a) => a.kind === 'member_round' && a.memberId === memberIds[memberIndex]) ?? team;
    const others = console.agenda.filter((a) => a.kind !== 'member_round' && a.kind !== 'team_check');
    for (const pos of mn.otherItems) if (others[pos]) await save(others[pos].id, 'report', memberIds[0], null, `${others[pos].title}的记录`);
    if (mn.teamCheck) await save(team.id, 'self_criticism', memberIds[0], null, '班子对照检查发言要点');
    for (const i of mn.selfCritics) await save(round(i).id, 'self_criticism', memberIds[i], memberIds[i], `${NAMES[i]}自我批评要点`);
    for (const [from, to] of [...mn.criticisms, ...robin]) await save(round(to).id, 'criticism', memberIds[from], memberIds[to], `${NAMES[from]}对${NAMES[to]}的批评`);
    for (const [from, to] of mn.outOfRound ?? []) await save(team.id, 'criticism', memberIds[from], memberIds[to], `${NAMES[from]}在班子对照检查时对${NAMES[to]}的批评`);
    for (const to of mn.guestCriticisms ?? []) await save(round(to).id, 'criticism', null, memberIds[to], `督导组对${NAMES[to]}的批评`, '吴国平');
    const hasText = mn.otherItems.some((p) => others[p]) || mn.teamCheck || mn.selfCritics.length > 0 || mn.criticisms.length > 0 || robin.length > 0 || Boolean(mn.outOfRound?.length) || Boolean(mn.guestCriticisms?.length);
    if (mn.finalize && hasText) await app.must('minutes.finalize', { meetingId, hostConfirmed: NAMES[0], recorderConfirmed: '郭文静' });
  }

  // 整改清单.
  for (const item of spec.items) {
    await app.must('rectification.createItem', {
      meetingId,
      item: {
        aspectId: item.aspect === null ? null : aspects[item.aspect],
        memberId: null,
        problem: item.problem,
        target: '',
        // An agreed list needs at least one 整改措施 on every item (rectification.agree refuses it otherwise).
        measures: spec.agree && item.measures.length === 0 ? ['制定专项学习计划，按月检查落实'] : item.measures,
        // An agreed list needs a leader and a person for every item; only the unit can still be missing then.
        leaderIds: item.owned || spec.agree ? [memberIds[0]] : [],
        unit: item.owned ? '办公室' : '',
        ownerPerson: item.owned || spec.agree ? '黄海峰' : '',
        deadline: { kind: 'date', date: '2027-03-31' },
        note: '',
      },
      sources: [],
    });
  }
  if (spec.agree && spec.items.length) {
    const list = await app.must('rectification.agree', { meetingId, agreedOn: '2026-11-25', agreedBy: NAMES[0] });
    for (const [k, item] of spec.items.entries()) {
      if (item.status === 'not_started') continue;
      await app.must('rectification.addProgress', {
        itemId: list.items[k].id,
        date: '2026-11-26',
        kind: item.status === 'closed' ? 'review' : 'progress',
        text: '已推进',
        by: '郭文静',
        statusTo: item.status,
        acceptor: item.status === 'closed' ? '何静' : '',
        // 销号 rests on evidence (progress.ts): a closed item carries its 验收 record.
        evidence: item.status === 'closed' ? [{ name: '验收记录.pdf', file: acceptancePdf() }] : [],
      });
    }
  }
  return { meetingId, teamId: team.id, memberIds, names: NAMES.slice(0, spec.members) };
}
