import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../electron/handlers/testing';
import type { DemoIds } from '../seeds/demo';
import { bundleWriter, killWriterOnce, seeded, verifyAfterKill } from './minutesKill';

const KILLS = Number(process.env.JJ_KILLS ?? 40);
let app: TestApp & { ids: DemoIds };
let file: string;
let writer: string;

beforeAll(async () => {
  app = await openDemoApp();
  await app.must('minutes.prepare', { meetingId: app.ids.meetingId });
  file = app.connection.file;
  writer = await bundleWriter();
  // The writer processes own the file from here on; the test only reads it between kills.
  await app.connection.close();
});
afterAll(async () => {
  const fs = await import('node:fs');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  fs.rmSync(writer, { force: true });
});

describe('nothing acknowledged is lost when the writer is killed', () => {
  it(`survives ${KILLS} SIGKILLs at random moments during simulated typing`, { timeout: 120_000 }, async () => {
    const random = seeded(Number(process.env.JJ_SEED ?? 20261127));
    let total = 0;
    for (let run = 0; run < KILLS; run++) {
      const round = await killWriterOnce(writer, file, app.ids.meetingId, run, 1 + Math.floor(random() * 40), random);
      total += round.acked.size;
      expect(verifyAfterKill(file, round), `run ${run}`).toEqual([]);
    }
    expect(total).toBeGreaterThan(KILLS);
  });
});
