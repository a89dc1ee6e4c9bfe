import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../electron/common/meetings/steps';
import { withDemoMeeting, type E2E } from './fixture';

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
    expect(await e.page.textContent('[data-testid=submission-history]')).toMatch(/县委组织部[\s\S]*已加密[\s\S]*部分报送/);
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
});
