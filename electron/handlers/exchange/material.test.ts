import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';

const opened: TestApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) {
    await app.ctx.connection.close();
    await app.close();
  }
});
async function demo(): Promise<TestApp & { ids: { meetingId: number } }> {
  const app = await openDemoApp();
  opened.push(app);
  return app;
}

/** The demo member with no material yet (the sixth of the team). */
const memberWithout = (app: TestApp) => (app.ctx.sqlite.prepare('SELECT id, name FROM members ORDER BY sort_order, id LIMIT 1 OFFSET 5').get() as { id: number; name: string });

/** One material's content, status, versions and reviews as comparable rows (no ids, no times of this computer). */
function snapshot(app: TestApp, materialId: number) {
  const db = app.ctx.sqlite;
  const material = db.prepare('SELECT status, content, created_at, updated_at FROM materials WHERE id = ?').get(materialId);
  const versions = db.prepare('SELECT number, content, note, submitted_at FROM material_versions WHERE material_id = ? ORDER BY number').all(materialId);
  const reviews = db
    .prepare('SELECT v.number AS version, r.reviewer, r.decision, r.comment, r.deadline, r.reviewed_at FROM material_reviews r LEFT JOIN material_versions v ON v.id = r.version_id WHERE r.material_id = ? ORDER BY r.reviewed_at, r.id')
    .all(materialId);
  return { material, versions, reviews };
}

let clock = Date.parse('2026-11-27T01:00:00Z');
const tick = (app: TestApp) => {
  app.ctx.now = () => new Date((clock += 60_000));
};

/** In `app`: a material for the member without one, submitted, returned with a comment, revised and submitted again. */
async function writtenMaterial(app: TestApp & { ids: { meetingId: number } }) {
  tick(app);
  const member = memberWithout(app);
  // Written like a colleague's (the demo's first member material), so it has problems to submit.
  const model = app.ctx.sqlite.prepare('SELECT id FROM materials WHERE member_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number };
  const { content: draft } = await app.must('materials.get', { id: model.id });
  const created = await app.must('materials.create', { meetingId: app.ids.meetingId, memberId: member.id, content: draft });
  await app.must('materials.submit', { id: created.id, note: '初稿' });
  await app.must('materials.review', { id: created.id, decision: 'return', reviewer: '督导组', comment: '请结合分管工作深入剖析原因。', deadline: '2026-12-01' });
  const detail = await app.must('materials.get', { id: created.id });
  const content = { ...detail.content, title: `${detail.content.title}（修改稿）` };
  await app.must('materials.save', { id: created.id, content, revision: detail.revision + 1 });
  await app.must('materials.submit', { id: created.id, note: '已按审核意见修改' });
  return { id: created.id, member };
}

async function exported(app: TestApp, materialId: number): Promise<Uint8Array<ArrayBuffer>> {
  const saved = await app.must('exchange.exportMaterial', { materialId });
  expect(saved.saved).toBe(true);
  return new Uint8Array(fs.readFileSync(saved.path!));
}

/** A material written on one computer (source), exported, and imported on another (target). */
async function handedOver() {
  const source = await demo();
  const { id } = await writtenMaterial(source);
  const bytes = await exported(source, id);
  const target = await demo();
  const { materialId } = await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes });
  return { source, id, bytes, target, materialId };
}

