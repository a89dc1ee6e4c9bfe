import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { backupDir } from '../db/backup';
import { copyWithKey, passphraseKey } from '../db/cipher';
import { folderFiles } from '../electron/handlers/files';
import { openHost } from '../electron/host';
import { ensureLargeDatabase } from './largeDb';
const PASS = '基准测试口令 benchmark';
const dir = '/tmp/he-enc';
const file = path.join(dir, 'jingjian.sqlite');
fs.mkdirSync(dir, { recursive: true });
if (!fs.existsSync(file)) {
  const source = new Database(ensureLargeDatabase().file, { readonly: true });
  fs.renameSync(copyWithKey(source, file, passphraseKey(PASS)), file);
  source.close();
}
fs.rmSync(backupDir(file), { recursive: true, force: true });
const t0 = performance.now();
const host = await openHost({ dataFile: file, files: folderFiles(path.join(dir, 'exports')), appVersion: 'bench' });
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  if (now - last > 300) console.log(`blocked ${(now - last - 50).toFixed(0)} ms ending at ${(now - t0).toFixed(0)} ms; step ${JSON.stringify(host.startup().maintenance.step)} state ${host.startup().maintenance.state}`);
  last = now;
}, 50);
const u = await host.dispatch('encryption.unlock', { passphrase: PASS });
console.log('unlocked', u.ok, (performance.now() - t0).toFixed(0));
for (const c of ['settings.get', 'app.info', 'meetings.list', 'teams.list']) await host.dispatch(c, {});
console.log('first screen', (performance.now() - t0).toFixed(0));
await host.maintenance();
console.log('done', (performance.now() - t0).toFixed(0), host.startup().maintenance.state);
clearInterval(timer);
await host.close();
