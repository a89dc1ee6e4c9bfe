/*
 * Child process of tests/startup.test.ts: starts the host on a data file the way the app does (possibly as another
 * user, or on a tiny file system), runs a list of steps and prints one JSON line with what it saw. Steps: a channel
 * call, `fill` (a filler file takes the rest of the disk) or `free` (removes it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openHost } from '../electron/host';
import { folderFiles } from '../electron/handlers/files';

type Step = { channel: string; input: unknown } | { fill: string } | { free: string };

const [dataFile, exportDir, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson ?? '[]') as Step[];
const started = Date.now();
const stage = (name: string) => process.stderr.write(`${Date.now() - started} ms ${name}\n`);
stage('host opening');
const host = await openHost({ dataFile, files: folderFiles(exportDir), appVersion: 'probe' });
const status = host.status();
stage(`host open (${status.mode})`);
const startup = await host.maintenance();
stage('maintenance done');
const startMs = Date.now() - started;
const results: unknown[] = [];
for (const step of steps) {
  if ('fill' in step) {
    const fd = fs.openSync(step.fill, 'w');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch {
      // The disk is full.
    }
    fs.closeSync(fd);
    results.push('filled');
  } else if ('free' in step) {
    fs.rmSync(step.free, { force: true });
    results.push('freed');
  } else {
    stage(`call ${step.channel}`);
    results.push(await host.dispatch(step.channel, step.input));
  }
}
stage('closing');
const after = host.status();
await host.close();
const files = fs.readdirSync(path.dirname(dataFile));
process.stdout.write(`${JSON.stringify({ status, startup, startMs, results, after, files })}\n`);
