/* Victim for the atomic-export test: rewrites one target file again and again, each version one repeated byte. */
import fs from 'node:fs';
import { writeFileAtomic } from '../electron/handlers/files';

const [target, size] = [process.argv[2], Number(process.argv[3])];
for (let version = 1; ; version++) {
  writeFileAtomic(target, new Uint8Array(size).fill(version % 250));
  fs.writeSync(1, `ACK ${version}\n`);
}
