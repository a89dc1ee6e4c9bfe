import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { OpinionBoard, OpinionStats } from '../../../../electron/common/api/opinions';
import type { Meeting } from '../../../../electron/common/api/meetings';
import type { Member } from '../../../../electron/common/api/teams';
import { call } from '../../api/client';

export const useOpinionsStore = defineStore('opinions', () => {
  const meeting = ref<Meeting | null>(null);
  const board = ref<OpinionBoard>({ opinions: [], consolidated: [], forms: [] });
  const members = ref<Member[]>([]);
  const stats = ref<OpinionStats | null>(null);
  /** The record a search hit asked to show (`?focus=<id>&kind=opinion|consolidated`); its list pages to it. */
  const focus = ref<{ kind: 'opinion' | 'consolidated'; id: number } | null>(null);

  async function open(m: Meeting) {
    meeting.value = m;
    members.value = await call('members.list', { teamId: m.teamId, includeLeft: true });
    await refresh();
  }
  async function refresh() {
    if (!meeting.value) return;
    const meetingId = meeting.value.id;
    [board.value, stats.value] = await Promise.all([call('opinions.board', { meetingId }), call('opinions.stats', { meetingId })]);
  }
  const memberName = (id: number | null) => members.value.find((m) => m.id === id)?.name ?? '';
  const aspectLabel = (id: number | null) => meeting.value?.aspects.find((a) => a.id === id)?.label ?? '';
  const rawById = computed(() => new Map(board.value.opinions.map((o) => [o.id, o])));
  return { meeting, board, members, stats, focus, open, refresh, memberName, aspectLabel, rawById };
});
