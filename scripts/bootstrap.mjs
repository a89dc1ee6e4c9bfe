#!/usr/bin/env node
// `npm start` and `npm test` from a fresh clone with whatever Node (18 or later) the machine has:
//   node scripts/bootstrap.mjs start [harness options]   |   node scripts/bootstrap.mjs test
// Fetches Node 24 into .node/ when the machine's Node is too old and re-runs itself with it, runs `npm ci` when
// node_modules does not match the lockfile, then builds and starts the harness, or installs the test tools and runs
// the test chain. Plain JavaScript with no dependencies, so that an old Node can run it. The decisions are in
// bootstrapPlan.mjs (pure, unit-tested); this file gathers the facts and carries the steps out.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { installedMatchesLock, nodeIsRecentEnough, nodePackageFor, planBootstrap } from './bootstrapPlan.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
const IS_WINDOWS = process.platform === 'win32';
/** Set in the re-run with the fetched Node, so that a fetched Node that is still too old fails instead of looping. */
const REEXEC_FLAG = 'JINGJIAN_BOOTSTRAPPED';

const say = (text) => console.log(`[jingjian] ${text}`);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function modulesState() {
  const hidden = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(hidden)) return 'missing';
  return installedMatchesLock(readJson(path.join(ROOT, 'package-lock.json')), readJson(hidden)) ? 'current' : 'stale';
}

/** Newest modification time under the given paths (files or folders), skipping nothing: they are small. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let info;
    try {
      info = statSync(p);
    } catch {
      return;
    }
    if (info.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const p of paths) visit(path.join(ROOT, p));
  return newest;
}

function rendererFresh() {
  const built = path.join(ROOT, 'out', 'renderer', 'index.html');
  if (!existsSync(built)) return false;
  const sources = newestMtime(['renderer', 'electron/common', 'package-lock.json', 'package.json', 'tsconfig.base.json', 'tsconfig.web.json']);
  return statSync(built).mtimeMs > sources;
}

function onPath(command) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const names = IS_WINDOWS ? [`${command}.exe`, `${command}.cmd`] : [command];
  return dirs.some((dir) => names.some((name) => existsSync(path.join(dir, name))));
}

function hasCjkFonts() {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

function testTools() {
  return {
    chromium: existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
    cjkFonts: hasCjkFonts(),
    soffice: onPath('soffice'),
    pdftotext: onPath('pdftotext'),
  };
}

function gatherFacts(command, args) {
  const pkg = nodePackageFor(process.platform, process.arch);
  const facts = {
    command,
    args,
    nodeVersion: process.version,
    platform: process.platform,
    arch: process.arch,
    reexecuted: process.env[REEXEC_FLAG] === '1',
    modules: modulesState(),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasApt: onPath('apt-get'),
    fetchedNode: pkg !== null && existsSync(path.join(ROOT, pkg.binary)),
  };
  if (nodeIsRecentEnough(facts.nodeVersion)) {
    if (command === 'start') facts.rendererFresh = rendererFresh();
    else facts.tools = testTools();
  }
  return facts;
}

// Ctrl+C reaches the whole process group, children included: wait for them to finish rather than dying first.
process.on('SIGINT', () => {});

/** The child running now, so that it can be stopped when this process is told to stop or loses its parent. */
let current = null;
// npm runs this script through `sh -c`, which dies on SIGTERM without passing it on: when the parent goes away, stop
// the child (the harness closes its database cleanly on SIGTERM) instead of leaving it running as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && current) current.kill('SIGTERM');
}, 500).unref();

/** Runs a command with inherited output; resolves with its exit code. SIGTERM is passed on to it. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: IS_WINDOWS && command === 'npm', ...options });
    current = child;
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      say(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      current = null;
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

/** Runs a command quietly; its output is shown only when it fails. */
function runQuiet(command, args, env) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env, shell: IS_WINDOWS && command === 'npm', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    if (result.error) say(`could not run ${command}: ${result.error.message}`);
  }
  return result.status ?? 1;
}

async function carryOut(steps, facts) {
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  // With no locale at all (a bare `env -i`, some service managers), Chromium cannot take a file whose name is Chinese
  // (an upload of 孙丽娟对照检查材料.docx times out) and tools print '?'. A UTF-8 locale that every Linux has is given.
  if (!IS_WINDOWS && !env.LC_ALL && !env.LC_CTYPE && !env.LANG) env.LANG = 'C.UTF-8';
  const total = steps.filter((s) => s.do !== 'note').length;
  let n = 0;
  for (const step of steps) {
    if (step.do === 'note') {
      say(step.text);
      continue;
    }
    if (step.do === 'fail') {
      console.error(`[jingjian] ${step.text}`);
      return 1;
    }
    n += 1;
    if (step.text) say(`(${n}/${total}) ${step.text}`);
    const started = Date.now();
    let code;
    switch (step.do) {
      case 'fetch-node':
        code = runQuiet('npm', ['install', '--prefix', step.prefix, '--no-audit', '--no-fund', '--no-package-lock', step.spec], env);
        break;
      case 'reexec': {
        const node = path.join(ROOT, step.node);
        if (!existsSync(node)) {
          console.error(`[jingjian] The fetched Node is not at ${step.node}; delete ${path.dirname(path.dirname(step.node))} and run again.`);
          return 1;
        }
        const bin = path.dirname(node);
        return run(node, [SELF, facts.command, ...facts.args], {
          env: { ...env, [REEXEC_FLAG]: '1', PATH: `${bin}${path.delimiter}${env.PATH ?? ''}`, NODE: node, npm_node_execpath: node },
        });
      }
      case 'npm-ci':
        code = await run('npm', ['ci', '--no-audit', '--no-fund'], { env });
        break;
      case 'build-renderer':
        code = runQuiet('npm', ['run', '--silent', 'build:renderer'], env);
        break;
      case 'apt-install': {
        const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
        code = await run('apt-get', ['update', '-qq'], { env: aptEnv });
        if (code === 0) code = await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...step.packages], { env: aptEnv });
        break;
      }
      case 'run':
        code = await run('npm', ['run', step.script], { env });
        break;
      case 'serve':
        // Directly, not through `npm run serve`: no shell in between, so SIGTERM reaches the harness.
        return run(process.execPath, ['--import', 'tsx', path.join('harness', 'cli.ts'), ...step.args], { env });
      default:
        console.error(`[jingjian] unknown step ${step.do}`);
        return 1;
    }
    if (code !== 0) {
      console.error(`[jingjian] ${step.text ?? step.do} failed (exit ${code}).`);
      if (step.do === 'fetch-node') console.error(`[jingjian] ${step.failure}`);
      return code;
    }
    if (step.do !== 'run') say(`    done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return 0;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'start' && command !== 'test') {
    console.error('usage: node scripts/bootstrap.mjs start [--port N] [--db FILE] [--exports DIR] | test');
    return 2;
  }
  const facts = gatherFacts(command, args);
  return carryOut(planBootstrap(facts), facts);
}

process.exitCode = await main();
