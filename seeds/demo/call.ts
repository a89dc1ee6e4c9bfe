import type { ChannelName, Input, Output } from '../../electron/common/api';
import type { ApiResult } from '../../electron/common/result';

/** How the demo reaches the app: through the same validated channels the UI uses, never by raw inserts. */
export type Call = <C extends ChannelName>(channel: C, input: Input<C>) => Promise<ApiResult<unknown>>;

export async function must<C extends ChannelName>(call: Call, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(`demo: ${channel} failed: ${result.error.message} / ${result.error.messageEn}`);
  return result.value as Output<C>;
}
