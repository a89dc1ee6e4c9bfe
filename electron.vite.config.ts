import path from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererPlugins } from './renderer/viteShared';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: path.resolve(import.meta.dirname, 'electron/main/index.ts') }, external: ['better-sqlite3-multiple-ciphers', 'electron'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: path.resolve(import.meta.dirname, 'electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: path.resolve(import.meta.dirname, 'renderer'),
    plugins: rendererPlugins(),
    build: {
      outDir: 'out/renderer',
      target: 'chrome130',
      rollupOptions: { input: path.resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
