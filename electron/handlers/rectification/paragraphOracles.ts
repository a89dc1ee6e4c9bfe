/**
 * Test oracles for the two other generated passages, written apart from the code under test: the 通报征求意见情况
 * paragraph and the 通报上年度整改落实情况 (carry-over). Each sentence is recognised and checked against the truth;
 * `sqlCarryOverTruth` reads last year's list with plain SQL.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

export interface OpinionTruth {
  raw: number;
  unsorted: number;
  consolidated: number;
  consolidatedToTeam: number;
  consolidatedToMembers: number;
  rawToTeam: number;
  rawToMembers: number;
  channels: string[];
  formsIssued: number;
  formsReturned: number;
}

const PHRASE: Record<string, string> = {
  symposium: '召开座谈会',
  interview: '个别访谈',
  form: '发放征求意见表',
  box: '设置意见箱',
  phone: '开通征求意见电话',
  online: '网络、邮件和微信',
  superior: '听取上级反馈',
  inspection: '对照巡察审计反馈',
  other: '其他方式',
};
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/** The failures of one 通报征求意见情况 paragraph against the truth (empty when every sentence is true). */
export function checkOpinionsParagraph(paragraph: string, t: OpinionTruth): string[] {
  const failures: string[] = [];
  const fail = (m: string) => failures.push(`${m} — ${paragraph}`);
  if (t.raw === 0) return paragraph === '' ? [] : [`a paragraph without opinions: ${paragraph}`];
  const sentences = paragraph.split('。').filter(Boolean);
  if (sentences.length !== 2) return [`expected two sentences: ${paragraph}`];
  const intro = /^会前，(?:通过(.+?)(等)?方式，)?征求对领导班子和班子成员的意见建议$/u.exec(sentences[0]);
  if (!intro) fail('unrecognised first sentence');
  else {
    // 「网络、邮件和微信」 holds a 、 of its own: match the phrases, not the split.
    const expected = t.channels.map((c) => PHRASE[c]);
    if ((intro[1] ?? '') !== expected.join('、')) fail('channels');
    if (Boolean(intro[2]) !== expected.length > 1) fail('等');
  }
  const figures = /^(?:共发放征求意见表(\d+)份，收回(\d+)份；)?共征求意见建议(\d+)条(?:，梳理归纳为(\d+)条)?(?:，其中(?:对班子(\d+)条)?，?(?:对班子成员个人(\d+)条)?)?$/u.exec(sentences[1]);
  if (!figures) return [...failures, `unrecognised figures sentence: ${sentences[1]}`];
  if (figures[1] === undefined ? t.formsIssued !== 0 : Number(figures[1]) !== t.formsIssued || Number(figures[2]) !== t.formsReturned) fail('forms');
  if (Number(figures[3]) !== t.raw) fail('raw');
  const sortedClaim = figures[4] !== undefined;
  if (sortedClaim !== (t.unsorted === 0 && t.consolidated !== t.raw)) fail('梳理归纳 claimed while opinions are unsorted (or left out when sorted)');
  if (sortedClaim && Number(figures[4]) !== t.consolidated) fail('consolidated');
  const [team, members] = t.unsorted === 0 ? [t.consolidatedToTeam, t.consolidatedToMembers] : [t.rawToTeam, t.rawToMembers];
  if (Number(figures[5] ?? 0) !== team || Number(figures[6] ?? 0) !== members) fail('split by target');
  return failures;
}

export interface CarryOverTruthItem {
  seq: number;
  problem: string;
  measures: number;
  status: 'not_started' | 'in_progress' | 'done_pending' | 'closed' | 'ongoing';
  overdue: boolean;
  leaders: string[];
  ownerPerson: string;
  progress: string;
  closedOn: string | null;
  acceptor: string;
}

export interface CarryOverTruth {
  label: string;
  agreed: boolean;
  day: string;
  items: CarryOverTruthItem[];
  /** 查摆问题 (a meeting's list, the default) or 反馈问题 (another source's). */
  noun?: string;
}

const STATUS: Record<CarryOverTruthItem['status'], string> = { not_started: '未启动', in_progress: '推进中', done_pending: '已完成待验收', closed: '已销号', ongoing: '长期坚持' };
const bare = (s: string) => s.trim().replace(/[。；;，,.\s]+$/u, '');

