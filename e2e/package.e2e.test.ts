import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../electron/common/meetings/steps';
import { withDemoMeeting, type E2E } from './fixture';
import { harnessCall } from './screens';

let e: E2E;
let meetingId: number;

withDemoMeeting((started) => ({ e, meetingId } = started));

describe('after the meeting: the package for the upper level', () => {
  it('shows the countdown to the 报送 deadline on the dashboard', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}`);
    const card = e.page.locator('[data-testid=submission-deadline]');
    await card.waitFor();
    // The demo meeting is 12 days from today; the 报送 deadline is 15 days after it (the unit's setting).
    const meeting = (await e.page.evaluate((id) => window.jingjian.invoke('meetings.get', { id }), meetingId)) as { value: { date: string } };
    const [y, m, d] = addDays(meeting.value.date, 15).split('-').map(Number);
    expect(await card.textContent()).toContain(`${y}年${m}月${d}日`);
    expect(await e.page.textContent('[data-testid=submission-countdown]')).toMatch(/还有 \d+ 天/);
    await e.shot('package-01-dashboard');
  });

  it('builds a partial, encrypted package: what is not ready cannot be ticked and is named with its reason', async () => {
    await e.page.click('[data-testid=submission-open]');
    await e.page.waitForSelector('[data-testid=submission]');
    const minutes = e.page.locator('[data-testid=submission-item-minutes]');
    expect(await minutes.textContent()).toContain('会议记录尚未定稿');
    expect(await minutes.locator('input[type=checkbox]').isDisabled()).toBe(true);
    expect(await e.page.textContent('[data-testid=submission-gaps]')).toContain('整改清单尚未审议通过');
    await e.page.fill('#submission-recipient', '县委组织部');
    await e.page.fill('#submission-password', 'Qingxi#2026');
    await e.shot('package-02-form');
    await e.page.click('[data-testid=submission-build]');
    await e.page.waitForSelector('[data-testid=submission-result]');
    const rows = e.page.locator('[data-testid=submission-result] .el-table__body tr');
    expect(await rows.first().textContent()).toContain('报送材料清单');
    await expect.poll(() => e.page.textContent('[data-testid=submission-history]')).toMatch(/县委组织部[\s\S]*已加密[\s\S]*部分报送/);
    const zips = fs.readdirSync(e.exportDir).filter((n) => n.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    await e.shot('package-03-built');
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}`);
    expect(await e.page.locator('[data-testid=submission-last]').textContent()).toContain('县委组织部');
  });

  it('prints one speaker\'s 核对单 in the print preview and enters the correction he asks for', async () => {
    const meetings = (await e.page.evaluate(() => window.jingjian.invoke('meetings.list', {}))) as { value: { id: number }[] };
    const lastYear = meetings.value.find((m) => m.id !== meetingId)!.id;
    await e.page.goto(`${e.harness.url}/#/meetings/${lastYear}/verification`);
    await e.page.waitForSelector('[data-testid=verification-speakers] .el-table__body tr');
    const first = e.page.locator('[data-testid^=verification-sheet-]').nth(1);
    await first.click();
    const preview = e.page.frameLocator('[data-testid=print-preview]');
    await preview.locator('tbody tr').first().waitFor();
    expect(await preview.locator('h1').textContent()).toContain('发言记录核对单');
    expect(await preview.locator('.sign').textContent()).toMatch(/核对人（签字）[\s\S]*日期/);
    const rows = await preview.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    await e.shot('package-04-check-sheet');
    // 打印… opens the print dialog of the sheet itself (stubbed: headless Chromium has no dialog).
    await e.page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid=print-preview]')!;
      (frame.contentWindow as Window & { print: () => void }).print = () => document.body.setAttribute('data-printed', '1');
    });
    await e.page.click('[data-testid=print-sheet]');
    expect(await e.page.getAttribute('body', 'data-printed')).toBe('1');
    // The speaker asks for a correction: entered as a revision, the original kept.
    await e.page.locator('[data-testid^=check-revise-]').first().click();
    await e.page.fill('#check-text', '经本人核对更正后的发言内容。');
    await e.page.fill('#check-reason', '记录有误');
    await e.page.click('[data-testid=check-save]');
    await e.page.waitForSelector('.el-message--success');
    await expect.poll(() => preview.locator('tbody').textContent()).toContain('经本人核对更正后的发言内容。');
    await e.page.keyboard.press('Escape');
    const revisions = e.page.locator('[data-testid=verification-revisions]');
    await expect.poll(() => revisions.textContent()).toMatch(/经本人核对更正后的发言内容。[\s\S]*记录有误[\s\S]*定稿后更正/);
    await e.shot('package-05-corrections');
  });

  it('merges a second recorder\'s minutes with three differing entries, shows the origin, and undoes the merge', async () => {
    const meetings = (await e.page.evaluate(() => window.jingjian.invoke('meetings.list', {}))) as { value: { id: number }[] };
    const lastYear = meetings.value.find((m) => m.id !== meetingId)!.id;
    // The second laptop's exchange file: the same meeting, typed there on its own (no entry key in common), with one
    // entry worded differently, one it missed and one only it heard.
    const exported = (await e.page.evaluate((id) => window.jingjian.invoke('exchange.export', { meetingId: id }), lastYear)) as { value: { path: string } };
    type Table = { columns: string[]; rows: (string | number | null)[][] };
    const file = JSON.parse(fs.readFileSync(exported.value.path, 'utf8')) as { root: { meetingId: number }; tables: Record<string, Table> };
    const entries = file.tables.minutes_entries;
    const c = (name: string) => entries.columns.indexOf(name);
    entries.rows.forEach((r, i) => (r[c('key')] = `second-laptop-${String(i).padStart(4, '0')}`));
    const changed = entries.rows.find((r) => r[c('type')] === 'self_criticism')!;
    const original = String(changed[c('text')]);
    changed[c('text')] = `${original}（另一台补记：表示会后第一时间抓整改。）`;
    const missed = entries.rows.findIndex((r) => r[c('type')] === 'response');
    const missedText = String(entries.rows[missed][c('text')]);
    entries.rows.splice(missed, 1);
    const extra = [...entries.rows.find((r) => r[c('type')] === 'criticism')!];
    extra[c('id')] = Math.max(...entries.rows.map((r) => Number(r[c('id')]))) + 1;
    extra[c('key')] = 'second-laptop-extra';
    extra[c('text')] = '另一台补记的批评意见：调研多在面上，解剖麻雀不够。';
    entries.rows.push(extra);
    const m = file.tables.meetings;
    m.rows.forEach((r) => (r[m.columns.indexOf('recorder')] = '李四'));
    // An agenda item their secretary added at the end, missing here: listed, and added unless declined.
    const agenda = file.tables.minutes_agenda_items;
    const a = (name: string) => agenda.columns.indexOf(name);
    const last = agenda.rows.filter((r) => r[a('meeting_id')] === file.root.meetingId).sort((x, y) => Number(y[a('sort_order')]) - Number(x[a('sort_order')]))[0];
    const added = [...last];
    added[a('id')] = Math.max(...agenda.rows.map((r) => Number(r[a('id')]))) + 1;
    added[a('sort_order')] = Number(last[a('sort_order')]) + 1;
    added[a('kind')] = 'other';
    added[a('title')] = '宣读会议纪律';
    added[a('member_id')] = null;
    agenda.rows.push(added);
    const second = path.join(e.dir, '第二台记录.json');
    fs.writeFileSync(second, JSON.stringify(file));

    await e.page.setViewportSize({ width: 1366, height: 768 });
    await e.page.goto(`${e.harness.url}/#/meetings/${lastYear}/minutes`);
    await e.page.waitForSelector('[data-testid=finalized-note]');
    // Finalised: refused with the reason, nothing changed.
    await e.page.click('[data-testid=merge-open]');
    await e.page.setInputFiles('[data-testid=merge-file]', second);
    await expect.poll(() => e.page.locator('[data-testid=merge-error]').textContent()).toContain('会议记录已定稿，不能再合并另一台记录');
    await e.page.keyboard.press('Escape');
    await e.page.locator('[data-testid=merge-dialog]').waitFor({ state: 'hidden' });
    await e.page.click('[data-testid=reopen]');
    await e.page.fill('input[data-testid=reopen-reason], [data-testid=reopen-reason] input', '合并第二台电脑的记录');
    await e.page.click('[data-testid=confirm-reopen]');
    await e.page.waitForSelector('[data-testid=finalize]');

    await e.page.click('[data-testid=merge-open]');
    await e.page.setInputFiles('[data-testid=merge-file]', second);
    await e.page.waitForSelector('[data-testid=merge-preview]');
    const diffs = e.page.locator('[data-testid=merge-diff]');
    expect((await diffs.evaluateAll((els) => els.map((d) => d.getAttribute('data-kind')))).sort()).toEqual(['changed', 'onlyHere', 'onlyThere']);
    expect(await e.page.inputValue('input[data-testid=merge-recorder], [data-testid=merge-recorder] input')).toBe('李四');
    expect(await e.page.textContent('[data-testid=merge-counts]')).toMatch(/相同 \d+ 条已自动合并，差异 3 处/);
    const missing = e.page.locator('[data-testid=merge-missing-item]');
    expect(await missing.count()).toBe(1);
    expect(await missing.textContent()).toMatch(/宣读会议纪律[\s\S]*位于「.+」之后/);
    expect(await missing.locator('input[type=checkbox]').isChecked()).toBe(true);
    // The changed entry: the other recorder's wording, chosen by keyboard (arrows in the radio group).
    const changedRow = e.page.locator('[data-testid=merge-diff][data-kind=changed]');
    expect(await changedRow.textContent()).toContain(original);
    await changedRow.locator('[data-testid=merge-choice-both] input').focus();
    await e.page.keyboard.press('ArrowLeft');
    await expect.poll(() => changedRow.locator('.is-active').textContent()).toContain('采用另一台');
    await e.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await e.shot('package-06-merge-differences');
    await e.page.click('[data-testid=merge-confirm]');
    await e.page.waitForSelector('.el-message--success:has-text("已合并另一台记录")');

    const state = (await e.page.evaluate((id) => window.jingjian.invoke('minutes.console', { meetingId: id }), lastYear)) as { value: { entries: { text: string; originRecorder: string }[]; agenda: { title: string }[] } };
    const texts = state.value.entries.map((x) => x.text);
    expect(texts).toContain(`${original}（另一台补记：表示会后第一时间抓整改。）`);
    expect(texts).toContain(missedText);
    expect(state.value.entries.find((x) => x.text.startsWith('另一台补记的批评意见'))!.originRecorder).toBe('李四');
    expect(state.value.agenda.at(-1)!.title).toBe('宣读会议纪律');
    // The stream draws the rows near its visible part and is taken to the first entry from the other recorder.
    await expect.poll(() => e.page.evaluate(() => document.activeElement?.closest('article')?.querySelector('[data-testid=origin-tag]')?.textContent ?? '')).toContain('另一台：李四');
    expect(await e.page.locator('[data-testid=origin-tag]').count()).toBeGreaterThanOrEqual(1);
    await e.page.click('[data-testid=merge-history] summary');
    await e.page.locator('[data-testid=merge-undo]').scrollIntoViewIfNeeded();
    await e.page.locator('[data-testid=origin-tag]').first().scrollIntoViewIfNeeded();
    for (const close of await e.page.locator('.el-message .el-message__closeBtn').all()) await close.click().catch(() => undefined);
    await e.shot('package-07-merged');

    await e.page.click('[data-testid=merge-undo]');
    await e.page.waitForSelector('.el-message--success:has-text("已撤销合并")');
    await expect.poll(() => e.page.locator('[data-testid=origin-tag]').count()).toBe(0);
    const after = (await e.page.evaluate((id) => window.jingjian.invoke('minutes.console', { meetingId: id }), lastYear)) as { value: { entries: { text: string }[]; agenda: { title: string }[] } };
    expect(after.value.agenda.map((x) => x.title)).not.toContain('宣读会议纪律');
    expect(after.value.entries.map((x) => x.text)).toContain(original);
    expect(after.value.entries.some((x) => x.text.startsWith('另一台补记的批评意见'))).toBe(false);

    // Merged again as preset (the differing entry keeps both wordings): 定稿 names it first and shows it.
    const again = await harnessCall(e.harness)('minutes.mergeApply', { meetingId: lastYear, bytes: new Uint8Array(fs.readFileSync(second)), recorder: '李四', decisions: [] });
    await e.reload();
    await e.page.click('[data-testid=finalize]');
    expect(await e.page.textContent('[data-testid=finalize-joined]')).toContain('有 1 条记录仍并列保留两台记录的文字');
    await e.page.click('[data-testid=finalize-joined-show]');
    await expect.poll(() => e.page.evaluate(() => document.activeElement?.closest('article')?.textContent ?? '')).toContain('〔另一台记录（李四）：');
    await e.shot('package-07b-finalize-joined');
    await harnessCall(e.harness)('minutes.mergeUndo', { meetingId: lastYear, mergeId: again.mergeId! });
    await e.page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('after the meeting: the same problem raised by two sources, answered by keyboard', () => {
  it('keeps the keyboard in the 同一问题 drawer when a pair is dismissed or restored, and dates the dismissal as the user reads dates', async () => {
    // Two 巡察 findings worded like two of the meeting's own items: two suggestions.
    const call = harnessCall(e.harness);
    const own = (await call('rectification.get', { meetingId })).items.slice(0, 2);
    for (const item of own) {
      const problem = `巡察反馈：${item.problem.slice(0, 30)}，仍有发生`;
      await call('rectification.createItem', { meetingId, item: { aspectId: null, memberId: null, problem, target: '', measures: [], leaderIds: item.leaders.map((l) => l.memberId), unit: '', ownerPerson: '', deadline: { kind: 'date', date: null }, note: '', originKind: 'inspection', origin: '县委第三巡察组' }, sources: [] });
    }
    await e.page.setViewportSize({ width: 1366, height: 768 });
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/rectification`);
    // The 巡察组's 通报 (its findings came without measures): the count of problems, and no 「整改措施0条」.
    const notice = e.page.getByText('县委第三巡察组共反馈问题2个');
    await notice.waitFor();
    expect(await notice.textContent()).not.toContain('整改措施');
    await e.page.click('[data-testid=open-duplicates]');
    await e.page.waitForSelector('[data-testid=duplicate-1]');
    const focused = () => e.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    // 不是同一问题 on the first pair by keyboard: the pair now in its place has the keyboard, not the page behind.
    await e.page.focus('[data-testid=dismiss-0]');
    await e.page.keyboard.press('Enter');
    await expect.poll(() => e.page.locator('[data-testid^=duplicate-]').count()).toBe(1);
    await expect.poll(focused).toBe('link-0');
    // The last one too: the keyboard goes to 已忽略的建议（2）.
    await e.page.focus('[data-testid=dismiss-0]');
    await e.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('toggle-dismissed');
    await e.page.keyboard.press('Enter');
    for (const close of await e.page.locator('.el-message .el-message__closeBtn').all()) await close.click().catch(() => undefined);
    const when = await e.page.textContent('[data-testid=dismissed-0] .act');
    expect(when).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 忽略/);
    await e.shot('package-08-duplicates-dismissed');
    // Restored, the pair is offered again and its 关联为同一问题 has the keyboard.
    await e.page.focus('[data-testid=restore-0]');
    await e.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('link-0');
    await e.page.keyboard.press('Escape');
    await e.page.setViewportSize({ width: 1440, height: 900 });
  });
});
