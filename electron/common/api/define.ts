import type { z } from 'zod';

/** A channel: its input schema (validated in main) and its output type (a phantom: types only). */
export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  output: O;
}

/** Declare a channel once: `channel(schema).returns<Output>()`. */
export function channel<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): Channel<I, O> {
      return { input, output: undefined as O };
    },
  };
}

export type ChannelMap = Record<string, Channel>;
export type InputOf<C extends Channel> = z.input<C['input']>;
export type ParsedInputOf<C extends Channel> = z.output<C['input']>;
export type OutputOf<C extends Channel> = C['output'];
