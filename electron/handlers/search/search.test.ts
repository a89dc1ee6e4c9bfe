import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import type { SearchResult } from '../../common/api/search';
import { buildSnippet, hitRanges } from './snippet';
import { parseOutline } from '../../common/materials';

let app: TestApp & { ids: DemoIds };
let sql: TestApp['connection']['sqlite'];
let memberIds: number[];
let aspectIds: number[];
const NOW = '2026-11-27T01:00:00.000Z';

beforeAll(async () => {
  app = await openDemoApp();
  sql = app.connection.sqlite;
  memberIds = (sql.prepare('SELECT id FROM members WHERE team_id = ? ORDER BY sort_order').all(app.ids.teamId) as { id: number }[]).map((r) => r.id);
  aspectIds = (sql.prepare('SELECT id FROM meeting_aspects WHERE meeting_id = ? ORDER BY sort_order').all(app.ids.meetingId) as { id: number }[]).map((r) => r.id);
});
afterAll(() => app.close());

async function search(query: string, extra: Record<string, unknown> = {}): Promise<SearchResult> {
  return app.must('search.query', { query, ...extra });
}
const found = async (query: string, extra: Record<string, unknown> = {}) => (await search(query, extra)).hits.map((h) => `${h.kind}:${h.recordId}`);
/** FTS5's own check that the index matches search_docs exactly. */
const indexIsConsistent = () => sql.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)").run();

function insertOpinion(text: string, options: { member?: number | null; aspect?: number | null } = {}): number {
  const id = 900_000_000 + Math.floor(Math.random() * 1_000_000);
  sql
    .prepare("INSERT INTO opinions (id, meeting_id, channel, source, target_member_id, aspect_id, text, anonymous, position) VALUES (?, ?, 'box', '', ?, ?, ?, 1, 0)")
    .run(id, app.ids.meetingId, options.member ?? null, options.aspect ?? null, text);
  return id;
}

function agendaItem(): number {
  const existing = sql.prepare('SELECT id FROM minutes_agenda_items WHERE meeting_id = ? LIMIT 1').get(app.ids.meetingId) as { id: number } | undefined;
  if (existing) return existing.id;
  return Number(sql.prepare("INSERT INTO minutes_agenda_items (meeting_id, sort_order, kind, title) VALUES (?, 0, 'opening', '开场')").run(app.ids.meetingId).lastInsertRowid);
}

function listId(): number {
  const existing = sql.prepare('SELECT id FROM rectification_lists WHERE meeting_id = ?').get(app.ids.meetingId) as { id: number } | undefined;
  if (existing) return existing.id;
  return Number(sql.prepare('INSERT INTO rectification_lists (meeting_id, created_at, updated_at) VALUES (?, ?, ?)').run(app.ids.meetingId, NOW, NOW).lastInsertRowid);
}

