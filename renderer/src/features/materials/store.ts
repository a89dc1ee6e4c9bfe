import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { MaterialDetail, MaterialSummary } from '../../../../electron/common/api/materials';
import type { DocumentSettings } from '../../../../electron/common/api/settings';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../../../electron/common/settings/defaults';
import { call } from '../../api/client';

export const useMaterialsStore = defineStore('materials', () => {
  const meetingId = ref<number | null>(null);
  const list = ref<MaterialSummary[]>([]);
  const detail = ref<MaterialDetail | null>(null);
  const page = ref<DocumentSettings>({ ...DEFAULT_DOCUMENT_SETTINGS });

  async function loadList(id: number) {
    meetingId.value = id;
    const [rows, settings] = await Promise.all([call('materials.list', { meetingId: id }), call('settings.get', {})]);
    list.value = rows;
    page.value = settings.document;
  }

  async function open(id: number) {
    if (detail.value?.id !== id) detail.value = null;
    detail.value = await call('materials.get', { id });
    return detail.value;
  }

  /** Replaces the loaded detail with what a channel returned (submit, review, link…). */
  function update(next: MaterialDetail) {
    detail.value = next;
  }

  return { meetingId, list, detail, page, loadList, open, update };
});
