import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/connection';
import { parseOutline } from '../electron/common/materials';
import { corpus } from '../electron/handlers/materials/corpus';
import { generateLargeDatabase, materialOfLength } from '../seeds/large';
import { median, ms, type Row } from './stats';

function medianOf(runs: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Outline parsing (domain §6) of a usual material and of a 1 MB one; the whole corpus of real-style materials
 * (issue 14), and 1 MB of PDF copies (hard-wrapped lines, page numbers and running titles to remove and join).
 */
export function parseRows(): Row[] {
  const rows: Row[] = [];
  for (const [what, chars, runs, target] of [
    ['10,000-character material', 10_000, 20, undefined],
    ['1 MB material', 1_000_000, 3, 200],
  ] as const) {
    const text = materialOfLength(chars);
    const took = medianOf(runs, () => parseOutline(text));
    rows.push({
      group: 'parse',
      what: `parseOutline, ${what} (${text.length.toLocaleString('en')} chars), median of ${runs}`,
      figure: ms(took),
      ...(target ? { target: `≤ ${target} ms (issue 20)`, verdict: took <= target ? 'pass' : 'miss' } : {}),
    });
  }
  const materials = corpus();
  const chars = materials.reduce((n, m) => n + m.text.length, 0);
  rows.push({
    group: 'parse',
    what: `parseOutline, the whole corpus (${materials.length} materials, ${chars.toLocaleString('en')} chars), median of 20`,
    figure: ms(medianOf(20, () => materials.forEach((m) => parseOutline(m.text)))),
  });
  const copies = materials.filter((m) => m.pdfCopy);
  let pdf = '';
  for (let i = 0; pdf.length < 1_000_000; i++) pdf += `${copies[i % copies.length].text}\n`;
  rows.push({ group: 'parse', what: `parseOutline, 1 MB of PDF copies (${pdf.length.toLocaleString('en')} chars, hard-wrapped), median of 3`, figure: ms(medianOf(3, () => parseOutline(pdf))) });
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