describe('the index follows every source table (triggers)', () => {
  it('raw opinions: insert, edit, reclassify, a new random id when made anonymous, delete', async () => {
    const id = insertOpinion('食堂菜价偏高的问题反映多次未解决');
    expect(await found('食堂菜价')).toEqual([`opinion:${id}`]);
    sql.prepare('UPDATE opinions SET text = ? WHERE id = ?').run('停车位紧张的问题反映多次未解决', id);
    expect(await found('食堂菜价')).toEqual([]);
    expect(await found('停车位紧张')).toEqual([`opinion:${id}`]);
    sql.prepare('UPDATE opinions SET target_member_id = ?, aspect_id = ? WHERE id = ?').run(memberIds[2], aspectIds[1], id);
    expect(await found('停车位紧张', { memberId: memberIds[2] })).toEqual([`opinion:${id}`]);
    expect(await found('停车位紧张', { aspectId: aspectIds[1] })).toEqual([`opinion:${id}`]);
    const newId = id + 1;
    sql.prepare('UPDATE opinions SET id = ? WHERE id = ?').run(newId, id);
    expect(await found('停车位紧张')).toEqual([`opinion:${newId}`]);
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(newId);
    expect(await found('停车位紧张')).toEqual([]);
    indexIsConsistent();
  });

  it('keys a row by its record, not by a sequence (an anonymous opinion keeps no place in entry order)', () => {
    const id = insertOpinion('按记录编号存放的检索行');
    const row = sql.prepare("SELECT id FROM search_docs WHERE kind = 'opinion' AND record_id = ?").get(id) as { id: number };
    expect(row.id).toBe(id * 8 + 1);
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(id);
  });

  it('raw opinions entered through the real channel are found', async () => {
    const created = await app.must('opinions.create', {
      meetingId: app.ids.meetingId,
      opinion: { channel: 'form', source: '', date: null, targetMemberId: null, aspectId: null, text: '希望公开公务用车使用台账', anonymous: true, submitter: '' },
    });
    expect(await found('公务用车使用台账')).toEqual([`opinion:${created.id}`]);
    await app.must('opinions.delete', { meetingId: app.ids.meetingId, ids: [created.id] });
    expect(await found('公务用车使用台账')).toEqual([]);
  });

  it('consolidated opinions: text and note, edit, delete', async () => {
    const id = Number(
      sql.prepare("INSERT INTO consolidated_opinions (meeting_id, text, note, sort_order) VALUES (?, '梳理后的意见：会议过多过长', '涉及三个科室', 99)").run(app.ids.meetingId).lastInsertRowid,
    );
    expect(await found('会议过多过长')).toEqual([`consolidated:${id}`]);
    expect(await found('涉及三个科室')).toEqual([`consolidated:${id}`]);
    sql.prepare("UPDATE consolidated_opinions SET note = '' WHERE id = ?").run(id);
    expect(await found('涉及三个科室')).toEqual([]);
    sql.prepare('DELETE FROM consolidated_opinions WHERE id = ?').run(id);
    expect(await found('会议过多过长')).toEqual([]);
    indexIsConsistent();
  });

  it('talks: topic, agreed text and each participant’s points; members found through participants', async () => {
    const talkId = Number(
      sql
        .prepare("INSERT INTO talks (meeting_id, date, type, topic, agreed, created_at, updated_at) VALUES (?, '2026-11-01', 'member_member', '交流分管工作体会', '约定每月碰头一次', ?, ?)")
        .run(app.ids.meetingId, NOW, NOW).lastInsertRowid,
    );
    sql.prepare("INSERT INTO talk_participants (talk_id, sort_order, member_id, points) VALUES (?, 0, ?, '提醒注意招商项目风险')").run(talkId, memberIds[3]);
    const second = Number(sql.prepare("INSERT INTO talk_participants (talk_id, sort_order, member_id, points) VALUES (?, 1, ?, '表示接受并改进')").run(talkId, memberIds[4]).lastInsertRowid);
    expect(await found('约定每月碰头')).toEqual([`talk:${talkId}`]);
    expect(await found('招商项目风险')).toEqual([`talk:${talkId}`]);
    expect(await found('招商项目风险', { memberId: memberIds[4] })).toEqual([`talk:${talkId}`]);
    expect(await found('招商项目风险', { memberId: memberIds[5] })).toEqual([]);
    const hit = (await search('招商项目风险')).hits[0];
    expect(hit.memberName).toContain('、');
    sql.prepare("UPDATE talk_participants SET points = '承诺月底前整改到位' WHERE id = ?").run(second);
    expect(await found('承诺月底前')).toEqual([`talk:${talkId}`]);
    sql.prepare('DELETE FROM talk_participants WHERE id = ?').run(second);
    expect(await found('承诺月底前')).toEqual([]);
    sql.prepare("UPDATE talks SET topic = '谈心谈话新主题' WHERE id = ?").run(talkId);
    expect(await found('谈心谈话新主题')).toEqual([`talk:${talkId}`]);
    sql.prepare('DELETE FROM talks WHERE id = ?').run(talkId);
    expect(await found('谈心谈话新主题')).toEqual([]);
    expect(await found('招商项目风险')).toEqual([]);
    indexIsConsistent();
  });

  it('materials: every text of the tree (title, opening, headings, items), each autosave, delete', async () => {
    const content = (text: string) => JSON.stringify(parseOutline(text).material);
    const member = memberIds[7];
    sql.prepare('DELETE FROM materials WHERE meeting_id = ? AND member_id = ?').run(app.ids.meetingId, member);
    const id = Number(
      sql
        .prepare('INSERT INTO materials (meeting_id, member_id, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(app.ids.meetingId, member, content('检索测试专用材料标题\n现对照检查如下：\n一、存在的主要问题\n（一）在担当作为方面。一是调研浮于表面。比如，下乡走马观花。'), NOW, NOW).lastInsertRowid,
    );
    expect(await found('下乡走马观花')).toEqual([`material:${id}`]);
    expect(await found('调研浮于表面', { memberId: member })).toEqual([`material:${id}`]);
    expect(await found('检索测试专用材料标题', { kinds: ['material'] })).toEqual([`material:${id}`]);
    expect(await found('一、存在', { kinds: ['material'] })).toEqual([]); // markers are not stored text
    sql.prepare('UPDATE materials SET content = ?, revision = revision + 1 WHERE id = ?').run(content('个人对照检查材料\n一、存在的主要问题\n（一）在廉洁方面。一是接受宴请。'), id);
    expect(await found('下乡走马观花')).toEqual([]);
    expect(await found('接受宴请')).toEqual([`material:${id}`]);
    sql.prepare('DELETE FROM materials WHERE id = ?').run(id);
    expect(await found('接受宴请')).toEqual([]);
    indexIsConsistent();
  });

  it('minutes entries: every autosave, the criticised member and the speaker, delete', async () => {
    const item = agendaItem();
    const id = Number(
      sql
        .prepare(
          "INSERT INTO minutes_entries (key, meeting_id, agenda_item_id, type, from_member_id, to_member_id, text, sort_order, revision, created_at, updated_at) VALUES ('entrykey-1', ?, ?, 'criticism', ?, ?, '调研', 1, 1, ?, ?)",
        )
        .run(app.ids.meetingId, item, memberIds[1], memberIds[2], NOW, NOW).lastInsertRowid,
    );
    sql.prepare("UPDATE minutes_entries SET text = '调研不够深入，蹲点少', revision = 2 WHERE id = ?").run(id);
    expect(await found('蹲点少')).toEqual([`minutes:${id}`]);
    expect(await found('蹲点少', { memberId: memberIds[2] })).toEqual([`minutes:${id}`]);
    expect(await found('蹲点少', { memberId: memberIds[1] })).toEqual([`minutes:${id}`]);
    sql.prepare('DELETE FROM minutes_entries WHERE id = ?').run(id);
    expect(await found('蹲点少')).toEqual([]);
    indexIsConsistent();
  });

  it('rectification items: problem, target, measures, progress, note; leaders found as members', async () => {
    const list = listId();
    const id = Number(
      sql
        .prepare("INSERT INTO rectification_items (list_id, seq, problem, target, member_id, created_at, updated_at) VALUES (?, 1, '窗口服务推诿扯皮', '群众满意度明显提升', ?, ?, ?)")
        .run(list, memberIds[5], NOW, NOW).lastInsertRowid,
    );
    const measure = Number(sql.prepare("INSERT INTO rectification_measures (item_id, sort_order, text) VALUES (?, 0, '推行首问负责制')").run(id).lastInsertRowid);
    sql.prepare('INSERT INTO rectification_item_leaders (item_id, member_id, sort_order) VALUES (?, ?, 0)').run(id, memberIds[6]);
    expect(await found('推行首问负责')).toEqual([`rectification:${id}`]);
    expect(await found('群众满意度')).toEqual([`rectification:${id}`]);
    expect(await found('推诿扯皮', { memberId: memberIds[6] })).toEqual([`rectification:${id}`]);
    expect(await found('推诿扯皮', { memberId: memberIds[5] })).toEqual([`rectification:${id}`]);
    sql.prepare("UPDATE rectification_items SET progress = '已制定实施方案' WHERE id = ?").run(id);
    expect(await found('已制定实施方案')).toEqual([`rectification:${id}`]);
    sql.prepare('DELETE FROM rectification_measures WHERE id = ?').run(measure);
    expect(await found('推行首问负责')).toEqual([]);
    sql.prepare('DELETE FROM rectification_items WHERE id = ?').run(id);
    expect(await found('推诿扯皮')).toEqual([]);
    indexIsConsistent();
  });

  it('deleting a meeting removes its records from the index (cascades fire the triggers)', async () => {
    const meeting = await app.must('meetings.create', {
      teamId: app.ids.teamId, kind: 'annual', trigger: null, triggerReason: '', year: 2020, theme: '临时会议', date: '2020-12-20', startTime: '', place: '', hostMemberId: null, recorder: '', quorumRatio: 0.67, aspects: [], guests: [],
    });
    sql.prepare("INSERT INTO consolidated_opinions (meeting_id, text, sort_order) VALUES (?, '只在临时会议中的意见', 0)").run(meeting.id);
    expect(await found('只在临时会议')).toHaveLength(1);
    sql.prepare('DELETE FROM meetings WHERE id = ?').run(meeting.id);
    expect(await found('只在临时会议')).toEqual([]);
    indexIsConsistent();
  });
});

describe('words of one and two characters (below the trigram)', () => {
  it('finds two characters anywhere, including at the very end of a text, across meetings and inside one', async () => {
    const end = insertOpinion('这一条意见的最后两个字是翘楚');
    const middle = insertOpinion('翘楚出现在中间的一条意见');
    for (const scope of [{}, { meetingId: app.ids.meetingId }]) {
      expect((await found('翘楚', scope)).sort()).toEqual([`opinion:${end}`, `opinion:${middle}`].sort());
    }
    expect((await search('翘楚')).order).toBe('density');
    sql.prepare('DELETE FROM opinions WHERE id IN (?, ?)').run(end, middle);
  });

  it('finds one character, also as the last one of a text', async () => {
    const id = insertOpinion('以一个生僻字结尾：燚');
    expect(await found('燚')).toEqual([`opinion:${id}`]);
    expect(await found('燚', { meetingId: app.ids.meetingId })).toEqual([`opinion:${id}`]);
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(id);
  });

  it('answers common short words (整改, 批评) from the newest records, and combines short and long words', async () => {
    const ids = [insertOpinion('整改不到位，批评不够'), insertOpinion('整改'), insertOpinion('批评与自我批评，辣味十足')];
    expect(await found('整改')).toEqual(expect.arrayContaining([`opinion:${ids[0]}`, `opinion:${ids[1]}`]));
    expect(await found('批评')).toEqual(expect.arrayContaining([`opinion:${ids[0]}`, `opinion:${ids[2]}`]));
    expect(await found('整改 批评')).toContain(`opinion:${ids[0]}`);
    expect(await found('整改 批评')).not.toContain(`opinion:${ids[1]}`);
    expect(await found('批评 辣味十足')).toEqual([`opinion:${ids[2]}`]);
    sql.prepare('DELETE FROM opinions WHERE id IN (?, ?, ?)').run(...ids);
  });

  it('ignores case for Latin letters, like the index', async () => {
    const id = insertOpinion('OA系统审批慢');
    expect(await found('oa')).toContain(`opinion:${id}`);
    expect(await found('oa', { meetingId: app.ids.meetingId })).toContain(`opinion:${id}`);
    expect(await found('oa系统')).toContain(`opinion:${id}`);
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(id);
  });
});

describe('filters', () => {
  it('by kind, meeting, member and aspect', async () => {
    const a = insertOpinion('筛选测试用语甲', { member: memberIds[1], aspect: aspectIds[0] });
    const b = insertOpinion('筛选测试用语乙', { member: memberIds[2], aspect: aspectIds[2] });
    const c = Number(sql.prepare("INSERT INTO consolidated_opinions (meeting_id, text, sort_order) VALUES (?, '筛选测试用语丙', 98)").run(app.ids.meetingId).lastInsertRowid);
    expect((await found('筛选测试用语')).sort()).toEqual([`consolidated:${c}`, `opinion:${a}`, `opinion:${b}`].sort());
    expect(await found('筛选测试用语', { kinds: ['consolidated'] })).toEqual([`consolidated:${c}`]);
    expect(await found('筛选测试', { kinds: ['consolidated'] })).toEqual([`consolidated:${c}`]);
    expect((await found('筛选测试用语', { kinds: ['opinion', 'talk'] })).sort()).toEqual([`opinion:${a}`, `opinion:${b}`].sort());
    expect(await found('筛选测试用语', { memberId: memberIds[1] })).toEqual([`opinion:${a}`]);
    expect(await found('筛选测试用语', { aspectId: aspectIds[2] })).toEqual([`opinion:${b}`]);
    expect(await found('筛选测试用语', { meetingId: app.ids.meetingId, memberId: memberIds[2], kinds: ['opinion'] })).toEqual([`opinion:${b}`]);
    expect(await found('筛选测试用语', { meetingId: 999_999 })).toEqual([]);
    sql.prepare('DELETE FROM opinions WHERE id IN (?, ?)').run(a, b);
    sql.prepare('DELETE FROM consolidated_opinions WHERE id = ?').run(c);
  });

  it('labels each hit with its meeting, member and aspect', async () => {
    const id = insertOpinion('带标签的检索结果', { member: memberIds[3], aspect: aspectIds[1] });
    const [hit] = (await search('带标签的检索')).hits;
    expect(hit).toMatchObject({ kind: 'opinion', recordId: id, meetingId: app.ids.meetingId, memberId: memberIds[3], aspectId: aspectIds[1] });
    expect(hit.memberName).toBeTruthy();
    expect(hit.aspectLabel).toBeTruthy();
    expect(hit.meeting.teamName).toContain('青溪');
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(id);
  });

  it('pages through the hits', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => insertOpinion(`分页测试意见第${i}条`));
    const first = await search('分页测试意见', { limit: 3 });
    const second = await search('分页测试意见', { limit: 3, offset: 3 });
    const third = await search('分页测试意见', { limit: 3, offset: 6 });
    expect(first.total).toBe(7);
    expect([first.hasMore, second.hasMore, third.hasMore]).toEqual([true, true, false]);
    const all = [...first.hits, ...second.hits, ...third.hits].map((h) => h.recordId);
    expect(new Set(all)).toEqual(new Set(ids));
    sql.prepare(`DELETE FROM opinions WHERE id IN (${ids.join(',')})`).run();
  });
});

