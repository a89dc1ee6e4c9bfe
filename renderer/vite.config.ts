import path from 'node:path';
import { defineConfig } from 'vite';
import { rendererPlugins } from './viteShared';

// Builds the renderer alone for the browser harness and e2e tests. JJ_OUT lets parallel builds use separate folders.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: rendererPlugins(),
  build: {
    outDir: path.resolve(import.meta.dirname, '..', process.env.JJ_OUT ?? 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
});
