// The 材料体检 in the renderer: the rows (computed here as the author types) from the material and what main holds
// (marks of what is left unanswered, last year's problems, the unit's length range), and each row in words. Used by
// the check-up card and by the prompt shown when a material is submitted. Advice only.
import type { CheckupData } from '../../../../electron/common/api/checks';
import type { MaterialOpinion } from '../../../../electron/common/api/materials';
import { checkup, DEFAULT_LENGTH, type CheckupRow } from '../../../../electron/common/checks';
import type { Material } from '../../../../electron/common/materials';

type T = (key: string, values?: Record<string, unknown>) => string;

export function checkupRows(material: Material, aspects: readonly string[], opinions: readonly MaterialOpinion[], data: CheckupData | null, caseAnalysis = false): CheckupRow[] {
  return checkup({ material, aspects, opinions, lastYear: data?.lastYear ?? [], left: data?.left ?? [], length: data?.length ?? DEFAULT_LENGTH, caseAnalysis });
}

export function checkupLabel(t: T, r: CheckupRow): string {
  switch (r.code) {
    case 'aspect':
      return t(r.ok ? 'checks.checkup.aspectOk' : 'checks.checkup.aspectMissing', { aspect: r.subject });
    case 'opinion':
      return t(r.left !== null ? 'checks.checkup.opinionLeft' : r.ok ? 'checks.checkup.opinionOk' : 'checks.checkup.opinionOpen', { text: r.subject });
    case 'lastYear':
      return t(r.left !== null ? 'checks.checkup.lastYearLeft' : r.ok ? 'checks.checkup.lastYearOk' : 'checks.checkup.lastYearOpen', { seq: r.count ?? 0, text: r.subject });
    case 'causes':
    case 'measures':
      return t(`checks.checkup.${r.code}${r.count === 0 ? 'Missing' : r.ok ? 'Ok' : 'Unnumbered'}`, { n: r.count ?? 0 });
    case 'caseAnalysis':
      return t(r.count === 0 ? 'checks.checkup.caseMissing' : 'checks.checkup.caseOk', { n: r.count ?? 0 });
    case 'length':
      return t(r.ok ? 'checks.checkup.lengthOk' : 'checks.checkup.lengthOut', { n: r.count ?? 0, range: r.subject });
  }
}
