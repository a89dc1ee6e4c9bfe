/*
 * `npm run lint` (after eslint): no import cycles, and every layer rule docs/ARCHITECTURE.md states.
 * Exit code 1 with one line per breach. Run alone: `npx tsx lint/layers.ts`.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { readProject, ROOT, type ImportEdge, type SourceModule } from './imports';

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const UI_PACKAGES = ['vue', 'pinia', 'element-plus', '@element-plus/icons-vue', 'vue-router', 'vue-i18n'];
const BACKEND_PACKAGES = ['better-sqlite3-multiple-ciphers', 'kysely'];

/** The feature folders under electron/handlers: each a concept with its `index.ts` handler map. */
const HANDLER_ROOT = 'electron/handlers/';

const isTest = (file: string) => /\.test\.ts$/.test(file);
/** Test support beside the handlers (openTestApp, openDemoApp): may load the demo like a test. */
const TEST_SUPPORT = new Set(['electron/handlers/testing.ts']);

export interface Rule {
  /** Files the rule applies to (path prefix or exact file). */
  from: (file: string) => boolean;
  /** The target (project file, or null with the package name) it forbids. */
  forbids: (edge: ImportEdge) => boolean;
  why: string;
}

const under =
  (...prefixes: string[]) =>
  (file: string) =>
    prefixes.some((p) => file.startsWith(p));
const importsFile =
  (...prefixes: string[]) =>
  (edge: ImportEdge) =>
    edge.file !== null && prefixes.some((p) => edge.file!.startsWith(p));
const importsPackage =
  (...names: string[]) =>
  (edge: ImportEdge) =>
    edge.pkg !== null && names.includes(edge.pkg);
const importsNode = (edge: ImportEdge) => edge.pkg !== null && NODE.has(edge.pkg);
const either =
  (...tests: ((edge: ImportEdge) => boolean)[]) =>
  (edge: ImportEdge) =>
    tests.some((t) => t(edge));
const not =
  (test: (file: string) => boolean) =>
  (file: string) =>
    !test(file);
const both =
  (...tests: ((file: string) => boolean)[]) =>
  (file: string) =>
    tests.every((t) => t(file));

/** A feature folder's file (electron/handlers/<feature>/…), not the root-level plumbing. */
const inFeature = (file: string) => file.startsWith(HANDLER_ROOT) && file.slice(HANDLER_ROOT.length).includes('/');

/** The layer rules of docs/ARCHITECTURE.md, one per line there. */
export const RULES: Rule[] = [
  {
    from: under('db/'),
    forbids: either(importsFile('electron/', 'renderer/', 'seeds/', 'harness/', 'tests/', 'bench/', 'e2e/'), importsPackage('electron', ...UI_PACKAGES)),
    why: 'db/ knows nothing of Electron, Vue or the app layers above it',
  },
  {
    from: both(under('electron/common/'), not(isTest)),
    forbids: either(importsFile('electron/handlers/', 'electron/main/', 'electron/preload/', 'electron/documents/', 'db/', 'seeds/', 'renderer/', 'harness/', 'tests/', 'bench/', 'e2e/'), importsNode, importsPackage('electron', ...UI_PACKAGES, ...BACKEND_PACKAGES)),
    why: 'electron/common/ runs in every process: no Node, Electron, Vue, backend, seeds or renderer imports',
  },
  {
    from: under('electron/documents/'),
    forbids: either(importsFile('electron/handlers/', 'electron/main/', 'electron/preload/', 'seeds/', 'renderer/', 'harness/', 'tests/', 'bench/', 'e2e/'), importsPackage('electron', ...UI_PACKAGES)),
    why: 'documents/ (Word, Excel, readers) sits below the handlers and knows no Electron or Vue',
  },
  {
    from: under('electron/documents/workbook/', 'electron/documents/gbt9704/'),
    forbids: importsFile('electron/documents/readers/'),
    why: 'documents/ has one read side (readers/) and write sides (gbt9704/, workbook/) that never read files',
  },
  {
    from: under(HANDLER_ROOT),
    forbids: either(importsFile('electron/main/', 'electron/preload/', 'renderer/', 'harness/', 'bench/', 'e2e/'), importsPackage('electron', ...UI_PACKAGES)),
    why: 'handlers run in plain Node (tests, harness): no Electron, Vue or the processes above them',
  },
  {
    from: both(under(HANDLER_ROOT), not(isTest), (f) => !TEST_SUPPORT.has(f)),
    forbids: importsFile('seeds/'),
    why: 'handlers never import seeds/: loading the demo is a capability the host passes in (ContextOptions.loadDemo)',
  },
  {
    from: both(inFeature, not(isTest)),
    // Test support beside a feature (a scenario builder used by its tests) may name the TestApp type.
    forbids: (edge) => importsFile('electron/handlers/compose.ts')(edge) || (importsFile('electron/handlers/testing.ts')(edge) && !edge.typeOnly),
    why: 'feature folders import only downward: electron/handlers/compose.ts alone imports every feature',
  },
  {
    from: both(inFeature, not(isTest)),
    forbids: importsFile('electron/handlers/dispatch.ts'),
    why: 'a handler is a function of (ctx, input); only the host and the composition root call dispatch',
  },
  {
    from: both(under(HANDLER_ROOT), not(isTest)),
    forbids: importsFile('electron/host/'),
    why: 'the host (electron/host) sits above the handlers: it holds them, they never reach up to it',
  },
  {
    from: under('electron/host/'),
    forbids: either(importsFile('electron/main/', 'electron/preload/', 'renderer/', 'harness/', 'seeds/', 'bench/', 'e2e/'), importsPackage('electron', ...UI_PACKAGES)),
    why: 'the host runs in plain Node (Electron main and the harness hold it): no Electron, Vue or seeds (the demo is passed in)',
  },
  {
    from: under('electron/preload/'),
    forbids: either(importsFile('electron/handlers/', 'electron/main/', 'electron/documents/', 'db/', 'seeds/', 'renderer/', 'harness/'), importsPackage(...UI_PACKAGES, ...BACKEND_PACKAGES)),
    why: 'the preload script is the bridge only: electron and electron/common',
  },
  {
    from: under('seeds/demo/'),
    forbids: importsFile('electron/handlers/', 'electron/main/', 'electron/documents/', 'db/', 'renderer/', 'harness/'),
    why: 'the demo goes through the channels (electron/common contract) only, never the handlers or the tables',
  },
  {
    from: both(under('renderer/src/'), not(isTest)),
    forbids: either(importsFile('electron/handlers/', 'electron/main/', 'electron/preload/', 'electron/documents/', 'db/', 'seeds/', 'harness/', 'tests/', 'bench/', 'e2e/'), importsNode, importsPackage('electron', ...BACKEND_PACKAGES)),
    why: 'the renderer imports only electron/common (the contract) and browser code',
  },
  {
    from: under('harness/'),
    forbids: either(importsFile('electron/main/', 'electron/preload/', 'renderer/', 'bench/', 'e2e/'), importsPackage('electron', ...UI_PACKAGES)),
    why: 'the browser harness is a plain Node server over the handlers',
  },
  {
    from: both(under('electron/', 'db/', 'seeds/', 'harness/', 'renderer/'), not(isTest)),
    forbids: importsFile('tests/', 'bench/', 'e2e/', 'lint/'),
    why: 'production code never imports tests, benchmarks or tools (tests beside it may use the kits in tests/)',
  },
];

