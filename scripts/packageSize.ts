/*
 * What the installer carries: `npm run package:size`.
 * Builds the app (electron-vite) and the unpacked package (electron-builder --dir, build/electron-builder.yml) against a
 * stand-in Electron distribution — a placeholder binary carrying Electron's fuse wire, because the real Electron
 * cannot be downloaded on the build machines — then lists the app.asar, its size, the modules unpacked beside it and
 * the fuses as electron-builder set them. Everything except the Electron binary itself is what `npm run dist` packs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** @electron/fuses looks for this sentinel, then a version byte, the wire length and one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order of wire version 1 (@electron/fuses FuseV1Options). */
export const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'] as const;
/** Electron's defaults for those fuses ('1' on, '0' off), as in a real binary before electron-builder flips them. */
const DEFAULT_WIRE = '10110001';

export interface AsarEntry {
  path: string;
  size: number;
  unpacked: boolean;
}

export interface PackageReport {
  appDir: string;
  asarBytes: number;
  entries: AsarEntry[];
  /** Top-level packages under node_modules in the asar, with the bytes of their files (packed and unpacked). */
  modules: { name: string; bytes: number; files: number }[];
  /** Files in app.asar.unpacked, relative to it, with their size. */
  unpacked: { path: string; bytes: number }[];
  fuses: Record<(typeof FUSES)[number], boolean>;
}

interface AsarNode {
  files?: Record<string, AsarNode>;
  size?: number;
  unpacked?: boolean;
  link?: string;
}

/** Reads the header of an asar archive (Chromium pickle: sizes, then the JSON index of every file). */
export function readAsar(file: string): AsarEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    const jsonLength = head.readUInt32LE(12);
    const json = Buffer.alloc(jsonLength);
    fs.readSync(fd, json, 0, jsonLength, 16);
    const entries: AsarEntry[] = [];
    const walk = (node: AsarNode, prefix: string) => {
      for (const [name, child] of Object.entries(node.files ?? {})) {
        const p = prefix ? `${prefix}/${name}` : name;
        if (child.files) walk(child, p);
        else if (child.link === undefined) entries.push({ path: p, size: Number(child.size ?? 0), unpacked: child.unpacked === true });
      }
    };
    walk(JSON.parse(json.toString('utf8')) as AsarNode, '');
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** A placeholder "Electron" for electron-builder: a script that only says what it is, with a default fuse wire. */
function standInElectron(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const body = `#!/bin/sh\necho "stand-in Electron for packaging measurements"\nexit 1\n# ${FUSE_SENTINEL}\x01${String.fromCharCode(DEFAULT_WIRE.length)}${DEFAULT_WIRE}\n`;
  fs.writeFileSync(path.join(dir, 'electron'), body, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), readElectronVersion());
}

function readElectronVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

function readFuses(binary: string): PackageReport['fuses'] {
  const bytes = fs.readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1];
  return Object.fromEntries(FUSES.map((name, i) => [name, i < length && bytes[at + 2 + i] === 0x31])) as PackageReport['fuses'];
}

function runNode(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (result.status !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

function filesUnder(dir: string, prefix = ''): { path: string; bytes: number }[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    return d.isDirectory() ? filesUnder(path.join(dir, d.name), rel) : [{ path: rel, bytes: fs.statSync(path.join(dir, d.name)).size }];
  });
}

/** The package a node_modules path belongs to ("node_modules/@scope/name/…" → "@scope/name"), or null. */
export function moduleOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] !== 'node_modules') return null;
  return parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1];
}

