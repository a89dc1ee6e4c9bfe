/**
 * Test oracle for the 会议情况报告, written apart from the code under test: `checkReport` reads every sentence of a
 * draft, recognises it as one kind of claim and checks it against the truth; `sqlTruth` reads the truth from the
 * database with plain SQL. Neither uses composeReport, the facts providers or the enumerator stripping.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { ReportDraft } from '../../common/api/rectification';
import type { ReportFacts } from '../../common/report/compose';

/** The truth plus what the test knows of each text: the words of a problem or measure without its enumerator. */
export interface Truth {
  facts: ReportFacts;
  core: (text: string) => string;
}

const NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const numeral = (n: number) => (n <= 10 ? NUM[n] : n < 20 ? `十${NUM[n - 10]}` : `${NUM[Math.floor(n / 10)]}十${NUM[n % 10]}`);
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');
const list = (texts: string[]) => (texts.length === 1 ? texts[0] : texts.map((t, i) => `${numeral(i + 1)}是${t}`).join('；'));

class Failure extends Error {}
function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Failure(message);
}

interface Recogniser {
  name: string;
  pattern: RegExp;
  check: (m: RegExpExecArray, t: Truth) => void;
  /** When the truth supports this claim, the report must make it. */
  required?: (t: Truth) => boolean;
}

