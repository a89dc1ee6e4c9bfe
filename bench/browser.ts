import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3-multiple-ciphers';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness } from '../harness/server';
import { isChannelName } from '../electron/common/api';
import { median, kb, ms, percentile, type Row } from './stats';
import { openBenchApp } from './context';
import { largeIds } from './queries';

// The functions passed to page.evaluate run in the page; this file is compiled without the DOM library, so the few
// page globals they use are declared here.
declare const document: {
  querySelectorAll(selector: string): { length: number };
  addEventListener(type: string, listener: () => void, options?: boolean | { once?: boolean }): void;
};
declare const location: { hash: string };
declare const window: unknown;
declare function requestAnimationFrame(callback: () => void): number;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROWS = 2_000;

/** Builds the renderer into `outDir` (as `npm run build:renderer` does, in a folder of its own). */
export function buildRenderer(outDir: string): void {
  const root = path.resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    env: { ...process.env, JJ_OUT: path.relative(root, outDir) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) throw new Error('renderer build failed');
}

/** What the first load downloads: index.html's entry scripts, stylesheets and modulepreloads, raw and gzip. */
export function bundleRows(outDir: string): Row[] {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) refs.add(src);
  for (const [tag] of html.matchAll(/<link[^>]*>/g)) {
    const href = /\shref="([^"]+)"/.exec(tag)?.[1];
    if (href && /rel="(modulepreload|stylesheet)"/.test(tag)) refs.add(href);
  }
  let raw = Buffer.byteLength(html);
  let gzip = zlib.gzipSync(html).length;
  const files: string[] = [];
  for (const ref of refs) {
    const file = path.join(outDir, ref.replace(/^\.\//, ''));
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    files.push(path.basename(file));
  }
  return [
    {
      group: 'bundle',
      what: `initial load: index.html + ${files.length} entry/preloaded files (JS and CSS)`,
      figure: `${kb(gzip)} gzip`,
      compare: `${kb(raw)} raw`,
      target: '≤ 500 KB gzip',
      verdict: gzip <= 500 * 1024 ? 'pass' : 'miss',
    },
  ];
}

/** The harness on `file` and Chromium at its meetings page, ready (the same browser for every bench section). */
export async function openBenchPage(file: string, outDir: string, exportDir: string): Promise<{ harness: Awaited<ReturnType<typeof startHarness>>; browser: Browser; page: Page }> {
  const harness = await startHarness({ dbFile: file, staticDir: outDir, exportDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--lang=zh-CN'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  // tsx keeps function names with a helper (__name) that the functions sent to the page refer to.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(`${harness.url}/#/meetings`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  return { harness, browser, page };
}

/**
 * Installs the keystroke probe in the page, with `__frame` and `__work` empty. Playwright types Chinese characters as
 * text input (as an input method does): no keydown, so the clock starts at beforeinput, before the character reaches
 * the text area. `__work` gets the time until the input event and everything it triggered synchronously have run;
 * `__frame` the time until the frame that shows the character (rAF, then after that frame's rendering). Emptying the
 * two arrays starts a new round.
 */
export function installKeystrokeProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __frame: number[]; __work: number[] };
    w.__frame = [];
    w.__work = [];
    document.addEventListener(
      'beforeinput',
      () => {
        const t0 = performance.now();
        document.addEventListener('input', () => queueMicrotask(() => w.__work.push(performance.now() - t0)), { once: true });
        requestAnimationFrame(() => setTimeout(() => w.__frame.push(performance.now() - t0), 0));
      },
      true,
    );
  });
}

/**
 * In Chromium through the harness, on a copy of the large database whose busiest meeting is given 2,000 opinions and
 * 2,000 minutes entries: the workspace's first render, the opinions table with 2,000 rows, and keystroke-to-screen in
 * the minutes console.
 */
