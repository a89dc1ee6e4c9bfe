import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './fixture';

/**
 * No network at all: the built renderer, with the demo loaded, visits every top-level page and every section of a
 * meeting's workspace (both read from the navigation at run time, so new pages are covered as they are added). Any
 * request that leaves 127.0.0.1 — telemetry, update checks, remote fonts or scripts — fails the test.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

const settle = async () => {
  await e.page.waitForLoadState('networkidle');
};

describe('no request leaves the computer', () => {
  it('on the first-run screen and while loading the demo', async () => {
    await e.page.click('[data-testid=load-demo]');
    await e.page.waitForFunction(() => !document.querySelector('[data-testid=first-run]') || document.querySelector('.el-message--success'));
    await settle();
    expect(e.outsideRequests).toEqual([]);
  });

  it('on every top-level page', async () => {
    const links = await e.page.$$eval('.topnav a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(links).toContain('#/backup');
    for (const href of links) {
      await e.page.click(`.topnav a[href="${href}"]`);
      await e.page.waitForFunction((h) => location.hash.startsWith(h), href);
      await settle();
      expect(e.outsideRequests, href).toEqual([]);
    }
    expect(e.pageErrors).toEqual([]);
  });

  it('in every section of a meeting workspace', async () => {
    const meetings = (await e.page.evaluate(() => window.jingjian.invoke('meetings.list', {}))) as { ok: true; value: { id: number }[] };
    expect(meetings.value.length).toBeGreaterThan(0);
    await e.page.goto(`${e.harness.url}/#/meetings/${meetings.value[0].id}`);
    await e.page.waitForSelector('[data-testid=workspace]');
    const sections = await e.page.$$eval('[data-testid^=ws-nav-]', (as) => as.map((a) => a.getAttribute('data-testid')!));
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) {
      await e.page.click(`[data-testid=${section}]`);
      await settle();
      expect(e.outsideRequests, section).toEqual([]);
    }
    await e.shot('network-last-section');
    expect(e.pageErrors).toEqual([]);
  });
});
