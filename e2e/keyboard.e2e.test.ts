import { describe, expect, it } from 'vitest';
import { confirmFutureMeeting, LAPTOP, withDemoMeeting, type E2E } from './fixture';

/**
 * A secretary who works by keyboard: dialogs open on their first field, a leader is chosen by typing the name and
 * Enter, and what can be clicked is a real control with a name a screen reader reads.
 */
let e: E2E;
let meetingId = 0;
withDemoMeeting((started) => ({ e, meetingId } = started), { viewport: LAPTOP });

const focusedTestId = () =>
  e.page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('[data-testid]')?.getAttribute('data-testid') ?? el?.tagName ?? null;
  });

describe('keyboard', () => {
  it('新建领导班子 and 添加成员 open with the caret in the name field', async () => {
    await e.page.goto(`${e.harness.url}/#/teams`);
    await e.page.click('[data-testid=new-team]');
    await e.page.waitForFunction(() => document.activeElement?.closest('[data-testid=team-name]') || document.activeElement?.getAttribute('data-testid') === 'team-name');
    expect(await focusedTestId()).toBe('team-name');
    await e.page.keyboard.press('Escape');
    await e.page.waitForSelector('[data-testid=team-form]', { state: 'hidden' });

    await e.page.click('[data-testid=add-member]');
    await e.page.waitForFunction(() => document.activeElement?.closest('[data-testid=member-name]') || document.activeElement?.getAttribute('data-testid') === 'member-name');
    expect(await focusedTestId()).toBe('member-name');
    await e.page.keyboard.press('Escape');
  });

  it('责任领导: typing a name and Enter selects that member', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/rectification`);
    await e.page.click('[data-testid=add-item]');
    await e.page.click('[data-testid=edit-leaders]');
    await e.page.keyboard.type('周明华');
    await e.page.locator('.el-select-dropdown__item:visible', { hasText: '周明华' }).first().waitFor();
    await e.page.keyboard.press('Enter');
    await expect.poll(() => e.page.locator('[data-testid=edit-leaders] .el-tag').allTextContents()).toEqual(['周明华']);
  });

  it('the minutes entry types are radios that say which one is chosen', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
    await e.page.waitForSelector('body[data-minutes-ready="1"]');
    // Before the meeting, the roll call has the keyboard: its first row, reached by a template ref, not a timer.
    await e.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'att-row-0');
    await e.page.keyboard.press('F8');
    await confirmFutureMeeting(e);
    const radios = e.page.locator('[data-testid=composer] [role=radiogroup] [role=radio]');
    await expect.poll(() => radios.count()).toBe(7);
    expect(await e.page.locator('[data-testid=composer] [role=radiogroup]').getAttribute('aria-label')).toBe('发言类型');
    await e.page.click('[data-testid=type-criticism]');
    expect(await e.page.getAttribute('[data-testid=type-criticism]', 'aria-checked')).toBe('true');
    expect(await e.page.getAttribute('[data-testid=type-other]', 'aria-checked')).toBe('false');
  });

  it('a search hit is a button: focused, Enter opens the record', async () => {
    await e.page.goto(`${e.harness.url}/#/search?q=${encodeURIComponent('调查研究')}`);
    const first = e.page.locator('[data-testid=search-hits] > li button').first();
    await first.waitFor();
    await first.focus();
    await e.page.keyboard.press('Enter');
    await e.page.waitForFunction(() => !location.hash.startsWith('#/search'));
  });

  it('a day that does not exist is called that, once, and hints cannot be taken for values', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/new`);
    const date = e.page.locator('input[data-testid=meeting-date], [data-testid=meeting-date] input').first();
    expect(await date.getAttribute('placeholder')).toBe('年-月-日');
    expect(await e.page.locator('[data-testid=meeting-time]').textContent()).toContain('选择开始时间');
    await date.fill('2026-02-30');
    await date.press('Tab');
    await expect.poll(() => e.page.locator('[data-testid=date-problem]').allTextContents()).toEqual(['日期不存在（该月没有这一天），请核对']);
    await e.page.fill('input[data-testid=meeting-theme], [data-testid=meeting-theme] input', '测试主题');
    await e.page.click('[data-testid=meeting-save]');
    await e.page.waitForSelector('.el-form-item__error');
    // The refusal under the field replaces the field's own note: one message there, not two.
    const notes = await e.page.locator('.el-form-item:has([data-testid=meeting-date]) :is(.el-form-item__error, [data-testid=date-problem])').count();
    expect(notes).toBe(1);
  });
});
