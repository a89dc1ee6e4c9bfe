import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { diffMaterials, parseOutline, summarizeDiff, toText, type Material } from '../../common/materials';
import { outline, withoutIds } from '../../common/materials/testing';
import { mmToTwips } from '../../documents/gbt9704';
import { bodyParagraphs, findAll, paragraphProperty, readDocx, runFormat, textOf, type XmlElement } from '../../documents/gbt9704/testkit';
import { readText } from '../../documents/readers/text';
import { collectDossier } from '../meetings/dossier';
import { collectFacts } from '../meetings/facts';
import { collectSources } from '../meetings/sources';
import { numberedDocx } from './testDocx';

let app: TestApp & { ids: DemoIds };
/** Member ids in the demo team's order (0 林向东 … 7 黄海峰). */
let member: (index: number) => number;
beforeEach(async () => {
  app = await openDemoApp();
  const members = await app.must('members.list', { teamId: app.ids.teamId });
  member = (i) => members[i].id;
});
afterEach(() => app.close());

const fixture = (name: string) => fs.readFileSync(path.resolve('electron/common/materials/fixtures', name), 'utf8');
const bytes = (b: Uint8Array | Buffer) => new Uint8Array(b);

const SHORT = [
  '2026年度民主生活会个人对照检查材料',
  '按照县委要求，现对照检查如下：',
  '一、存在的主要问题',
  '（一）在理论学习方面。一是学习不够系统。比如，中心组学习发言准备不足。二是学用结合不紧。',
  '（二）在担当作为方面。主要是面对矛盾有时绕着走。',
  '二、原因分析',
  '（一）理想信念有所弱化。放松了自我要求。',
  '三、整改措施',
  '（一）在强化理论武装上下功夫。每周自学不少于4小时。',
].join('\n');

async function startWith(memberIndex: number, text = SHORT) {
  const preview = await app.must('materials.parse', { source: 'text', text });
  return app.must('materials.create', { meetingId: app.ids.meetingId, memberId: member(memberIndex), content: preview.material });
}

function withEdit(m: Material, edit: (m: Material) => void): Material {
  const copy = structuredClone(m);
  edit(copy);
  return copy;
}

