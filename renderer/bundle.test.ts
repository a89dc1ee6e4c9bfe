import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Value imports of a module (type-only imports vanish from the bundle and are skipped). */
function valueImports(file: string): string[] {
  let code = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.vue')) code = [...code.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  const specs: string[] = [];
  for (const m of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const names = /^\{([^}]*)\}$/.exec(m[2].trim())?.[1];
    if (names !== undefined && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '))) continue;
    specs.push(m[3]);
  }
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specs.push(m[1]);
  for (const m of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]);
  return specs;
}

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, path.join(base, 'index.ts')]) if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  return null;
}

/**
 * zod and the channel schemas are for main (validation) and the types of both sides: the renderer uses the contract's
 * types only, and its vocabularies from zod-free modules (electron/common/<concept>/vocab.ts and the like). Walks the
 * renderer's value imports from main.ts and fails on a path that reaches zod, naming it.
 */
it('the renderer bundle loads neither zod nor the API contract', () => {
  const start = path.join(ROOT, 'renderer', 'src', 'main.ts');
  const parent = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  const offending: string[] = [];
  const chain = (file: string) => {
    const steps: string[] = [];
    for (let f: string | null | undefined = file; f; f = parent.get(f)) steps.unshift(path.relative(ROOT, f));
    return steps.join(' → ');
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const spec of valueImports(file)) {
      if (spec === 'zod' || spec.startsWith('zod/')) offending.push(`${chain(file)} → zod`);
      if (!spec.startsWith('.')) continue;
      const target = resolve(file, spec);
      if (!target || parent.has(target)) continue;
      parent.set(target, file);
      if (target.includes(`${path.sep}electron${path.sep}common${path.sep}api${path.sep}`)) offending.push(chain(target));
      queue.push(target);
    }
  }
  expect(parent.size).toBeGreaterThan(100);
  expect(offending).toEqual([]);
});