const recognisers: Recogniser[] = [
  {
    name: 'held',
    pattern: /^(\d+年\d+月\d+日)(?:(\d+)时(?:(\d+)分)?)?，(中共[^，]+?)(?:在([^，]+))?召开([^，]+民主生活会)(?:，(.+)同志主持会议)?$/u,
    check: (m, { facts: f }) => {
      must(f.meeting.held, 'says the meeting was held without evidence');
      must(m[1] === cnDate(f.meeting.date), `date ${m[1]}`);
      const [h, min] = f.meeting.startTime ? f.meeting.startTime.split(':').map(Number) : [undefined, undefined];
      must((m[2] === undefined ? undefined : Number(m[2])) === h, 'hour');
      must(Number(m[3] ?? 0) === (min ?? 0), 'minute');
      must(m[4] === f.team && m[6] === f.kindName, 'team or meeting name');
      must((m[5] ?? '') === f.meeting.place, 'place');
      must((m[7] ?? '') === f.meeting.host, 'host');
    },
    required: (t) => t.facts.meeting.held,
  },
  { name: 'theme', pattern: /^会议主题是“(.+)”$/u, check: (m, { facts: f }) => must(f.meeting.held && f.meeting.theme.startsWith(m[1]), 'theme') },
  {
    name: 'attendance',
    pattern: /^班子成员应到(\d+)人，实到(\d+)人(?:，(.+))?$/u,
    check: (m, { facts: f }) => {
      must(f.meeting.held && f.attendance.known, 'attendance stated without a record');
      must(Number(m[1]) === f.attendance.expected && Number(m[2]) === f.attendance.present, 'expected/present');
      const absent = m[3] ? m[3].split('，') : [];
      must(sameSet(absent, f.attendance.absent.map((a) => `${a.name}${a.reason.startsWith('因') ? '' : '因'}${a.reason}缺席`)), 'absent list');
    },
    required: (t) => t.facts.meeting.held && t.facts.attendance.known,
  },
  {
    name: 'guests',
    pattern: /^(?:(.+?)到会督导)?(?:，?(.+)列席会议)?$/u,
    check: (m, { facts: f }) => {
      must(m[1] !== undefined || m[2] !== undefined, 'empty guest sentence');
      for (const [part, guests] of [
        [m[1], f.supervisors],
        [m[2], f.attendees],
      ] as const) {
        must((part === undefined) === (guests.length === 0), 'guest kinds');
        if (part) must(part.split('、').length === guests.length && guests.every((g) => part.includes(g.name)), 'guest names');
      }
    },
  },
  { name: 'formula', pattern: /^现将有关情况报告如下$/u, check: (_m, { facts: f }) => must(f.meeting.held, 'formula without opening') },
  {
    name: 'study',
    pattern: /^会前，(?:班子开展集中学习研讨(\d+)次)?，?(?:班子成员个人自学(\d+)次)?$/u,
    check: (m, { facts: f }) => {
      must(m[1] !== undefined || m[2] !== undefined, 'empty study sentence');
      must(Number(m[1] ?? 0) === (f.study?.sessions ?? 0), 'collective study sessions (个人自学 is not 集中)');
      must(Number(m[2] ?? 0) === (f.study?.selfStudy ?? 0), 'self-study sessions');
    },
    required: (t) => Boolean(t.facts.study?.sessions || t.facts.study?.selfStudy),
  },
  {
    name: 'opinions',
    pattern: /^广泛征求意见(?:，通过(.+?)(等)?方式)?，(?:发放征求意见表(\d+)份、收回(\d+)份，)?共收集意见建议(\d+)条(?:，梳理归纳为(\d+)条)?(?:，其中(?:对领导班子的(\d+)条)?、?(?:对班子成员个人的(\d+)条)?)?$/u,
    check: (m, { facts: f }) => {
      const o = f.opinions;
      must(o && o.raw > 0 && Number(m[5]) === o.raw, 'raw count');
      must(sameSet(m[1] ? m[1].split('、') : [], o.channels) && Boolean(m[2]) === o.channels.length > 1, 'channels');
      must(m[3] === undefined ? o.formsIssued === 0 : Number(m[3]) === o.formsIssued && Number(m[4]) === o.formsReturned, 'forms');
      const sorted = m[6] !== undefined;
      must(sorted === (o.unsorted === 0), '梳理归纳 stated only when every opinion is sorted');
      if (sorted) must(Number(m[6]) === o.consolidated, 'consolidated');
      const [team, members] = sorted ? [o.consolidatedToTeam, o.consolidatedToMembers] : [o.rawToTeam, o.rawToMembers];
      must(Number(m[7] ?? 0) === team && Number(m[8] ?? 0) === members, 'split by target');
    },
    required: (t) => Boolean(t.facts.opinions?.raw),
  },
  {
    name: 'feedbackAll',
    pattern: /^对班子成员个人的意见均已原汁原味反馈本人$/u,
    check: (_m, { facts: f }) => must(f.opinions && f.opinions.raw > 0 && f.opinions.membersWithOpinions.length > 0 && f.opinions.membersNotFedBack.length === 0, '均已反馈 while some were not'),
    required: (t) => Boolean(t.facts.opinions?.raw && t.facts.opinions.membersWithOpinions.length > 0 && t.facts.opinions.membersNotFedBack.length === 0),
  },
  {
    name: 'feedbackSome',
    pattern: /^已向(\d+)名班子成员原汁原味反馈对其本人的意见$/u,
    check: (m, { facts: f }) => {
      const o = f.opinions;
      must(o && o.raw > 0 && o.membersNotFedBack.length > 0, 'partial feedback sentence when all or none');
      must(Number(m[1]) === o.membersWithOpinions.length - o.membersNotFedBack.length && Number(m[1]) > 0, 'feedback count');
    },
  },
  {
    name: 'talks',
    pattern: /^开展谈心谈话(\d+)人次$/u,
    check: (m, { facts: f }) => must(Number(m[1]) > 0 && Number(m[1]) === f.talks?.personTimes, 'talks'),
    required: (t) => Boolean(t.facts.talks?.personTimes),
  },
  {
    name: 'materials',
    pattern: /^撰写并提交(领导班子对照检查材料1份)?、?(?:班子成员个人对照检查材料(\d+)份)?(?:，其中(\d+)份经退回修改后重新提交)?(?:，经审核通过(\d+)份)?$/u,
    check: (m, { facts: f }) => {
      const x = f.materials;
      must(x && x.submitted > 0, 'materials sentence without a submitted material');
      must(Boolean(m[1]) === x.teamSubmitted, '班子 material');
      must(Number(m[2] ?? 0) === x.submitted - (x.teamSubmitted ? 1 : 0), 'member materials');
      must(Number(m[3] ?? 0) === x.resubmitted, 'resubmitted');
      must(Number(m[4] ?? 0) === x.approved, 'approved');
    },
    required: (t) => Boolean(t.facts.materials?.submitted),
  },
  {
    name: 'agenda',
    pattern: /^会议主要议程：(.+)$/u,
    check: (m, { facts: f }) => must(f.minutes && f.minutes.heldItems.length > 0 && m[1] === list(f.minutes.heldItems), 'agenda items held'),
    required: (t) => Boolean(t.facts.minutes?.heldItems.length),
  },
  {
    name: 'selfCriticism',
    pattern: /^(.+?)(\d+)名同志作个人对照检查发言，开展自我批评$/u,
    check: (m, { facts: f }) => {
      must(f.minutes, 'self-criticism without minutes');
      const names = m[1].split('、');
      must(Number(m[2]) === names.length && sameSet(names, f.minutes.selfCritics), `self-critics ${m[1]}`);
    },
    required: (t) => Boolean(t.facts.minutes?.selfCritics.length),
  },
  {
    name: 'criticisms',
    pattern: /^班子成员相互提出批评意见(\d+)条$/u,
    check: (m, { facts: f }) => must(f.minutes && Number(m[1]) > 0 && Number(m[1]) === f.minutes.criticisms, 'criticism count'),
    required: (t) => Boolean(t.facts.minutes?.criticisms),
  },
  {
    name: 'noCriticisms',
    pattern: /^会议记录未记载相互批评意见$/u,
    check: (_m, { facts: f }) => must(f.minutes && f.minutes.criticisms === 0 && (f.minutes.finalized || f.minutes.roundsHeld > 0), 'no criticisms stated without a finalised record or a round'),
    required: (t) => Boolean(t.facts.minutes && t.facts.minutes.criticisms === 0 && (t.facts.minutes.finalized || t.facts.minutes.roundsHeld > 0)),
  },
  {
    name: 'everyoneCriticised',
    pattern: /^出席会议的(\d+)名班子成员在本人对照检查环节均收到批评意见$/u,
    check: (m, { facts: f }) => {
      must(f.minutes?.finalized, 'everyone criticised, said from a record not finalised');
      must(Number(m[1]) === f.minutes.rounds.length && Number(m[1]) === f.attendance.present, `${m[1]} members present`);
      must(everyRoundCriticised(f), 'everyone criticised while a round holds no criticism of its member');
    },
    required: (t) => Boolean(t.facts.minutes?.finalized && everyRoundCriticised(t.facts)),
  },
  {
    name: 'secretaryCriticised',
    pattern: /^班子成员对主要负责同志提出批评意见(\d+)条$/u,
    check: (m, { facts: f }) => {
      const s = f.minutes?.secretary;
      must(f.minutes?.finalized && s?.present, 'criticism of the 书记 said without a finalised record or a 书记 present');
      must(Number(m[1]) > 0 && Number(m[1]) === s.fromMembers, 'criticisms of the 书记 by members');
    },
    required: (t) => Boolean(t.facts.minutes?.finalized && t.facts.minutes.secretary?.present && t.facts.minutes.secretary.fromMembers > 0),
  },
  {
    name: 'problems',
    pattern: /^班子共查摆问题(\d+)个，主要是：$/u,
    check: (m, { facts: f }) => must(Number(m[1]) === f.rectification?.groups.reduce((n, g) => n + g.items.length, 0), 'problem count'),
    required: (t) => Boolean(t.facts.rectification?.groups.length),
  },
  {
    name: 'list',
    pattern: /^制定整改清单(?:，经(\d+年\d+月\d+日)班子会议审议通过)?，明确整改事项(\d+)项、整改措施(\d+)条(，每项均明确责任领导、责任单位和具体责任人)?$/u,
    check: (m, { facts: f }) => {
      const r = f.rectification;
      const items = r?.groups.flatMap((g) => g.items) ?? [];
      must(r && items.length > 0, 'list sentence without items');
      must((m[1] ?? null) === (r.agreedOn ? cnDate(r.agreedOn) : null), 'agreed date');
      must(Number(m[2]) === items.length && Number(m[3]) === items.reduce((n, i) => n + i.measures.length, 0), 'items/measures');
      must(Boolean(m[4]) === items.every((i) => i.owned), 'owners claim');
    },
    required: (t) => Boolean(t.facts.rectification?.groups.length),
  },
  {
    name: 'status',
    pattern: /^截至(\d+年\d+月\d+日)，(?:已完成整改并销号(\d+)项|(尚无已销号的整改事项))(?:，逾期未完成(\d+)项)?$/u,
    check: (m, { facts: f }) => {
      const r = f.rectification;
      must(r?.agreedOn && m[1] === cnDate(f.today), 'status of a list not agreed');
      must(m[3] ? r.closed === 0 : Number(m[2]) === r.closed && r.closed > 0, 'closed');
      must(Number(m[4] ?? 0) === r.overdue, 'overdue');
    },
    required: (t) => Boolean(t.facts.rectification?.agreedOn && t.facts.rectification.groups.length),
  },
  { name: 'closing', pattern: /^特此报告$/u, check: () => undefined, required: () => true },
];

