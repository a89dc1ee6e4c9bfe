import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { parseOutline } from '../electron/common/materials';
import { generateLargeDatabase, materialOfLength } from '../seeds/large';
import { median, ms, type Row } from './stats';

/** Outline parsing (domain §6) of a usual material and of a 1 MB one. */
export function parseRows(): Row[] {
  const rows: Row[] = [];
  for (const [what, chars, runs] of [
    ['10,000-character material', 10_000, 20],
    ['1 MB material', 1_000_000, 3],
  ] as const) {
    const text = materialOfLength(chars);
    parseOutline(text);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      parseOutline(text);
      times.push(performance.now() - t);
    }
    rows.push({ group: 'parse', what: `parseOutline, ${what} (${text.length.toLocaleString('en')} chars), median of ${runs}`, figure: ms(median(times)) });
  }
  return rows;
}

async function timeOpen(file: string): Promise<number> {
  const t = performance.now();
  const connection = await openDatabase({ file });
  const took = performance.now() - t;
  await connection.close();
  return took;
}

/**
 * Opening as the app does (quick_check, migrations, a verified pre-migration backup and integrity_check after a
 * migration): a new file, the large file already at the latest version, and the large file one upgrade behind.
 */
export async function openRows(dir: string, largeFile: string): Promise<Row[]> {
  const fresh: number[] = [];
  for (let i = 0; i < 5; i++) fresh.push(await timeOpen(path.join(dir, `new-${i}.sqlite`)));
  const largeCopy = path.join(dir, 'open-large.sqlite');
  fs.copyFileSync(largeFile, largeCopy);
  const large: number[] = [];
  for (let i = 0; i < 3; i++) large.push(await timeOpen(largeCopy));
  const bytes = fs.statSync(largeCopy).size;
  fs.rmSync(largeCopy);

  // The same data one version behind (before search): the user's first start after the upgrade.
  const old = path.join(dir, 'upgrade', 'large-before-search.sqlite');
  const summary = generateLargeDatabase(old, { migrateAfter: false });
  const upgrade = await timeOpen(old);
  const rows: Row[] = [
    { group: 'open', what: 'new file: create + all migrations (median of 5)', figure: ms(median(fresh)) },
    { group: 'open', what: `large file at the latest version (${(bytes / 1e6).toFixed(0)} MB; quick_check on open), median of 3`, figure: ms(median(large)) },
    {
      group: 'open',
      what: `large file one upgrade behind (${(fs.statSync(old).size / 1e6).toFixed(0)} MB before): backup + search backfill + integrity_check`,
      figure: ms(upgrade),
    },
  ];
  fs.rmSync(path.dirname(old), { recursive: true, force: true });
  void summary;
  return rows;
}