describe('ranking', () => {
  it('puts a short text that repeats the words above a long text that mentions them once', async () => {
    const long = insertOpinion(`${'其他内容很多。'.repeat(60)}排名测试词出现一次。`);
    const strong = insertOpinion('排名测试词，排名测试词，还是排名测试词。');
    for (const scope of [{}, { meetingId: app.ids.meetingId }]) {
      expect(await found('排名测试词', scope)).toEqual([`opinion:${strong}`, `opinion:${long}`]);
    }
    expect((await search('排名测试词')).order).toBe('relevance');
    sql.prepare('DELETE FROM opinions WHERE id IN (?, ?)').run(long, strong);
  });
});

describe('snippets', () => {
  it('marks every hit, as plain text segments that join back into the original', async () => {
    const id = insertOpinion('前文。<b>不是标签</b>的高亮片段出现在这里，高亮片段再出现一次。');
    const [hit] = (await search('高亮片段')).hits;
    expect(hit.recordId).toBe(id);
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['高亮片段', '高亮片段']);
    expect(hit.snippet.map((s) => s.text).join('')).toBe('前文。<b>不是标签</b>的高亮片段出现在这里，高亮片段再出现一次。');
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(id);
  });

  it('cuts long texts around the first hit and says so with …', () => {
    const text = `${'甲'.repeat(300)}目标词${'乙'.repeat(300)}`;
    const segments = buildSnippet(text, ['目标词']);
    expect(segments[0]).toEqual({ text: '…', hit: false });
    expect(segments.at(-1)).toEqual({ text: '…', hit: false });
    expect(segments.find((s) => s.hit)?.text).toBe('目标词');
    expect(segments.map((s) => s.text).join('').length).toBeLessThan(130);
  });

  it('merges overlapping hits and keeps characters outside the basic plane whole', () => {
    expect(hitRanges('整改整改', ['整改', '改整'])).toEqual([[0, 4]]);
    const segments = buildSnippet('𠀀𠀀目标𠀀', ['目标']);
    expect(segments).toEqual([
      { text: '𠀀𠀀', hit: false },
      { text: '目标', hit: true },
      { text: '𠀀', hit: false },
    ]);
  });
});

