/*
 * Imports every Node-side module of the app on its own, each in a fresh module graph, and reports any that fail
 * while initialising (an import cycle entered from the "wrong" file leaves a binding in its temporal dead zone:
 * `ReferenceError: Cannot access 'x' before initialization`). Run by tests/modules.test.ts as
 * `node --experimental-vm-modules --import tsx tests/importEach.ts`: one process, real ES module semantics through
 * node:vm, so the check takes seconds instead of one process per module.
 * Prints a JSON { checked, failures: [{ file, error }] } on stdout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { listSourceFiles, ROOT } from '../lint/imports';

/** Node-side production code: what Electron main, the harness and the tests load. */
const INCLUDED = /^(db|electron\/(common|documents|handlers|main)|seeds\/demo|harness)\//;
/** Entry scripts that start something when imported (the Electron app, a server), not libraries. */
const ENTRY_SCRIPTS = new Set(['electron/main/index.ts', 'harness/cli.ts']);

export function modulesToCheck(): string[] {
  return listSourceFiles().filter((f) => f.endsWith('.ts') && INCLUDED.test(f) && !f.endsWith('.test.ts') && !ENTRY_SCRIPTS.has(f));
}

const EXTENSIONS = ['', '.ts', '/index.ts'];
function resolveRelative(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier.replace(/\.js$/, ''));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${specifier} from ${fromFile}`);
}

const compiled = new Map<string, string>();
function javascriptOf(file: string): string {
  let code = compiled.get(file);
  if (code === undefined) {
    const source = fs.readFileSync(file, 'utf8');
    // Same elision as the build: imports used only as types disappear.
    code = ts.transpileModule(source, { fileName: file, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: false, isolatedModules: true } }).outputText;
    compiled.set(file, code);
  }
  return code;
}

/** Packages and Node built-ins are loaded once, for real, and shared by every graph. */
const packages = new Map<string, Promise<vm.Module>>();
function packageModule(specifier: string): Promise<vm.Module> {
  let module = packages.get(specifier);
  if (!module) {
    module = (async () => {
      const ns = (await import(specifier)) as Record<string, unknown>;
      const names = Object.keys(ns);
      const synthetic = new vm.SyntheticModule(names, function (this: vm.SyntheticModule) {
        for (const name of names) this.setExport(name, ns[name]);
      });
      await synthetic.link(() => {
        throw new Error('synthetic modules have no imports');
      });
      await synthetic.evaluate();
      return synthetic;
    })();
    packages.set(specifier, module);
  }
  return module;
}

/** A fresh graph: every project file is a new module record, so nothing initialised by an earlier entry helps. */
function freshGraph() {
  const records = new Map<string, vm.SourceTextModule>();
  const load = (file: string): vm.SourceTextModule => {
    let record = records.get(file);
    if (!record) {
      record = new vm.SourceTextModule(javascriptOf(file), {
        identifier: pathToFileURL(file).href,
        initializeImportMeta(meta) {
          Object.assign(meta, { url: pathToFileURL(file).href, filename: file, dirname: path.dirname(file), resolve: (s: string) => pathToFileURL(resolveRelative(file, s)).href });
        },
        importModuleDynamically: (async (specifier: string) => {
          const target = await link(file, specifier);
          if (target.status === 'unlinked') await target.link(linker);
          if (target.status === 'linked') await target.evaluate();
          return target;
        }) as unknown as vm.SourceTextModuleOptions['importModuleDynamically'],
      });
      records.set(file, record);
    }
    return record;
  };
  const link = async (fromFile: string, specifier: string): Promise<vm.Module> =>
    specifier.startsWith('.') ? load(resolveRelative(fromFile, specifier)) : packageModule(specifier);
  const linker: vm.ModuleLinker = (specifier, referencing) => link(fileOf(referencing.identifier), specifier);
  return {
    async importOnItsOwn(file: string): Promise<void> {
      const entry = load(file);
      await entry.link(linker);
      await entry.evaluate();
    },
  };
}

const fileOf = (identifier: string) => new URL(identifier).pathname;

async function main(): Promise<void> {
  const files = modulesToCheck();
  const failures: { file: string; error: string }[] = [];
  for (const file of files) {
    try {
      await freshGraph().importOnItsOwn(path.join(ROOT, file));
    } catch (error) {
      failures.push({ file, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  process.stdout.write(JSON.stringify({ checked: files.length, failures }));
}

await main();
