import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * The one prepared-statement cache: statements kept per connection, for the hot paths that run raw SQL (the minutes
 * autosave, several times a second while the secretary types; search, on every keystroke in the search box).
 * Kysely's driver prepares every query anew, which costs more than a small row change itself. Keyed by the
 * connection object, so a database swapped in by a restore gets its own statements and the old ones go with it.
 * Only for SQL from a bounded set of shapes (no values spliced in): the cache never shrinks while the connection lives.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
