import crypto from 'node:crypto';
import type { Entry, MergeChoice, MergeDifference, MergePreview, MergeRecord, MergeSummary } from '../../common/api/minutes';
import { AGENDA_KINDS, type AgendaKind, type EntryType } from '../../common/minutes/types';
import { AppError, notFound } from '../../common/result';
import { hostEntries } from '../../../db/migrations/012_host_entries';
import { nowIso, type HandlerContext } from '../context';
import type { ExchangeFile } from '../exchange/exportMeeting';
import { parseExchange } from '../exchange/importMeeting';
import { getMeeting } from '../meetings';
import { sessionRow } from './state';
import { joinTexts } from '../../common/minutes/joined';

/**
 * Two recorders, one record (issue 18 §3; domain.md §4, §9): a second laptop recorded the same meeting (it got the team
 * and meeting from the meeting exchange file) and sends its record back as an exchange file. Its entries are matched
 * with this record's by agenda item, entry type, speaker and target (the criticised member), then within that group
 * by the entry's key (an entry both laptops hold from the exchange), by identical text, by resemblance of the text,
 * and by order (the two laptops' clocks are not comparable, the order of one speaker's words is). Identical entries
 * are merged without asking; every difference is shown, and one the secretary did not decide keeps both sides: the
 * record is the sum of what both recorders heard, nothing is dropped without a decision.
 */

type Row = Record<string, unknown>;
/** One entry of either side, in this laptop's ids. */
type Side = Pick<Entry, 'id' | 'key' | 'agendaItemId' | 'type' | 'fromMemberId' | 'fromGuest' | 'toMemberId' | 'aspectId' | 'text' | 'sortOrder' | 'createdAt'>;
interface Pair {
  here: Side;
  there: Side;
}
/** An agenda item of the other record this record lacks, with a provisional (negative) id until the merge adds it. */
interface Missing {
  provisional: number;
  theirId: number;
  kind: AgendaKind;
  title: string;
  memberId: number | null;
  plannedMinutes: number | null;
  /** This record's item it follows there (null: the head of the agenda). */
  after: number | null;
}
interface Matching {
  meetingId: number;
  missingAgenda: Missing[];
  file: ExchangeFile;
  here: Side[];
  there: Side[];
  pairs: Pair[];
  onlyHere: Side[];
  onlyThere: Side[];
  differences: MergeDifference[];
  same: number;
  recorderGuess: string;
}

const refuse = (code: string, zh: string, en: string) => new AppError(`minutes.merge.${code}`, `不能合并另一台记录：${zh}`, `The other recorder's minutes cannot be merged: ${en}`);
const mergeFinalized = () =>
  new AppError('minutes.merge.finalized', '会议记录已定稿，不能再合并另一台记录或撤销合并；如确需合并，请先填写理由重新打开会议记录', 'The minutes are finalised: another recorder\'s minutes can no longer be merged nor a merge undone; reopen the minutes with a reason first');

const rows = (file: ExchangeFile, table: string): Row[] => {
  const data = file.tables[table];
  if (!data) return [];
  return data.rows.map((r) => Object.fromEntries(data.columns.map((c, i) => [c, r[i]])));
};
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Dice coefficient over character bigrams: how much two renderings of the same words share. */
function resemblance(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    const t = norm(s);
    for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let both = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  for (const [g, n] of ga) both += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * both) / total;
}

