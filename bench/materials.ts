/**
 * Materials benchmark (issue 4): parsing a 10,000-character material and a 1 MB pasted text, the text round trip,
 * and exporting every material of a 9-member meeting to Word. Run: `npx tsx bench/materials.ts` (prints JSON).
 * `benchMaterials()` is exported for a combined benchmark runner.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOutline, toText } from '../electron/common/materials';
import { openDemoApp } from '../electron/handlers/testing';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../electron/common/materials/fixtures');

function timed<T>(run: () => T, repeat = 5): { ms: number; value: T } {
  let value = run(); // warm-up
  const started = performance.now();
  for (let i = 0; i < repeat; i++) value = run();
  return { ms: Math.round(((performance.now() - started) / repeat) * 10) / 10, value };
}

/** A realistic material of about `chars` characters: the county head's material with its problems repeated. */
function materialOf(chars: number): string {
  const base = fs.readFileSync(path.join(FIXTURES, 'county-head-2023.txt'), 'utf8');
  const [head, rest] = base.split('二、问题产生的原因');
  const blocks = head.split('\n').filter((l) => l.startsWith('（'));
  const lines = head.split('\n').filter((l) => !l.startsWith('（'));
  let text = lines.join('\n');
  for (let i = 0; text.length < chars; i++) text += `\n${blocks[i % blocks.length]}`;
  return `${text}\n二、问题产生的原因${rest}`;
}

export async function benchMaterials(): Promise<Record<string, unknown>> {
  const tenThousand = materialOf(10_000);
  const parse10k = timed(() => parseOutline(tenThousand));
  const roundTrip = timed(() => parseOutline(toText(parse10k.value.material)));
  // 1 MB of pasted text (UTF-8 bytes), as when a whole file of several materials is pasted by mistake.
  const oneMb = materialOf(350_000);
  const parse1mb = timed(() => parseOutline(oneMb), 2);

  const app = await openDemoApp();
  try {
    const list = await app.must('materials.list', { meetingId: app.ids.meetingId });
    for (const row of list.filter((r) => r.id === null)) {
      await app.must('materials.create', { meetingId: app.ids.meetingId, memberId: row.memberId, content: parseOutline(tenThousand).material });
    }
    const started = performance.now();
    const saved = await app.must('materials.export', { meetingId: app.ids.meetingId, ids: null, format: 'docx' });
    const exportMs = Math.round(performance.now() - started);
    return {
      parse10k: { chars: tenThousand.length, ms: parse10k.ms, aspectBlocks: parse10k.value.material.sections[0].children.length },
      roundTrip10k: { ms: roundTrip.ms },
      parse1mb: { bytes: Buffer.byteLength(oneMb), chars: oneMb.length, ms: parse1mb.ms },
      exportAllDocx: { files: saved.files.length, bytes: saved.files.reduce((n, f) => n + f.bytes, 0), ms: exportMs },
    };
  } finally {
    await app.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(JSON.stringify(await benchMaterials(), null, 2));
}
