import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE } from '../common/bridge';
import type { ApiResult } from '../common/result';
import type { HandlerContext } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import { isAppUrl } from './window';

/** Only our own top-level page may call the API: not a subframe, not a page that somehow navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** The one place an IPC handler is registered: sender check, then the same validated dispatch the harness uses. */
export function registerApi(
  ipcMain: Pick<IpcMain, 'handle'>,
  getContext: () => HandlerContext | null,
  /** Answers while no context exists (recovery mode: only recovery.* channels work). */
  fallback?: (channel: unknown, input: unknown) => Promise<ApiResult<unknown>>,
): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbiddenSender', message: '拒绝来自未知页面的请求', messageEn: 'Request from an unknown page refused' } };
    }
    const ctx = getContext();
    if (!ctx && fallback) return fallback(channel, input);
    if (!ctx) {
      return { ok: false, error: { code: 'db.notOpen', message: '数据库尚未打开', messageEn: 'The database is not open' } };
    }
    return dispatch(ctx, channel, input);
  });
}