describe('import', () => {
  it('reads a UTF-8 and a GBK .txt into the same tree, and stores it as previewed', async () => {
    const text = fixture('county-head-2023.txt');
    const utf8 = await app.must('materials.parse', { source: 'file', name: '对照检查.txt', bytes: bytes(Buffer.from(text, 'utf8')) });
    const gbk = await app.must('materials.parse', { source: 'file', name: '对照检查.txt', bytes: bytes(iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk')) });
    expect(utf8.format).toBe('txt');
    expect(gbk.encoding).toMatch(/gb/i);
    expect(withoutIds(gbk.material)).toEqual(withoutIds(utf8.material));
    expect(utf8.warnings).toEqual([]);
    expect(utf8.charCount).toBeGreaterThan(1800);

    const created = await app.must('materials.create', { meetingId: app.ids.meetingId, memberId: member(5), content: utf8.material });
    expect(created.content).toEqual(utf8.material);
    expect(created.status).toBe('draft');
    const row = app.connection.sqlite.prepare('SELECT content FROM materials WHERE id = ?').get(created.id) as { content: string };
    expect(JSON.parse(row.content)).toEqual(utf8.material);
  });

  it('reads a .docx whose 一、（一） are Word automatic numbering', async () => {
    const docx = await numberedDocx([
      '孙丽娟同志对照检查材料',
      '现对照检查如下：',
      { text: '存在的主要问题', level: 0 },
      { text: '在营商环境方面。一是涉企检查仍然偏多。二是政策兑现不够及时。', level: 1 },
      { text: '原因分析', level: 0 },
      { text: '宗旨意识有所淡化。听取企业意见不够。', level: 1 },
      { text: '整改措施', level: 0 },
      { text: '在优化服务上下功夫。每季度走访企业。', level: 1 },
    ]);
    const preview = await app.must('materials.parse', { source: 'file', name: '孙丽娟.docx', bytes: docx });
    expect(preview.format).toBe('docx');
    expect(preview.warnings).toEqual([]);
    expect(outline(preview.material)).toBe(
      [
        'T 孙丽娟同志对照检查材料',
        'O 现对照检查如下：',
        'S problems 存在的主要问题 {cn-paren}',
        '  B 在营商环境方面。 [营商环境] {cn-shi}',
        '    I 涉企检查仍然偏多。',
        '    I 政策兑现不够及时。',
        'S causes 原因分析 {cn-paren}',
        '  I 宗旨意识有所淡化。 ‖ 听取企业意见不够。',
        'S measures 整改措施 {cn-paren}',
        '  I 在优化服务上下功夫。 ‖ 每季度走访企业。 [优化服务]',
      ].join('\n'),
    );
  });

  it('previews warnings for numbering gaps and unknown sections, pointing at the node', async () => {
    const preview = await app.must('materials.parse', {
      source: 'text',
      text: '一、存在的问题\n（一）在学习方面\n1.学得不深。\n3.用得不够。\n二、其他情况\n说明。',
    });
    expect(preview.warnings.map((w) => w.code)).toEqual(['numbering-gap', 'section-unclassified']);
    for (const w of preview.warnings) {
      expect(w.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(w.message.en).toMatch(/[a-z]/);
    }
    expect(preview.warnings[1].nodeId).toBe(preview.material.sections[1].id);
  });

  it('refuses files it cannot read, in both languages, storing nothing', async () => {
    const before = app.counts();
    const pdf = await app.call('materials.parse', { source: 'file', name: 'a.pdf', bytes: bytes(Buffer.from('%PDF-1.4 ...')) });
    expect(pdf).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^materials\.file\./) } });
    const broken = await app.call('materials.parse', { source: 'file', name: 'a.docx', bytes: bytes(Buffer.from('PK\u0003\u0004broken')) });
    expect(broken.ok).toBe(false);
    expect(app.counts()).toEqual(before);
  });

  it('round-trips through the text export: re-importing the exported .txt gives the same structure', async () => {
    const created = await startWith(5, fixture('education-chief-2021.txt'));
    const saved = await app.must('materials.export', { meetingId: app.ids.meetingId, ids: [created.id], format: 'txt' });
    expect(saved.files).toHaveLength(1);
    const text = readText(fs.readFileSync(saved.files[0].path));
    expect(text).toContain('\r\n');
    const again = await app.must('materials.parse', { source: 'file', name: saved.files[0].fileName, bytes: bytes(fs.readFileSync(saved.files[0].path)) });
    expect(withoutIds(again.material)).toEqual(withoutIds(created.content));
  });
});

describe('editing and autosave', () => {
  it('stores newer revisions and ignores a late, older one', async () => {
    const m = await startWith(6);
    const v2 = withEdit(m.content, (c) => (c.opening = '新的开头。现对照检查如下：'));
    const v3 = withEdit(m.content, (c) => (c.opening = '更新的开头。现对照检查如下：'));
    expect(await app.must('materials.save', { id: m.id, content: v3, revision: 3 })).toMatchObject({ revision: 3, stale: false });
    expect(await app.must('materials.save', { id: m.id, content: v2, revision: 2 })).toMatchObject({ revision: 3, stale: true });
    expect((await app.must('materials.get', { id: m.id })).content.opening).toBe('更新的开头。现对照检查如下：');
  });

  it('starts an empty material from the meeting aspects when nothing is imported', async () => {
    const m = await app.must('materials.create', { meetingId: app.ids.meetingId, memberId: member(7), content: null });
    const meeting = await app.must('meetings.get', { id: app.ids.meetingId });
    expect(m.content.sections.map((s) => s.kind)).toEqual(['problems', 'causes', 'measures']);
    const [problems] = m.content.sections;
    expect(problems.children.map((b) => (b.type === 'aspect' ? b.heading : ''))).toEqual(meeting.aspects.map((a) => a.label));
    expect(m.content.title).toContain('民主生活会个人对照检查材料');
  });

  it('refuses bad input and writes nothing: unknown member, second material, oversized or malformed content', async () => {
    const m = await startWith(6);
    const before = app.counts();
    const snapshot = app.connection.sqlite.prepare('SELECT content, revision FROM materials WHERE id = ?').get(m.id);

    const unknown = await app.call('materials.create', { meetingId: app.ids.meetingId, memberId: 999_999, content: null });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'notFound' } });
    const twice = await app.call('materials.create', { meetingId: app.ids.meetingId, memberId: member(6), content: null });
    expect(twice).toMatchObject({ ok: false, error: { code: 'materials.exists' } });

    const huge = withEdit(m.content, (c) => {
      const section = c.sections[1];
      if (section.kind !== 'causes') throw new Error('fixture changed');
      for (let i = 0; i < 20; i++) section.children.push({ id: `big${i}`, type: 'paragraph', text: '长'.repeat(60_000) });
    });
    const oversized = await app.call('materials.save', { id: m.id, content: huge, revision: 10 });
    expect(oversized).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    if (!oversized.ok) expect(oversized.error.messageEn).toMatch(/too large/);

    const duplicateIds = withEdit(m.content, (c) => (c.sections[1].id = c.sections[0].id));
    expect(await app.call('materials.save', { id: m.id, content: duplicateIds, revision: 11 })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const missingField = JSON.parse(JSON.stringify(m.content).replace('"listStyle":"cn-shi"', '"listStyle":"roman"')) as Material;
    expect(await app.call('materials.save', { id: m.id, content: missingField, revision: 12 })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const notATree = await app.call('materials.save', { id: m.id, content: { title: 'x', opening: '', sections: [{ type: 'section', kind: 'problems' }] } as unknown as Material, revision: 13 });
    expect(notATree).toMatchObject({ ok: false, error: { code: 'invalidInput' } });

    expect(app.counts()).toEqual(before);
    expect(app.connection.sqlite.prepare('SELECT content, revision FROM materials WHERE id = ?').get(m.id)).toEqual(snapshot);
  });
});

