import type { ApiResult } from './result';
import type { ChannelName, Input, Output } from './api';

/** What the preload puts on `window.jingjian`: one typed call, nothing else. The browser harness provides the same. */
export interface Bridge {
  invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<ApiResult<Output<C>>>;
  /** Events from main (menu commands such as "back up now"); returns an unsubscribe function. */
  onCommand(listener: (command: string) => void): () => void;
  /**
   * 'browser' in the browser harness: files are chosen with the page's file picker (their bytes sent to the channel)
   * and exports arrive as downloads. Absent in Electron, where main shows the native dialogs.
   */
  readonly host?: 'browser';
}

export const BRIDGE_KEY = 'jingjian';
export const IPC_INVOKE = 'jingjian:invoke';
export const IPC_COMMAND = 'jingjian:command';
