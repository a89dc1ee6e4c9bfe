import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoMeeting, startE2E, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
beforeAll(async () => {
  e = await startE2E();
  meetingId = await loadDemoMeeting(e);
});
afterAll(async () => {
  await e.close();
});

const kb = () => e.page.keyboard;
const text = (id: string) => e.page.textContent(`[data-testid=${id}]`);
const composer = '[data-testid=composer] textarea';
async function waitText(id: string, part: string) {
  await e.page.waitForFunction(([i, p]) => document.querySelector(`[data-testid=${i}]`)?.textContent?.includes(p), [id, part] as const);
}
/** Types one entry and records it with Enter, as the secretary does. */
async function say(words: string) {
  await e.page.waitForSelector(`${composer}:focus`);
  await kb().type(words);
  await kb().press('Enter');
  await e.page.waitForFunction((w) => document.querySelector('[data-testid=entry-stream]')?.textContent?.includes(w), words);
}
async function consoleState() {
  const r = (await e.page.evaluate((id) => window.jingjian.invoke('minutes.console', { meetingId: id }), meetingId)) as { ok: true; value: { entries: { text: string; promotedAt: string | null; type: string }[]; status: string } };
  return r.value;
}

describe('the secretary records a whole short meeting by keyboard', () => {
  it('takes the roll call by keyboard, with a quorum check', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
    await e.page.waitForSelector('[data-testid=minutes-attendance]');
    await e.page.waitForSelector('[data-testid=att-row-0]:focus');
    expect(await text('minutes-attendance')).toContain('赵立新');
    for (let i = 0; i < 7; i++) await kb().press('ArrowDown');
    await kb().press('1');
    await waitText('minutes-attendance', '实到 6 人');
    expect(await text('quorum')).toContain('到会人数符合要求');
    await e.shot('minutes-01-attendance');
    await kb().press(' ');
    await waitText('minutes-attendance', '实到 7 人');
  });

  it('starts with F8 and moves to the first round item by item with Ctrl+F8', async () => {
    await kb().press('F8');
    await waitText('current-speaker', '林向东');
    await say('主持人宣布会议开始，应到8人，实到7人，赵立新同志出差请假。');
    for (let i = 0; i < 4; i++) await kb().press('Control+F8');
    await waitText('current-item', '林向东同志（书记）');
    expect(await text('speaker-banner')).toContain('对照检查');
  });

  it('records three rounds of criticism with one-key speakers and types', async () => {
    await say('我代表个人作对照检查，主要存在调查研究不够深入的问题。');
    await kb().press('F8');
    await waitText('current-speaker', '周明华');
    expect(await text('draft-to')).toContain('林向东');
    await say('林向东同志抓大事谋全局多，对具体工作的过程督导不够。');
    await kb().press('Alt+k');
    await kb().press('3');
    await say('对巡察反馈问题整改的跟踪问效还不够紧。');
    await kb().press('F8');
    await waitText('current-speaker', '陈晓燕');
    await say('有时批评下属比较严厉，方式方法需要改进。');
    await kb().press('Alt+r');
    await e.page.waitForSelector('[data-testid=promoted-tag]');
    await e.shot('minutes-02-first-round');

    await kb().press('Control+F8');
    await waitText('current-item', '周明华同志个人对照检查');
    await say('我在防范化解地方债务风险上办法不多。');
    await kb().press('F8');
    await waitText('current-speaker', '林向东');
    await say('周明华同志对财政收支矛盾研判不够超前。');
    await kb().press('F8');
    await say('统筹财政资金支持教育卫生的力度还可以更大。');

    await kb().press('Control+F8');
    await waitText('current-item', '陈晓燕同志个人对照检查');
    await say('我深入基层学校医院调研不够经常。');
    await kb().press('F8');
    // Alt+P then 2: the 批评人 becomes member no. 2 (周明华) though 林向东 holds the floor.
    await kb().press('Alt+p');
    await e.page.waitForSelector('[data-testid=picker]');
    await kb().press('2');
    await waitText('draft-from', '周明华');
    await say('陈晓燕同志推进医共体建设的步子还不够快。');
    await waitText('matrix-total', '相互提出批评意见 6 条');
    await e.shot('minutes-03-three-rounds');
  });

  it('keeps half a sentence through a reload and reopens at the same speaker', async () => {
    await kb().press('F8');
    await waitText('current-speaker', '周明华');
    await kb().type('对分管领域的风险隐患');
    await waitText('save-state', '已保存');
    await e.reload();
    await e.page.waitForSelector(composer);
    expect(await text('current-speaker')).toContain('周明华');
    expect(await e.page.inputValue(composer)).toBe('对分管领域的风险隐患');
    await e.page.focus(composer);
    await kb().press('End');
    await kb().type('排查还不够彻底。');
    await kb().press('Enter');
    await waitText('matrix-total', '相互提出批评意见 7 条');
  });

  it('corrects the last entry with Alt+↑', async () => {
    await e.page.waitForSelector(`${composer}:focus`);
    await kb().press('Alt+ArrowUp');
    await e.page.waitForSelector('textarea[data-testid=entry-editor]:focus, [data-testid=entry-editor] textarea:focus');
    await kb().press('End');
    await kb().type('（会后补充）');
    await kb().press('Enter');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=entry-stream]')?.textContent?.includes('（会后补充）'));
    await e.page.waitForFunction(async (id) => {
      const r = (await window.jingjian.invoke('minutes.console', { meetingId: id })) as { ok: true; value: { entries: { text: string }[] } };
      return r.value.entries.some((x) => x.text.endsWith('排查还不够彻底。（会后补充）'));
    }, meetingId);
    const state = await consoleState();
    expect(state.entries.filter((x) => x.promotedAt)).toHaveLength(1);
    expect(state.entries.filter((x) => x.type === 'criticism' && x.text.trim())).toHaveLength(7);
  });

  it('finalises with Alt+F and Enter, then exports Word and text', async () => {
    await kb().press('Alt+f');
    await e.page.waitForSelector('[data-testid=finalize-form]');
    await e.page.waitForSelector('[data-testid=confirm-host] input:focus, input[data-testid=confirm-host]:focus');
    expect(await e.page.inputValue('[data-testid=confirm-recorder] input, input[data-testid=confirm-recorder]')).toBe('郭文静');
    await kb().press('Enter');
    await e.page.waitForSelector('[data-testid=finalized-note]');
    expect(await text('save-state')).toContain('只读');
    expect((await consoleState()).status).toBe('held');
    await kb().press('Alt+e');
    await kb().press('Alt+Shift+e');
    await e.page.waitForFunction(() => document.querySelectorAll('.el-message--success').length >= 2);
    const files = fs.readdirSync(e.exportDir);
    expect(files.some((f) => f.endsWith('会议记录.docx'))).toBe(true);
    const txt = files.find((f) => f.endsWith('会议记录.txt'))!;
    const content = fs.readFileSync(path.join(e.exportDir, txt), 'utf8');
    expect(content).toContain('相互提出批评意见7条');
    expect(content).toContain('周明华→林向东：对巡察反馈问题整改的跟踪问效还不够紧。');
    await e.shot('minutes-04-finalised');
    expect(e.pageErrors).toEqual([]);
  });
});
