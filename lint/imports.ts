/*
 * The import graph of the whole project, read with the TypeScript parser (no type checking, so it takes a second):
 * every relative import resolved to a file, every bare one kept as a package name. `lint/layers.ts` checks it for
 * cycles and layer breaches; `tests/modules.test.ts` uses the file list.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Folders holding project source; everything under them is read. */
const SOURCE_DIRS = ['electron', 'db', 'seeds', 'harness', 'tests', 'bench', 'renderer/src', 'e2e', 'build', 'scripts', 'lint'];
const SKIP_DIRS = new Set(['node_modules', 'out', 'fixtures', 'results', '.e2e-artifacts']);

export interface ImportEdge {
  /** Project-relative path of the imported file, or null for a package. */
  file: string | null;
  /** The package name (`vue`, `node:fs`, `@element-plus/icons-vue`) when `file` is null. */
  pkg: string | null;
  specifier: string;
  /** Erased at build time (`import type`, or every named binding marked `type`): cannot run anything. */
  typeOnly: boolean;
  /** `import()` at run time: loaded after start-up, so it cannot take part in an initialisation cycle. */
  dynamic: boolean;
  line: number;
}

export interface SourceModule {
  file: string;
  imports: ImportEdge[];
}

export function listSourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(rel);
      } else if (/\.(ts|vue)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push(rel);
      }
    }
  };
  for (const dir of SOURCE_DIRS) if (fs.existsSync(path.join(ROOT, dir))) walk(dir);
  return out.sort();
}

/** The `<script>` blocks of a single-file component, with line breaks kept so line numbers stay right. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.vue')) return text;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = match.index + match[0].indexOf('>') + 1;
    out += text.slice(last, start).replace(/[^\n]/g, ' ') + match[1];
    last = start + match[1].length;
  }
  return out;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

const EXTENSIONS = ['', '.ts', '.vue', '/index.ts', '.d.ts'];

function resolve(from: string, specifier: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier.replace(/\.js$/, '')));
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  // A relative import of a non-source file (bridge.js, a .json): a leaf, still a file of the project.
  return base;
}

function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export function readModule(file: string): SourceModule {
  const text = scriptOf(file, fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: ImportEdge[] = [];
  const add = (specifier: string, node: ts.Node, typeOnly: boolean, dynamic: boolean) => {
    const relative = specifier.startsWith('.');
    imports.push({
      file: relative ? resolve(file, specifier) : null,
      pkg: relative ? null : packageName(specifier),
      specifier,
      typeOnly,
      dynamic,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, isTypeOnlyImport(node), false);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node, isTypeOnlyExport(node), false);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) add(arg.text, node, false, true);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, node, true, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, imports };
}

export function readProject(): SourceModule[] {
  return listSourceFiles().map(readModule);
}
