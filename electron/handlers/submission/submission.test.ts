import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocx } from '../../documents/readers/docx';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { sha256 } from './build';
import { unzipFiles, zipEncryption, type ZipEntry } from './zip';

let app: (TestApp & { ids: DemoIds }) | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** The 材料清单's text, paragraph by paragraph (table cells included), as the upper level reads it. */
async function manifestText(entries: ZipEntry[]): Promise<string> {
  const manifest = entries.find((e) => /^00-.*报送材料清单\.docx$/.test(e.name));
  expect(manifest, 'the 材料清单 is the first document').toBeDefined();
  return (await readDocx(manifest!.bytes)).map((p) => p.text).join('\n');
}

/** Every file's hash as the 清单 prints it (eight groups of 8) and as SHA256SUMS.txt lists it, against the bytes. */
async function expectHashesMatch(entries: ZipEntry[]): Promise<void> {
  const text = await manifestText(entries);
  const sums = new TextDecoder().decode(entries.find((e) => e.name === 'SHA256SUMS.txt')!.bytes).trim().split('\n');
  const documents = entries.filter((e) => e.name !== 'SHA256SUMS.txt');
  expect(sums).toHaveLength(documents.length);
  for (const entry of documents) {
    const hash = sha256(entry.bytes);
    expect(sums).toContain(`${hash}  ${entry.name}`);
    if (!entry.name.startsWith('00-')) {
      expect(text.replace(/\s+/g, ''), `${entry.name} in the 清单`).toContain(entry.name.replace(/\s+/g, ''));
      expect(text.replace(/\s+/g, '')).toContain(hash);
    }
  }
}

/** The demo meeting with everything that goes upward finished: every material approved, minutes final, list agreed. */
async function makeReady(a: TestApp & { ids: DemoIds }): Promise<void> {
  const meetingId = a.ids.meetingId;
  const plan = await a.must('submission.plan', { meetingId });
  // Every author's material takes the words of the one already approved (a test needs content, not prose).
  const approved = plan.items.find((i) => i.group === 'material' && i.ready)!;
  const content = (await a.must('materials.get', { id: Number(approved.key.slice('material:'.length)) })).content;
  for (const item of plan.items.filter((i) => i.group === 'material' && !i.ready)) {
    let id: number;
    if (item.key.startsWith('missing-material:')) {
      const who = item.key.slice('missing-material:'.length);
      id = (await a.must('materials.create', { meetingId, memberId: who === 'team' ? null : Number(who), content })).id;
    } else {
      id = Number(item.key.slice('material:'.length));
      const detail = await a.must('materials.get', { id });
      if (detail.status === 'draft') await a.must('materials.save', { id, content, revision: detail.revision + 1 });
    }
    const detail = await a.must('materials.get', { id });
    if (detail.status === 'draft' || detail.status === 'returned') await a.must('materials.submit', { id, note: '报送前定稿' });
    await a.must('materials.review', { id, decision: 'approve', reviewer: '吴国平', comment: '', deadline: null });
  }
  const console = await a.must('minutes.prepare', { meetingId });
  const round = console.agenda.find((x) => x.kind === 'member_round')!;
  await a.must('minutes.saveEntry', { meetingId, key: 'ready-entry-1', revision: 1, agendaItemId: round.id, type: 'self_criticism', fromMemberId: round.memberId, fromGuest: '', toMemberId: round.memberId, aspectId: null, text: '对照检查发言要点。', draft: false });
  await a.must('minutes.finalize', { meetingId, hostConfirmed: '林向东', recorderConfirmed: '郭文静' });
  const list = await a.must('rectification.get', { meetingId });
  const members = await a.must('members.list', { teamId: a.ids.teamId });
  for (const item of list.items) {
    await a.must('rectification.updateItem', {
      itemId: item.id,
      patch: {
        measures: item.measures.length ? item.measures : ['制定专项整改方案，按月调度'],
        leaderIds: item.leaders.length ? item.leaders.map((l) => l.memberId) : [members[0].id],
        ownerPerson: item.ownerPerson || '黄海峰',
        deadline: { kind: 'date', date: '2027-03-31' },
      },
    });
  }
  await a.must('rectification.agree', { meetingId, agreedOn: '2026-11-27', agreedBy: '林向东' });
}

