import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SearchResult } from '../../../../electron/common/api/search';
import { SEARCH_KINDS, searchTerms, type SearchKind } from '../../../../electron/common/search/terms';
import { call } from '../../api/client';
import { errorText } from '../../utils/errors';

/** Typing pauses shorter than this do not start a search. */
export const DEBOUNCE_MS = 160;
const PAGE = 20;

export interface SearchFilters {
  kinds: SearchKind[];
  teamId: number | null;
  meetingId: number | null;
  memberId: number | null;
  aspectId: number | null;
}

/**
 * The search while typing: each keystroke (re)starts a short timer; each search carries a sequence number and an
 * answer that arrives after a newer search was started is dropped, so a slow old answer never replaces a newer one.
 */
export const useSearchStore = defineStore('search', () => {
  const query = ref('');
  const filters = ref<SearchFilters>({ kinds: [...SEARCH_KINDS], teamId: null, meetingId: null, memberId: null, aspectId: null });
  const result = ref<SearchResult | null>(null);
  const searchedFor = ref('');
  const loading = ref(false);
  const error = ref('');
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const ready = computed(() => searchTerms(query.value.trim()).length > 0);

  function input() {
    const allKinds = filters.value.kinds.length === SEARCH_KINDS.length;
    return {
      query: query.value,
      ...(allKinds || filters.value.kinds.length === 0 ? {} : { kinds: filters.value.kinds }),
      ...(filters.value.meetingId ? { meetingId: filters.value.meetingId } : {}),
      ...(filters.value.memberId ? { memberId: filters.value.memberId } : {}),
      ...(filters.value.aspectId ? { aspectId: filters.value.aspectId } : {}),
    };
  }

  async function run(offset = 0): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const mine = ++seq;
    if (!ready.value) {
      result.value = null;
      searchedFor.value = '';
      error.value = '';
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const answer = await call('search.query', { ...input(), offset, limit: PAGE });
      if (mine !== seq) return; // a newer search started meanwhile
      result.value = offset > 0 && result.value ? { ...answer, hits: [...result.value.hits, ...answer.hits] } : answer;
      searchedFor.value = query.value.trim();
      error.value = '';
    } catch (cause) {
      if (mine !== seq) return;
      error.value = errorText(cause);
      result.value = null;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** After a keystroke: search when typing pauses. */
  function schedule(): void {
    if (timer) clearTimeout(timer);
    seq++; // whatever is in flight is now stale
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  }

  function loadMore(): Promise<void> {
    return run(result.value?.hits.length ?? 0);
  }

  return { query, filters, result, searchedFor, loading, error, ready, run, schedule, loadMore };
});
