/* Starts the browser harness: npm start (see README). Prints READY <url> when it can take requests. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: '.jingjian-data/jingjian.sqlite' },
    port: { type: 'string', default: '5170' },
    static: { type: 'string', default: 'out/renderer' },
    exports: { type: 'string', default: '.jingjian-data/exports' },
  },
});
const harness = await startHarness({
  dbFile: path.resolve(values.db),
  staticDir: path.resolve(values.static),
  exportDir: path.resolve(values.exports),
  port: Number(values.port),
});
console.log(`READY ${harness.url}`);
console.log(`镜鉴已启动 / Jingjian is running: ${harness.url}  (数据库 database: ${path.resolve(values.db)})`);
const stop = async () => {
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