/** Every present member has a round of his or her own, and each holds at least one criticism of that member. */
const everyRoundCriticised = (f: ReportFacts) => Boolean(f.minutes && f.minutes.rounds.length > 0 && f.minutes.rounds.every((r) => r.received !== null && r.received > 0));

/** A 「（一）方面。一是……；二是……。」 paragraph of the problems or the measures section. */
function checkGroups(paragraphs: string[], t: Truth, of: 'problem' | 'measures'): void {
  const groups = (t.facts.rectification?.groups ?? []).filter((g) => of === 'problem' || g.items.some((i) => i.measures.length > 0));
  must(paragraphs.length === groups.length, `${of} groups: ${paragraphs.length} vs ${groups.length}`);
  paragraphs.forEach((p, k) => {
    const g = groups[k];
    const label = (g.label ?? '其他方面').replace(/[。；\s]+$/u, '');
    const texts = of === 'problem' ? g.items.map((i) => t.core(i.problem)) : [...new Set(g.items.flatMap((i) => i.measures))].map((x) => t.core(x));
    const expected = `（${numeral(k + 1)}）${label}。${list(texts)}。`;
    must(p === expected, `group paragraph\n  got      ${p}\n  expected ${expected}`);
  });
}

/** Every sentence of the draft recognised and true, every supported claim made, the gaps listed. Returns the failures. */
export function checkReport(draft: ReportDraft, t: Truth): string[] {
  const failures: string[] = [];
  const f = t.facts;
  const seen = new Set<string>();
  const sentence = (s: string) => {
    const r = recognisers.find((x) => x.pattern.test(s));
    if (!r) return failures.push(`unrecognised sentence: ${s}`);
    seen.add(r.name);
    try {
      r.check(r.pattern.exec(s)!, t);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      failures.push(`${r.name}: ${e.message} — ${s}`);
    }
  };
  const sentences = (p: string) => p.split('。').filter((s) => s !== '');
  try {
    must(draft.title === `${f.team}关于${f.kindName}召开情况的报告`, 'title');
    must(draft.addressee === (f.addressee.trim() || '（主送机关）'), 'addressee');
    must(draft.signature.organ === f.team && draft.signature.date === cnDate(f.today), 'signature');
    const text = [draft.addressee, ...draft.opening, ...draft.sections.flatMap((s) => s.paragraphs)].join('\n');
    must(!/未归类/.test(text), '（未归类） printed');
    const m = f.materials;
    const expectedAttachments = [
      f.minutes && (f.minutes.heldItems.length || f.minutes.selfCritics.length || f.minutes.criticisms) ? '会议记录' : '',
      m?.submitted ? `${m.teamSubmitted ? '班子' : ''}${m.teamSubmitted && m.submitted > 1 ? '和' : ''}${m.submitted > (m.teamSubmitted ? 1 : 0) ? '班子成员' : ''}对照检查材料` : '',
      f.rectification?.groups.some((g) => g.items.length) ? '整改清单' : '',
      f.opinions?.raw ? '征求意见汇总表' : '',
    ].filter(Boolean);
    must(draft.attachments.join('|') === expectedAttachments.join('|'), `attachments ${draft.attachments.join('、')}`);
    must(!/[一二三四五六七八九十]是(?:[一二三四五六七八九十]是|\d{1,2}[.．、](?!\d)|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|[①-⑳])/u.test(text), 'enumerator numbered twice');
  } catch (e) {
    failures.push((e as Error).message);
  }
  draft.opening.flatMap(sentences).forEach(sentence);
  for (const section of draft.sections) {
    const groups = section.paragraphs.filter((p) => /^（[一二三四五六七八九十]+）/u.test(p));
    section.paragraphs.filter((p) => !groups.includes(p)).flatMap((p) => (p.endsWith('：') ? [p] : sentences(p))).forEach(sentence);
    try {
      if (section.heading.endsWith('查摆出的主要问题')) checkGroups(groups, t, 'problem');
      else if (section.heading.endsWith('整改措施和下一步打算')) checkGroups(groups, t, 'measures');
      else must(groups.length === 0, `unexpected group paragraphs in ${section.heading}`);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      failures.push(e.message);
    }
  }
  sentences(draft.closing).forEach(sentence);
  for (const r of recognisers) if (r.required?.(t) && !seen.has(r.name)) failures.push(`supported claim left out: ${r.name}`);
  const missing = new Set(draft.missing.map((m) => m.claim));
  const gap = (cond: boolean, claim: string) => {
    if (cond && !missing.has(claim)) failures.push(`gap not listed: ${claim}`);
  };
  gap(f.addressee.trim() === '', '主送机关');
  gap(!f.meeting.held, '会议召开时间、地点和出席情况');
  gap(Boolean(f.opinions?.raw && f.opinions.membersNotFedBack.length > 0), '意见反馈本人');
  gap(Boolean(f.opinions?.raw && f.opinions.unsorted > 0), '梳理归纳后的意见条数');
  gap(Boolean(f.minutes && f.minutes.criticisms === 0 && !f.minutes.finalized && f.minutes.roundsHeld === 0), '批评意见条数');
  gap(Boolean(f.minutes && f.minutes.selfCritics.length === 0), '自我批评人数');
  gap(!f.minutes, '会议议程、自我批评和批评意见');
  gap(Boolean(f.minutes && !(f.minutes.finalized && everyRoundCriticised(f))), '每名班子成员均收到批评意见');
  gap(Boolean(f.minutes && !(f.minutes.finalized && f.minutes.secretary?.present && f.minutes.secretary.fromMembers > 0)), '对主要负责同志的批评意见');
  for (const [claim, names] of [
    ['每名班子成员均收到批评意见', f.minutes?.rounds.filter((r) => r.received === 0).map((r) => r.name) ?? []],
    ['对主要负责同志的批评意见', f.minutes?.secretary?.present && f.minutes.secretary.fromMembers === 0 ? [f.minutes.secretary.name] : []],
  ] as const) {
    // The gap names whom criticism did not reach: the member whose round was silent, the 书记 not criticised.
    const why = draft.missing.find((x) => x.claim === claim)?.why ?? '';
    if (f.minutes?.finalized && names.some((name) => !why.includes(name))) failures.push(`gap ${claim} does not name ${names.join('、')}: ${why}`);
  }
  gap(Boolean(f.rectification?.groups.length && !f.rectification.agreedOn), '整改清单审议通过');
  return failures;
}

