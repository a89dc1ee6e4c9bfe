import type { Contract } from '../common/api';
import type { Channel, ChannelMap, OutputOf, ParsedInputOf } from '../common/api/define';
import type { HandlerContext } from './context';

export type HandlerFn<C extends Channel> = (ctx: HandlerContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** One handler per channel of a concept's map: a missing or mistyped handler is a compile error. */
export type HandlerMap<M extends ChannelMap> = { [K in keyof M]: HandlerFn<M[K]> };

/** The validated input of one channel of a concept's map. */
export type ParsedInput<M extends ChannelMap, K extends keyof M> = ParsedInputOf<M[K]>;

/**
 * The channels only the host answers (electron/host), in each of its modes: how the start went, recovery, unlock.
 * The app's handler map has none of them.
 */
export type HostChannel =
  | 'recovery.status'
  | 'recovery.list'
  | 'recovery.preview'
  | 'recovery.restore'
  | 'recovery.previewFile'
  | 'recovery.restoreFile'
  | 'recovery.salvagePreview'
  | 'recovery.salvage'
  | 'recovery.retry'
  | 'recovery.startEmpty'
  | 'backup.startup'
  | 'encryption.unlock';

/** Every channel the app's handlers answer over an open database. */
export type AppContract = Omit<Contract, HostChannel>;
