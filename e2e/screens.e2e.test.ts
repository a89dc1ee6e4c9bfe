import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { SCREENSHOT_DIR, startE2E, type E2E } from './fixture';
import { axeFindings, harnessCall, layoutFaults, seedStress, settled, type AxeFinding, type LayoutFault } from './screens';
import { loadDemo } from '../seeds/demo';
import { NOT_ENGLISH, quotedChinese } from '../renderer/src/i18n/english';

/**
 * Every screen, as a county secretary's 1366×768 office laptop and a 1920×1080 monitor show it, with the demo and
 * with a stress case (fifteen members with long names and posts, 500 minutes entries). The screens are read from the
 * navigation at run time, so a new page is checked as soon as it is linked. On each: no clipped text or sideways
 * overflow, and no serious or critical axe-core finding. Screenshots go to .e2e-artifacts/screenshots/screens-*.
 */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

let e: E2E;
let demoMeetingId = 0;
let stressMeetingId = 0;

beforeAll(async () => {
  e = await startE2E({
    seed: async (harness) => {
      const call = harnessCall(harness);
      const today = new Date().toISOString().slice(0, 10);
      demoMeetingId = (await loadDemo((channel, input) => harness.host.dispatch(channel, input), { today })).meetingId;
      stressMeetingId = (await seedStress(call, today)).meetingId;
    },
  });
}, 240_000);
afterAll(async () => {
  await e?.close();
});

interface Visit {
  name: string;
  layout: LayoutFault[];
  axe: AxeFinding[];
}