describe('review', () => {
  it('goes 草稿 → 已提交 → 退回修改 → 已提交 → 审核通过, keeping every submitted version', async () => {
    const m = await startWith(5);
    const approveDraft = await app.call('materials.review', { id: m.id, decision: 'approve', reviewer: '吴国平', comment: '', deadline: null });
    expect(approveDraft).toMatchObject({ ok: false, error: { code: 'materials.wrongStatus' } });
    if (!approveDraft.ok) expect(approveDraft.error.message).toContain('草稿');

    const submitted = await app.must('materials.submit', { id: m.id, note: '初稿' });
    expect(submitted.status).toBe('submitted');
    expect(submitted.versions).toMatchObject([{ number: 1, note: '初稿' }]);
    const locked = await app.call('materials.save', { id: m.id, content: m.content, revision: 50 });
    expect(locked).toMatchObject({ ok: false, error: { code: 'materials.locked' } });

    const noComment = await app.call('materials.review', { id: m.id, decision: 'return', reviewer: '吴国平', comment: '  ', deadline: null });
    expect(noComment).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    const pastDeadline = await app.call('materials.review', { id: m.id, decision: 'return', reviewer: '吴国平', comment: '问题查摆不深', deadline: '2026-01-01' });
    expect(pastDeadline).toMatchObject({ ok: false, error: { code: 'materials.pastDeadline' } });

    const returned = await app.must('materials.review', { id: m.id, decision: 'return', reviewer: '吴国平', comment: '对群众反映的问题回应不够，请补充。', deadline: '2026-11-30' });
    expect(returned.status).toBe('returned');
    expect(returned.reviews).toMatchObject([{ decision: 'returned', reviewer: '吴国平', deadline: '2026-11-30', versionNumber: 1 }]);

    const revised = withEdit(returned.content, (c) => {
      const problems = c.sections[0];
      if (problems.kind !== 'problems' || problems.children[0].type !== 'aspect') throw new Error('fixture changed');
      const item = problems.children[0].children[1];
      if (item.type === 'item') item.text = '学用结合不紧，破解难题办法不多。';
    });
    await app.must('materials.save', { id: m.id, content: revised, revision: returned.revision + 1 });
    const again = await app.must('materials.submit', { id: m.id, note: '按审核意见修改' });
    expect(again.versions.map((v) => v.number)).toEqual([1, 2]);

    const v1 = await app.must('materials.version', { id: again.versions[0].id });
    const v2 = await app.must('materials.version', { id: again.versions[1].id });
    expect(v1.content).toEqual(m.content);
    expect(v2.content).toEqual(revised);
    const rows = diffMaterials(v1.content, v2.content);
    expect(summarizeDiff(rows)).toMatchObject({ changed: 1, added: 0, removed: 0 });
    expect(rows.find((r) => r.kind === 'changed')?.right?.map((s) => s.text).join('')).toBe('二是学用结合不紧，破解难题办法不多。');

    const approved = await app.must('materials.review', { id: m.id, decision: 'approve', reviewer: '吴国平', comment: '同意', deadline: null });
    expect(approved.status).toBe('approved');
    expect(await app.call('materials.save', { id: m.id, content: revised, revision: 99 })).toMatchObject({ ok: false, error: { code: 'materials.locked' } });
    expect(await app.call('materials.submit', { id: m.id, note: '' })).toMatchObject({ ok: false, error: { code: 'materials.wrongStatus' } });

    // Changing an approved material takes a reviewer's reopening, recorded with its reason.
    const reopened = await app.must('materials.reopen', { id: m.id, reviewer: '吴国平', comment: '补充上年度整改情况' });
    expect(reopened.status).toBe('returned');
    expect(reopened.reviews.map((r) => r.decision)).toEqual(['returned', 'approved', 'reopened']);
    expect(await app.call('materials.save', { id: m.id, content: revised, revision: 99 })).toMatchObject({ ok: true });
  });

  it('lets the author withdraw a submission before review, and refuses to submit a material without problems', async () => {
    const empty = await app.must('materials.create', { meetingId: app.ids.meetingId, memberId: member(7), content: null });
    expect(await app.call('materials.submit', { id: empty.id, note: '' })).toMatchObject({ ok: false, error: { code: 'materials.noProblems' } });
    const m = await startWith(6);
    await app.must('materials.submit', { id: m.id, note: '' });
    expect((await app.must('materials.withdraw', { id: m.id })).status).toBe('draft');
    expect(await app.call('materials.withdraw', { id: m.id })).toMatchObject({ ok: false, error: { code: 'materials.wrongStatus' } });
  });

  it('never changes a stored version', async () => {
    const m = await startWith(6);
    const s = await app.must('materials.submit', { id: m.id, note: '' });
    expect(() => app.connection.sqlite.prepare("UPDATE material_versions SET note = 'x' WHERE id = ?").run(s.versions[0].id)).toThrow(/cannot be changed/);
  });
});

