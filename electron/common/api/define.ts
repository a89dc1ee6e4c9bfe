import type { z } from 'zod';

/** A channel: its input schema (validated in main) and its output type (a phantom: types only). */
export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /**
   * For a hot channel (an autosave many times a minute): a hand-written check of the usual input that returns
   * exactly what `input` would parse it to, or null whenever it is not sure (then the schema decides, and gives the
   * messages). Property-tested against the schema.
   */
  fast?: (input: unknown) => z.output<I> | null;
  output: O;
}

/** Declare a channel once: `channel(schema).returns<Output>()` (with a fast path: `channel(schema, fast)`). */
export function channel<I extends z.ZodType>(input: I, fast?: (input: unknown) => z.output<I> | null) {
  return {
    returns<O>(): Channel<I, O> {
      return fast ? { input, fast, output: undefined as O } : { input, output: undefined as O };
    },
  };
}

export type ChannelMap = Record<string, Channel>;
export type InputOf<C extends Channel> = z.input<C['input']>;
export type ParsedInputOf<C extends Channel> = z.output<C['input']>;
export type OutputOf<C extends Channel> = C['output'];
