/* Starts the browser harness: npm start (see README). Prints READY <url> when it can take requests. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HELP, nodeTooOld } from './cliText';

async function main(): Promise<number> {
  const tooOld = nodeTooOld(process.version);
  if (tooOld) {
    console.error(tooOld);
    return 1;
  }
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: 'string', default: '.jingjian-data/jingjian.sqlite' },
        port: { type: 'string', default: '5170' },
        static: { type: 'string', default: 'out/renderer' },
        exports: { type: 'string', default: '.jingjian-data/exports' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  // Loaded only now: the SQLite driver is native and crashes an unsupported Node instead of failing.
  const { startHarness } = await import('./server');
  const harness = await startHarness({
    dbFile: path.resolve(values.db),
    staticDir: path.resolve(values.static),
    exportDir: path.resolve(values.exports),
    port: Number(values.port),
  });
  console.log(`READY ${harness.url}`);
  console.log(`镜鉴已启动 / Jingjian is running: ${harness.url}  (数据库 database: ${path.resolve(values.db)})`);
  console.log(`导出文件下载到浏览器，并保存在 / Exports download in the browser and are kept in: ${path.resolve(values.exports)}`);
  const stop = async () => {
    await harness.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

const code = await main();
if (code >= 0) process.exitCode = code;