describe('opinions answered by problems', () => {
  async function setup() {
    const m = await startWith(5);
    const opinions = m.opinions;
    expect(opinions.length).toBeGreaterThan(0);
    const problems = m.content.sections[0];
    if (problems.kind !== 'problems' || problems.children[0].type !== 'aspect') throw new Error('fixture changed');
    const first = problems.children[0].children[0];
    return { m, opinions, problemId: first.id };
  }

  it('links a problem to opinions addressed to the author and counts those still unanswered', async () => {
    const { m, opinions, problemId } = await setup();
    const linked = await app.must('materials.link', { id: m.id, nodeId: problemId, opinionIds: [opinions[0].id] });
    expect(linked.opinions.find((o) => o.id === opinions[0].id)?.nodeIds).toEqual([problemId]);
    const row = (await app.must('materials.list', { meetingId: app.ids.meetingId })).find((r) => r.id === m.id);
    expect(row).toMatchObject({ opinionCount: opinions.length, unansweredCount: opinions.length - 1 });
  });

  it('refuses opinions addressed to someone else and problems not in the material', async () => {
    const { m, problemId } = await setup();
    const board = await app.must('opinions.board', { meetingId: app.ids.meetingId });
    const other = board.opinions.find((o) => o.targetMemberId !== member(5));
    const before = app.counts();
    expect(await app.call('materials.link', { id: m.id, nodeId: problemId, opinionIds: [other!.id] })).toMatchObject({ ok: false, error: { code: 'materials.foreignOpinion' } });
    expect(await app.call('materials.link', { id: m.id, nodeId: 'n9999', opinionIds: [] })).toMatchObject({ ok: false, error: { code: 'materials.unknownProblem' } });
    expect(app.counts()).toEqual(before);
  });

  it('drops links gracefully when the opinion is deleted or the problem removed, and follows an opinion made anonymous', async () => {
    const { m, opinions, problemId } = await setup();
    await app.must('materials.link', { id: m.id, nodeId: problemId, opinionIds: opinions.map((o) => o.id) });
    const raw = (await app.must('opinions.board', { meetingId: app.ids.meetingId })).opinions.find((o) => o.id === opinions[0].id)!;
    const anonymous = await app.must('opinions.update', {
      id: raw.id,
      opinion: { channel: raw.channel, source: raw.source, date: raw.date, targetMemberId: raw.targetMemberId, aspectId: raw.aspectId, text: raw.text, anonymous: true, submitter: '' },
    });
    let detail = await app.must('materials.get', { id: m.id });
    expect(detail.opinions.find((o) => o.id === anonymous.id)?.nodeIds).toEqual([problemId]);

    if (opinions.length > 1) {
      await app.must('opinions.delete', { meetingId: app.ids.meetingId, ids: [opinions[1].id] });
      detail = await app.must('materials.get', { id: m.id });
      expect(detail.opinions.map((o) => o.id)).not.toContain(opinions[1].id);
    }
    const withoutProblem = withEdit(detail.content, (c) => {
      const problems = c.sections[0];
      if (problems.kind === 'problems' && problems.children[0].type === 'aspect') problems.children[0].children.shift();
    });
    await app.must('materials.save', { id: m.id, content: withoutProblem, revision: detail.revision + 1 });
    detail = await app.must('materials.get', { id: m.id });
    expect(detail.opinions.every((o) => o.nodeIds.length === 0)).toBe(true);
    const links = app.connection.sqlite.prepare('SELECT count(*) AS n FROM material_opinion_links JOIN material_problems p ON p.id = problem_id WHERE p.material_id = ?');
    expect(links.get(m.id)).toEqual({ n: 0 });
  });
});