/** The failures of a carry-over passage against the truth of last year's list. */
export function checkCarryOver(paragraphs: readonly string[], t: CarryOverTruth): string[] {
  const failures: string[] = [];
  if (t.items.length === 0) return paragraphs.length === 0 ? [] : [`paragraphs for an empty list: ${paragraphs.join('')}`];
  const bySeq = new Map(t.items.map((i) => [i.seq, i]));
  const told = new Map<number, string>();
  const leaders = (i: CarryOverTruthItem) => i.leaders.join('、') || '未明确';
  const why = (i: CarryOverTruthItem) => bare(i.progress) || '尚未填写整改进展';
  const count = (s: CarryOverTruthItem['status']) => t.items.filter((i) => i.status === s).length;
  const tell = (seq: number, how: string, p: string) => {
    if (told.has(seq)) failures.push(`item ${seq} told twice — ${p}`);
    told.set(seq, how);
  };
  paragraphs.forEach((p, k) => {
    const s = p.split('。').filter(Boolean);
    const fail = (m: string) => failures.push(`${m} — ${p}`);
    if (k === 0) {
      const agreed = new RegExp(`^(.+?)共${t.noun ?? '查摆问题'}(\\d+)个(?:，制定整改措施(\\d+)条)?$`, 'u').exec(s[0]);
      const draft = /^(.+?)整改清单未经审议通过，草稿列有问题(\d+)个(?:、整改措施(\d+)条)?$/u.exec(s[0]);
      const head = agreed ?? draft;
      if (!head || Boolean(agreed) !== t.agreed) return fail('head sentence');
      // The measures are counted when there are some, and left unsaid (never 「0条」) when there are none.
      const measures = t.items.reduce((n, i) => n + i.measures, 0);
      if (head[1] !== t.label || Number(head[2]) !== t.items.length || (head[3] === undefined ? measures !== 0 : Number(head[3]) !== measures || measures === 0)) fail('head figures');
      const status = /^截至(\d+年\d+月\d+日)，(.+)$/u.exec(s[1] ?? '');
      if (!status || status[1] !== cnDate(t.day) || s.length !== 2) return fail('status sentence');
      const expected = [
        count('closed') > 0 ? `已完成整改并销号${count('closed')}项` : '尚无已销号事项',
        ...(count('done_pending') ? [`已完成待验收${count('done_pending')}项`] : []),
        ...(count('ongoing') ? [`需长期坚持${count('ongoing')}项`] : []),
        ...(count('in_progress') ? [`正在推进${count('in_progress')}项`] : []),
        ...(count('not_started') ? [`尚未启动${count('not_started')}项`] : []),
      ];
      if (!sameSet(status[2].split('，'), expected)) fail(`status counts: expected ${expected.join('，')}`);
      return;
    }
    const closed = /^已销号事项：(.+)$/u.exec(s[0]);
    if (closed) {
      for (const part of closed[1].split('；')) {
        const m = /^第(\d+)项（责任领导：(.+?)(?:，(\d+年\d+月\d+日))?(?:经(.+)验收销号|销号)）$/u.exec(part);
        const item = m ? bySeq.get(Number(m[1])) : undefined;
        if (!m || !item || item.status !== 'closed') {
          fail(`closed entry ${part}`);
          continue;
        }
        tell(item.seq, 'closed', p);
        if (m[2] !== leaders(item) || (m[3] ?? null) !== (item.closedOn ? cnDate(item.closedOn) : null) || (m[4] ?? '') !== item.acceptor) fail(`closed details ${part}`);
      }
      return;
    }
    const kept = /^第(\d+)项(已完成待验收|需长期坚持)：(.+)$/u.exec(s[0]);
    if (kept) {
      const item = bySeq.get(Number(kept[1]));
      if (!item || (kept[2] === '需长期坚持' ? 'ongoing' : 'done_pending') !== item.status) return fail('kept item status');
      tell(item.seq, item.status, p);
      if (kept[3] !== why(item) || s[1] !== `责任领导：${leaders(item)}` || s.length !== 2) fail('kept item details');
      return;
    }
    const open = /^未完成事项第(\d+)项：(.+)$/u.exec(s[0]);
    if (open) {
      const item = bySeq.get(Number(open[1]));
      if (!item || (item.status !== 'not_started' && item.status !== 'in_progress')) return fail('open item status');
      tell(item.seq, item.status, p);
      if (open[2] !== bare(item.problem)) fail('problem text');
      if (s[1] !== `目前状态为${STATUS[item.status]}${item.overdue ? '，已超过整改时限' : ''}`) fail('open status');
      if (s[2] !== `原因及进展：${why(item)}`) fail('why');
      if (s[3] !== `责任领导：${leaders(item)}；具体责任人：${item.ownerPerson.trim() || '未明确'}` || s.length !== 4) fail('who');
      return;
    }
    fail('unrecognised paragraph');
  });
  for (const i of t.items) if (!told.has(i.seq)) failures.push(`item ${i.seq} (${i.status}) not reported`);
  return failures;
}

/** Last year's list of the meeting `previousId` read with plain SQL. */
export function sqlCarryOverTruth(sqlite: BetterSqlite3.Database, previousId: number, label: string, day: string, origin?: string): CarryOverTruth {
  const list = sqlite.prepare('SELECT id, status FROM rectification_lists WHERE meeting_id = ?').get(previousId) as { id: number; status: string };
  const rows = sqlite
    .prepare(
      `SELECT i.id, i.seq, i.problem, i.status, i.deadline_kind AS kind, i.deadline_date AS date, i.owner_person AS owner, i.progress, i.closed_on AS closedOn, i.acceptor,
              (SELECT count(*) FROM rectification_measures m WHERE m.item_id = i.id) AS measures,
              (SELECT group_concat(name, '、') FROM (SELECT mb.name FROM rectification_item_leaders l JOIN members mb ON mb.id = l.member_id WHERE l.item_id = i.id ORDER BY l.sort_order)) AS leaders
       FROM rectification_items i WHERE i.list_id = ? ${origin === undefined ? '' : "AND i.origin_kind != 'meeting' AND i.origin = ?"} ORDER BY i.seq`,
    )
    .all(...(origin === undefined ? [list.id] : [list.id, origin])) as { seq: number; problem: string; status: CarryOverTruthItem['status']; kind: string; date: string | null; owner: string; progress: string; closedOn: string | null; acceptor: string; measures: number; leaders: string | null }[];
  return {
    label,
    // Another source's list was agreed where it came from (巡察组, 学习教育): its 通报 says 制定整改措施.
    agreed: origin !== undefined || list.status === 'agreed',
    ...(origin === undefined ? {} : { noun: '反馈问题' }),
    day,
    items: rows.map((r) => ({
      seq: r.seq,
      problem: r.problem,
      measures: r.measures,
      status: r.status,
      overdue: r.kind !== 'ongoing' && r.date !== null && r.date < day && r.status !== 'closed' && r.status !== 'done_pending' && r.status !== 'ongoing',
      leaders: r.leaders ? r.leaders.split('、') : [],
      ownerPerson: r.owner,
      progress: r.progress,
      closedOn: r.closedOn,
      acceptor: r.acceptor,
    })),
  };
}
