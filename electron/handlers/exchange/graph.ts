import type Database from 'better-sqlite3-multiple-ciphers';

/** The schema as SQLite describes it, read at run time so tables added by later features are exchanged too. */
export interface ForeignKey {
  from: string;
  table: string;
  to: string;
}
export interface TableInfo {
  name: string;
  columns: { name: string; type: string; notnull: boolean; hasDefault: boolean }[];
  /** The INTEGER PRIMARY KEY column named id, when the table has one (its values are renumbered on import). */
  idColumn: string | null;
  foreignKeys: ForeignKey[];
}

/** Local records that never travel: where files were exported on this computer, and local settings. */
const LOCAL_ONLY = new Set(['export_log', 'settings']);

export function readSchema(sqlite: Database.Database): Map<string, TableInfo> {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const schema = new Map<string, TableInfo>();
  for (const name of names) {
    if (LOCAL_ONLY.has(name)) continue;
    const cols = sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
    const pks = cols.filter((c) => c.pk > 0);
    const idColumn = pks.length === 1 && pks[0].name === 'id' && pks[0].type.toUpperCase() === 'INTEGER' ? 'id' : null;
    const fks = (sqlite.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string; to: string | null }[]).map((f) => ({ from: f.from, table: f.table, to: f.to ?? 'id' }));
    schema.set(name, {
      name,
      columns: cols.map((c) => ({ name: c.name, type: c.type, notnull: c.notnull === 1, hasDefault: c.dflt_value !== null })),
      idColumn,
      foreignKeys: fks.filter((f) => !LOCAL_ONLY.has(f.table)),
    });
  }
  return schema;
}

/** Tables in an order where every table comes after the tables it references (self references aside). */
export function insertOrder(schema: Map<string, TableInfo>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (seen.has(name) || path.has(name)) return;
    path.add(name);
    for (const fk of schema.get(name)?.foreignKeys ?? []) if (fk.table !== name && schema.has(fk.table)) visit(fk.table, path);
    seen.add(name);
    order.push(name);
  };
  for (const name of schema.keys()) visit(name, new Set());
  return order;
}

/** Shared parents: their other children (other meetings, other meetings' records) are not part of a meeting. */
export const SHARED = new Set(['teams', 'members']);

/**
 * The tables a meeting's exchange file can hold, by the same walk as the export (`collectMeeting`) over the schema
 * alone: the meeting, its team and members, every table below a meeting-scoped table, and every table those point
 * to. Anything else (the unit's meeting presets, erasure records…) is no part of a meeting and never imported from one.
 */
export function exchangeableTables(schema: Map<string, TableInfo>): Set<string> {
  const reach = new Set(['meetings', 'teams', 'members'].filter((t) => schema.has(t)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const info of schema.values()) {
      for (const fk of info.foreignKeys) {
        if (!reach.has(info.name) && !SHARED.has(fk.table) && info.name !== 'teams' && reach.has(fk.table)) {
          reach.add(info.name);
          changed = true;
        }
        if (reach.has(info.name) && !reach.has(fk.table) && schema.has(fk.table)) {
          reach.add(fk.table);
          changed = true;
        }
      }
    }
  }
  return reach;
}