export interface Breach {
  file: string;
  line: number;
  message: string;
}

export function layerBreaches(modules: SourceModule[], rules: Rule[] = RULES): Breach[] {
  const out: Breach[] = [];
  for (const m of modules) {
    for (const rule of rules) {
      if (!rule.from(m.file)) continue;
      for (const edge of m.imports) {
        if (rule.forbids(edge)) out.push({ file: m.file, line: edge.line, message: `imports ${edge.specifier}: ${rule.why}` });
      }
    }
  }
  return out;
}

/** The renderer reaches the bridge only through its typed client: no other file touches `window.jingjian`. */
const BRIDGE_CLIENT = 'renderer/src/api/client.ts';
export function bridgeBreaches(files: { file: string; text: string }[]): Breach[] {
  return files
    .filter(({ file }) => file.startsWith('renderer/src/') && file !== BRIDGE_CLIENT && !isTest(file))
    .flatMap(({ file, text }) =>
      text.split('\n').flatMap((line, i) => (/\bwindow\.jingjian\b/.test(line) ? [{ file, line: i + 1, message: `uses window.jingjian: the renderer calls the backend only through ${BRIDGE_CLIENT}` }] : [])),
    );
}

/**
 * Import cycles among value imports (Tarjan's strongly connected components). Type-only imports are erased and
 * `import()` runs after start-up, so neither can leave a binding uninitialised; every other cycle can.
 */
export function importCycles(modules: SourceModule[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const m of modules) {
    graph.set(
      m.file,
      m.imports.filter((e) => e.file && !e.typeOnly && !e.dynamic).map((e) => e.file!),
    );
  }
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return components;
}

/** One concrete loop inside a component, for the message: a → b → … → a. */
export function exampleLoop(modules: SourceModule[], component: string[]): string[] {
  const inside = new Set(component);
  const next = new Map(modules.filter((m) => inside.has(m.file)).map((m) => [m.file, m.imports.filter((e) => e.file && inside.has(e.file) && !e.typeOnly && !e.dynamic).map((e) => e.file!)]));
  const start = component[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next.get(v) ?? []) {
      if (w === start) {
        const path = [v];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

function main(): void {
  const modules = readProject();
  const problems: string[] = [];
  for (const component of importCycles(modules)) {
    problems.push(`import cycle of ${component.length} files: ${exampleLoop(modules, component).join(' → ')}`);
  }
  const texts = modules.map((m) => ({ file: m.file, text: fs.readFileSync(path.join(ROOT, m.file), 'utf8') }));
  for (const b of [...layerBreaches(modules), ...bridgeBreaches(texts)]) problems.push(`${b.file}:${b.line} ${b.message}`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`\n${problems.length} import problem(s) in ${modules.length} files (lint/layers.ts)`);
    process.exit(1);
  }
  console.log(`imports: ${modules.length} files, no cycles, layers kept`);
}

if (process.argv[1] && import.meta.filename === fs.realpathSync(process.argv[1])) main();
