import fs from 'node:fs';
import { openDemoApp } from '../electron/handlers/testing';
import { bundleWriter, killWriterOnce, seeded, verifyAfterKill } from './minutesKill';

/** The minutes writer SIGKILLed `kills` times at random moments while typing: nothing acknowledged may be lost. */
export async function minutesKillSoak(kills: number): Promise<string> {
  const app = await openDemoApp();
  await app.must('minutes.prepare', { meetingId: app.ids.meetingId });
  const file = app.connection.file;
  await app.connection.close();
  const writer = await bundleWriter();
  const random = seeded(Number(process.env.JJ_SEED ?? Date.now() % 2 ** 31));
  let acked = 0;
  try {
    for (let run = 0; run < kills; run++) {
      const round = await killWriterOnce(writer, file, app.ids.meetingId, run, 1 + Math.floor(random() * 60), random);
      acked += round.acked.size;
      const problems = verifyAfterKill(file, round);
      if (problems.length > 0) throw new Error(`run ${run}: ${problems.join('; ')}`);
    }
  } finally {
    fs.rmSync(writer, { force: true });
    fs.rmSync(app.dir, { recursive: true, force: true });
  }
  return `  ${acked} minutes entries acknowledged over ${kills} kills, none lost, integrity ok after every kill`;
}
