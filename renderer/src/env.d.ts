/// <reference types="vite/client" />
import type { Bridge } from '../../electron/common/bridge';

declare global {
  interface Window {
    jingjian: Bridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
export {};
