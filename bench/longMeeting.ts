import path from 'node:path';
import { needChannels, openBenchApp, type BenchApp } from './context';
import { ms, percentile, sample, type Row } from './stats';

// issue 20 §1: a fourteen-hour meeting (兰考 2014 scale) seeded through the real channels — 15 members, 40 agenda
// items, 600 entries making a 50,000-character record, 300 of them criticisms — and its 会议记录 exported.
const MEMBERS = 15;
const ITEMS = 40;
const ENTRIES = 600;
const CHARS = 50_000;
const CRITICISMS = 300;
const RUNS = 7;

export interface LongMeeting {
  meetingId: number;
  memberIds: number[];
  /** Characters of the record. */
  total: number;
}

/** The long meeting seeded through the channels, its first speaker on the floor. */
export async function seedLongMeeting(app: BenchApp): Promise<LongMeeting> {
  const team = (await app.call('teams.create', { name: '中共长会县委常委会', organ: 'party_committee', unit: '长会县委' })) as { id: number };
  const memberIds: number[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const member = (await app.call('members.create', { teamId: team.id, name: `常委${'一二三四五六七八九十'[i % 10]}${i >= 10 ? '乙' : '甲'}`, position: '常委', role: i === 0 ? 'secretary' : i === 1 ? 'deputy' : 'member', portfolio: '' })) as { id: number };
    memberIds.push(member.id);
  }
  const meeting = (await app.call('meetings.create', {
    teamId: team.id, kind: 'annual', trigger: null, triggerReason: '', year: 2026, theme: '深入学习贯彻党的创新理论', date: '2026-12-18', startTime: '08:30',
    place: '县委常委会议室', hostMemberId: memberIds[0], recorder: '记录人', quorumRatio: 0.67, aspects: [{ label: '在坚持和加强党的全面领导方面' }], guests: [],
  })) as { id: number };
  const meetingId = meeting.id;
  await app.call('minutes.prepare', { meetingId });
  const items = Array.from({ length: ITEMS }, (_, i) => ({ kind: i === 0 ? 'opening' : 'member_round', title: `第${i + 1}项 ${i === 0 ? '主持人讲话' : '对照检查与相互批评'}`, memberId: i === 0 ? null : memberIds[i % MEMBERS], plannedMinutes: 20 }));
  const agenda = (await app.call('minutes.saveAgenda', { meetingId, items })) as { agenda: { id: number }[] };
  await app.call('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
  const perEntry = Math.ceil(CHARS / ENTRIES);
  const sentence = '在贯彻落实上级决策部署方面有时存在等靠思想，调查研究不够深入，联系群众不够紧密，今后要带头改进作风。';
  let total = 0;
  for (let i = 0; i < ENTRIES; i++) {
    const text = sentence.repeat(Math.ceil(perEntry / sentence.length)).slice(0, perEntry);
    total += [...text].length;
    const criticism = i % 2 === 1; // every second entry: 300 criticisms
    await app.call('minutes.saveEntry', {
      meetingId, key: `long-${String(i).padStart(6, '0')}`, revision: 1, agendaItemId: agenda.agenda[i % ITEMS].id, type: criticism ? 'criticism' : 'self_criticism',
      fromMemberId: memberIds[i % MEMBERS], fromGuest: '', toMemberId: criticism ? memberIds[(i + 1) % MEMBERS] : null, aspectId: null, text, draft: false,
    });
  }
  return { meetingId, memberIds, total };
}

export async function longMeetingRows(dir: string): Promise<Row[]> {
  needChannels('minutes.saveAgenda', 'minutes.saveEntry', 'minutes.export');
  const app = await openBenchApp(path.join(dir, 'long-meeting.sqlite'));
  try {
    const { meetingId, total } = await seedLongMeeting(app);
    // CPU time of this process next to the wall clock: on a machine shared with other work the wall clock of a
    // single-threaded export grows with the load, its CPU time hardly (the reader sees which one moved).
    const cpu: Record<'docx' | 'txt', number[]> = { docx: [], txt: [] };
    const timedExport = (format: 'docx' | 'txt') => async () => {
      const c0 = process.cpuUsage();
      await app.call('minutes.export', { meetingId, format });
      const c = process.cpuUsage(c0);
      cpu[format].push((c.user + c.system) / 1000);
    };
    const docx = await sample(RUNS, timedExport('docx'), 1);
    const txt = await sample(RUNS, timedExport('txt'), 1);
    const open = await sample(RUNS, () => app.call('minutes.console', { meetingId }), 1);
    const what = `${MEMBERS} members, ${ITEMS} items, ${ENTRIES} entries (${CRITICISMS} criticisms), ${total.toLocaleString('en')} characters`;
    // Verdict on the slowest of the runs too: 'pass' only when even the worst run meets the target.
    const verdict = (s: number[], limit: number) => (percentile(s, 100) <= limit ? 'pass' : percentile(s, 50) <= limit ? 'noisy' : 'miss');
    const spread = (s: number[], c?: number[]) => `median of ${RUNS}; min ${ms(Math.min(...s))}, max ${ms(Math.max(...s))}${c ? `; CPU median ${ms(percentile(c, 50))}` : ''}`;
    return [
      { group: 'long meeting', what: `会议记录 → docx (${what})`, figure: ms(percentile(docx, 50)), compare: spread(docx, cpu.docx), target: '≤ 1 s', verdict: verdict(docx, 1000) },
      { group: 'long meeting', what: '会议记录 → text, same record', figure: ms(percentile(txt, 50)), compare: spread(txt, cpu.txt), target: '≤ 100 ms', verdict: verdict(txt, 100) },
      { group: 'long meeting', what: 'minutes.console (the console\'s data for the whole record, handler side)', figure: ms(percentile(open, 50)), compare: spread(open) },
    ];
  } finally {
    await app.close();
  }
}
