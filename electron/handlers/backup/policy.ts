import type Database from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_POLICY, type BackupPolicy } from '../../../db/backup';

// Stored under its own settings key so the general settings handler and this one never overwrite each other.
const KEY = 'backup.policy';

/** The rotation policy the user chose, or the default (7 daily + 4 weekly) when none or a damaged one is stored. */
export function readPolicy(sqlite: Database.Database): BackupPolicy {
  const row = sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_POLICY;
  try {
    const parsed = JSON.parse(row.value) as Partial<BackupPolicy>;
    const ok = (n: unknown, min: number, max: number) => Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
    if (ok(parsed.daily, 1, 60) && ok(parsed.weekly, 0, 52)) return { daily: parsed.daily!, weekly: parsed.weekly! };
  } catch {
    // Fall back to the default rather than stop backing up.
  }
  return DEFAULT_POLICY;
}

export function writePolicy(sqlite: Database.Database, policy: BackupPolicy): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(policy));
}