function match(ctx: HandlerContext, meetingId: number, bytes: Uint8Array, team: { id: number; name: string }, meeting: { date: string; theme: string; recorder: string }): Matching {
  const sqlite = ctx.sqlite;
  const { file } = parseExchange(sqlite, bytes);
  if (file.dataVersion < hostEntries.version) {
    throw refuse('oldFormat', `文件来自较早版本的镜鉴（数据版本 ${file.dataVersion}），其记录类型与本机不同；请在另一台电脑升级镜鉴后重新导出`, `the file comes from an older Jingjian (data version ${file.dataVersion}) whose entry types differ; upgrade Jingjian on the other computer and export again`);
  }
  const fileMeeting = rows(file, 'meetings').find((m) => m.id === file.root.meetingId);
  const fileTeam = rows(file, 'teams').find((t) => t.id === fileMeeting?.team_id);
  if (!fileMeeting || !fileTeam) throw refuse('noMeeting', '文件中没有会议或班子', 'the file holds no meeting or team');
  if (fileTeam.name !== team.name || fileMeeting.date !== meeting.date || fileMeeting.theme !== meeting.theme) {
    throw refuse(
      'otherMeeting',
      `文件是「${String(fileTeam.name)}」${String(fileMeeting.date)}「${String(fileMeeting.theme)}」的记录，不是本次会议（「${team.name}」${meeting.date}「${meeting.theme}」）的记录；未作任何改动`,
      `the file holds the minutes of "${String(fileTeam.name)}" on ${String(fileMeeting.date)} ("${String(fileMeeting.theme)}"), not of this meeting ("${team.name}" on ${meeting.date}, "${meeting.theme}"); nothing was changed`,
    );
  }

  // This laptop's side.
  const localAgenda = sqlite.prepare('SELECT id, kind, title FROM minutes_agenda_items WHERE meeting_id = ? ORDER BY sort_order, id').all(meetingId) as { id: number; kind: string; title: string }[];
  const localMembers = new Map((sqlite.prepare('SELECT id, name FROM members WHERE team_id = ?').all(team.id) as { id: number; name: string }[]).map((m) => [m.name, m.id]));
  const localAspects = new Map((sqlite.prepare('SELECT id, label FROM meeting_aspects WHERE meeting_id = ?').all(meetingId) as { id: number; label: string }[]).map((a) => [a.label, a.id]));
  const sideSql = `SELECT e.id, e.key, e.agenda_item_id AS agendaItemId, e.type, e.from_member_id AS fromMemberId, e.from_guest AS fromGuest, e.to_member_id AS toMemberId,
                          e.aspect_id AS aspectId, e.text, e.sort_order AS sortOrder, e.created_at AS createdAt
                   FROM minutes_entries e JOIN minutes_agenda_items a ON a.id = e.agenda_item_id
                   WHERE e.meeting_id = ? AND trim(e.text) != '' ORDER BY a.sort_order, e.sort_order, e.id`;
  const here = sqlite.prepare(sideSql).all(meetingId) as Side[];

  // The other side, in this laptop's ids: agenda items by kind and title (else the same kind at the same place),
  // members by name, aspects by label.
  const theirMembers = new Map(rows(file, 'members').map((m) => [Number(m.id), String(m.name)]));
  const theirAspects = new Map(rows(file, 'meeting_aspects').map((a) => [Number(a.id), String(a.label)]));
  const member = (id: unknown): number | null => {
    if (id === null || id === undefined) return null;
    const name = theirMembers.get(Number(id)) ?? '';
    const local = localMembers.get(name);
    if (local === undefined) throw refuse('member', `另一台记录中的发言人「${name}」不是本班子的成员；未作任何改动`, `the speaker "${name}" of the other record is not a member of this team; nothing was changed`);
    return local;
  };
  const theirAgenda = rows(file, 'minutes_agenda_items')
    .filter((a) => a.meeting_id === file.root.meetingId)
    .sort((a, b) => Number(a.sort_order) - Number(b.sort_order) || Number(a.id) - Number(b.id));
  const agendaMap = new Map<number, number>();
  const used = new Set<number>();
  for (const a of theirAgenda) {
    const same = localAgenda.find((l) => !used.has(l.id) && l.kind === a.kind && l.title === a.title);
    if (same) {
      agendaMap.set(Number(a.id), same.id);
      used.add(same.id);
    }
  }
  for (const a of theirAgenda) {
    if (agendaMap.has(Number(a.id))) continue;
    const ordinal = theirAgenda.filter((x) => x.kind === a.kind).indexOf(a);
    const candidate = localAgenda.filter((l) => l.kind === a.kind)[ordinal];
    if (candidate && !used.has(candidate.id)) {
      agendaMap.set(Number(a.id), candidate.id);
      used.add(candidate.id);
    }
  }
  // Items of theirs still without a match (one their secretary added): shown, and added by the merge unless declined,
  // after the item they follow there. Negative ids stand for them until then.
  const missingAgenda: Missing[] = [];
  theirAgenda.forEach((a, i) => {
    if (agendaMap.has(Number(a.id))) return;
    const title = typeof a.title === 'string' ? a.title.trim() : '';
    const kind = AGENDA_KINDS.find((k) => k === a.kind);
    const memberId = member(a.member_id);
    if (!kind || title.length === 0 || title.length > 200 || (kind === 'member_round' && memberId === null)) {
      throw refuse('agendaInvalid', `另一台记录的议程「${title.slice(0, 50)}」内容有误，无法加入；未作任何改动`, `the other record's agenda item "${title.slice(0, 50)}" is malformed and cannot be added; nothing was changed`);
    }
    const provisional = -(missingAgenda.length + 1);
    agendaMap.set(Number(a.id), provisional);
    const after = theirAgenda.slice(0, i).reverse().map((x) => agendaMap.get(Number(x.id))!).find((id) => id > 0) ?? null;
    const minutes = Number(a.planned_minutes);
    missingAgenda.push({ provisional, theirId: Number(a.id), kind, title, memberId, plannedMinutes: Number.isInteger(minutes) && minutes >= 1 && minutes <= 600 ? minutes : null, after });
  });
  const there: Side[] = rows(file, 'minutes_entries')
    .filter((e) => e.meeting_id === file.root.meetingId && typeof e.text === 'string' && e.text.trim() !== '')
    .map((e) => {
      const agendaItemId = agendaMap.get(Number(e.agenda_item_id));
      if (agendaItemId === undefined) throw refuse('agenda', '另一台记录中有记录不属于其任何议程；未作任何改动', 'an entry of the other record belongs to none of its agenda items; nothing was changed');
      const aspect = e.aspect_id === null ? null : (localAspects.get(theirAspects.get(Number(e.aspect_id)) ?? '') ?? null);
      return {
        id: Number(e.id),
        key: String(e.key),
        agendaItemId,
        type: e.type as EntryType,
        fromMemberId: member(e.from_member_id),
        fromGuest: e.from_member_id === null ? String(e.from_guest ?? '') : '',
        toMemberId: member(e.to_member_id),
        aspectId: aspect,
        text: String(e.text),
        sortOrder: Number(e.sort_order),
        createdAt: String(e.created_at),
        agendaSort: theirAgenda.findIndex((a) => a.id === e.agenda_item_id),
      };
    })
    .sort((a, b) => a.agendaSort - b.agendaSort || a.sortOrder - b.sortOrder || a.id - b.id);

  // Groups: the same agenda item, type, speaker and target.
  const group = (s: Side) => `${s.agendaItemId}|${s.type}|${s.fromMemberId ?? `g:${s.fromGuest}`}|${s.toMemberId ?? ''}`;
  const groups = new Map<string, { here: Side[]; there: Side[] }>();
  for (const s of here) (groups.get(group(s)) ?? groups.set(group(s), { here: [], there: [] }).get(group(s))!).here.push(s);
  for (const s of there) (groups.get(group(s)) ?? groups.set(group(s), { here: [], there: [] }).get(group(s))!).there.push(s);

  const pairs: Pair[] = [];
  const onlyHere: Side[] = [];
  const onlyThere: Side[] = [];
  for (const g of groups.values()) {
    const h = [...g.here];
    const t = [...g.there];
    const take = (test: (a: Side, b: Side) => boolean) => {
      for (const a of [...h]) {
        const b = t.find((x) => test(a, x));
        if (!b) continue;
        pairs.push({ here: a, there: b });
        h.splice(h.indexOf(a), 1);
        t.splice(t.indexOf(b), 1);
      }
    };
    take((a, b) => a.key === b.key);
    take((a, b) => norm(a.text) === norm(b.text));
    // The best resemblance first, so that an entry pairs with its own rendering rather than a neighbour's.
    const scored = h.flatMap((a) => t.map((b) => ({ a, b, score: resemblance(a.text, b.text) }))).sort((x, y) => y.score - x.score);
    for (const { a, b, score } of scored) {
      if (score < 0.3 || !h.includes(a) || !t.includes(b)) continue;
      pairs.push({ here: a, there: b });
      h.splice(h.indexOf(a), 1);
      t.splice(t.indexOf(b), 1);
    }
    // One left on each side of the same speaker's words in the same item: the same remark, written differently.
    if (h.length === 1 && t.length === 1) pairs.push({ here: h.pop()!, there: t.pop()! });
    onlyHere.push(...h);
    onlyThere.push(...t);
  }

  const titles = new Map(localAgenda.map((a, i) => [a.id, `${i + 1}. ${a.title}`]));
  for (const x of missingAgenda) titles.set(x.provisional, x.title);
  const names = new Map([...localMembers].map(([name, id]) => [id, name]));
  const describe = (s: Side) => ({
    agendaItemId: s.agendaItemId,
    agendaTitle: titles.get(s.agendaItemId) ?? '',
    type: s.type,
    speaker: s.fromMemberId !== null ? (names.get(s.fromMemberId) ?? '') : s.fromGuest,
    target: s.toMemberId !== null ? (names.get(s.toMemberId) ?? '') : '',
  });
  const blocked = new Set(
    (
      sqlite
        .prepare('SELECT entry_id AS id FROM minutes_promotions WHERE meeting_id = ? UNION SELECT entry_id FROM minutes_entry_revisions WHERE meeting_id = ?')
        .all(meetingId, meetingId) as { id: number }[]
    ).map((r) => r.id),
  );
  const differences: MergeDifference[] = [];
  let same = 0;
  for (const p of pairs) {
    // Identical, or the other text already stands here (a file merged before, a join kept): nothing to ask.
    if (norm(p.here.text) === norm(p.there.text) || norm(p.here.text).includes(norm(p.there.text))) {
      same++;
      continue;
    }
    differences.push({ id: `c${p.here.id}`, kind: 'changed', ...describe(p.here), here: { entryId: p.here.id, text: p.here.text }, there: { key: p.there.key, text: p.there.text }, choices: ['here', 'there', 'both'], preset: 'both' });
  }
  for (const s of onlyHere) {
    differences.push({ id: `h${s.id}`, kind: 'onlyHere', ...describe(s), here: { entryId: s.id, text: s.text }, there: null, choices: blocked.has(s.id) ? ['here'] : ['here', 'there'], preset: 'here' });
  }
  for (const s of onlyThere) differences.push({ id: `t${s.key}`, kind: 'onlyThere', ...describe(s), here: null, there: { key: s.key, text: s.text }, choices: ['here', 'there'], preset: 'there' });
  // In the order of the record: agenda item, then where the entry stands.
  const position = new Map<string, number>();
  here.forEach((s, i) => position.set(`h${s.id}`, i));
  const anchor = (d: MergeDifference) => {
    if (d.here) return position.get(`h${d.here.entryId}`)! * 2;
    const s = onlyThere.find((x) => x.key === d.there!.key)!;
    const i = there.indexOf(s);
    const before = [...there.slice(0, i)].reverse().find((x) => pairs.some((p) => p.there === x));
    const pair = before && pairs.find((p) => p.there === before);
    return pair ? position.get(`h${pair.here.id}`)! * 2 + 1 : -1;
  };
  const order = new Map(agendaOrder(localAgenda.map((a) => a.id), missingAgenda).map((id, i) => [id, i]));
  differences.sort((a, b) => order.get(a.agendaItemId)! - order.get(b.agendaItemId)! || anchor(a) - anchor(b));

  const session = rows(file, 'minutes_sessions').find((s) => s.meeting_id === file.root.meetingId);
  const confirmed = String(session?.recorder_confirmed ?? '').trim();
  const theirRecorder = String(fileMeeting.recorder ?? '').trim();
  // A name that is this laptop's own recorder is no guess of the other one.
  const ours = new Set([meeting.recorder.trim(), String((sqlite.prepare('SELECT recorder_confirmed AS r FROM minutes_sessions WHERE meeting_id = ?').get(meetingId) as { r: string } | undefined)?.r ?? '').trim()]);
  const recorderGuess = [confirmed, theirRecorder].find((name) => name !== '' && !ours.has(name)) ?? '';
  return { meetingId, missingAgenda, file, here, there, pairs, onlyHere, onlyThere, differences, same, recorderGuess };
}

