/*
 * The victim of the erasure kill test: makes named opinions anonymous one after another through the real host and
 * channels, printing "ACK <giver>" after each change returned ok. The parent kills it at a random moment (during the
 * start-up redo, the commit, or the erasure from the backups) and checks the next start leaves the name nowhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openHost } from '../electron/host';
import { folderFiles } from '../electron/handlers/files';

const [dataFile] = process.argv.slice(2);
const out = (line: string) => fs.writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const host = await openHost({ dataFile, files: folderFiles(path.join(path.dirname(dataFile), 'exports')), appVersion: 'kill' });
  if (host.status().mode !== 'normal') throw new Error(`cannot open: ${JSON.stringify(host.status())}`);
  out('START');
  // The data is open (and writable) once the start's checks are over.
  await host.maintenance();
  const named = host.context()!.sqlite.prepare("SELECT id, text, submitter FROM opinions WHERE anonymous = 0 AND submitter LIKE '待匿名%' ORDER BY id").all() as { id: number; text: string; submitter: string }[];
  for (const row of named) {
    const opinion = { channel: 'box', source: '', date: null, targetMemberId: null, aspectId: null, text: row.text, anonymous: true, submitter: '' };
    const result = await host.dispatch('opinions.update', { id: row.id, opinion });
    if (!result.ok) throw new Error(`opinions.update: ${result.error.messageEn}`);
    out(`ACK ${row.submitter}`);
  }
  out('DONE');
  // Waits for its kill like the others.
  setInterval(() => undefined, 1000);
}

main().catch((error) => {
  process.stderr.write(String((error as Error).stack ?? error));
  process.exit(3);
});
