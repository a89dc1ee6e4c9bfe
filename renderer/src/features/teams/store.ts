import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Member, Team } from '../../../../electron/common/api/teams';
import { call } from '../../api/client';

export const useTeamsStore = defineStore('teams', () => {
  const teams = ref<Team[]>([]);
  const members = ref<Member[]>([]);
  const currentTeamId = ref<number | null>(null);
  const includeLeft = ref(false);
  /** False until the first member list arrives, so the table never says 「暂无数据」 while it is still loading. */
  const loaded = ref(false);

  async function loadTeams() {
    teams.value = await call('teams.list', {});
    if (!teams.value.some((t) => t.id === currentTeamId.value)) currentTeamId.value = teams.value[0]?.id ?? null;
    await loadMembers();
  }

  async function loadMembers() {
    members.value = currentTeamId.value ? await call('members.list', { teamId: currentTeamId.value, includeLeft: includeLeft.value }) : [];
    loaded.value = true;
  }

  async function selectTeam(id: number) {
    currentTeamId.value = id;
    await loadMembers();
  }

  return { teams, members, currentTeamId, includeLeft, loaded, loadTeams, loadMembers, selectTeam };
});