async function settle(): Promise<void> {
  await e.page.waitForLoadState('networkidle');
  // Wait for the screen's own loading to end (Element's v-loading masks), not for a fixed time.
  await e.page.waitForFunction(() => !document.querySelector('.el-loading-mask'), undefined, { timeout: 20_000 });
  await e.page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function check(name: string, viewport: { width: number; height: number }): Promise<Visit> {
  await settle();
  const tag = `screens-${viewport.width}-${name}`;
  await e.shot(tag);
  const layout = await layoutFaults(e.page);
  if (name.endsWith('-overview')) layout.push(...(await timelineColumns()).map((text) => ({ kind: 'misaligned' as const, where: 'dashboard timeline', text, box: 0, content: 0 })));
  return { name: tag, layout, axe: await axeFindings(e.page) };
}

async function go(hash: string): Promise<void> {
  await e.page.goto(`${e.harness.url}/#${hash}`);
  const path = hash.split('?')[0];
  await e.page.waitForFunction((p) => decodeURIComponent(location.hash).startsWith(`#${p}`), path);
}

async function visitAll(viewport: { width: number; height: number }): Promise<Visit[]> {
  const visits: Visit[] = [];
  await walk(viewport, async (name) => void visits.push(await check(name, viewport)));
  return visits;
}

/** Every screen: each link of the top navigation, a new meeting, a search, and every section of two meetings. */
async function walk(viewport: { width: number; height: number }, look: (name: string) => Promise<void>): Promise<void> {
  await e.page.setViewportSize(viewport);
  // With data the home page is the meetings list (first run is checked by foundation.e2e).
  const links = await e.page.$$eval('.topnav a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThanOrEqual(5);
  for (const href of links) {
    await e.page.click(`.topnav a[href="${href}"]`);
    await e.page.waitForFunction((h) => location.hash.startsWith(h), href);
    await look(href.replace(/^#\//, '').replace(/\W+/g, '-'));
  }
  await go('/meetings/new');
  await look('meeting-new');
  await go('/search?q=调查研究');
  await look('search');
  for (const [label, id] of [['demo', demoMeetingId], ['stress', stressMeetingId]] as const) {
    await go(`/meetings/${id}`);
    await e.page.waitForSelector('[data-testid=workspace-title]');
    const sections = await e.page.$$eval('[data-testid^=ws-nav-]', (as) => as.map((a) => a.getAttribute('data-testid')!));
    expect(sections.length).toBeGreaterThan(5);
    for (const section of sections) {
      await e.page.click(`[data-testid=${section}]`);
      await look(`${label}-${section.replace('ws-nav-', '')}`);
    }
    await go(`/meetings/${id}/edit`);
    await look(`${label}-edit`);
  }
}

/** The dashboard's timeline is a table: each column (offset, name, count, date, status) starts at the same x. */
async function timelineColumns(): Promise<string[]> {
  return e.page.$$eval('[data-testid=dashboard] .timeline li', (rows) => {
    const columns = new Map<number, Set<number>>();
    for (const row of rows) [...row.children].forEach((cell, i) => columns.set(i, (columns.get(i) ?? new Set()).add(Math.round(cell.getBoundingClientRect().left))));
    return [...columns].filter(([, lefts]) => lefts.size > 1).map(([i, lefts]) => `column ${i + 1} starts at ${[...lefts].join(', ')}`);
  });
}

const report = (visits: Visit[], pick: (v: Visit) => unknown[]) =>
  visits.filter((v) => pick(v).length > 0).map((v) => ({ screen: v.name, faults: pick(v) }));

describe('toasts', () => {
  it('stack below the top bar, never over the navigation', async () => {
    await e.page.setViewportSize(VIEWPORTS[0]);
    await go('/settings');
    for (let i = 0; i < 3; i++) await e.page.click('[data-testid=settings-save]');
    await e.page.waitForFunction(() => document.querySelectorAll('.el-message').length >= 3);
    expect(await e.page.$$eval('.el-message', (ms) => ms.map((m) => m.textContent?.trim()))).toEqual(['已保存', '已保存', '已保存']);
    await settled(e.page); // where they come to rest, not where they slide in from
    const overlaps = await e.page.evaluate(() => {
      const bar = document.querySelector('.topbar')!.getBoundingClientRect();
      return [...document.querySelectorAll('.el-message')].map((m) => m.getBoundingClientRect()).filter((r) => r.top < bar.bottom).length;
    });
    expect(overlaps).toBe(0);
  });
});

/** Whether the stream's last entry (the 500th) lies whole inside the stream's visible box and the window. */
async function latestEntryInView(): Promise<{ text: string; inView: boolean }> {
  return e.page.evaluate(() => {
    const stream = document.querySelector('[data-testid=entry-stream]')!;
    const last = [...stream.querySelectorAll('article.entry')].at(-1)!;
    const box = stream.getBoundingClientRect();
    const r = last.getBoundingClientRect();
    const inView = r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= window.innerHeight;
    return { text: last.querySelector('.text')?.textContent?.slice(0, 6) ?? '', inView };
  });
}

describe('the minutes console', () => {
  it('opens at the latest of 500 entries, and again after a reload', async () => {
    await e.page.setViewportSize(VIEWPORTS[0]);
    await go(`/meetings/${stressMeetingId}/minutes`);
    for (const when of ['opened', 'reloaded']) {
      if (when === 'reloaded') await e.reload();
      await e.page.waitForFunction(() => document.body.dataset.minutesReady === '1' && document.querySelector('[data-testid=entry-stream] article.entry'));
      await settle();
      expect({ when, ...(await latestEntryInView()) }).toEqual({ when, text: '第500条：', inView: true });
      // The composer has the keyboard, as before.
      expect(await e.page.evaluate(() => document.activeElement?.closest('[data-testid=composer]') !== null)).toBe(true);
    }
  });
});

/** The entries drawn in the stream: their places in the record (aria-posinset) and the one with the keyboard. */
async function drawnEntries(): Promise<{ drawn: number; setsize: string | null; focused: string | null; focusedTopInView: boolean }> {
  return e.page.evaluate(() => {
    const stream = document.querySelector('[data-testid=entry-stream]')!;
    const articles = stream.querySelectorAll('article.entry');
    const focused = document.activeElement?.closest('article.entry') ?? null;
    const box = stream.getBoundingClientRect();
    const r = focused?.getBoundingClientRect();
    return { drawn: articles.length, setsize: articles[0]?.getAttribute('aria-setsize') ?? null, focused: focused?.getAttribute('aria-posinset') ?? null, focusedTopInView: Boolean(r && r.top >= box.top - 1 && r.top < box.bottom - 20) };
  });
}

describe('the minutes console with a long record', () => {
  it('draws only a window of the 500 entries, jumps to one far up and edits without losing a word', async () => {
    await e.page.setViewportSize(VIEWPORTS[0]);
    const call = harnessCall(e.harness);
    const entries = (await call('minutes.console', { meetingId: stressMeetingId })).entries;
    const far = entries.find((x) => x.text.startsWith('第6条（对照检查发言）'))!; // a long speech near the top
    // A search hit opens the console at the entry (search/routes.ts: focus, kind, hl).
    await go(`/meetings/${stressMeetingId}/minutes?focus=${far.id}&kind=minutes&hl=${encodeURIComponent('第6条')}`);
    await e.page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === `entry-${id}`, far.id, { timeout: 10_000 });
    const jumped = await drawnEntries();
    expect(jumped).toEqual({ drawn: expect.any(Number), setsize: '500', focused: '6', focusedTopInView: true });
    expect(jumped.drawn).toBeLessThan(40);
    await e.shot('minutes-long-jumped');
    // The feed's keys: ↓ steps to the next entry, End to the latest, each scrolled into view and focused.
    await e.page.keyboard.press('ArrowDown');
    expect(await drawnEntries()).toMatchObject({ focused: '7', focusedTopInView: true });
    await e.page.keyboard.press('End');
    await e.page.waitForFunction(() => document.activeElement?.getAttribute('aria-posinset') === '500');
    expect(await drawnEntries()).toMatchObject({ focused: '500', focusedTopInView: true });
    // Enter edits it; scrolled to the top of the record while the editor is open, the words typed stay and are saved.
    await e.page.keyboard.press('Enter');
    const editor = e.page.locator('textarea[data-testid=entry-editor]');
    await editor.waitFor();
    await e.page.keyboard.press('End');
    await e.page.keyboard.type('（补记一句）');
    await e.page.evaluate(async () => {
      const stream = document.querySelector('[data-testid=entry-stream]')!;
      for (let y = stream.scrollTop; y > 0; y -= 2000) {
        stream.scrollTop = y;
        await new Promise((r) => requestAnimationFrame(r));
      }
      stream.scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    expect(await drawnEntries()).toMatchObject({ setsize: '500' });
    expect(await e.page.locator('[data-testid=entry-stream] article[aria-posinset="1"]').count()).toBe(1);
    expect(await editor.inputValue()).toMatch(/（补记一句）$/);
    expect(await e.page.evaluate(() => document.activeElement?.closest('[data-testid=entry-editor]') !== null)).toBe(true);
    await e.page.keyboard.press('Escape');
    await expect.poll(async () => (await call('minutes.console', { meetingId: stressMeetingId })).entries.find((x) => x.key === entries.at(-1)!.key)?.text, { timeout: 10_000 }).toMatch(/（补记一句）$/);
  });
});

describe('every screen fits and can be used by keyboard and screen reader', () => {
  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height}, with the demo and fifteen long-named members`, async () => {
      const visits = await visitAll(viewport);
      // The whole list, beside the screenshots, for whoever fixes what the assertion below reports.
      fs.writeFileSync(path.join(SCREENSHOT_DIR, `screens-${viewport.width}-faults.json`), JSON.stringify(visits, null, 2));
      expect(visits.length).toBeGreaterThan(20);
      expect({ layout: report(visits, (v) => v.layout), axe: report(visits, (v) => v.axe) }).toEqual({ layout: [], axe: [] });
      expect(e.pageErrors).toEqual([]);
      expect(e.outsideRequests).toEqual([]);
    }, 600_000);
  }
});

/**
 * Every text of the data file (names, themes, opinions, minutes…): what a screen may show in Chinese in English mode.
 * The search index's own tables are left out (they hold the same text, cut into pieces).
 */
function dataTexts(): string[] {
  const sqlite = e.harness.connection.sqlite;
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'").all() as { name: string }[]).map((t) => t.name);
  const texts = new Set<string>();
  for (const table of tables) {
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) if (typeof value === 'string' && NOT_ENGLISH.test(value)) texts.add(value);
    }
  }
  return [...texts];
}

/** The texts a reader meets on the screen: visible text nodes, and the hints and names of controls; Chinese documents (lang="zh-CN") are left out. */
async function screenTexts(): Promise<string[]> {
  return e.page.evaluate(() => {
    const out = new Set<string>();
    const shown = (el: Element | null) => el !== null && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('[lang^="zh"], script, style') || !shown(parent)) continue;
      out.add(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (el.closest('[lang^="zh"]') || !shown(el)) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.add(value);
      }
    }
    return [...out];
  });
}

/** The Chinese left in `text` once the data and the Chinese quoted on purpose are taken out, or null when none is left. */
function leak(text: string, allowed: string[], blob: string): string | null {
  if (!NOT_ENGLISH.test(text)) return null;
  // Data shortened for display (「…」 at the end) is still data.
  const bare = text.replace(/(…|\.\.\.)$/u, '');
  if (blob.includes(bare)) return null;
  let rest = bare;
  for (const piece of allowed) if (rest.includes(piece)) rest = rest.split(piece).join(' ');
  return NOT_ENGLISH.test(rest) ? rest : null;
}

describe('English', () => {
  it('every screen in English shows no Chinese and no full-width punctuation outside the data and the Chinese documents', async () => {
    const settings = await e.harness.host.dispatch('settings.update', { locale: 'en' });
    expect(settings.ok).toBe(true);
    await e.reload();
    const allowed = [...dataTexts(), ...quotedChinese()].sort((a, b) => b.length - a.length);
    const blob = allowed.join('\u0000');
    const leaks: { screen: string; text: string; left: string }[] = [];
    await walk(VIEWPORTS[0], async (name) => {
      await settle();
      await e.shot(`screens-en-${name}`);
      for (const text of await screenTexts()) {
        const left = leak(text, allowed, blob);
        if (left !== null) leaks.push({ screen: name, text: text.slice(0, 120), left: left.trim().slice(0, 60) });
      }
    });
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'screens-en-leaks.json'), JSON.stringify(leaks, null, 2));
    expect(leaks).toEqual([]);
  }, 600_000);
});
