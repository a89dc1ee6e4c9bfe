import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import type { PluginOption } from 'vite';

/** Plugins shared by the Electron build (electron.vite.config.ts) and the browser-harness build (renderer/vite.config.ts). */
export function rendererPlugins(): PluginOption[] {
  return [
    vue(),
    // Element Plus components and their styles are imported on demand: only what the screens use is bundled.
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ];
}
