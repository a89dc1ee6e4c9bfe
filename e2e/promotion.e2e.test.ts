import { describe, expect, it } from 'vitest';
import { LAPTOP, withDemoMeeting, type E2E } from './fixture';
import type { MinutesConsole } from '../electron/common/api/minutes';

/**
 * 转为整改事项 is one visible flow: Alt+R on a criticism marks the entry, says where it went, counts it on 整改清单,
 * and the list's sources drawer offers it first, ticked and highlighted; building the item clears the counter.
 */
let e: E2E;
let meetingId = 0;
withDemoMeeting((started) => ({ e, meetingId } = started), { viewport: LAPTOP });

const invoke = <T>(channel: string, input: unknown) =>
  e.page.evaluate(async ([c, i]) => {
    const result = (await window.jingjian.invoke(c as never, i as never)) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message);
    return result.value;
  }, [channel, input] as const) as Promise<T>;

describe('minutes → 整改清单', () => {
  it('shows where a promoted criticism went, and offers it first and ticked when building the list', async () => {
    // The meeting is under way at the second member's round, where the others criticise him.
    let state = await invoke<MinutesConsole>('minutes.prepare', { meetingId });
    const round = state.agenda.filter((a) => a.kind === 'member_round')[1];
    await invoke('minutes.advance', { meetingId, to: { mode: 'item', itemId: round.id } });
    state = await invoke<MinutesConsole>('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } });
    expect(state.cursor.speech?.role).toBe('criticism');

    // A fresh load: the state was changed behind the page's back, through the channels.
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
    await e.reload();
    await e.page.waitForSelector('body[data-minutes-ready="1"]');
    await e.page.click('[data-testid=composer-input] textarea');
    await e.page.keyboard.type('抓分管领域风险排查不够彻底，有的隐患发现不及时。');
    await e.page.keyboard.press('Enter');
    await e.page.keyboard.press('Alt+R');

    await e.page.waitForSelector('.el-message--success');
    expect(await e.page.textContent('.el-message--success')).toContain('整改清单');
    await e.page.waitForSelector('[data-testid^=entry-]:has-text("抓分管领域风险排查") [data-testid=promoted-tag]');
    await expect.poll(() => e.page.textContent('[data-testid=ws-count-rectification]')).toBe('1');
    await e.shot('promotion-console');

    await e.page.click('[data-testid=ws-nav-rectification]');
    await e.page.click('[data-testid=open-sources]');
    const first = e.page.locator('[data-testid=source-list] .source').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('抓分管领域风险排查不够彻底');
    expect(await first.getAttribute('class')).toContain('promoted');
    expect(await first.getAttribute('class')).toContain('is-checked');
    await e.shot('promotion-sources');

    const items = (await invoke<{ items: unknown[] }>('rectification.get', { meetingId })).items.length;
    await e.page.click('[data-testid=make-each]');
    await expect.poll(async () => (await invoke<{ items: { problem: string }[] }>('rectification.get', { meetingId })).items.length).toBe(items + 1);
    await e.page.waitForSelector('[data-testid=ws-count-rectification]', { state: 'detached' });
  });

  it('after the meeting ends, the composer says so instead of asking for F8', async () => {
    await invoke('minutes.advance', { meetingId, to: { mode: 'end' } });
    // A fresh load: the state was changed behind the page's back, through the channels.
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
    await e.reload();
    await e.page.waitForSelector('body[data-minutes-ready="1"]');
    const hint = await e.page.getAttribute('[data-testid=composer-input] textarea', 'placeholder');
    expect(hint).toContain('会议已结束');
    expect(hint).not.toContain('F8');
  });
});