export async function browserRows(dir: string, largeFile: string, outDir: string): Promise<Row[]> {
  const file = path.join(dir, 'browser.sqlite');
  fs.copyFileSync(largeFile, file);
  const app = await openBenchApp(file);
  const ids = largeIds(app);
  const minutes = isChannelName('minutes.prepare');
  const sqlite: Database.Database = app.connection.sqlite;
  const have = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE meeting_id = ?`).get(ids.meetingId) as { n: number }).n;
  const now = new Date().toISOString();
  const text = '希望进一步加强调查研究，多到基层一线听取群众意见，对企业反映的多头跑、反复跑问题跟踪督办到位。';
  sqlite.transaction(() => {
    const opinion = sqlite.prepare("INSERT INTO opinions (id, meeting_id, channel, source, target_member_id, text, anonymous, position) VALUES (?, ?, 'box', '', NULL, ?, 1, ?)");
    for (let i = have('opinions'); i < ROWS; i++) opinion.run(7_000_000_000 + i, ids.meetingId, `${text}（${i}）`, i);
  })();
  if (minutes) {
    // The console of a finished meeting is read-only; reopen it for typing.
    sqlite.prepare('UPDATE minutes_sessions SET finalized_at = NULL WHERE meeting_id = ?').run(ids.meetingId);
    const item = sqlite.prepare("SELECT id FROM minutes_agenda_items WHERE meeting_id = ? AND kind = 'member_round' ORDER BY sort_order DESC LIMIT 1").get(ids.meetingId) as { id: number };
    const entry = sqlite.prepare(
      "INSERT INTO minutes_entries (key, meeting_id, agenda_item_id, type, from_member_id, to_member_id, text, sort_order, revision, created_at, updated_at) VALUES (?, ?, ?, 'criticism', ?, ?, ?, ?, 1, ?, ?)",
    );
    sqlite.transaction(() => {
      for (let i = have('minutes_entries'); i < ROWS; i++) entry.run(`benchentry${i}`, ids.meetingId, item.id, ids.memberId, ids.memberId, `${text}（${i}）`, 1000 + i, now, now);
    })();
    await app.call('minutes.advance', { meetingId: ids.meetingId, to: { mode: 'item', itemId: item.id } });
  }
  await app.close();

  const { harness, browser, page } = await openBenchPage(file, outDir, path.join(dir, 'browser-exports'));
  const rows: Row[] = [];
  try {

    /** From a hash change to the frame after each selector matches at least `count` elements (measured in the page). */
    const timeTo = (hash: string, checks: [selector: string, count: number][]) =>
      page.evaluate(
        async ([h, all]) => {
          const ready = () => all.every(([selector, count]) => document.querySelectorAll(selector).length >= count);
          const t0 = performance.now();
          location.hash = h;
          await new Promise<void>((resolve) => {
            const poll = () => (ready() ? resolve() : requestAnimationFrame(poll));
            poll();
          });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - t0;
        },
        [hash, checks] as const,
      );
    const away = async () => {
      await timeTo('#/meetings', [['.page', 1]]);
      await page.waitForTimeout(100);
    };

    const workspace = `#/meetings/${ids.meetingId}`;
    const titled: [string, number][] = [
      ['[data-testid=workspace-title]', 1],
      ['.ws-body > *', 1],
    ];
    await away();
    const cold = await timeTo(workspace, titled);
    const warm: number[] = [];
    for (let i = 0; i < 7; i++) {
      await away();
      warm.push(await timeTo(workspace, titled));
    }
    rows.push({
      group: 'browser',
      what: 'meeting workspace first render (overview), large DB: first / median of 7 later',
      figure: `${ms(cold)} / ${ms(median(warm))}`,
      target: '≤ 400 ms',
      verdict: Math.max(cold, median(warm)) <= 400 ? 'pass' : 'miss',
    });

    // The list shows 50 rows a page (with a pager) however many the meeting has; before paging, all 2,000 at once.
    const opinionRows: [string, number][] = [
      ['[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row', Math.min(ROWS, 50)],
      ['[data-testid=raw-pager]', 1],
    ];
    const listTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      await away();
      listTimes.push(await timeTo(`${workspace}/opinions`, opinionRows));
    }
    rows.push({ group: 'browser', what: `opinions table with ${ROWS.toLocaleString('en')} rows: open to its first page rendered (50 rows and the pager; median of 3)`, figure: ms(median(listTimes)) });

    if (minutes) {
      await away();
      const composer = '[data-testid=composer] textarea';
      const consoleOpen = await timeTo(`${workspace}/minutes`, [
        [composer, 1],
        ['[data-testid=entry-stream] *', 1],
      ]);
      await page.waitForSelector(`${composer}:not([disabled])`, { timeout: 15_000 });
      await page.focus(composer);
      await installKeystrokeProbe(page);
      await page.keyboard.type('同志在履职尽责方面调查研究不够深入希望今后多到基层一线听取意见建议加强统筹协调压实责任形成合力确保各项任务按期完成', { delay: 60 });
      await page.waitForTimeout(300);
      const { frame, work } = await page.evaluate(() => {
        const w = window as unknown as { __frame: number[]; __work: number[] };
        return { frame: w.__frame, work: w.__work };
      });
      const entries = (await page.evaluate(() => document.querySelectorAll('[data-testid=entry-stream] [data-testid^=entry-]').length)) || ROWS;
      rows.push({ group: 'browser', what: `minutes console with ${ROWS.toLocaleString('en')} entries: open (${entries} entry elements)`, figure: ms(consoleOpen) });
      rows.push({
        group: 'browser',
        what: `keystroke → next frame in the composer (${frame.length} keys) p50 / p95`,
        figure: `${ms(median(frame))} / ${ms(percentile(frame, 95))}`,
        compare: `script work per key p50 / p95 ${ms(median(work))} / ${ms(percentile(work, 95))}`,
        target: '≤ 16 ms (p50)',
        verdict: median(frame) <= 16 ? 'pass' : 'miss',
      });
    } else {
      rows.push({ group: 'browser', what: 'keystroke → screen in the minutes console', figure: 'n/a (feature missing)', verdict: 'n/a' });
    }
  } finally {
    await browser.close();
    await harness.close();
  }
  return rows;
}
