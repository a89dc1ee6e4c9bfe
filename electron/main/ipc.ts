import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_INVOKE } from '../common/bridge';
import type { ApiResult } from '../common/result';
import { isAppUrl } from './window';

/** Only our own top-level page may call the API: not a subframe, not a page that somehow navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** What answers a call: the host's dispatch (electron/host), the same the harness uses, in whatever mode it is. */
export type Answer = (channel: unknown, input: unknown) => Promise<ApiResult<unknown>>;

/** The answer when the host could not even start (an error box was shown): every call says so. */
export const notOpen: Answer = async () => ({ ok: false, error: { code: 'db.notOpen', message: '数据库尚未打开', messageEn: 'The database is not open' } });

/** The one place an IPC handler is registered: sender check, then the same validated dispatch the harness uses. */
export function registerApi(ipcMain: Pick<IpcMain, 'handle'>, answer: Answer): void {
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbiddenSender', message: '拒绝来自未知页面的请求', messageEn: 'Request from an unknown page refused' } };
    }
    return answer(channel, input);
  });
}
