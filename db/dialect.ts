import type Database from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';

/**
 * Kysely's SQLite driver with nestable transactions: a `db.transaction()` opened while the connection is already in a
 * transaction (the one dispatch opens around every call) becomes a SAVEPOINT instead of failing on a nested BEGIN.
 */
class NestingSqliteDriver extends SqliteDriver {
  readonly #sqlite: Database.Database;
  readonly #open: string[] = [];
  #counter = 0;

  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#sqlite.inTransaction) {
      const name = `kysely_${++this.#counter}`;
      this.#open.push(name);
      await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT ${name}`));
    } else {
      this.#open.push('');
      await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.#open.pop();
    await connection.executeQuery(CompiledQuery.raw(name ? `RELEASE ${name}` : 'COMMIT'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.#open.pop();
    if (name) {
      await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO ${name}`));
      await connection.executeQuery(CompiledQuery.raw(`RELEASE ${name}`));
    } else {
      await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
    }
  }
}

export class NestingSqliteDialect extends SqliteDialect {
  readonly #sqlite: Database.Database;

  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    return new NestingSqliteDriver(this.#sqlite);
  }
}
