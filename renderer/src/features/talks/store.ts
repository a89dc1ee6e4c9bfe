import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Talk, TalkCoverage } from '../../../../electron/common/api/talks';
import { call } from '../../api/client';

export const useTalksStore = defineStore('talks', () => {
  const meetingId = ref<number | null>(null);
  const coverage = ref<TalkCoverage | null>(null);
  const talks = ref<Talk[]>([]);

  async function load(id: number) {
    if (meetingId.value !== id) {
      coverage.value = null;
      talks.value = [];
    }
    meetingId.value = id;
    [coverage.value, talks.value] = await Promise.all([call('talks.coverage', { meetingId: id }), call('talks.list', { meetingId: id })]);
  }

  return { meetingId, coverage, talks, load };
});
