import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Meeting, MeetingSummary } from '../../../../electron/common/api/meetings';
import { call } from '../../api/client';

export const useMeetingsStore = defineStore('meetings', () => {
  const list = ref<MeetingSummary[]>([]);
  const current = ref<Meeting | null>(null);

  async function loadList() {
    list.value = await call('meetings.list', {});
  }

  async function open(id: number) {
    if (current.value?.id !== id) current.value = null;
    current.value = await call('meetings.get', { id });
    return current.value;
  }

  return { list, current, loadList, open };
});
