import { computed, ref, watch, type Ref } from 'vue';

/**
 * One page of a long list. A meeting can gather thousands of opinions; rendering every row at once took seconds
 * in Chromium, so each list on the opinions screen shows a page at a time. The page stays in range when the list
 * shrinks (after a delete or merge), and `showIndex` jumps to the page holding a row (a search hit's `focus`).
 */
export function usePaging<T>(list: Ref<readonly T[]>, pageSize: number) {
  const page = ref(1);
  const pageCount = computed(() => Math.max(1, Math.ceil(list.value.length / pageSize)));
  const offset = computed(() => (page.value - 1) * pageSize);
  const rows = computed(() => list.value.slice(offset.value, offset.value + pageSize));
  watch(pageCount, (count) => {
    if (page.value > count) page.value = count;
  });
  function showIndex(index: number) {
    if (index >= 0) page.value = Math.floor(index / pageSize) + 1;
  }
  return { page, pageSize, offset, rows, showIndex, paged: computed(() => list.value.length > pageSize) };
}
