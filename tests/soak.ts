/*
 * npm run soak: the long versions of the trust tests, too slow for every run.
 * - hundreds of random SIGKILLs during mixed writes (tests/crashKit.ts), each followed by integrity and ack checks;
 * - kills while the encryption is changed (tests/encryptionKill.test.ts with ENCRYPTION_KILLS);
 * - kills while opinions are made anonymous (tests/erasureKill.test.ts with ERASURE_KILLS);
 * - the channel fuzzing with many more payloads per channel (tests/fuzz.test.ts with FUZZ_RUNS).
 * Other features add their own steps to `steps` below.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashRounds } from './crashKit';

const kills = Number(process.env.SOAK_KILLS ?? 300);
const fuzzRuns = Number(process.env.SOAK_FUZZ_RUNS ?? 2000);

const steps: { name: string; run(): Promise<void> }[] = [
  {
    name: `crash: ${kills} random kills`,
    async run() {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-soak-crash-'));
      const result = await crashRounds(dir, kills);
      console.log(`  ${result.acked} acknowledged writes (${[...result.ackedByKind].map(([k, n]) => `${k} ${n}`).join(', ')}), none lost, integrity ok after every kill`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  { name: 'minutes: 500 kills while typing', run: async () => console.log(await (await import('./minutesSoak')).minutesKillSoak(Number(process.env.SOAK_MINUTES_KILLS ?? 500))) },
  {
    name: 'encryption: 60 kills while encrypting, re-keying and decrypting',
    run() {
      const result = spawnSync('npx', ['vitest', 'run', 'tests/encryptionKill.test.ts'], { stdio: 'inherit', env: { ...process.env, ENCRYPTION_KILLS: process.env.SOAK_ENCRYPTION_KILLS ?? '60' }, shell: process.platform === 'win32' });
      if (result.status !== 0) throw new Error('encryption kill test failed');
      return Promise.resolve();
    },
  },
  {
    name: 'erasure: 60 kills while opinions are made anonymous',
    run() {
      const result = spawnSync('npx', ['vitest', 'run', 'tests/erasureKill.test.ts'], { stdio: 'inherit', env: { ...process.env, ERASURE_KILLS: process.env.SOAK_ERASURE_KILLS ?? '60' }, shell: process.platform === 'win32' });
      if (result.status !== 0) throw new Error('erasure kill test failed');
      return Promise.resolve();
    },
  },
  {
    name: `fuzz: ${fuzzRuns} payloads per channel`,
    async run() {
      const result = spawnSync('npx', ['vitest', 'run', 'tests/fuzz.test.ts'], { stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: String(fuzzRuns) }, shell: process.platform === 'win32' });
      if (result.status !== 0) throw new Error('fuzzing failed');
    },
  },
];

let failed = false;
for (const step of steps) {
  console.log(`▶ ${step.name}`);
  try {
    await step.run();
    console.log(`✓ ${step.name}`);
  } catch (error) {
    failed = true;
    console.error(`✗ ${step.name}: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
