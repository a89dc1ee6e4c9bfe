// The 伪批评 rules (stored in the database, editable by the unit), loaded once per window and applied in the renderer
// as the secretary types, so a hint appears on the entry without a round trip per keystroke.
import { ref } from 'vue';
import { criticismHints, type CriticismHint, type CriticismRule } from '../../../../electron/common/checks';
import { call } from '../../api/client';

const rules = ref<CriticismRule[]>([]);
let loading: Promise<void> | null = null;

export function useCriticismRules() {
  if (!loading) {
    loading = call('checks.rules.list', {})
      .then((list) => {
        rules.value = list;
      })
      .catch(() => {
        loading = null; // a hint is advice: without rules there is simply none; try again next time
      });
  }
  return { rules, hints: (text: string): CriticismHint[] => criticismHints(text, rules.value) };
}

/** After the rules were edited. */
export function reloadCriticismRules(): void {
  loading = null;
  useCriticismRules();
}
