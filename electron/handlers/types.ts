import type { Channel, ChannelMap, OutputOf, ParsedInputOf } from '../common/api/define';
import type { HandlerContext } from './context';

export type HandlerFn<C extends Channel> = (ctx: HandlerContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;

/** One handler per channel of a concept's map: a missing or mistyped handler is a compile error. */
export type HandlerMap<M extends ChannelMap> = { [K in keyof M]: HandlerFn<M[K]> };

/** The validated input of one channel of a concept's map. */
export type ParsedInput<M extends ChannelMap, K extends keyof M> = ParsedInputOf<M[K]>;
