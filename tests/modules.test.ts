import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeBreaches, importCycles, layerBreaches } from '../lint/layers';
import type { ImportEdge, SourceModule } from '../lint/imports';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('start-up does not depend on import order', () => {
  it('imports every Node-side module on its own, in a fresh module graph, without an initialisation error', () => {
    const out = execFileSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', '--import', 'tsx', 'tests/importEach.ts'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const { checked, failures } = JSON.parse(out) as { checked: number; failures: { file: string; error: string }[] };
    expect(failures).toEqual([]);
    // The handlers, documents, db, common, main's helpers, the demo and the harness: a few hundred files.
    expect(checked).toBeGreaterThan(200);
  }, 120_000);
});

const edge = (file: string, typeOnly = false): ImportEdge => ({ file, pkg: null, specifier: file, typeOnly, dynamic: false, line: 1 });
const pkg = (name: string): ImportEdge => ({ file: null, pkg: name, specifier: name, typeOnly: false, dynamic: false, line: 1 });

describe('the import lint (lint/layers.ts)', () => {
  it('finds a cycle of value imports, and ignores one closed only by a type import', () => {
    const modules: SourceModule[] = [
      { file: 'electron/handlers/a/index.ts', imports: [edge('electron/handlers/b/index.ts')] },
      { file: 'electron/handlers/b/index.ts', imports: [edge('electron/handlers/a/index.ts')] },
      { file: 'electron/handlers/c/index.ts', imports: [edge('electron/handlers/d/index.ts')] },
      { file: 'electron/handlers/d/index.ts', imports: [edge('electron/handlers/c/index.ts', true)] },
    ];
    expect(importCycles(modules)).toEqual([['electron/handlers/a/index.ts', 'electron/handlers/b/index.ts']]);
  });

  it('refuses the layer breaches ARCHITECTURE.md names', () => {
    const modules: SourceModule[] = [
      { file: 'electron/common/x.ts', imports: [edge('seeds/demo/index.ts'), edge('renderer/src/api/client.ts'), pkg('node:fs')] },
      { file: 'electron/documents/x.ts', imports: [edge('electron/handlers/files.ts')] },
      { file: 'electron/handlers/settings/index.ts', imports: [edge('seeds/demo/index.ts'), edge('electron/handlers/dispatch.ts'), edge('electron/handlers/compose.ts')] },
      { file: 'db/x.ts', imports: [edge('electron/common/result.ts'), pkg('electron')] },
      { file: 'renderer/src/x.ts', imports: [edge('electron/handlers/context.ts'), pkg('node:path')] },
    ];
    const found = layerBreaches(modules).map((b) => `${b.file} ${b.message.split(':')[0]}`);
    expect(found).toEqual([
      'electron/common/x.ts imports seeds/demo/index.ts',
      'electron/common/x.ts imports renderer/src/api/client.ts',
      'electron/common/x.ts imports node',
      'electron/documents/x.ts imports electron/handlers/files.ts',
      'electron/handlers/settings/index.ts imports seeds/demo/index.ts',
      'electron/handlers/settings/index.ts imports electron/handlers/compose.ts',
      'electron/handlers/settings/index.ts imports electron/handlers/dispatch.ts',
      'db/x.ts imports electron/common/result.ts',
      'db/x.ts imports electron',
      'renderer/src/x.ts imports electron/handlers/context.ts',
      'renderer/src/x.ts imports node',
    ]);
  });

  it('refuses a renderer file other than the typed client touching the bridge', () => {
    const files = [
      { file: 'renderer/src/api/client.ts', text: 'return window.jingjian.invoke(channel, input);' },
      { file: 'renderer/src/features/x/View.vue', text: '<script setup>\nconst r = await window.jingjian.invoke("teams.list", {});\n</script>' },
    ];
    expect(bridgeBreaches(files).map((b) => `${b.file}:${b.line}`)).toEqual(['renderer/src/features/x/View.vue:2']);
  });
});