describe('material exchange file', () => {
  it('round trip: one member’s material with its versions and reviews arrives identical on another computer', async () => {
    const source = await demo();
    const { id, member } = await writtenMaterial(source);
    const bytes = await exported(source, id);
    const file = JSON.parse(new TextDecoder().decode(bytes));
    expect(file).toMatchObject({ format: 'jingjian-exchange', version: 1, scope: 'material', author: { kind: 'member', name: member.name } });
    // Opinions and other people's records do not travel.
    expect(Object.keys(file)).not.toContain('tables');

    const target = await demo();
    const preview = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes });
    expect(preview).toMatchObject({ authorName: member.name, team: false, action: 'create', status: 'submitted', versions: 2, reviews: 1, versionsToAdd: 2, reviewsToAdd: 1, existing: null, conflicts: [] });
    const result = await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes });
    expect(result).toMatchObject({ created: true, versionsAdded: 2, reviewsAdded: 1 });
    expect(snapshot(target, result.materialId)).toEqual(snapshot(source, id));
    // It is a working material here: listed, readable, with its problems numbered for rectification sources.
    const detail = await target.must('materials.get', { id: result.materialId });
    expect(detail.status).toBe('submitted');
    expect(detail.versions.length).toBe(2);
  });

  it('importing the same file again adds nothing; a later review arrives as a merge that updates the status', async () => {
    const source = await demo();
    const { id } = await writtenMaterial(source);
    const first = await exported(source, id);
    const target = await demo();
    const { materialId } = await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes: first });
    const before = target.counts();

    const again = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes: first });
    expect(again).toMatchObject({ action: 'merge', replacesContent: false, versionsToAdd: 0, reviewsToAdd: 0 });
    expect(again.conflicts.map((c) => c.code)).toEqual(['sameContent']);
    expect(await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes: first })).toMatchObject({ created: false, versionsAdded: 0, reviewsAdded: 0, contentReplaced: false });
    expect(target.counts()).toEqual(before);

    tick(source);
    await source.must('materials.review', { id, decision: 'approve', reviewer: '督导组', comment: '同意。', deadline: null });
    const second = await exported(source, id);
    const merge = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes: second });
    expect(merge).toMatchObject({ action: 'merge', replacesContent: true, versionsToAdd: 0, reviewsToAdd: 1 });
    expect(merge.conflicts[0].message).toMatch(/替换本机当前内容/);
    await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes: second });
    expect(snapshot(target, materialId)).toEqual(snapshot(source, id));
  });

  it('keeps content changed here later, adding only what the file has and this computer lacks', async () => {
    const { bytes, target, materialId } = await handedOver();
    tick(target);
    await target.must('materials.review', { id: materialId, decision: 'return', reviewer: '督导组', comment: '第三部分再具体些。', deadline: null });
    const preview = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes });
    expect(preview).toMatchObject({ action: 'merge', replacesContent: false, versionsToAdd: 0, reviewsToAdd: 0 });
    expect(preview.conflicts.map((c) => c.code)).toEqual(['keepsLocal']);
    await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes });
    expect((await target.must('materials.get', { id: materialId })).status).toBe('returned');
  });

  it('refuses files it cannot place or read, in both languages, changing nothing', async () => {
    const source = await demo();
    const { id } = await writtenMaterial(source);
    const bytes = await exported(source, id);
    const target = await demo();
    const before = target.counts();
    const meetingId = target.ids.meetingId;
    const file = JSON.parse(new TextDecoder().decode(bytes));
    const encode = (value: unknown) => new Uint8Array(new TextEncoder().encode(JSON.stringify(value)));

    const stranger = encode({ ...file, author: { kind: 'member', name: '查无此人', position: '' } });
    const blocked = await target.must('exchange.previewMaterial', { meetingId, bytes: stranger });
    expect(blocked).toMatchObject({ action: 'blocked', versionsToAdd: 0 });
    expect(blocked.conflicts.find((c) => c.blocking)?.message).toMatch(/查无此人/);

    const meetingFile = await source.must('exchange.export', { meetingId: source.ids.meetingId });
    const cases: [Uint8Array<ArrayBuffer>, string][] = [
      [stranger, 'exchange.memberMissing'],
      [new Uint8Array(fs.readFileSync(meetingFile.path!)), 'exchange.wrongScope'],
      [new TextEncoder().encode('不是 JSON'), 'exchange.notJson'],
      [new Uint8Array([0xff, 0xfe, 0x00]), 'exchange.notJson'],
      [encode({ ...file, version: 99 }), 'exchange.version'],
      [encode({ ...file, dataVersion: 999 }), 'exchange.tooNew'],
      [encode({ ...file, versions: [...file.versions, file.versions[0]] }), 'exchange.invalid'],
      [encode({ ...file, material: { ...file.material, status: 'burned' } }), 'exchange.invalid'],
      [encode({ ...file, reviews: [{ ...file.reviews[0], versionNumber: 42 }] }), 'exchange.invalid'],
      [encode({ ...file, meeting: { ...file.meeting, date: '2026-02-30' } }), 'exchange.invalid'],
      [encode({ ...file, extra: 1 }), 'exchange.invalid'],
    ];
    for (const [candidate, code] of cases) {
      const result = await target.call('exchange.importMaterial', { meetingId, bytes: candidate });
      expect(result, code).toMatchObject({ ok: false, error: { code } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/材料交换文件无法导入/);
        expect(result.error.messageEn).toMatch(/cannot be imported/);
      }
    }
    // The meeting importer points a material file to the right page.
    expect(await target.call('exchange.preview', { bytes })).toMatchObject({ ok: false, error: { code: 'exchange.wrongScope' } });
    expect(target.counts()).toEqual(before);
  });

  it('never undoes an approval made here, and refuses another team’s 班子 material', async () => {
    const { source, id, target, materialId } = await handedOver();
    tick(target);
    await target.must('materials.review', { id: materialId, decision: 'approve', reviewer: '督导组', comment: '', deadline: null });
    // The member goes on editing the returned copy at home, later than the approval here.
    tick(source);
    await source.must('materials.review', { id, decision: 'return', reviewer: '本人', comment: '再改一处', deadline: null });
    const later = await exported(source, id);
    const preview = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes: later });
    expect(preview).toMatchObject({ action: 'merge', replacesContent: false, reviewsToAdd: 1 });
    expect(preview.conflicts.map((c) => c.code)).toEqual(['approvedHere']);
    await target.must('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes: later });
    expect((await target.must('materials.get', { id: materialId })).status).toBe('approved');

    const teamRow = source.ctx.sqlite.prepare('SELECT id FROM materials WHERE member_id IS NULL').get() as { id: number };
    const teamFile = JSON.parse(new TextDecoder().decode(await exported(source, teamRow.id)));
    const foreign = new Uint8Array(new TextEncoder().encode(JSON.stringify({ ...teamFile, meeting: { ...teamFile.meeting, teamName: '中共某某县委员会' } })));
    const blocked = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes: foreign });
    expect(blocked).toMatchObject({ action: 'blocked' });
    expect(await target.call('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes: foreign })).toMatchObject({ ok: false, error: { code: 'exchange.otherTeam' } });
    const unknownScope = new Uint8Array(new TextEncoder().encode(JSON.stringify({ ...teamFile, scope: 'minutes' })));
    expect(await target.call('exchange.importMaterial', { meetingId: target.ids.meetingId, bytes: unknownScope })).toMatchObject({ ok: false, error: { code: 'exchange.invalid' } });
  });

  it('exchanges the 班子 material too, and files a material from another meeting under this one with a warning', async () => {
    const source = await demo();
    const team = source.ctx.sqlite.prepare('SELECT id FROM materials WHERE member_id IS NULL').get() as { id: number };
    const bytes = await exported(source, team.id);
    const target = await demo();
    target.ctx.sqlite.prepare('UPDATE meetings SET theme = ? WHERE id = ?').run('另一个主题', target.ids.meetingId);
    const preview = await target.must('exchange.previewMaterial', { meetingId: target.ids.meetingId, bytes });
    expect(preview).toMatchObject({ team: true, action: 'merge' });
    expect(preview.conflicts.map((c) => c.code)).toContain('otherMeeting');
  });
});