/** The agenda once the missing items are in: each after the item it follows in the other record, in that record's order. */
function agendaOrder(local: readonly number[], missing: readonly Pick<Missing, 'after' | 'provisional'>[], id = (x: Pick<Missing, 'provisional'>) => x.provisional): number[] {
  const after = (anchor: number | null) => missing.filter((x) => x.after === anchor).map(id);
  return [...after(null), ...local.flatMap((l) => [l, ...after(l)])];
}

async function prepare(ctx: HandlerContext, meetingId: number, bytes: Uint8Array): Promise<Matching> {
  const meeting = await getMeeting(ctx, meetingId);
  const session = await sessionRow(ctx.db, meetingId);
  if (session?.finalized_at) throw mergeFinalized();
  const team = ctx.sqlite.prepare('SELECT id, name FROM teams WHERE id = ?').get(meeting.teamId) as { id: number; name: string };
  return match(ctx, meetingId, bytes, team, { date: meeting.date, theme: meeting.theme, recorder: meeting.recorder });
}

export async function previewMerge(ctx: HandlerContext, meetingId: number, bytes: Uint8Array): Promise<MergePreview> {
  const m = await prepare(ctx, meetingId, bytes);
  const fileMeeting = rows(m.file, 'meetings').find((r) => r.id === m.file.root.meetingId)!;
  const fileTeam = rows(m.file, 'teams').find((t) => t.id === fileMeeting.team_id)!;
  return {
    fileExportedAt: m.file.exportedAt,
    fileTeam: String(fileTeam.name),
    fileMeeting: { date: String(fileMeeting.date), theme: String(fileMeeting.theme) },
    recorderGuess: m.recorderGuess.slice(0, 50),
    thereEntries: m.there.length,
    hereEntries: m.here.length,
    same: m.same,
    differences: m.differences,
    missingAgenda: m.missingAgenda.map((x) => ({
      id: `a${x.theirId}`,
      agendaItemId: x.provisional,
      kind: x.kind,
      title: x.title,
      member: x.memberId === null ? '' : String((ctx.sqlite.prepare('SELECT name FROM members WHERE id = ?').get(x.memberId) as { name: string }).name),
      afterTitle: x.after === null ? '' : String((ctx.sqlite.prepare('SELECT title FROM minutes_agenda_items WHERE id = ?').get(x.after) as { title: string }).title),
      entries: m.there.filter((s) => s.agendaItemId === x.provisional).length,
    })),
  };
}

