import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../electron.vite.config';

/** The window loads the preload by a fixed file name; the build must produce exactly that file. */
describe('electron-vite build config', () => {
  it('emits the preload as CommonJS (sandboxed preloads cannot be ES modules) where the window looks for it', () => {
    const preload = (config as { preload?: { build?: { outDir?: string; rollupOptions?: { output?: { format?: string } } } } }).preload;
    expect(preload?.build?.outDir).toBe('out/preload');
    expect(preload?.build?.rollupOptions?.output?.format).toBe('cjs');
    const window = fs.readFileSync(path.resolve('electron/main/window.ts'), 'utf8');
    expect(window).toContain("'index.cjs'");
    const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8')) as { type?: string };
    // With "type": "module", a CommonJS bundle must end in .cjs to load.
    expect(pkg.type).toBe('module');
  });
});