/** Builds (unless `build` is false: then out/ must hold a fresh `npm run build`) and packs into a temporary folder. */
export function buildUnpacked(options: { build?: boolean; outDir?: string } = {}): PackageReport {
  if (options.build !== false) runNode(path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), ['build']);
  const work = options.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jj-package-'));
  const electronDist = path.join(work, 'electron-dist');
  standInElectron(electronDist);
  runNode(path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), [
    '--dir', '--linux', '--x64',
    '--config', 'build/electron-builder.yml',
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${readElectronVersion()}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${path.join(work, 'dist')}`,
  ]);
  const appDir = path.join(work, 'dist', 'linux-unpacked');
  const asar = path.join(appDir, 'resources', 'app.asar');
  const entries = readAsar(asar);
  const unpacked = filesUnder(path.join(appDir, 'resources', 'app.asar.unpacked'));
  const modules = new Map<string, { bytes: number; files: number }>();
  for (const entry of entries) {
    const name = moduleOf(entry.path);
    if (!name) continue;
    const m = modules.get(name) ?? { bytes: 0, files: 0 };
    m.bytes += entry.size;
    m.files += 1;
    modules.set(name, m);
  }
  const executable = fs.readdirSync(appDir).find((f) => fs.statSync(path.join(appDir, f)).isFile() && !/\.(so|pak|bin|dat|json)$/.test(f) && f !== 'version')!;
  return {
    appDir,
    asarBytes: fs.statSync(asar).size,
    entries,
    modules: [...modules].map(([name, m]) => ({ name, ...m })).sort((a, b) => b.bytes - a.bytes),
    unpacked,
    fuses: readFuses(path.join(appDir, executable)),
  };
}

/**
 * Bare module names the main bundle loads at run time (not Node built-ins): what the package must carry for it. The
 * bundler hoists external imports to the top of the file as `import … from "x"` lines and loads CommonJS externals
 * through `__require("x")`; comments inside bundled libraries (which mention imaginary modules) are not matched.
 */
export function runtimeImports(bundle: string): string[] {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const code = fs.readFileSync(bundle, 'utf8');
  const specs = [
    ...[...code.matchAll(/^import\s[^;\n]*?from\s*"([^"]+)";?$/gm)].map((m) => m[1]),
    ...[...code.matchAll(/^import\s*"([^"]+)";?$/gm)].map((m) => m[1]),
    ...[...code.matchAll(/\b__require\("([^"]+)"\)/g)].map((m) => m[1]),
    ...[...code.matchAll(/[^.\w]import\("([^"]+)"\)/g)].map((m) => m[1]),
  ];
  const found = new Set<string>();
  for (const spec of specs) {
    if (builtins.has(spec) || spec.startsWith('node:') || spec.startsWith('.')) continue;
    found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return [...found].sort();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function formatReport(report: PackageReport, mainImports: string[]): string {
  const packed = report.entries.filter((e) => !e.unpacked);
  const unpackedBytes = report.unpacked.reduce((sum, u) => sum + u.bytes, 0);
  const lines = [
    `app.asar: ${mb(report.asarBytes)} (${packed.length} files); beside it in app.asar.unpacked: ${mb(unpackedBytes)} (${report.unpacked.length} files)`,
    `main bundle loads at run time: ${mainImports.join(', ') || '(nothing but Node built-ins)'}`,
    'inside app.asar:',
    ...[...new Set(packed.map((e) => e.path.split('/')[0]))].map((top) => {
      const inTop = packed.filter((e) => e.path === top || e.path.startsWith(`${top}/`));
      return `  ${top.padEnd(36)} ${mb(inTop.reduce((s, e) => s + e.size, 0)).padStart(10)}  ${inTop.length} files`;
    }),
    'node_modules in the package (packed and unpacked):',
    ...report.modules.map((m) => `  ${m.name.padEnd(36)} ${mb(m.bytes).padStart(10)}  ${m.files} files`),
    'native binaries (unpacked):',
    ...report.unpacked.filter((u) => u.path.endsWith('.node')).map((u) => `  ${u.path}  ${mb(u.bytes)}`),
    `fuses: ${FUSES.map((f) => `${f}=${report.fuses[f] ? 'on' : 'off'}`).join(' ')}`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const report = buildUnpacked({ build: !process.argv.includes('--no-build') });
  console.log(formatReport(report, runtimeImports(path.join(ROOT, 'out', 'main', 'index.js'))));
  fs.rmSync(path.dirname(path.dirname(report.appDir)), { recursive: true, force: true });
}
