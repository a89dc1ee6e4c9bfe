import type Database from 'better-sqlite3-multiple-ciphers';

/** SQLite's full integrity_check of an open database, as one line: "ok" when sound, otherwise the problems found. */
export function integrityCheck(sqlite: Database.Database): string {
  return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
}
