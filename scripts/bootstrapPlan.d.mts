// Types of bootstrapPlan.mjs (plain JavaScript so that an old Node can run it), for the TypeScript tests.

export const MIN_NODE: [number, number];
export const FETCHED_NODE_MAJOR: number;
export const NODE_DIR: string;
export const TEST_SCRIPTS: string[];

export interface TestTools {
  chromium: boolean;
  cjkFonts: boolean;
  soffice: boolean;
  pdftotext: boolean;
}

export const TEST_TOOLS: { key: keyof TestTools; label: string; packages: string[] }[];

export interface BootstrapFacts {
  command: 'start' | 'test';
  args: string[];
  nodeVersion: string;
  platform: string;
  arch: string;
  reexecuted: boolean;
  fetchedNode: boolean;
  modules: 'missing' | 'stale' | 'current';
  rendererFresh?: boolean;
  tools?: TestTools;
  isRoot: boolean;
  hasApt: boolean;
}

export interface BootstrapStep {
  do: 'fetch-node' | 'reexec' | 'npm-ci' | 'build-renderer' | 'apt-install' | 'run' | 'serve' | 'note' | 'fail';
  text?: string;
  spec?: string;
  /** fetch-node: the one line shown when the fetch fails. */
  failure?: string;
  prefix?: string;
  node?: string;
  packages?: string[];
  script?: string;
  args?: string[];
}

interface Lockfile {
  packages?: Record<string, { name?: string; version?: string; optional?: boolean }>;
}

export function nodeIsRecentEnough(version: string): boolean;
export function nodePackageFor(platform: string, arch: string): { name: string; spec: string; binary: string } | null;
export function installedMatchesLock(lock: Lockfile | null, hidden: Lockfile | null): boolean;
export function planBootstrap(facts: BootstrapFacts): BootstrapStep[];