describe('export', () => {
  async function exported(memberIndex: number, text: string, settings?: Parameters<TestApp['must']>[1]) {
    if (settings) await app.must('settings.update', settings as never);
    const m = await startWith(memberIndex, text);
    const saved = await app.must('materials.export', { meetingId: app.ids.meetingId, ids: [m.id], format: 'docx' });
    const docx = await readDocx(fs.readFileSync(saved.files[0].path));
    const paragraphs = bodyParagraphs(docx.document);
    const byStart = (start: string): XmlElement => {
      const found = paragraphs.find((p) => textOf(p).startsWith(start));
      if (!found) throw new Error(`no paragraph starting "${start}" in ${paragraphs.map(textOf).join(' | ')}`);
      return found;
    };
    return { m, saved, docx, paragraphs, byStart };
  }
  const runs = (p: XmlElement) => findAll(p, 'w:r').map(runFormat);

  it('writes GB/T 9704: margins, fonts and sizes, indents, literal numbering, outline levels, page numbers', async () => {
    const { docx, paragraphs, byStart, saved } = await exported(5, SHORT);
    expect(saved.files[0].fileName).toBe('巡察整改专题民主生活会孙丽娟对照检查材料.docx');
    const pgMar = findAll(docx.sections[0], 'w:pgMar')[0];
    expect(pgMar.attrs).toMatchObject({ 'w:top': '2098', 'w:left': '1588' });

    expect(textOf(paragraphs[0])).toBe('2026年度民主生活会个人对照检查材料');
    expect(runs(paragraphs[0])).toEqual([expect.objectContaining({ eastAsia: '方正小标宋简体', size: 44 })]);
    expect(paragraphProperty(paragraphs[0], 'w:jc')).toBe('center');
    expect(textOf(paragraphs[1])).toBe('孙丽娟');
    expect(runs(paragraphs[1])).toEqual([expect.objectContaining({ eastAsia: '楷体_GB2312', size: 32 })]);

    const opening = byStart('按照县委要求');
    expect(paragraphProperty(opening, 'w:ind', 'w:firstLine')).toBe('640');
    expect(runs(opening)).toEqual([expect.objectContaining({ eastAsia: '仿宋_GB2312', size: 32 })]);
    expect(paragraphProperty(opening, 'w:spacing', 'w:line')).toBe('560');
    expect(paragraphProperty(opening, 'w:spacing', 'w:lineRule')).toBe('exact');

    const h1 = byStart('一、存在的主要问题');
    expect(textOf(h1)).toBe('一、存在的主要问题');
    expect(runs(h1)).toEqual([expect.objectContaining({ eastAsia: '黑体' })]);
    expect(paragraphProperty(h1, 'w:outlineLvl')).toBe('0');

    // The aspect heading runs into its first problem: only the heading sentence is 楷体.
    const aspect = byStart('（一）在理论学习方面。');
    expect(textOf(aspect)).toBe('（一）在理论学习方面。一是学习不够系统。比如，中心组学习发言准备不足。');
    expect(runs(aspect).map((r) => [r.text, r.eastAsia])).toEqual([
      ['（一）在理论学习方面。', '楷体_GB2312'],
      ['一是学习不够系统。比如，中心组学习发言准备不足。', '仿宋_GB2312'],
    ]);
    expect(paragraphProperty(aspect, 'w:outlineLvl')).toBe('1');
    const second = byStart('二是');
    expect(textOf(second)).toBe('二是学用结合不紧。');
    expect(paragraphProperty(second, 'w:ind', 'w:firstLine')).toBe('640');
    expect(paragraphProperty(second, 'w:outlineLvl')).toBeUndefined();

    const cause = byStart('（一）理想信念有所弱化。');
    expect(runs(cause).map((r) => [r.text, r.eastAsia])).toEqual([
      ['（一）理想信念有所弱化。', '楷体_GB2312'],
      ['放松了自我要求。', '仿宋_GB2312'],
    ]);
    expect(textOf(byStart('三、整改措施'))).toBe('三、整改措施');

    const date = paragraphs.at(-1)!;
    expect(textOf(date)).toBe('2026年11月27日');
    expect(paragraphProperty(date, 'w:jc')).toBe('right');

    const footer = await docx.footer(docx.sections[0], 'default');
    expect(textOf(footer!).replace(/PAGE|\s/g, '')).toBe('——');
    expect(findAll(footer!, 'w:instrText').map((i) => i.children.join('').trim())).toEqual(['PAGE']);
    expect(runs(footer!)[0]).toMatchObject({ eastAsia: '宋体', size: 28 });
    expect(await docx.footer(docx.sections[0], 'even')).toBeDefined();
  });

  it('follows the settings: system font names, edited margins and line spacing', async () => {
    const { docx, byStart } = await exported(6, SHORT, { document: { fontProfile: 'system', marginTopMm: 30, lineSpacingPt: 29, pageNumberStyle: 'center' } });
    expect(findAll(docx.sections[0], 'w:pgMar')[0].attrs['w:top']).toBe(String(mmToTwips(30)));
    const h1 = byStart('一、');
    expect(runs(h1)[0].eastAsia).toBe('黑体');
    expect(runs(byStart('（一）在理论学习方面'))[0].eastAsia).toBe('楷体');
    expect(runs(byStart('按照县委要求'))[0].eastAsia).toBe('仿宋');
    expect(paragraphProperty(byStart('按照县委要求'), 'w:spacing', 'w:line')).toBe('580');
    expect(await docx.footer(docx.sections[0], 'even')).toBeUndefined();
  });

  it('keeps a title block that already names the author and the date, adding neither again', async () => {
    const { paragraphs } = await exported(5, fixture('county-head-2023.txt').replace('李明远', '孙丽娟'));
    const texts = paragraphs.map(textOf);
    expect(texts.slice(0, 3)).toEqual(['云溪县县长孙丽娟2023年度民主生活会\n个人对照检查材料', '（2024年1月18日）', '']);
    expect(texts.filter((t) => t === '孙丽娟')).toEqual([]);
    expect(texts.at(-1)).toBe('以上是我的个人对照检查，不妥之处，恳请同志们批评指正。');
    expect(texts).toContain('（二）宗旨意识有所淡化。随着职务提升，深入群众的时间少了，与群众的感情有所疏远，对群众的所思所盼了解不够全面，以人民为中心的发展思想在具体工作中落实得不够到位。');
  });

  it('exports every material of the meeting in one go into the chosen folder', async () => {
    await startWith(5);
    await startWith(6, fixture('vice-head-2024.source.txt'));
    const list = await app.must('materials.list', { meetingId: app.ids.meetingId });
    const existing = list.filter((r) => r.id !== null);
    const saved = await app.must('materials.export', { meetingId: app.ids.meetingId, ids: null, format: 'docx' });
    expect(saved.files).toHaveLength(existing.length);
    expect(new Set(saved.files.map((f) => path.dirname(f.path)))).toEqual(new Set([app.exportDir]));
    for (const f of saved.files) expect(fs.statSync(f.path).size).toBe(f.bytes);
    const log = await app.must('exportLog.list', {});
    expect(log.filter((l) => l.kind === 'materials.docx')).toHaveLength(existing.length);
  });

  it('refuses to export a material of another meeting, writing nothing', async () => {
    const before = fs.existsSync(app.exportDir) ? fs.readdirSync(app.exportDir) : [];
    const result = await app.call('materials.export', { meetingId: app.ids.meetingId, ids: [987_654], format: 'docx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(fs.existsSync(app.exportDir) ? fs.readdirSync(app.exportDir) : []).toEqual(before);
  });
});

describe('what materials give the rest of the app', () => {
  it('offers each problem as a rectification source, the speaker dossier, the report figures and the dashboard step', async () => {
    const m = await startWith(5);
    const sources = (await collectSources(app.ctx, app.ids.meetingId)).filter((s) => s.type === 'material_problem' && s.memberId === member(5));
    expect(sources.map((s) => s.text)).toEqual(['学习不够系统。比如，中心组学习发言准备不足。', '学用结合不紧。', '主要是面对矛盾有时绕着走。']);
    expect(sources[0].origin).toBe('孙丽娟对照检查材料');
    // The source id survives moving and rewording the problem.
    const moved = withEdit(m.content, (c) => {
      const problems = c.sections[0];
      if (problems.kind !== 'problems' || problems.children[0].type !== 'aspect' || problems.children[1].type !== 'aspect') return;
      const item = problems.children[0].children.shift()!;
      if (item.type === 'item') item.text = '理论学习不够系统。';
      problems.children[1].children.push(item);
    });
    await app.must('materials.save', { id: m.id, content: moved, revision: m.revision + 1 });
    const after = (await collectSources(app.ctx, app.ids.meetingId)).filter((s) => s.type === 'material_problem' && s.memberId === member(5));
    expect(after.find((s) => s.id === sources[0].id)?.text).toBe('理论学习不够系统。比如，中心组学习发言准备不足。');

    const dossier = await collectDossier(app.ctx, app.ids.meetingId, member(5));
    expect(dossier[0]).toMatchObject({ kind: 'material', title: { zh: '对照检查材料（草稿）' } });
    expect(dossier[0].paragraphs).toContain('一、存在的主要问题');

    const facts = await collectFacts(app.ctx, app.ids.meetingId);
    expect(facts.materials?.total).toBeGreaterThanOrEqual(1);

    const list = await app.must('materials.list', { meetingId: app.ids.meetingId });
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    expect(list).toHaveLength(members.filter((x) => x.status === 'active').length + 1);
    expect(list[0]).toMatchObject({ memberId: null, position: '领导班子' });
    const approved = list.filter((r) => r.status === 'approved').length;
    const dashboard = await app.must('meetings.dashboard', { id: app.ids.meetingId });
    expect(dashboard.steps.find((s) => s.key === 'materials')).toMatchObject({ derived: true, progress: `${approved}/${list.length}` });
  });

  it('marks the step done once the 班子 and every active member have an approved material', async () => {
    const list = await app.must('materials.list', { meetingId: app.ids.meetingId });
    for (const row of list) {
      let id = row.id;
      if (id === null) id = (await app.must('materials.create', { meetingId: app.ids.meetingId, memberId: row.memberId, content: parseOutline(SHORT).material })).id;
      const detail = await app.must('materials.get', { id });
      if (detail.status === 'approved') continue;
      if (detail.status === 'draft' || detail.status === 'returned') await app.must('materials.submit', { id, note: '' });
      await app.must('materials.review', { id, decision: 'approve', reviewer: '吴国平', comment: '', deadline: null });
    }
    const dashboard = await app.must('meetings.dashboard', { id: app.ids.meetingId });
    expect(dashboard.steps.find((s) => s.key === 'materials')).toMatchObject({ status: 'done', progress: `${list.length}/${list.length}`, doneOn: '2026-11-27' });
    expect(toText(parseOutline(SHORT).material)).toContain('一是学习不够系统。');
  });
});