type Row = Record<string, unknown>;

/** The truth of one meeting read with plain SQL (scenario meetings: 年度, one list, no study or talks). */
export function sqlTruth(sqlite: BetterSqlite3.Database, meetingId: number, today: string, core: (text: string) => string): Truth {
  const one = (sql: string, ...p: unknown[]) => sqlite.prepare(sql).get(...p) as Row | undefined;
  const all = (sql: string, ...p: unknown[]) => sqlite.prepare(sql).all(...p) as Row[];
  const n = (sql: string, ...p: unknown[]) => Number(Object.values(one(sql, ...p) ?? { n: 0 })[0]);
  const m = one('SELECT m.*, t.name AS team FROM meetings m JOIN teams t ON t.id = m.team_id WHERE m.id = ?', meetingId)!;
  const session = one('SELECT * FROM minutes_sessions WHERE meeting_id = ?', meetingId);
  const started = Boolean(session?.started_at);
  const teamId = m.team_id;
  const absentRows = all(
    `SELECT mb.name, a.absence_reason AS reason, a.note FROM attendance a JOIN members mb ON mb.id = a.member_id
     WHERE a.meeting_id = ? AND a.present = 0 AND mb.status = 'active' ORDER BY mb.sort_order`,
    meetingId,
  );
  const expected = n("SELECT count(*) FROM members WHERE team_id = ? AND status = 'active'", teamId);
  const reasonZh: Record<string, string> = { leave: '请假', business_trip: '出差', other: '其他原因' };
  const isPresent = `NOT EXISTS (SELECT 1 FROM attendance x WHERE x.meeting_id = ? AND x.member_id = %ID% AND x.present = 0)`;

  const raw = n('SELECT count(*) FROM opinions WHERE meeting_id = ?', meetingId);
  const forms = one('SELECT coalesce(sum(issued), 0) AS i, coalesce(sum(returned), 0) AS r FROM opinion_forms WHERE meeting_id = ?', meetingId)!;
  const unsorted = n('SELECT count(*) FROM opinions WHERE meeting_id = ? AND consolidated_id IS NULL', meetingId);
  const consTeam = n('SELECT count(*) FROM consolidated_opinions WHERE meeting_id = ? AND target_member_id IS NULL', meetingId);
  const cons = n('SELECT count(*) FROM consolidated_opinions WHERE meeting_id = ?', meetingId);
  const rawTeam = n('SELECT count(*) FROM opinions WHERE meeting_id = ? AND target_member_id IS NULL', meetingId);
  const unsortedTeam = n('SELECT count(*) FROM opinions WHERE meeting_id = ? AND consolidated_id IS NULL AND target_member_id IS NULL', meetingId);
  const channelZh: Record<string, string> = { symposium: '座谈会', interview: '个别访谈', form: '征求意见表', box: '意见箱', phone: '电话', online: '网络', superior: '上级反馈', inspection: '巡察审计反馈', other: '其他' };
  const channels = all('SELECT DISTINCT channel FROM opinions WHERE meeting_id = ?', meetingId).map((r) => channelZh[String(r.channel)]);
  const due = all('SELECT DISTINCT mb.id, mb.name FROM opinions o JOIN members mb ON mb.id = o.target_member_id WHERE o.meeting_id = ?', meetingId);
  const fed = new Set(all('SELECT member_id FROM opinion_feedback WHERE meeting_id = ? AND member_id IS NOT NULL', meetingId).map((r) => r.member_id));

  const materialRows = n('SELECT count(*) FROM materials WHERE meeting_id = ?', meetingId);
  const minutesHeld = (kindFilter: string) =>
    all(
      `SELECT a.title FROM minutes_agenda_items a WHERE a.meeting_id = ? AND ${kindFilter}
       AND EXISTS (SELECT 1 FROM minutes_entries e WHERE e.agenda_item_id = a.id AND trim(e.text) <> '') ORDER BY a.sort_order, a.id`,
      meetingId,
    ).map((r) => String(r.title));
  const selfCritics = all(
    `SELECT DISTINCT mb.name FROM minutes_entries e JOIN minutes_agenda_items a ON a.id = e.agenda_item_id JOIN members mb ON mb.id = e.from_member_id
     WHERE e.meeting_id = ? AND e.type = 'self_criticism' AND trim(e.text) <> '' AND a.kind <> 'team_check' AND ${isPresent.replace('%ID%', 'mb.id')}`,
    meetingId,
    meetingId,
  ).map((r) => String(r.name));
  // Present members in team order, with the criticisms of each recorded in his or her own round(s): read apart from
  // the matrix the handler uses.
  const presentMembers = all(
    `SELECT mb.id, mb.name FROM members mb WHERE mb.team_id = ? AND mb.status = 'active' AND ${isPresent.replace('%ID%', 'mb.id')} ORDER BY mb.sort_order, mb.id`,
    teamId,
    meetingId,
  );
  const rounds = presentMembers.map((r) => ({
    name: String(r.name),
    received:
      n("SELECT count(*) FROM minutes_agenda_items WHERE meeting_id = ? AND kind = 'member_round' AND member_id = ?", meetingId, r.id) === 0
        ? null
        : n(
            `SELECT count(*) FROM minutes_entries e JOIN minutes_agenda_items a ON a.id = e.agenda_item_id
             WHERE a.meeting_id = ? AND a.kind = 'member_round' AND a.member_id = ? AND e.type = 'criticism' AND e.to_member_id = ? AND e.from_member_id IS NOT NULL AND e.from_member_id <> e.to_member_id AND trim(e.text) <> ''`,
            meetingId,
            r.id,
            r.id,
          ),
  }));
  const secretaryRow = one("SELECT id, name FROM members WHERE team_id = ? AND role = 'secretary' AND status = 'active'", teamId);
  const secretary = secretaryRow
    ? {
        name: String(secretaryRow.name),
        present: n('SELECT count(*) FROM attendance WHERE meeting_id = ? AND member_id = ? AND present = 0', meetingId, secretaryRow.id) === 0,
        fromMembers: n("SELECT count(*) FROM minutes_entries WHERE meeting_id = ? AND type = 'criticism' AND to_member_id = ? AND from_member_id IS NOT NULL AND from_member_id <> to_member_id AND trim(text) <> ''", meetingId, secretaryRow.id),
      }
    : null;
  const roundsHeld = n(
    `SELECT count(*) FROM minutes_agenda_items a WHERE a.meeting_id = ? AND a.kind = 'member_round' AND a.member_id IS NOT NULL AND ${isPresent.replace('%ID%', 'a.member_id')}
     AND EXISTS (SELECT 1 FROM minutes_entries e WHERE e.agenda_item_id = a.id AND e.type = 'self_criticism' AND e.from_member_id = a.member_id AND trim(e.text) <> '')`,
    meetingId,
    meetingId,
  );

  const listRow = one('SELECT * FROM rectification_lists WHERE meeting_id = ?', meetingId);
  const items = listRow
    ? all(
        `SELECT i.id, i.problem, i.unit, i.owner_person, i.status, i.deadline_kind, i.deadline_date, s.label, s.sort_order AS aspect_order
         FROM rectification_items i LEFT JOIN meeting_aspects s ON s.id = i.aspect_id WHERE i.list_id = ?
         ORDER BY s.sort_order IS NULL, s.sort_order, i.seq`,
        listRow.id,
      )
    : [];
  const groups: { label: string | null; items: { problem: string; measures: string[]; owned: boolean }[] }[] = [];
  for (const it of items) {
    const label = (it.label as string | null) ?? null;
    let g = groups.find((x) => x.label === label);
    if (!g) groups.push((g = { label, items: [] }));
    const measures = all('SELECT text FROM rectification_measures WHERE item_id = ? ORDER BY sort_order', it.id).map((r) => String(r.text));
    const leaders = n('SELECT count(*) FROM rectification_item_leaders WHERE item_id = ?', it.id);
    g.items.push({ problem: String(it.problem), measures, owned: leaders > 0 && String(it.unit).trim() !== '' && String(it.owner_person).trim() !== '' });
  }
  const overdue = items.filter((i) => i.deadline_kind !== 'ongoing' && i.deadline_date !== null && String(i.deadline_date) < today && (i.status === 'not_started' || i.status === 'in_progress')).length;
  const hostName = m.host_member_id ? String(one('SELECT name FROM members WHERE id = ?', m.host_member_id)?.name ?? '') : '';
  const guests = (kind: string) => all('SELECT position, name FROM meeting_guests WHERE meeting_id = ? AND kind = ? ORDER BY sort_order', meetingId, kind) as { position: string; name: string }[];
  const team = String(m.team);

  return {
    core,
    facts: {
      team: team.startsWith('中共') ? team : `中共${team}`,
      kindName: `${m.year}年度民主生活会`,
      today,
      addressee: String(one('SELECT value FROM settings WHERE key = ?', `report.addressee.${teamId}`)?.value ?? ''),
      meeting: { held: m.status === 'held' || m.status === 'closed' || started, date: String(m.date), startTime: String(m.start_time), place: String(m.place), theme: String(m.theme), host: hostName },
      attendance: {
        known: n('SELECT count(*) FROM attendance WHERE meeting_id = ?', meetingId) > 0 || started,
        expected,
        present: expected - absentRows.length,
        absent: absentRows.map((r) => ({ name: String(r.name), reason: String(r.note || reasonZh[String(r.reason)]) })),
      },
      supervisors: guests('supervisor'),
      attendees: guests('attendee'),
      study: {
        sessions: n("SELECT count(*) FROM study_sessions WHERE meeting_id = ? AND form <> 'self_study'", meetingId),
        selfStudy: n("SELECT count(*) FROM study_sessions WHERE meeting_id = ? AND form = 'self_study'", meetingId),
      },
      opinions:
        raw === 0 && Number(forms.i) === 0
          ? null
          : {
              raw,
              unsorted,
              consolidated: cons + unsorted,
              consolidatedToTeam: consTeam + unsortedTeam,
              consolidatedToMembers: cons - consTeam + (unsorted - unsortedTeam),
              rawToTeam: rawTeam,
              rawToMembers: raw - rawTeam,
              channels,
              formsIssued: Number(forms.i),
              formsReturned: Number(forms.r),
              membersWithOpinions: due.map((r) => String(r.name)),
              membersNotFedBack: due.filter((r) => !fed.has(r.id)).map((r) => String(r.name)),
            },
      talks: { personTimes: n('SELECT count(*) FROM talk_participants p JOIN talks t ON t.id = p.talk_id WHERE t.meeting_id = ?', meetingId) },
      materials:
        materialRows === 0
          ? null
          : {
              submitted: n('SELECT count(DISTINCT v.material_id) FROM material_versions v JOIN materials x ON x.id = v.material_id WHERE x.meeting_id = ?', meetingId),
              teamSubmitted: n('SELECT count(*) FROM materials x WHERE x.meeting_id = ? AND x.member_id IS NULL AND EXISTS (SELECT 1 FROM material_versions v WHERE v.material_id = x.id)', meetingId) > 0,
              approved: n("SELECT count(*) FROM materials WHERE meeting_id = ? AND status = 'approved'", meetingId),
              resubmitted: n(
                `SELECT count(DISTINCT r.material_id) FROM material_reviews r JOIN material_versions v ON v.id = r.version_id JOIN materials x ON x.id = r.material_id
                 WHERE x.meeting_id = ? AND r.decision = 'returned' AND EXISTS (SELECT 1 FROM material_versions w WHERE w.material_id = r.material_id AND w.number > v.number)`,
                meetingId,
              ),
            },
      minutes: session
        ? {
            finalized: session.finalized_at !== null,
            heldItems: minutesHeld("a.kind <> 'member_round'"),
            selfCritics,
            // 「班子成员相互」: from one member to another; a guest's (督导组) criticism is not mutual.
            criticisms: n(
              "SELECT count(*) FROM minutes_entries WHERE meeting_id = ? AND type = 'criticism' AND to_member_id IS NOT NULL AND from_member_id IS NOT NULL AND from_member_id <> to_member_id AND trim(text) <> ''",
              meetingId,
            ),
            roundsHeld,
            rounds,
            secretary,
          }
        : null,
      rectification: listRow
        ? { agreedOn: listRow.status === 'agreed' ? String(listRow.agreed_on) : null, groups, closed: items.filter((i) => i.status === 'closed').length, overdue }
        : null,
    },
  };
}
