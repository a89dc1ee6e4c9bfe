import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isChannelName } from '../electron/common/api';
import { crashRounds } from './crashKit';

/**
 * A writer process is killed (SIGKILL) at random points while writing teams, members, meetings, attendance and
 * settings — and opinions, minutes entries and rectification items when those channels exist. After every kill the
 * file passes integrity_check and holds every write acknowledged before the kill. `npm run soak` runs hundreds.
 */
describe('crash safety', () => {
  it('loses no acknowledged write and never damages the file across 40 random kills', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-crash-'));
    const result = await crashRounds(dir, Number(process.env.CRASH_KILLS ?? 40));
    console.info('crash test', { acked: result.acked, kinds: [...result.kinds], skipped: [...result.skipped] });
    expect(result.acked).toBeGreaterThan(100);
    for (const kind of ['team', 'member', 'meeting', 'attendance']) expect(result.kinds).toContain(kind);
    // Optional features must really take part once they exist, not be skipped silently.
    for (const [kind, channel] of [['opinion', 'opinions.create'], ['item', 'rectification.createItem']] as const) {
      if (isChannelName(channel)) expect([...result.skipped].filter((s) => s.startsWith(`SKIP ${kind} `))).toEqual([]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
