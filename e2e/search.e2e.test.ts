import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, loadDemoMeeting, startE2E, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
beforeAll(async () => {
  e = await startE2E();
  meetingId = await loadDemoMeeting(e);
  await e.reload();
});
afterAll(async () => {
  await e.close();
});

const hits = () => e.page.locator('[data-testid=search-hits] > li');

describe('searching everything from the top bar', () => {
  it('shows highlighted hits while typing', async () => {
    await e.page.click(field('search-box'));
    await e.page.keyboard.type('项目审批', { delay: 40 });
    await e.page.waitForURL(/#\/search/);
    await e.page.waitForSelector('[data-testid=search-hits] mark');
    const marks = await e.page.locator('[data-testid=search-hits] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toBe('项目审批');
    expect(await e.page.textContent('[data-testid=search-summary]')).toMatch(/共 \d+ 条/);
    await e.shot('search-01-results');
  });

  it('finds two-character words such as 整改 and filters by kind', async () => {
    await e.page.fill(field('search-box'), '整改');
    await e.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=search-hits] mark')].some((m) => m.textContent === '整改'));
    expect(await hits().count()).toBeGreaterThan(1);
    await e.page.click('[data-testid=search-kind-talk]'); // untick talks
    await e.page.waitForFunction(() => !document.querySelector('[data-testid^=search-hit-talk-]'));
    expect(await e.page.locator('[data-testid^=search-hit-opinion-]').count()).toBeGreaterThan(0);
    await e.shot('search-02-short-word-filtered');
    await e.page.click('[data-testid=search-kind-talk]');
  });

  it('refuses nothing silently: syntax characters are searched as text', async () => {
    await e.page.fill(field('search-box'), 'NEAR("整改');
    await e.page.waitForSelector('[data-testid=search-none]');
    expect(await e.page.textContent('[data-testid=search-none]')).toContain('NEAR("整改');
  });

  it('opens a hit in its meeting, with the text marked in place', async () => {
    await e.page.fill(field('search-box'), '项目审批慢');
    await e.page.waitForSelector('[data-testid^=search-hit-opinion-] mark');
    const first = e.page.locator('[data-testid^=search-hit-opinion-]').first();
    const testId = await first.getAttribute('data-testid');
    const recordId = testId!.split('-').at(-1);
    await first.click();
    await e.page.waitForURL(new RegExp(`#/meetings/${meetingId}/opinions\\?focus=${recordId}&kind=opinion`));
    await e.page.waitForFunction(() => document.body.dataset.searchFocus === '项目审批慢');
    const marked = await e.page.evaluate(() => {
      const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('jj-search-hit');
      const range = highlight ? [...highlight][0] : null;
      if (!range) return null;
      const box = range.getBoundingClientRect();
      return { text: range.toString(), visible: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(marked).toEqual({ text: '项目审批慢', visible: true });
    await e.shot('search-03-opened-in-place');
  });
});
