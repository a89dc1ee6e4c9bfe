import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnpacked, runtimeImports, type PackageReport } from './packageSize';

const ROOT = path.resolve(import.meta.dirname, '..');

interface LockEntry {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The packages a set of packages needs at run time, through their production dependencies in the lockfile. */
function closure(names: string[]): Set<string> {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const entry = lock.packages[`node_modules/${name}`];
    for (const dep of Object.keys({ ...entry?.dependencies, ...entry?.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return seen;
}

const isNative = (name: string) => {
  const dir = path.join(ROOT, 'node_modules', name);
  const walk = (d: string): boolean => fs.readdirSync(d, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.node')));
  return fs.existsSync(path.join(dir, 'binding.gyp')) || walk(dir);
};

/**
 * The unpacked package as `npm run dist` builds it (electron-vite, then electron-builder --dir with
 * build/electron-builder.yml), against a stand-in Electron binary. Slow (about a minute): it really builds and packs.
 */
describe('what the installer carries', () => {
  let report: PackageReport;
  let mainNeeds: string[];
  beforeAll(() => {
    report = buildUnpacked({ build: true });
    mainNeeds = runtimeImports(path.join(ROOT, 'out', 'main', 'index.js')).filter((m) => m !== 'electron');
  }, 600_000);
  afterAll(() => {
    if (report) fs.rmSync(path.dirname(path.dirname(report.appDir)), { recursive: true, force: true });
  });

  it('main bundles every library except native modules, and package.json depends on exactly those', () => {
    expect(mainNeeds.length).toBeGreaterThan(0);
    for (const name of mainNeeds) expect(isNative(name), `${name} is loaded by main at run time but is not native: bundle it`).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(mainNeeds);
  });

  it('packs no module main does not need, and every one it does', () => {
    const allowed = closure(mainNeeds);
    const packed = report.modules.map((m) => m.name);
    expect(packed.filter((name) => !allowed.has(name))).toEqual([]);
    for (const name of mainNeeds) expect(packed).toContain(name);
    expect([...new Set(report.entries.map((e) => e.path.split('/')[0]))].sort()).toEqual(['node_modules', 'out', 'package.json']);
  });

  it('keeps the SQLite binary for the platform outside the asar, and only that one', () => {
    const binary = 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node';
    expect(report.entries.find((e) => e.path === binary)).toMatchObject({ unpacked: true });
    const unpacked = path.join(report.appDir, 'resources', 'app.asar.unpacked', binary);
    expect(fs.statSync(unpacked).size).toBe(fs.statSync(path.join(ROOT, binary)).size);
    expect(report.entries.filter((e) => e.path.endsWith('.node')).map((e) => e.path)).toEqual([binary]);
    expect(report.entries.filter((e) => e.unpacked && !e.path.startsWith('node_modules/better-sqlite3-multiple-ciphers/'))).toEqual([]);
  });

  it('carries the built app and sets the fuses of build/electron-builder.yml', () => {
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(report.entries.some((e) => e.path === file), file).toBe(true);
    expect(report.fuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true, enableEmbeddedAsarIntegrityValidation: true, enableCookieEncryption: true, grantFileProtocolExtraPrivileges: false });
  });
});
