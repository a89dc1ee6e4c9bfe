import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';
import { generatedParagraphs, type ReportParagraphInput } from '../../common/report/edit';
import { bodyParagraphs, readDocx, textOf } from '../../documents/gbt9704/testkit';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
});
afterEach(() => app.close());

const exportedText = async (meetingId: number) => {
  const saved = await app.must('report.exportDocx', { meetingId });
  return bodyParagraphs((await readDocx(fs.readFileSync(saved.path!))).document).map(textOf).join('\n');
};

describe('the secretary edits the 会议情况报告 before export', () => {
  it('exports the edited body, and after the data changes names the derived sentences that changed', async () => {
    const meetingId = app.ids.meetingId;
    expect(await app.must('report.edit', { meetingId })).toBeNull();
    const draft = await app.must('report.draft', { meetingId });
    const generated = generatedParagraphs(draft);
    // The paragraph that counts the opinions: the secretary adds a sentence of her own to it, and a paragraph.
    const counted = generated.find((g) => /征求.*意见建议\d+条/.test(g.text));
    if (!counted) throw new Error(`no opinion count in ${generated.map((g) => g.text).join('\n')}`);
    const oldSentence = counted.text.match(/[^。]*意见建议\d+条[^。]*。/)![0];
    const paragraphs: ReportParagraphInput[] = generated.map((g) => ({ slot: g.slot, section: g.section, text: g.slot === counted.slot ? `${g.text}群众普遍反映征求意见工作扎实。` : g.text }));
    paragraphs.splice(1, 0, { slot: null, section: '', text: '会议开得严肃认真，达到了预期目的。' });
    const saved = await app.must('report.saveEdit', { meetingId, paragraphs });
    expect(saved.changes).toEqual([]);
    expect(saved.paragraphs.find((p) => p.slot === counted.slot)?.basis).toBe(counted.text);
    const text = await exportedText(meetingId);
    expect(text).toContain('群众普遍反映征求意见工作扎实。');
    expect(text).toContain('会议开得严肃认真，达到了预期目的。');
    // The data changes: one more opinion. The edited paragraph still holds the old figure: flagged, with the new one.
    await app.must('opinions.create', { meetingId, opinion: { channel: 'interview', source: '', date: '2026-11-20', targetMemberId: null, aspectId: null, text: '会后新收到的一条意见。', anonymous: true, submitter: '' } });
    const state = (await app.must('report.edit', { meetingId }))!;
    const change = state.changes.find((c) => c.slot === counted.slot);
    expect(change).toMatchObject({ stale: true, before: expect.arrayContaining([oldSentence]) });
    expect(change!.after.join('')).not.toContain(oldSentence);
    expect(change!.after.length).toBeGreaterThan(0);
    // Never silently: the export still carries the edit (the screen shows the flag), and the report draft itself is current.
    expect((await app.must('report.draft', { meetingId })).sections.flatMap((s) => s.paragraphs).join('')).not.toContain(oldSentence);
    // The secretary takes the new figure: saving the paragraph with the new sentence clears the flag.
    const updated = state.paragraphs.map((p) => ({ slot: p.slot, section: p.section, text: p.slot === counted.slot ? p.text.replace(oldSentence, change!.after.join('')) : p.text }));
    expect((await app.must('report.saveEdit', { meetingId, paragraphs: updated })).changes).toEqual([]);
    await app.must('report.discardEdit', { meetingId });
    expect(await exportedText(meetingId)).not.toContain('会议开得严肃认真');
  });

  it('refuses an empty paragraph, storing nothing', async () => {
    const meetingId = app.ids.meetingId;
    const before = app.counts();
    expect(await app.call('report.saveEdit', { meetingId, paragraphs: [{ slot: null, section: '', text: '  ' }] })).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(await app.call('report.saveEdit', { meetingId: 99999, paragraphs: [] })).toMatchObject({ ok: false, error: { code: 'notFound' } });
    expect(app.counts()).toEqual(before);
  });
});
