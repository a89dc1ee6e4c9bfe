import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../electron/common/meetings/steps';
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
});
