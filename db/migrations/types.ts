import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** One schema step. `up` runs inside a transaction opened by the migrator; it must not commit itself. */
export interface Migration {
  version: number;
  name: string;
  up(sqlite: BetterSqlite3.Database): void;
}