describe('报送材料包', () => {
  it('builds a partial package from the demo: what is ready goes, every gap is named in the 清单 with its reason', async () => {
    app = await openDemoApp();
    const meetingId = app.ids.meetingId;
    const plan = await app.must('submission.plan', { meetingId });
    expect(plan.due).toBe('2026-12-24'); // meeting 2026-12-09 + 15 days
    // Today is the user's (the test clock is 2026-11-27 09:00 in Beijing; in Honolulu it is still the 26th).
    await app.must('settings.update', { timeZone: 'Pacific/Honolulu' });
    expect((await app.must('submission.plan', { meetingId })).today).toBe('2026-11-26');
    await app.must('settings.update', { timeZone: 'Asia/Shanghai' });
    expect((await app.must('submission.plan', { meetingId })).today).toBe('2026-11-27');
    const ready = plan.items.filter((i) => i.ready).map((i) => i.key);
    const notReady = plan.items.filter((i) => !i.ready);
    expect(plan.items.find((i) => i.key === 'minutes')).toMatchObject({ ready: false, reason: { zh: expect.stringContaining('尚未定稿') } });
    expect(plan.items.find((i) => i.key === 'rectification')).toMatchObject({ ready: false, reason: { zh: '整改清单尚未审议通过' } });
    expect(notReady.some((i) => i.reason?.zh.includes('退回修改'))).toBe(true);

    const result = await app.must('submission.build', { meetingId, keys: ready, format: 'zip', password: null, recipient: '县委组织部' });
    expect(result.saved).toBe(true);
    const record = result.record!;
    expect(record).toMatchObject({ recipient: '县委组织部', format: 'zip', encrypted: false, complete: false });
    const bytes = fs.readFileSync(record.path);
    expect(await zipEncryption(bytes)).toBe('none');
    const entries = await unzipFiles(bytes);
    await expectHashesMatch(entries);
    // The 清单 itself, report, one approved material, 征求意见汇总表 and 统计, the sums.
    expect(entries.map((e) => e.name.replace(/^\d\d-/, ''))).toEqual(expect.arrayContaining(['SHA256SUMS.txt', expect.stringMatching(/召开情况的报告\.docx$/), expect.stringMatching(/征求意见汇总表\.docx$/)]));
    expect(entries.some((e) => e.name.includes('会议记录'))).toBe(false);
    const text = await manifestText(entries);
    expect(text).toContain('报送对象：县委组织部');
    expect(text).toContain('二、未报送材料及原因');
    for (const gap of notReady) expect(text).toContain(`${gap.title}：${gap.reason!.zh}`);
    // Recorded: what, when, to whom; and in the export log in words.
    const list = await app.must('submission.list', { meetingId });
    expect(list).toHaveLength(1);
    expect(list[0].gaps.map((g) => g.title).sort()).toEqual(notReady.map((i) => i.title).sort());
    expect((await app.must('exportLog.list', {})).some((l) => l.kind === 'submission.zip' && l.path === record.path)).toBe(true);
    // A package without the record is not yet the 报送 step done.
    const step = (await app.must('meetings.dashboard', { id: meetingId })).steps.find((s) => s.key === 'report')!;
    expect(step.status).not.toBe('done');
  }, 120_000);

  it('refuses item by item what is not ready, and writes nothing', async () => {
    app = await openDemoApp();
    const meetingId = app.ids.meetingId;
    const before = app.counts();
    const refused = await app.call('submission.build', { meetingId, keys: ['report', 'minutes'], format: 'zip', password: null, recipient: '县委组织部' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('submission.notReady');
      expect(refused.error.message).toContain('会议记录尚未定稿');
    }
    const folderWithPassword = await app.call('submission.build', { meetingId, keys: ['report'], format: 'folder', password: 'abcdefgh', recipient: '县委组织部' });
    expect(folderWithPassword.ok).toBe(false);
    const shortPassword = await app.call('submission.build', { meetingId, keys: ['report'], format: 'zip', password: '123', recipient: '县委组织部' });
    expect(shortPassword.ok).toBe(false);
    expect(app.counts()).toEqual(before);
    expect(fs.existsSync(app.exportDir) ? fs.readdirSync(app.exportDir) : []).toEqual([]);
  }, 120_000);

  it('builds the complete package as an AES-256 .zip that opens only with the password, and marks the 报送 step done', async () => {
    app = await openDemoApp();
    const meetingId = app.ids.meetingId;
    await makeReady(app);
    const plan = await app.must('submission.plan', { meetingId });
    expect(plan.items.filter((i) => !i.ready)).toEqual([]);
    const result = await app.must('submission.build', { meetingId, keys: plan.items.map((i) => i.key), format: 'zip', password: 'Qingxi#2026', recipient: '县纪委监委、县委组织部' });
    const record = result.record!;
    expect(record).toMatchObject({ complete: true, encrypted: true, gaps: [] });
    const bytes = fs.readFileSync(record.path);
    expect(await zipEncryption(bytes)).toBe('aes');
    await expect(unzipFiles(bytes)).rejects.toThrow();
    await expect(unzipFiles(bytes, 'wrong-password')).rejects.toThrow();
    const entries = await unzipFiles(bytes, 'Qingxi#2026');
    await expectHashesMatch(entries);
    const names = entries.map((e) => e.name);
    expect(names[0]).toMatch(/^00-.*报送材料清单\.docx$/);
    for (const part of ['召开情况的报告.docx', '会议记录.docx', '整改清单（审议通过版）.docx', '整改清单（审议通过版）.xlsx', '征求意见汇总表.docx', '领导班子对照检查材料.docx']) {
      expect(names.some((n) => n.endsWith(part)), part).toBe(true);
    }
    // One material per member and the 班子's.
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    expect(names.filter((n) => n.endsWith('对照检查材料.docx'))).toHaveLength(members.length + 1);
    const text = await manifestText(entries);
    expect(text).toContain('AES-256');
    expect(text).toMatch(/二、未报送材料及原因\n无。/);
    const step = (await app.must('meetings.dashboard', { id: meetingId })).steps.find((s) => s.key === 'report')!;
    expect(step).toMatchObject({ status: 'done', doneOn: '2026-11-27' });
  }, 180_000);

  it('writes a folder with the same files, next to earlier packages rather than into them', async () => {
    app = await openDemoApp();
    const meetingId = app.ids.meetingId;
    const first = await app.must('submission.build', { meetingId, keys: ['report', 'opinions'], format: 'folder', password: null, recipient: '县委组织部' });
    const second = await app.must('submission.build', { meetingId, keys: ['report'], format: 'folder', password: null, recipient: '县委组织部' });
    expect(second.record!.path).not.toBe(first.record!.path);
    const read = (dir: string): ZipEntry[] => fs.readdirSync(dir).map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
    const entries = read(first.record!.path);
    expect(entries).toHaveLength(4);
    await expectHashesMatch(entries);
    expect((await app.must('exportLog.list', {})).filter((l) => l.kind === 'submission.folder')).toHaveLength(4 + 3);
  }, 120_000);
});
