import crypto from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Hostile payloads for any channel, built from its zod schema at run time, so channels added by later features are
 * fuzzed without touching this file: near-valid objects (right keys, wrong or extreme values, extra or missing keys)
 * mixed with arbitrary JSON-ish garbage.
 */

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; entries?: Record<string, string>; options?: z.ZodType[]; values?: unknown[] };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '   前后空格   ',
  '2026-02-30',
  '2026-12-18',
  '1900-01-01',
  '9999-99-99',
  '25:61',
  '09:30',
  '../../../etc/passwd',
  'C:\\Windows\\system32',
  '<script>alert(1)</script>',
  "'; DROP TABLE teams; --",
  '=HYPERLINK("http://evil")',
  '\u0000\u0001\u202e',
  '\ud800',
  '𠀀𠀁😀',
  '中'.repeat(5001),
  'x'.repeat(100_001),
  '__proto__',
  'constructor',
  'jingjian-daily-20260101-080000.sqlite',
);
const nastyNumbers = fc.constantFrom(0, -1, 1, 2, 3, 5, 1.5, -0, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 2000, 2026, 2101);
const garbage = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  nastyNumbers,
  nastyStrings,
  fc.string({ maxLength: 40 }),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff])),
);

function forSchema(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  if (depth > 5) return garbage;
  const def = defOf(schema);
  const wrong = fc.oneof({ weight: 4, arbitrary: near(def, schema, depth) }, { weight: 1, arbitrary: garbage });
  return wrong;
}

function near(def: Def, schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, forSchema(shape[k], depth + 1)])), { requiredKeys: keys });
      return fc.oneof(
        { weight: 6, arbitrary: record },
        { weight: 1, arbitrary: fc.tuple(record, fc.string({ maxLength: 8 }), garbage).map(([r, k, v]) => ({ ...(r as object), [k || 'extra']: v })) },
        { weight: 1, arbitrary: fc.tuple(record, fc.nat()).map(([r, i]) => (keys.length ? Object.fromEntries(Object.entries(r as object).filter((_e, j) => j !== i % keys.length)) : r)) },
      );
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      return fc.oneof(fc.constant(def.type === 'nullable' ? null : undefined), forSchema(def.innerType!, depth));
    case 'pipe':
      return forSchema(def.in!, depth);
    case 'array':
      return fc.array(forSchema(def.element!, depth + 1), { maxLength: 4 });
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })), nastyStrings);
    case 'literal':
      return fc.oneof(fc.constantFrom(...(def.values ?? [null])), garbage);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => forSchema(o, depth + 1)), garbage);
    case 'string':
      return fc.oneof(nastyStrings, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }));
    case 'number':
    case 'int':
      return fc.oneof(nastyNumbers, fc.integer({ min: -3, max: 40 }), fc.double());
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom(0, 1, 'true'));
    case 'custom':
      // Byte payloads (file imports): random bytes, a truncated zip header, or nothing.
      return fc.oneof(fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array(b)), garbage);
    default:
      void schema;
      return garbage;
  }
}

/** Payloads for one channel: mostly shaped like its input, sometimes anything at all. */
export function payloadsFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: forSchema(schema, 0) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) });
}

/** A fingerprint of every row of every table: equal fingerprints mean no content changed. */
export function contentHash(sqlite: Database.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\u0001${name}`);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
  }
  return hash.digest('hex');
}

/** Cheap change detector: total_changes() moves whenever this connection wrote anything (even if rolled back). */
export const totalChanges = (sqlite: Database.Database): number => (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

const CJK = /[\u3400-\u9fff]/;
/** A refusal people can read: a code, a Chinese message and an English one. */
export function isBilingualRefusal(error: { code?: unknown; message?: unknown; messageEn?: unknown }): boolean {
  return (
    typeof error.code === 'string' &&
    error.code.length > 0 &&
    typeof error.message === 'string' &&
    CJK.test(error.message) &&
    typeof error.messageEn === 'string' &&
    /[A-Za-z]{3,}/.test(error.messageEn)
  );
}
