import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, checkFile, dailyBackup, listBackups } from '../db/backup';
import { openDatabase } from '../db/connection';
import { openHost } from '../electron/host';
import { folderFiles } from '../electron/handlers/files';
import { bundleChild, prepareDatabase, spawnAndKill } from './crashKit';

const rounds = Number(process.env.ERASURE_KILLS ?? 12);
const OPINIONS = 8 * rounds;
const giver = (i: number) => `待匿名${String(i).padStart(3, '0')}号提交人`;
const text = (i: number) => `意见原文第${String(i).padStart(3, '0')}条（先实名后匿名）`;

async function runAndKill(writer: string, file: string, delayMs: number): Promise<{ acked: string[]; stderr: string }> {
  const acked: string[] = [];
  const { stderr } = await spawnAndKill(writer, [file], ([tag, name], kill) => {
    if (tag === 'START') setTimeout(kill, delayMs);
    if (tag === 'ACK') acked.push(name);
  });
  return { acked, stderr };
}

/** Every file under `dir`, whatever its name: data, WAL, backups, their journals, temporary and set-aside copies. */
function everyFile(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * Making an opinion anonymous erases the giver's name from every backup after the commit. Killed at any moment, the
 * next start must finish the job: no byte of any file in the data folder may hold the name of an opinion that is
 * stored anonymous, and every acknowledged change is kept.
 */
describe('killed while making opinions anonymous', () => {
  it('leaves the name of an anonymous opinion in no byte of any file after the next start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-erasekill-'));
    const file = path.join(dir, 'jingjian.sqlite');
    const { meetingId } = await prepareDatabase(file, dir);
    const connection = await openDatabase({ file });
    const insert = connection.sqlite.prepare("INSERT INTO opinions (id, meeting_id, channel, source, text, anonymous, submitter, position, created_at) VALUES (?, ?, 'box', '', ?, 0, ?, ?, '2026-11-20T08:00:00Z')");
    for (let i = 0; i < OPINIONS; i++) insert.run(1000 + i, meetingId, text(i), giver(i), i + 1);
    // Three backups hold every name.
    for (const day of [18, 19, 20]) await dailyBackup(connection.sqlite, file, new Date(2026, 10, day, 8));
    await connection.close();

    const writer = await bundleChild('erasureKillWriter');

    const acked = new Set<string>();
    let anonymous = 0;
    for (let round = 0; round < rounds; round++) {
      // One change takes some 20–150 ms here (three backups rewritten): kills land in every phase of several.
      const delay = Math.floor(Math.random() * 700);
      const result = await runAndKill(writer, file, delay);
      expect(result.stderr).toBe('');
      result.acked.forEach((name) => acked.add(name));

      // The next start: the host redoes what is pending before anything else.
      const host = await openHost({ dataFile: file, files: folderFiles(path.join(dir, 'exports')), appVersion: 'kill', now: () => new Date(2026, 10, 21, 8) });
      expect(host.status()).toEqual({ mode: 'normal' });
      await host.maintenance();
      const rows = host.context()!.sqlite.prepare("SELECT text, anonymous, submitter FROM opinions WHERE text LIKE '意见原文%'").all() as { text: string; anonymous: number; submitter: string | null }[];
      await host.close();

      const erased = rows.filter((r) => r.anonymous === 1).map((r) => giver(Number(/第(\d+)条/.exec(r.text)![1])));
      for (const name of acked) expect(erased, `acknowledged change lost (round ${round})`).toContain(name);
      const files = everyFile(dir);
      for (const name of erased) {
        const bytes = Buffer.from(name, 'utf8');
        const holding = files.filter((f) => fs.readFileSync(f).includes(bytes));
        expect(holding, `round ${round} (killed after ${delay} ms): ${name} still in`).toEqual([]);
      }
      for (const backup of listBackups(backupDir(file))) expect(checkFile(backup.file), backup.name).toBe('ok');
      anonymous = erased.length;
      if (anonymous === OPINIONS) break;
    }
    console.info(`erasure kill test: ${anonymous} of ${OPINIONS} opinions made anonymous across the kills, ${acked.size} acknowledged`);
    expect(anonymous, 'the kills must let some changes through').toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000 + rounds * 10_000);
});
