// The review states of a material, without zod so the renderer can use them without loading the contract.
import type { Bilingual } from '../validation';

/** 草稿 → 已提交 → 退回修改 → 已提交 → 审核通过 (domain.md §3). */
export const MATERIAL_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];

export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '退回修改', en: 'Returned for revision' },
  approved: { zh: '审核通过', en: 'Approved' },
};

/** Statuses in which the author may change the content (and its opinion links). */
export const EDITABLE_STATUSES: readonly MaterialStatus[] = ['draft', 'returned'];
