/*
 * npm run bench — figures and ratios measured side by side in one run, printed as a table and written to
 * bench/results/latest.md. The large database (seeds/large.ts) is generated once and cached in the temp folder by
 * schema and generator version; a first run generates it (≈ 15 s).
 *
 *   npm run bench [-- --skip browser,open]      sections: write, long, search, lists, export, checks, parse, open, encryption, startup, browser, long-browser, bundle
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { latestVersion } from '../db/migrations';
import { encryptionRows } from './encryption';
import { startupRows } from './startup';
import { ensureLargeDatabase } from './largeDb';
import { FeatureMissing, openBenchApp, type BenchApp } from './context';
import { writePathRows } from './writePath';
import { longMeetingRows } from './longMeeting';
import { largeIds, listRows, searchRows, type LargeIds } from './queries';
import { exportRows } from './exports';
import { checksRows } from './checks';
import { openRows, parseRows } from './openAndParse';
import { browserRows, buildRenderer, bundleRows } from './browser';
import { longBrowserRows } from './longBrowser';
import { markdownTable, textTable, type Row } from './stats';

const skip = new Set((process.argv.find((a, i) => process.argv[i - 1] === '--skip') ?? '').split(',').filter(Boolean));
const started = performance.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingjian-bench-'));
const rows: Row[] = [];
const notes: string[] = [];
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);

async function section(name: string, run: () => Promise<Row[]> | Row[]): Promise<void> {
  if (skip.has(name)) return;
  log(`${name}…`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    if (error instanceof FeatureMissing) rows.push({ group: name, what: `(channels missing: ${error.message})`, figure: 'n/a (feature missing)', verdict: 'n/a' });
    else {
      rows.push({ group: name, what: 'failed', figure: String((error as Error).message).slice(0, 160), verdict: 'error' });
      console.error(error);
    }
  }
}

try {
  log('large database…');
  const large = ensureLargeDatabase((line) => log(line.trim()));
  if (large.summary) {
    notes.push(`Large database generated in ${(large.summary.generateMs / 1000).toFixed(1)} s (+ ${(large.summary.migrateMs / 1000).toFixed(1)} s of migrations after the data).`);
  }
  const counts = (() => {
    const app = new Database(large.file, { readonly: true });
    const n = (table: string) => {
      try {
        return (app.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } catch {
        return 0;
      }
    };
    const out = { teams: n('teams'), meetings: n('meetings'), opinions: n('opinions'), consolidated: n('consolidated_opinions'), talks: n('talks'), materials: n('materials'), minutesEntries: n('minutes_entries'), rectificationItems: n('rectification_items'), searchDocs: n('search_docs') };
    app.close();
    return out;
  })();
  notes.push(
    `Large database: ${(fs.statSync(large.file).size / 1e6).toFixed(0)} MB, schema version ${latestVersion}; ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}.`,
  );

  await section('write', () => writePathRows(dir));
  await section('long', () => longMeetingRows(dir));

  const largeCopy = path.join(dir, 'large.sqlite');
  fs.copyFileSync(large.file, largeCopy);
  const app: BenchApp = await openBenchApp(largeCopy);
  const ids: LargeIds = largeIds(app);
  notes.push(`Working meeting of the large database: #${ids.meetingId} (the one with the most opinions); member #${ids.memberId}.`);
  await section('search', () => searchRows(app, ids));
  await section('lists', () => listRows(app, ids));
  await section('export', () => exportRows(dir, { app, ids }));
  await section('checks', () => checksRows(app, ids));
  await app.close();

  await section('parse', () => parseRows());
  await section('open', () => openRows(dir, large.file));
  await section('encryption', () => encryptionRows(dir, large.file));
  await section('startup', () => startupRows(dir, large.file, log));

  const outDir = path.join(dir, 'renderer');
  let built = false;
  const build = () => {
    if (!built) buildRenderer(outDir);
    built = true;
  };
  await section('bundle', () => {
    build();
    return bundleRows(outDir);
  });
  await section('browser', () => {
    build();
    return browserRows(dir, large.file, outDir);
  });
  await section('long-browser', () => {
    build();
    return longBrowserRows(dir, outDir);
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const total = (performance.now() - started) / 1000;
const header = `Benchmark ${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · Node ${process.version} · ${total.toFixed(0)} s`;
console.log(`\n${header}\n\n${textTable(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}`);
const misses = rows.filter((r) => r.verdict === 'miss' || r.verdict === 'error');
const noisy = rows.filter((r) => r.verdict === 'noisy');
const markdown = [
  '# Benchmark results',
  '',
  header,
  '',
  markdownTable(rows),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
  misses.length ? `Targets missed: ${misses.map((m) => `${m.group}: ${m.what}`).join('; ')}.` : noisy.length ? 'No target missed.' : 'Every target met.',
  ...(noisy.length ? [`Within the run's noise of their limit (rerun on a quiet machine): ${noisy.map((m) => `${m.group}: ${m.what}`).join('; ')}.`] : []),
  '',
].join('\n');
const results = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'latest.md'), markdown);
console.log(`\nwritten: ${path.relative(process.cwd(), path.join(results, 'latest.md'))}`);
