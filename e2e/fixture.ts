import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness } from '../harness/server';

export const SCREENSHOT_DIR = path.resolve('.e2e-artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  harness: Harness;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  exportDir: string;
  /** Requests that tried to leave 127.0.0.1: must stay empty. */
  outsideRequests: string[];
  /** Errors the page threw or logged. */
  pageErrors: string[];
  shot(name: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Restarts the app on the same data file: closes the harness, runs `between` (nothing has the file open then),
   * starts a new harness on the same port and reloads the page. `harness` is the new one afterwards.
   */
  restart(between?: () => void | Promise<void>): Promise<void>;
  /**
   * Closes the browser and the harness and removes the profile, then fails (throws) if the page threw or logged an
   * error, or a request tried to leave 127.0.0.1, at any time during the file's tests: every e2e file checks both,
   * once, here.
   */
  close(): Promise<void>;
}

/**
 * A fresh profile: a new SQLite file in a temp folder, the harness on a random loopback port, a new Chromium.
 * Waits for the app's explicit ready signal (body[data-ready]) instead of sleeping.
 */
/** The pages of this file's running e2e sessions: `e2e/onFailure.ts` shows what a failed test left on screen. */
export const openPages = new Set<Page>();

export async function startE2E(options: { seed?: (harness: Harness) => Promise<void>; now?: () => Date; timezoneId?: string } = {}): Promise<E2E> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingjian-e2e-'));
  const exportDir = path.join(dir, 'exports');
  const harnessOptions = { dbFile: path.join(dir, 'jingjian.sqlite'), staticDir: path.resolve(process.env.JJ_OUT ?? 'out/renderer'), exportDir, now: options.now };
  const harness = await startHarness(harnessOptions);
  if (options.seed) await options.seed(harness);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--lang=zh-CN'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true, timezoneId: options.timezoneId });
  const outsideRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(harness.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  openPages.add(page);
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const ready = async () => {
    await page.waitForSelector('body[data-ready="1"]', { timeout: 20_000 });
  };
  await page.goto(`${harness.url}/`);
  await ready();
  const e: E2E = {
    harness,
    browser,
    context,
    page,
    dir,
    exportDir,
    outsideRequests,
    pageErrors,
    async shot(name) {
      await page.waitForTimeout(150); // let transitions settle so the picture shows the final state
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    },
    async reload() {
      await page.reload();
      await ready();
    },
    async restart(between) {
      const port = Number(new URL(e.harness.url).port);
      // The screen the page was on: the restarted app opens there again, as a reload did.
      const { hash } = new URL(page.url());
      // Leave the page first: a request in flight while the server is down would be logged as a page error.
      await page.goto('about:blank');
      await e.harness.close();
      await between?.();
      e.harness = await startHarness({ ...harnessOptions, port });
      await page.goto(`${e.harness.url}/${hash}`);
      await ready();
    },
    async close() {
      openPages.delete(page);
      try {
        await browser.close();
        await e.harness.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      const problems = [...pageErrors.map((m) => `page error: ${m}`), ...outsideRequests.map((u) => `request leaving the computer: ${u}`)];
      if (problems.length > 0) throw new Error(`${problems.length} problem(s) during the e2e run:\n${problems.join('\n')}`);
    },
  };
  return e;
}

/** The text box of an Element Plus input: the test id lands on the <input> itself or on its wrapper. */
export const field = (testId: string): string =>
  `:is(input,textarea)[data-testid="${testId}"], [data-testid="${testId}"] :is(input,textarea)`;

/** Loads the demo through the page's own API, as the first-run button does, and returns the demo meeting's id. */
/**
 * Accepts the confirmation asked before recording a fact for a meeting whose date has not come (the
 * demo meeting is twelve days ahead); returns its message, which names the date.
 */
export async function confirmFutureMeeting(e: E2E): Promise<string> {
  const box = e.page.locator('.future-confirm');
  await box.waitFor();
  const message = (await box.locator('.el-message-box__message').textContent()) ?? '';
  await box.locator('.el-button--primary').click();
  await box.waitFor({ state: 'hidden' });
  return message;
}

export async function loadDemoMeeting(e: E2E): Promise<number> {
  const result = (await e.page.evaluate(() => window.jingjian.invoke('app.loadDemo', {}))) as { ok: boolean; value?: { meetingId: number }; error?: { message: string } };
  if (!result.ok || !result.value) throw new Error(`demo not loaded: ${result.error?.message ?? 'unknown'}`);
  return result.value.meetingId;
}

/** The secretary's laptop screen, at which most flows are checked. */
export const LAPTOP = { width: 1366, height: 768 };

/**
 * The set-up most files share: before the file's tests, a fresh profile with the demo loaded (at `viewport` when
 * given), handed to `take`; after them, close() with its checks. Call it at the top level of the file.
 */
export function withDemoMeeting(take: (started: { e: E2E; meetingId: number }) => void, options: { viewport?: { width: number; height: number } } = {}): void {
  let started: E2E | undefined;
  beforeAll(async () => {
    started = await startE2E();
    if (options.viewport) await started.page.setViewportSize(options.viewport);
    take({ e: started, meetingId: await loadDemoMeeting(started) });
  });
  afterAll(async () => {
    await started?.close();
  });
}
