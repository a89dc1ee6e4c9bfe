// 伪批评 hints (domain.md §10): criticism that is a wish (希望/建议/共勉), praise in disguise (工作太拼、不注意休息、
// 要求过严), names nobody (个别同志/有的同志) or states no concrete fact. The rules are data (criticism_rules, editable
// by the unit); this only applies them. A hint is advice shown on the entry, never a block.

export interface CriticismRule {
  id: number;
  /** contains: fires when the text holds one of the phrases. lacks: fires when it holds none of them and no Arabic digit. */
  kind: 'contains' | 'lacks';
  label: string;
  labelEn: string;
  advice: string;
  phrases: string[];
  examples: string[];
  enabled: boolean;
}

export interface CriticismHint {
  ruleId: number;
  label: string;
  labelEn: string;
  advice: string;
  /** The phrase that fired (contains), '' for a lacks rule. */
  phrase: string;
}

/** Shorter than this, a text is still being typed: no 'lacks' hint yet. */
export const MIN_CHARS_FOR_LACKS = 12;

export function criticismHints(text: string, rules: readonly CriticismRule[]): CriticismHint[] {
  const t = text.normalize('NFKC');
  const out: CriticismHint[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    if (r.kind === 'contains') {
      const phrase = r.phrases.find((p) => p !== '' && t.includes(p));
      if (phrase !== undefined) out.push({ ruleId: r.id, label: r.label, labelEn: r.labelEn, advice: r.advice, phrase });
    } else if (t.replace(/\s/g, '').length >= MIN_CHARS_FOR_LACKS && !/[0-9]/.test(t) && !r.phrases.some((p) => p !== '' && t.includes(p))) {
      out.push({ ruleId: r.id, label: r.label, labelEn: r.labelEn, advice: r.advice, phrase: '' });
    }
  }
  return out;
}

/**
 * Whether a material's section holds criticism of others (相互批评, 对班子其他成员的批评意见…), whose entries get the
 * same hints as the minutes console. The closing formula (恳请同志们批评指正) and self-criticism (自我批评) are not.
 */
export function isCriticismHeading(heading: string): boolean {
  const h = heading.replace(/\s/g, '');
  return /批评/.test(h) && !/批评指正|自我批评/.test(h.replace(/相互批评[和与及、]自我批评|自我批评[和与及、]相互批评/g, '相互批评'));
}
