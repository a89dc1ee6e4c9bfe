import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SearchResult } from '../../../../electron/common/api/search';
import { DEBOUNCE_MS, useSearchStore } from './store';

/** The bridge, answered by hand: each call waits until the test resolves it. */
const pending: { input: { query: string }; resolve: (value: unknown) => void }[] = [];
const answer = (query: string): SearchResult => ({ terms: [query], hits: [], total: query.length, totalCapped: false, order: 'relevance', rankedAll: true, offset: 0, hasMore: false });

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
  pending.length = 0;
  (globalThis as { window?: unknown }).window = {
    jingjian: { invoke: (_channel: string, input: { query: string }) => new Promise((resolve) => pending.push({ input, resolve })) },
  };
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { window?: unknown }).window;
});

describe('searching while typing', () => {
  it('waits for a pause in typing before it searches, and searches once', async () => {
    const store = useSearchStore();
    for (const query of ['整', '整改', '整改措', '整改措施']) {
      store.query = query;
      store.schedule();
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    }
    expect(pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(pending.map((p) => p.input.query)).toEqual(['整改措施']);
  });

  it('drops an older answer that arrives after a newer search started', async () => {
    const store = useSearchStore();
    store.query = '整改';
    const first = store.run();
    store.query = '整改措施';
    const second = store.run();
    expect(pending.map((p) => p.input.query)).toEqual(['整改', '整改措施']);
    pending[1].resolve({ ok: true, value: answer('整改措施') });
    await second;
    pending[0].resolve({ ok: true, value: answer('整改') });
    await first;
    expect(store.result?.terms).toEqual(['整改措施']);
    expect(store.searchedFor).toBe('整改措施');
    expect(store.loading).toBe(false);
  });

  it('a keystroke makes the search in flight stale', async () => {
    const store = useSearchStore();
    store.query = '批评';
    const inFlight = store.run();
    store.query = '批评意见';
    store.schedule();
    pending[0].resolve({ ok: true, value: answer('批评') });
    await inFlight;
    expect(store.result).toBeNull();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    pending[1].resolve({ ok: true, value: answer('批评意见') });
    await vi.runAllTimersAsync();
    expect(store.result?.terms).toEqual(['批评意见']);
  });

  it('clears the results when the box is emptied, without calling', async () => {
    const store = useSearchStore();
    store.query = '   ';
    await store.run();
    expect(pending).toHaveLength(0);
    expect(store.result).toBeNull();
  });
});
