import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import type { Entry } from '../../../../electron/common/api/minutes';
import { call } from '../../api/client';
import { i18n } from '../../i18n';

/**
 * 转为整改事项 as one visible flow: how many entries the meeting promoted that no rectification item uses yet (the
 * counter on 整改清单 in the workspace navigation), and the promote action that says where the entry went.
 */
export const usePromotionsStore = defineStore('minutesPromotions', () => {
  const pending = ref<Record<number, number>>({});

  async function refresh(meetingId: number): Promise<number> {
    const { pending: n } = await call('minutes.pendingPromotions', { meetingId });
    pending.value = { ...pending.value, [meetingId]: n };
    return n;
  }

  /** Marks (or unmarks) an entry, updates the counter and tells the secretary where it went. */
  async function toggle(meetingId: number, entry: Entry): Promise<Entry> {
    const result = await call('minutes.promote', { entryId: entry.id, promoted: !entry.promotedAt });
    entry.promotedAt = result.promotedAt;
    const n = await refresh(meetingId);
    const t = i18n.global.t;
    ElMessage({ type: 'success', showClose: true, grouping: true, message: result.promotedAt ? t('minutes.promotedToast', { n }) : t('minutes.unpromotedToast', { n }) });
    return result;
  }

  return { pending, refresh, toggle };
});
