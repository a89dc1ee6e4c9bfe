// The 伪批评 rules (criticism_rules): the built-in ones seeded by migration 013, edited and extended by the unit.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CriticismRulesTable } from '../../../db/schema';
import { cachedStatement } from '../../../db/statements';
import type { StoredCriticismRule } from '../../common/api/checks';
import type { CriticismRule } from '../../common/checks';
import { AppError, notFound } from '../../common/result';

type Row = Omit<CriticismRulesTable, 'id' | 'builtin'> & { id: number; builtin: 0 | 1 };
const RULE = { zh: '批评提示规则', en: 'Criticism rule' };

export function listRules(sqlite: Database.Database): StoredCriticismRule[] {
  return (cachedStatement(sqlite, 'SELECT * FROM criticism_rules ORDER BY sort_order, id').all() as Row[]).map((r) => ({
    id: r.id,
    kind: r.kind,
    label: r.label,
    labelEn: r.label_en,
    advice: r.advice,
    phrases: JSON.parse(r.phrases) as string[],
    examples: JSON.parse(r.examples) as string[],
    enabled: r.enabled === 1,
    builtin: r.builtin === 1,
  }));
}

export function saveRule(sqlite: Database.Database, rule: Omit<CriticismRule, 'id'> & { id: number | null }): StoredCriticismRule[] {
  const values = [rule.kind, rule.label, rule.labelEn, rule.advice, JSON.stringify([...new Set(rule.phrases)]), JSON.stringify(rule.examples), rule.enabled ? 1 : 0];
  if (rule.id === null) {
    cachedStatement(sqlite, 'INSERT INTO criticism_rules (kind, label, label_en, advice, phrases, examples, enabled, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM criticism_rules))').run(...values);
  } else {
    const changed = cachedStatement(sqlite, 'UPDATE criticism_rules SET kind = ?, label = ?, label_en = ?, advice = ?, phrases = ?, examples = ?, enabled = ? WHERE id = ?').run(...values, rule.id);
    if (changed.changes === 0) throw notFound(RULE, rule.id);
  }
  return listRules(sqlite);
}

export function removeRule(sqlite: Database.Database, id: number): StoredCriticismRule[] {
  const row = cachedStatement(sqlite, 'SELECT builtin, label FROM criticism_rules WHERE id = ?').get(id) as { builtin: 0 | 1; label: string } | undefined;
  if (!row) throw notFound(RULE, id);
  if (row.builtin === 1) throw new AppError('checks.builtinRule', `「${row.label}」是内置规则，只能停用，不能删除；未作修改`, `"${row.label}" is a built-in rule: it can be disabled, not deleted; nothing was changed`);
  cachedStatement(sqlite, 'DELETE FROM criticism_rules WHERE id = ?').run(id);
  return listRules(sqlite);
}
