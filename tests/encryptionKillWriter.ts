/*
 * The victim of the encryption kill test: cycles the data file through plain → passphrase A → passphrase B → plain
 * through the real host and channels, printing "ACK <state>" after each change returned ok. The parent kills it at a
 * random moment and checks the file (and every backup) opens under the acknowledged state or the next one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openHost } from '../electron/host';
import { folderFiles } from '../electron/handlers/files';

const [dataFile, a, b] = process.argv.slice(2);
const out = (line: string) => fs.writeSync(1, `${line}\n`);

async function main(): Promise<void> {
  const host = await openHost({ dataFile, files: folderFiles(path.join(path.dirname(dataFile), 'exports')), appVersion: 'kill' });
  let state = 'plain';
  if (host.status().mode === 'locked') {
    for (const [name, passphrase] of [['A', a], ['B', b]]) {
      const result = await host.dispatch('encryption.unlock', { passphrase });
      if (result.ok) {
        state = name;
        break;
      }
    }
  }
  if (host.status().mode !== 'normal') throw new Error(`cannot open: ${JSON.stringify(host.status())}`);
  out(`START ${state}`);
  for (;;) {
    const [channel, input, next] =
      state === 'plain'
        ? ['encryption.enable', { passphrase: a, confirm: a }, 'A']
        : state === 'A'
          ? ['encryption.change', { current: a, passphrase: b, confirm: b }, 'B']
          : ['encryption.disable', { current: b }, 'plain'];
    const result = await host.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.messageEn}`);
    state = next as string;
    out(`ACK ${state}`);
  }
}

main().catch((error) => {
  process.stderr.write(String((error as Error).stack ?? error));
  process.exit(3);
});
