import type { Bridge } from '../electron/common/bridge';

// Tests call the same API the UI uses from inside the page (page.evaluate).
declare global {
  interface Window {
    jingjian: Bridge;
    __jingjianCommand?: (command: string) => void;
  }
}
export {};