/** The inverse of each change, enough to put the record back as it was. */
type Change =
  | { op: 'insert'; id: number; key: string }
  | { op: 'update'; id: number; text: string; origin: string; revision: number; updatedAt: string; afterRevision: number }
  | { op: 'delete'; row: Row }
  | { op: 'insertAgenda'; id: number }
  | { op: 'agendaOrder'; before: [number, number][]; after: [number, number][] };

export async function applyMerge(
  ctx: HandlerContext,
  input: { meetingId: number; bytes: Uint8Array; recorder: string; decisions: { id: string; choice: MergeChoice }[]; agenda?: { id: string; add: boolean }[] },
): Promise<{ mergeId: number | null; summary: MergeSummary }> {
  const m = await prepare(ctx, input.meetingId, input.bytes);
  const sqlite = ctx.sqlite;
  const byId = new Map(m.differences.map((d) => [d.id, d]));
  const decided = new Map<string, MergeChoice>();
  for (const d of input.decisions) {
    const difference = byId.get(d.id);
    if (!difference) throw refuse('stale', '会议记录在比对之后有了变化，请重新比对后再合并；未作任何改动', 'the minutes changed after the comparison; compare again; nothing was changed');
    if (!difference.choices.includes(d.choice)) {
      throw refuse('choice', `「${difference.speaker}」的一条记录已转为整改事项或已按核对单修改，不能删除；未作任何改动`, `an entry of "${difference.speaker}" was promoted or revised after checking and cannot be removed; nothing was changed`);
    }
    decided.set(d.id, d.choice);
  }
  const add = new Map<string, boolean>();
  for (const a of input.agenda ?? []) {
    if (!m.missingAgenda.some((x) => `a${x.theirId}` === a.id)) throw refuse('stale', '会议记录在比对之后有了变化，请重新比对后再合并；未作任何改动', 'the minutes changed after the comparison; compare again; nothing was changed');
    add.set(a.id, a.add);
  }
  const now = nowIso(ctx);
  const recorder = input.recorder.trim();
  const summary: MergeSummary = { same: m.same, kept: 0, replaced: 0, joined: 0, added: 0, removed: 0, leftOut: 0, agendaAdded: 0 };
  const changes: Change[] = [];
  // The missing agenda items chosen (all by default) first, so that their entries have a place.
  const adding = m.missingAgenda.filter((x) => add.get(`a${x.theirId}`) ?? true);
  const realId = new Map<number, number>();
  if (adding.length > 0) {
    const local = sqlite.prepare('SELECT id, sort_order AS o FROM minutes_agenda_items WHERE meeting_id = ? ORDER BY sort_order, id').all(m.meetingId) as { id: number; o: number }[];
    const inserted: Change[] = [];
    for (const x of adding) {
      const { id } = sqlite
        .prepare('INSERT INTO minutes_agenda_items (meeting_id, sort_order, kind, title, member_id, planned_minutes) VALUES (?, 0, ?, ?, ?, ?) RETURNING id')
        .get(m.meetingId, x.kind, x.title, x.memberId, x.plannedMinutes) as { id: number };
      realId.set(x.provisional, id);
      inserted.push({ op: 'insertAgenda', id });
    }
    const order = agendaOrder(local.map((l) => l.id), adding, (x) => realId.get(x.provisional)!);
    const setOrder = sqlite.prepare('UPDATE minutes_agenda_items SET sort_order = ? WHERE id = ?');
    order.forEach((id, i) => setOrder.run(i + 1, id));
    changes.push({ op: 'agendaOrder', before: local.map((l) => [l.id, l.o]), after: order.map((id, i) => [id, i + 1]) }, ...inserted);
    summary.agendaAdded = adding.length;
  }
  const current = (id: number) => sqlite.prepare('SELECT * FROM minutes_entries WHERE id = ?').get(id) as Row & { text: string; revision: number; origin_recorder: string; updated_at: string; sort_order: number };
  const update = (id: number, text: string, origin: string) => {
    const before = current(id);
    if (text.length > 20000) throw refuse('tooLong', '两段记录合并后超过 20000 字，请选择其中一段', 'the two texts joined exceed 20,000 characters; choose one of them');
    sqlite.prepare('UPDATE minutes_entries SET text = ?, origin_recorder = ?, revision = revision + 1, updated_at = ? WHERE id = ?').run(text, origin, now, id);
    changes.push({ op: 'update', id, text: before.text, origin: before.origin_recorder, revision: before.revision, updatedAt: before.updated_at, afterRevision: before.revision + 1 });
  };

  // Where each of the other side's entries stands here (pairs now, added entries as they are placed).
  const placed = new Map<Side, number>(m.pairs.map((p) => [p.there, p.here.sortOrder]));
  const keys = new Set((sqlite.prepare('SELECT key FROM minutes_entries').all() as { key: string }[]).map((r) => r.key));
  for (const d of m.differences) {
    const choice = decided.get(d.id) ?? d.preset;
    if (d.kind === 'changed') {
      if (choice === 'here') summary.kept++;
      else if (choice === 'there') {
        update(d.here!.entryId, d.there!.text, recorder);
        summary.replaced++;
      } else {
        update(d.here!.entryId, joinTexts(d.here!.text, d.there!.text, recorder), current(d.here!.entryId).origin_recorder);
        summary.joined++;
      }
    } else if (d.kind === 'onlyHere') {
      if (choice === 'there') {
        const row = current(d.here!.entryId);
        sqlite.prepare('DELETE FROM minutes_entries WHERE id = ?').run(row.id);
        changes.push({ op: 'delete', row });
        summary.removed++;
      } else summary.kept++;
    } else if (choice === 'here' || (d.agendaItemId < 0 && !realId.has(d.agendaItemId))) summary.leftOut++;
    else {
      const found = m.onlyThere.find((x) => x.key === d.there!.key)!;
      const s = { ...found, agendaItemId: found.agendaItemId < 0 ? realId.get(found.agendaItemId)! : found.agendaItemId };
      // After the entry the other side had before it (when that one is here), else at the head of its agenda item.
      const i = m.there.indexOf(found);
      const previous = [...m.there.slice(0, i)].reverse().find((x) => x.agendaItemId === found.agendaItemId && placed.has(x));
      const orders = (sqlite.prepare('SELECT sort_order AS o FROM minutes_entries WHERE meeting_id = ? AND agenda_item_id = ? ORDER BY sort_order').all(m.meetingId, s.agendaItemId) as { o: number }[]).map((r) => r.o);
      let sortOrder: number;
      if (previous) {
        const after = placed.get(previous)!;
        const next = orders.find((o) => o > after);
        sortOrder = next === undefined ? after + 1 : (after + next) / 2;
      } else sortOrder = orders.length ? orders[0] - 1 : 1;
      const key = keys.has(s.key) ? crypto.randomUUID() : s.key;
      keys.add(key);
      const { id } = sqlite
        .prepare(
          `INSERT INTO minutes_entries (key, meeting_id, agenda_item_id, speech_id, type, from_member_id, from_guest, to_member_id, aspect_id, text, sort_order, revision, created_at, updated_at, origin_recorder)
           VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) RETURNING id`,
        )
        .get(key, m.meetingId, s.agendaItemId, s.type, s.fromMemberId, s.fromGuest, s.toMemberId, s.aspectId, s.text, sortOrder, s.createdAt, now, recorder) as { id: number };
      placed.set(found, sortOrder);
      changes.push({ op: 'insert', id, key });
      summary.added++;
    }
  }
  if (changes.length === 0 && summary.kept === 0 && summary.leftOut === 0) return { mergeId: null, summary };
  const { id } = sqlite
    .prepare('INSERT INTO minutes_merges (meeting_id, recorder, merged_at, file_exported_at, summary, changes) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
    .get(m.meetingId, recorder, now, m.file.exportedAt.slice(0, 40), JSON.stringify(summary), JSON.stringify(changes)) as { id: number };
  return { mergeId: id, summary };
}

export async function listMerges(ctx: HandlerContext, meetingId: number): Promise<MergeRecord[]> {
  await getMeeting(ctx, meetingId);
  const found = await ctx.db.selectFrom('minutes_merges').select(['id', 'recorder', 'merged_at', 'file_exported_at', 'summary', 'undone_at']).where('meeting_id', '=', meetingId).orderBy('id', 'desc').execute();
  return found.map((r) => ({ id: r.id, recorder: r.recorder, mergedAt: r.merged_at, fileExportedAt: r.file_exported_at, summary: { agendaAdded: 0, ...(JSON.parse(r.summary) as MergeSummary) }, undoneAt: r.undone_at }));
}

/** Puts the record back as it was before the merge, unless an entry the merge touched was edited since. */
export async function undoMerge(ctx: HandlerContext, meetingId: number, mergeId: number): Promise<void> {
  const sqlite = ctx.sqlite;
  const merge = sqlite.prepare('SELECT * FROM minutes_merges WHERE id = ? AND meeting_id = ?').get(mergeId, meetingId) as { changes: string; undone_at: string | null } | undefined;
  if (!merge) throw notFound({ zh: '合并记录', en: 'Merge' }, mergeId);
  const session = await sessionRow(ctx.db, meetingId);
  if (session?.finalized_at) throw mergeFinalized();
  if (merge.undone_at) throw new AppError('minutes.merge.undone', '这次合并已经撤销过了', 'This merge was already undone');
  const changes = JSON.parse(merge.changes) as Change[];
  const revision = (id: number) => (sqlite.prepare('SELECT revision FROM minutes_entries WHERE id = ?').get(id) as { revision: number } | undefined)?.revision;
  const insertedEntries = new Set(changes.flatMap((c) => (c.op === 'insert' ? [c.id] : [])));
  const sortOrder = (id: number) => (sqlite.prepare('SELECT sort_order AS o FROM minutes_agenda_items WHERE id = ?').get(id) as { o: number } | undefined)?.o;
  const edited = changes.filter((c) => {
    switch (c.op) {
      case 'insert':
        return revision(c.id) !== 1;
      case 'update':
        return revision(c.id) !== c.afterRevision;
      case 'delete':
        return sqlite.prepare('SELECT 1 FROM minutes_entries WHERE id = ? OR key = ?').get(c.row.id, c.row.key) !== undefined;
      case 'insertAgenda':
        // An added item the secretary has since written in, or removed: not the merge's alone any more.
        return sortOrder(c.id) === undefined || (sqlite.prepare('SELECT id FROM minutes_entries WHERE agenda_item_id = ?').all(c.id) as { id: number }[]).some((e) => !insertedEntries.has(e.id));
      case 'agendaOrder':
        return c.after.some(([id, o]) => sortOrder(id) !== o);
    }
  });
  if (edited.length > 0) {
    throw new AppError(
      'minutes.merge.edited',
      `合并之后有 ${edited.length} 条相关记录又被修改或删除，不能整体撤销这次合并；请逐条手工调整`,
      `${edited.length} entries touched by the merge were edited or deleted since; the merge cannot be undone as a whole, adjust them by hand`,
    );
  }
  for (const c of [...changes].reverse()) {
    if (c.op === 'insert') sqlite.prepare('DELETE FROM minutes_entries WHERE id = ?').run(c.id);
    else if (c.op === 'insertAgenda') sqlite.prepare('DELETE FROM minutes_agenda_items WHERE id = ?').run(c.id);
    else if (c.op === 'agendaOrder') for (const [id, o] of c.before) sqlite.prepare('UPDATE minutes_agenda_items SET sort_order = ? WHERE id = ?').run(o, id);
    else if (c.op === 'update') sqlite.prepare('UPDATE minutes_entries SET text = ?, origin_recorder = ?, revision = ?, updated_at = ? WHERE id = ?').run(c.text, c.origin, c.revision, c.updatedAt, c.id);
    else {
      const columns = Object.keys(c.row);
      sqlite.prepare(`INSERT INTO minutes_entries (${columns.map((k) => `"${k}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((k) => c.row[k]));
    }
  }
  sqlite.prepare('UPDATE minutes_merges SET undone_at = ? WHERE id = ?').run(nowIso(ctx), mergeId);
}
