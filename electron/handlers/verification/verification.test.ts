import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';

let app: TestApp & { ids: DemoIds };
let meetingId: number;
const minutesText = async () => fs.readFileSync((await app.must('minutes.export', { meetingId, format: 'txt' })).path!, 'utf8');

beforeAll(async () => {
  app = await openDemoApp();
  // Last year's meeting: its minutes are finalised.
  meetingId = (await app.must('meetings.list', { teamId: app.ids.teamId })).find((m) => m.id !== app.ids.meetingId)!.id;
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('发言记录核对单 and corrections', () => {
  it('lists each speaker\'s own entries in the order of the meeting, with a line to sign and date', async () => {
    const overview = await app.must('verification.overview', { meetingId });
    expect(overview.finalized).toBe(true);
    expect(overview.speakers.length).toBeGreaterThan(1);
    expect(overview.allReturned).toBe(false);
    const speaker = overview.speakers[1];
    const sheet = await app.must('verification.sheet', { meetingId, memberId: speaker.memberId });
    expect(sheet.entries).toHaveLength(speaker.entries);
    const roles = sheet.entries.map((e) => e.role);
    expect(roles).toContain('received');
    // 自我批评 comes before the criticisms received in the member's own round.
    if (roles.includes('self')) expect(roles.indexOf('self')).toBeLessThan(roles.indexOf('received'));
    for (const e of sheet.entries.filter((x) => x.role === 'received' || x.role === 'given')) expect(e.counterpart).not.toBe('');
    expect(sheet.html).toContain(`核对人：${speaker.name}`);
    expect(sheet.html).toContain('核对人（签字）');
    expect(sheet.html).toContain('日期：');
    for (const e of sheet.entries) expect(sheet.html).toContain(e.text.slice(0, 10));
    expect(sheet.html).not.toMatch(/<script/i);
  });

  it('enters a correction after finalisation as a revision: the original kept, who asked, why and who entered it', async () => {
    const speaker = (await app.must('verification.overview', { meetingId })).speakers[1];
    const entry = (await app.must('verification.sheet', { meetingId, memberId: speaker.memberId })).entries[0];
    expect(await minutesText()).not.toContain('更正1处');
    const overview = await app.must('verification.revise', { entryId: entry.entryId, text: `${entry.text}（本人核对补充）`, requestedBy: speaker.name, reason: '记录遗漏一句', enteredBy: '郭文静' });
    expect(overview.revisions).toEqual([expect.objectContaining({ entryId: entry.entryId, before: entry.text, after: `${entry.text}（本人核对补充）`, requestedBy: speaker.name, reason: '记录遗漏一句', enteredBy: '郭文静', afterFinalization: true })]);
    const sheet = await app.must('verification.sheet', { meetingId, memberId: speaker.memberId });
    expect(sheet.entries[0]).toMatchObject({ text: `${entry.text}（本人核对补充）`, revisions: 1 });
    const text = await minutesText();
    expect(text).toContain('（本人核对补充）');
    expect(text).toContain('根据发言人核对意见更正1处');
    // Same text again is no correction: refused, nothing written.
    const before = app.counts();
    const same = await app.call('verification.revise', { entryId: entry.entryId, text: `${entry.text}（本人核对补充）`, requestedBy: speaker.name, reason: '重复', enteredBy: '' });
    expect(same.ok).toBe(false);
    expect(app.counts()).toEqual(before);
  });

  it('says in the 会议记录 that every sheet is back only once every speaker\'s is', async () => {
    const overview = await app.must('verification.overview', { meetingId });
    for (const s of overview.speakers.slice(0, -1)) await app.must('verification.markReturned', { meetingId, memberId: s.memberId, returnedOn: '2025-12-15' });
    expect(await minutesText()).not.toContain('均已签字交回');
    const last = overview.speakers[overview.speakers.length - 1];
    const done = await app.must('verification.markReturned', { meetingId, memberId: last.memberId, returnedOn: '2025-12-16' });
    expect(done.allReturned).toBe(true);
    const text = await minutesText();
    expect(text).toContain(`本记录已经${overview.speakers.length}名发言人逐一核对本人发言记录，发言记录核对单均已签字交回。`);
    // The signature block of 主持人 and 记录人 follows.
    expect(text.indexOf('均已签字交回')).toBeLessThan(text.indexOf('主持人（签字）'));
    await app.must('verification.markReturned', { meetingId, memberId: last.memberId, returnedOn: null });
    expect(await minutesText()).not.toContain('均已签字交回');
  });
});
