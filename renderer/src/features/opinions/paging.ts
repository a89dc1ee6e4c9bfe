import { computed, ref, watch, type Ref } from 'vue';

/**
 * One page of a long list. A meeting can gather thousands of opinions; rendering every row at once took seconds
 * in Chromium, so each list on the opinions screen shows a page at a time. The page stays in range when the list
 * shrinks (after a delete or merge), a new page size keeps the first row on screen, and `showIndex` turns to the
 * page holding a row (a search hit's `focus`).
 */
export function usePaging<T>(list: Ref<readonly T[]>, initialPageSize: number) {
  const page = ref(1);
  const pageSize = ref(initialPageSize);
  const pageCount = computed(() => Math.max(1, Math.ceil(list.value.length / pageSize.value)));
  const offset = computed(() => (page.value - 1) * pageSize.value);
  const rows = computed(() => list.value.slice(offset.value, offset.value + pageSize.value));
  watch(pageCount, (count) => {
    if (page.value > count) page.value = count;
  });
  watch(pageSize, (size, old) => {
    page.value = Math.floor(((page.value - 1) * old) / size) + 1;
  });
  function showIndex(index: number) {
    if (index >= 0) page.value = Math.floor(index / pageSize.value) + 1;
  }
  const turnTo = (to: number) => {
    page.value = to;
  };
  return { page, pageSize, offset, rows, showIndex, turnTo, paged: computed(() => list.value.length > initialPageSize) };
}

/** What ListPager.vue needs of a paged list. */
export interface Pager {
  page: Ref<number>;
  pageSize: Ref<number>;
  paged: Ref<boolean>;
  turnTo(page: number): void;
}

/** Page sizes offered under the raw opinion list; el-table lays out about 100 rows in a few hundred ms. */
export const RAW_PAGE_SIZES = [50, 100, 200];