describe('hostile queries', () => {
  const hostile = ['"', '""', '"整改', '*', '整改*', 'NEAR(', 'NEAR(整改 批评, 5)', '-', '-整改', 'a OR b', 'AND', '(', ')', '^', ':', 'text:整改', '{text}: 整改', "'; DROP TABLE opinions; --", '\u0000整改\u0001', '%', '_', '整改%'];

  it.each(hostile)('searches %j literally and never fails', async (query) => {
    const result = await app.call('search.query', { query });
    if (!result.ok) expect(result.error.code).toBe('invalidInput');
    else expect(Array.isArray(result.value.hits)).toBe(true);
    for (const scope of [{ meetingId: app.ids.meetingId }, { memberId: memberIds[0] }]) {
      const scoped = await app.call('search.query', { query, ...scope });
      expect(scoped.ok || scoped.error.code === 'invalidInput').toBe(true);
    }
  });

  it('finds FTS syntax characters as text', async () => {
    const id = insertOpinion('文件写着 NEAR(甲乙) 和 "引号" 以及 a*b-c');
    expect(await found('NEAR(甲乙)')).toEqual([`opinion:${id}`]);
    expect(await found('"引号"')).toEqual([`opinion:${id}`]);
    expect(await found('a*b-c')).toEqual([`opinion:${id}`]);
    expect(await found('*')).toContain(`opinion:${id}`);
    sql.prepare('DELETE FROM opinions WHERE id = ?').run(id);
    expect(sql.prepare('SELECT count(*) AS n FROM opinions').get()).toBeTruthy();
  });

  it('refuses empty, over-long and many-word queries with a message in both languages', async () => {
    for (const query of ['', '   ', '\u0000', '字'.repeat(101), 'a b c d e f g h i', 'x'.repeat(100_000)]) {
      const result = await app.call('search.query', { query });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalidInput');
        expect(result.error.fields?.[0]?.message).toMatch(/[\u4e00-\u9fff]/);
        expect(result.error.fields?.[0]?.messageEn).toMatch(/[a-z]/);
      }
    }
    expect((await app.call('search.query', { query: '字'.repeat(100) })).ok).toBe(true);
  });
});
