import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Prepared statements kept per connection for the autosave, which runs several times a second while the secretary
 * types: Kysely's driver prepares every query anew, which costs more than the row change itself. Keyed by the
 * connection object, so a database swapped in by a restore gets its own statements and the old ones go with it.
 */
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
