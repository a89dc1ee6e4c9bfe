import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmFutureMeeting, loadDemoMeeting, startE2E, type E2E } from './fixture';

// One time zone, the user's: main (the harness, in this process) runs in UTC while the browser is in Beijing; the
// Word minutes and the backup list must read the times the screen shows.
process.env.TZ = 'UTC';
const USER_ZONE = 'Asia/Shanghai';

let e: E2E;
let meetingId: number;
beforeAll(async () => {
  e = await startE2E({ timezoneId: USER_ZONE });
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
  const r = (await e.page.evaluate((id) => window.jingjian.invoke('minutes.console', { meetingId: id }), meetingId)) as { ok: true; value: { entries: { text: string; promotedAt: string | null; type: string }[]; status: string; members: { name: string; role: string }[] } };
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
    // The demo meeting is twelve days ahead: starting its minutes is asked first, naming the date.
    expect(await text('countdown')).toMatch(/^距会议 1[12] 天$/);
    await kb().press('F8');
    expect(await confirmFutureMeeting(e)).toMatch(/^会议日期为\d{4}年\d{1,2}月\d{1,2}日，尚未到来/);
    await waitText('current-speaker', '林向东');
    // The host's words are typed 主持 and the chips say so: 主持人：林向东.
    expect(await e.page.getAttribute('[data-testid=type-host]', 'aria-checked')).toBe('true');
    expect(await text('draft-from')).toBe('主持人：林向东');
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
    // Back to the end of 林向东's round: his response answers the criticisms of his round, he does not criticise himself.
    await kb().press('Shift+F8');
    await waitText('draft-from', '表态人：林向东');
    expect(await text('draft-to')).toBe('回应：本轮收到的批评意见');
    expect(await text('composer')).not.toContain('被批评人');
    await e.shot('minutes-02b-response-chips');
    await kb().press('F8');
    await waitText('current-speaker', '周明华');
    await waitText('draft-from', '对照检查人：周明华');
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
    // Per member given (the sums column comes first, visible without scrolling), and whether the 书记 was criticised.
    expect(await e.page.locator('[data-testid^=given-]').allTextContents()).toEqual(['1', '3', '2', '0', '0', '0', '0', '0']);
    expect(await text('matrix-secretary')).toBe('书记 林向东 收到班子成员批评意见 3 条');
    // The numbered columns are named for a screen reader (the 书记 as such).
    const heads = await e.page.locator('[data-testid=minutes-matrix] thead th[aria-label]').evaluateAll((ths) => ths.map((th) => th.getAttribute('aria-label')));
    expect(heads).toEqual((await consoleState()).members.map((m) => (m.role === 'secretary' ? `${m.name}（书记）` : m.name)));
    expect(await e.page.locator('[data-testid=matrix-flag]').count()).toBe(0);
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
    expect(await confirmFutureMeeting(e)).toContain('确定现在定稿吗');
    await e.page.waitForSelector('[data-testid=finalized-note]');
    expect(await text('console-state')).toBe('会议记录已定稿');
    expect(await text('save-state')).toContain('只读');
    // Finalised, every round is over: the four present members whose rounds hold no criticism of them are named.
    await e.page.waitForFunction(() => document.querySelectorAll('[data-testid=matrix-flag]').length === 4);
    expect(await e.page.locator('[data-testid=matrix-flag]').allTextContents()).toEqual(['王建国', '孙丽娟', '刘志强', '黄海峰'].map((n) => `⚠ ${n}：本人对照检查环节未记录其他班子成员的批评意见`));
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
    expect(content).toContain('林向东（主持）：主持人宣布会议开始');
    expect(content).not.toContain('（其他）');

    // The times: the document's 会议时间 and item times are the user's wall clock, as the console shows them.
    const times = (await e.page.evaluate(async (id) => {
      const r = (await window.jingjian.invoke('minutes.console', { meetingId: id })) as { value: { startedAt: string; agenda: { startedAt: string | null }[]; entries: { createdAt: string; text: string }[] } };
      const fmt = (iso: string, timeZone?: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
      const first = r.value.entries.find((x) => x.text.startsWith('主持人宣布'))!;
      return { start: fmt(r.value.startedAt), startUtc: fmt(r.value.startedAt, 'UTC'), item: fmt(r.value.agenda[0].startedAt!), entry: fmt(first.createdAt) };
    }, meetingId)) as { start: string; startUtc: string; item: string; entry: string };
    expect(times.start).not.toBe(times.startUtc); // Beijing is eight hours from UTC: the test can tell them apart
    expect(content).toMatch(new RegExp(`会议时间：\\d{4}年\\d{1,2}月\\d{1,2}日 ${times.start}—`));
    expect(content).toContain(`（一）主持人宣布会议开始，说明会议主要任务和出席、列席情况（${times.item}—`);
    expect(content).not.toContain(`日 ${times.startUtc}—`);
    // The entry stream shows the host's words at the browser's time too.
    expect(await e.page.textContent('[data-testid=entry-stream]')).toContain(times.entry);

    // Finalised ahead of its date: the list and the header say the same, and neither pretends the date has passed.
    await waitText('countdown', '已召开');
    const header = await text('countdown');
    expect(header).toMatch(/^已召开，会议日期\d{4}年\d{1,2}月\d{1,2}日未到$/);
    await e.shot('minutes-04-finalised');
    await e.page.goto(`${e.harness.url}/#/meetings`);
    await e.page.waitForSelector('[data-testid=meeting-phase]');
    expect(await e.page.locator('[data-testid=meeting-phase]').allTextContents()).toContain(header);
    expect(e.pageErrors).toEqual([]);
  });

  it('lists backups at the user’s time, not the server’s', async () => {
    const list = (await e.page.evaluate(async () => ((await window.jingjian.invoke('backup.list', {})) as { value: { backups: { at: string; takenAt: string }[] } }).value.backups)) as { at: string; takenAt: string }[];
    expect(list.length).toBeGreaterThan(0);
    await e.page.goto(`${e.harness.url}/#/backup`);
    await e.page.waitForSelector('[data-testid=backup-at]');
    const shown = await e.page.locator('[data-testid=backup-at]').first().textContent();
    const expected = await e.page.evaluate((iso) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, list[0].at);
    expect(shown).toBe(expected);
    // The name of the file holds the server's (UTC) wall clock, eight hours off: not what the user is shown.
    expect(shown).not.toContain(list[0].takenAt.slice(11, 16));
    await e.shot('minutes-05-backup-times');
  });
});
