import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../electron/handlers/testing';

/**
 * Text limits live in the schema as SQL CHECKs, not only in the API's validation: this reads every table's CREATE
 * statement from sqlite_master (so tables added by later migrations are covered) and requires a CHECK on every TEXT
 * column. Timestamps the app writes itself (…_at) are the only exception.
 */
let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app.close();
});

/** The bodies of every CHECK ( … ) in a CREATE TABLE statement, parentheses balanced. */
export function checkClauses(sql: string): string[] {
  const clauses: string[] = [];
  const re = /\bCHECK\s*\(/gi;
  let match: RegExpExecArray | null;
  while ((match = re.exec(sql))) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < sql.length && depth > 0; i++) {
      if (sql[i] === '(') depth++;
      else if (sql[i] === ')') depth--;
    }
    clauses.push(sql.slice(start, i - 1));
  }
  return clauses;
}

const APP_TIMESTAMP = /(^|_)at$/;

/** Tables that hold records: not virtual tables nor the shadow tables SQLite keeps for a full-text index. */
function ordinaryTables(): { name: string; sql: string }[] {
  return app.ctx.sqlite
    .prepare("SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_table_list l ON l.name = m.name AND l.schema = 'main' WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string }[];
}

describe('text limits in the schema', () => {
  it('every TEXT column of every table has a CHECK (length, enum, date or pattern)', () => {
    const tables = ordinaryTables();
    expect(tables.length).toBeGreaterThan(5);
    const unchecked: string[] = [];
    for (const { name, sql } of tables) {
      const clauses = checkClauses(sql);
      const columns = app.ctx.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string }[];
      for (const column of columns) {
        if (column.type.toUpperCase() !== 'TEXT' || APP_TIMESTAMP.test(column.name)) continue;
        const word = new RegExp(`\\b${column.name}\\b`);
        if (!clauses.some((c) => word.test(c))) unchecked.push(`${name}.${column.name}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it('every table is STRICT, so a number never lands in a text column or the reverse', () => {
    const tables = ordinaryTables();
    expect(tables.filter((t) => !/\)\s*STRICT\s*$/i.test(t.sql.trim()) && !/STRICT\s*,|,\s*STRICT/i.test(t.sql)).map((t) => t.name)).toEqual([]);
  });

  it('the CHECKs really refuse oversized text and impossible dates below the API', () => {
    const sqlite = app.ctx.sqlite;
    expect(() => sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, 'party_group', '', 'x', 'x')").run('党'.repeat(101))).toThrow(/CHECK/);
    sqlite.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES ('党组', 'party_group', '', 'x', 'x')").run();
    expect(() =>
      sqlite.prepare("INSERT INTO meetings (team_id, kind, year, theme, date, created_at, updated_at) VALUES (1, 'annual', 2026, '主题', '2026-02-30', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
  });
});
