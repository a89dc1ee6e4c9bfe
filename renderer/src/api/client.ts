import type { ChannelName, Input, Output } from '../../../electron/common/api';
import type { ApiErrorBody, ApiResult } from '../../../electron/common/result';

/** A refused call, carrying main's bilingual message and per-field problems. */
export class ApiCallError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
  }
}

/**
 * The renderer's only way to the backend. In Electron `window.jingjian` comes from the preload; in the browser
 * harness from its bridge script. Both answer the same typed channels.
 */
export async function callResult<C extends ChannelName>(channel: C, input: Input<C>): Promise<ApiResult<Output<C>>> {
  if (!window.jingjian) {
    return { ok: false, error: { code: 'bridge', message: '后台接口不可用', messageEn: 'The backend API is not available' } };
  }
  return window.jingjian.invoke(channel, input);
}

export async function call<C extends ChannelName>(channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await callResult(channel, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export function onCommand(listener: (command: string) => void): () => void {
  return window.jingjian?.onCommand(listener) ?? (() => undefined);
}

/**
 * Whether files are chosen in the page (the browser harness: an <input type=file>, the bytes sent with the call)
 * rather than by main's native dialog (Electron).
 */
export function choosesFilesInPage(): boolean {
  return window.jingjian?.host === 'browser';
}
