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
  /** The raw opinions not yet in a consolidated one. */
  const unsorted = computed(() => board.value.opinions.filter((o) => o.consolidatedId === null));
  /**
   * The counts every heading, tab and button shows, all from the one board: raw opinions, consolidated opinions as
   * listed under 梳理后意见, and raw opinions not sorted yet. (stats.consolidated counts each unsorted one as an
   * item too, for the report; it is not what the lists show.)
   */
  const counts = computed(() => ({ raw: board.value.opinions.length, consolidated: board.value.consolidated.length, unsorted: unsorted.value.length }));
  return { meeting, board, members, stats, focus, open, refresh, memberName, aspectLabel, rawById, unsorted, counts };
});
