/**
 * Undo of the last destructive action of a list (delete, merge, split), by journal: while an undoable handler runs,
 * temporary triggers on every data table write the inverse statement of each row change into a TEMP table
 * (the undo/redo pattern of sqlite.org/undoredo.html). Undo replays the inverse statements in reverse order in one
 * transaction, so the exact rows come back with their ids, and foreign-key cascades (a deleted item's measures and
 * leaders) are captured by the same triggers. Nothing is written to the data file but the data itself: the journal
 * lives in the connection's temp schema and in memory, and is lost (harmlessly) when the app closes.
 *
 * Derived tables (the search index, kept by its own triggers) are left out: replaying the data re-runs those triggers.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** Table names we skip: SQLite's own and the search index (derived, maintained by triggers on the data tables). */
// Indexes rebuilt from the records: the search index, and the similarity index of the honesty checks (a restored material
// has no check_docs row, so the next check indexes it again rather than trusting fingerprints the delete removed).
const DERIVED = /^(sqlite_|search_|check_docs$|check_fingerprints$)/;

interface TableInfo {
  name: string;
  columns: string[];
  /** The INTEGER PRIMARY KEY column that is the rowid, or null (the rowid is then restored by name). */
  alias: string | null;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

function dataTables(sqlite: Database.Database): TableInfo[] {
  const rows = sqlite.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
  return rows
    .filter((t) => !DERIVED.test(t.name) && !/^CREATE\s+VIRTUAL/i.test(t.sql) && !/WITHOUT\s+ROWID/i.test(t.sql))
    .map((t) => {
      const info = sqlite.prepare(`SELECT name, type, pk FROM pragma_table_info(?)`).all(t.name) as { name: string; type: string; pk: number }[];
      const keys = info.filter((c) => c.pk > 0);
      const alias = keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER' ? keys[0].name : null;
      return { name: t.name, columns: info.map((c) => c.name), alias };
    });
}

function triggerSql(t: TableInfo): string[] {
  const table = `main.${ident(t.name)}`;
  const when = 'WHEN (SELECT active FROM temp.undo_state)';
  const log = (rid: string, sql: string) => `INSERT INTO temp.undo_log (tbl, rid, sql) VALUES (${literal(t.name)}, ${rid}, ${sql});`;
  const cols = t.alias ? t.columns : ['rowid', ...t.columns];
  const values = cols.map((c) => `quote(old.${c === 'rowid' ? 'rowid' : ident(c)})`).join(` || ',' || `);
  const sets = cols.map((c) => `${literal(`${c === 'rowid' ? 'rowid' : ident(c)} = `)} || quote(old.${c === 'rowid' ? 'rowid' : ident(c)})`).join(` || ', ' || `);
  const name = (op: string) => ident(`undo_${t.name}_${op}`);
  return [
    `CREATE TEMP TRIGGER ${name('i')} AFTER INSERT ON ${table} ${when} BEGIN ${log('new.rowid', `${literal(`DELETE FROM ${table} WHERE rowid = `)} || new.rowid`)} END`,
    `CREATE TEMP TRIGGER ${name('d')} AFTER DELETE ON ${table} ${when} BEGIN ${log('old.rowid', `${literal(`INSERT INTO ${table} (${cols.map((c) => (c === 'rowid' ? c : ident(c))).join(', ')}) VALUES (`)} || ${values} || ')'`)} END`,
    `CREATE TEMP TRIGGER ${name('u')} AFTER UPDATE ON ${table} ${when} BEGIN ${log('new.rowid', `${literal(`UPDATE ${table} SET `)} || ${sets} || ' WHERE rowid = ' || new.rowid`)} END`,
  ];
}

/** Installs the journal on this connection once (again after a restore swapped the connection, or a rollback). */
function ensureJournal(sqlite: Database.Database): TableInfo[] {
  const tables = dataTables(sqlite);
  const installed = sqlite.prepare("SELECT count(*) AS n FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'").get() as { n: number };
  if (installed.n === tables.length * 3) return tables;
  sqlite.exec(`
    CREATE TEMP TABLE IF NOT EXISTS undo_state (active INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, rid INTEGER NOT NULL, sql TEXT NOT NULL);
  `);
  if (!sqlite.prepare('SELECT 1 FROM temp.undo_state').get()) sqlite.exec('INSERT INTO temp.undo_state (active) VALUES (0)');
  const existing = sqlite.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'").all() as { name: string }[];
  for (const { name } of existing) sqlite.exec(`DROP TRIGGER temp.${ident(name)}`);
  for (const t of tables) for (const sql of triggerSql(t)) sqlite.exec(sql);
  return tables;
}

export interface RowImage {
  table: string;
  rowid: number;
  /** The row as the action left it (JSON), or null when the action removed it. */
  image: string | null;
}

export interface Journal {
  /** Inverse statements, in the order to run them. */
  statements: string[];
  /** Every row the action changed, as it left it: undo refuses if any has changed since. */
  rows: RowImage[];
}

export function rowImage(sqlite: Database.Database, table: string, rowid: number): string | null {
  const row = sqlite.prepare(`SELECT * FROM main.${ident(table)} WHERE rowid = ?`).get(rowid);
  return row === undefined ? null : JSON.stringify(row);
}

/** Runs `action` with the journal on and returns what it did, inverse statements first to last. */
export async function journal<T>(sqlite: Database.Database, action: () => Promise<T>): Promise<{ result: T; journal: Journal }> {
  ensureJournal(sqlite);
  sqlite.exec('DELETE FROM temp.undo_log; UPDATE temp.undo_state SET active = 1');
  let result: T;
  try {
    result = await action();
  } finally {
    sqlite.exec('UPDATE temp.undo_state SET active = 0');
  }
  const log = sqlite.prepare('SELECT tbl, rid, sql FROM temp.undo_log ORDER BY seq').all() as { tbl: string; rid: number; sql: string }[];
  sqlite.exec('DELETE FROM temp.undo_log');
  const touched = new Map(log.map((l) => [`${l.tbl}\u0000${l.rid}`, { table: l.tbl, rowid: l.rid }]));
  const rows = [...touched.values()].map((r) => ({ ...r, image: rowImage(sqlite, r.table, r.rowid) }));
  return { result, journal: { statements: log.map((l) => l.sql).reverse(), rows } };
}

/**
 * Replays the inverse statements. Foreign keys are checked once all rows are back (an item before its measures or
 * after them, either way); a violation (a row that pointed at something deleted since) is returned so the caller
 * refuses and the call rolls back.
 */
export function replay(sqlite: Database.Database, entry: Journal): number {
  sqlite.pragma('defer_foreign_keys = ON');
  for (const sql of entry.statements) sqlite.prepare(sql).run();
  const tables = [...new Set(entry.rows.map((r) => r.table))];
  return tables.reduce((n, t) => n + (sqlite.prepare(`SELECT * FROM pragma_foreign_key_check(?)`).all(t) as unknown[]).length, 0);
}
