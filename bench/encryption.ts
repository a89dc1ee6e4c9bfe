import fs from 'node:fs';
import path from 'node:path';
import { backupDir, writeVerifiedBackup } from '../db/backup';
import { passphraseKey } from '../db/cipher';
import { openDatabase } from '../db/connection';
import { needChannels, openBenchApp, teamAndMeeting, type BenchApp } from './context';
import { median, ms, pairedRatio, percentile, ratioText, ratioVerdict, type Row } from './stats';

const PASS = '基准测试口令 benchmark';
const SAVES = 200;
const SENTENCE = '林向东同志在推进项目审批改革中，调查研究不够深入，对企业反映的多头跑、反复跑问题跟踪督办不够。';

async function timeOpen(file: string, key: Buffer | null): Promise<number> {
  const t = performance.now();
  const connection = await openDatabase({ file, key });
  const elapsed = performance.now() - t;
  await connection.close();
  return elapsed;
}

/** A meeting with minutes ready and `entries` entries in it; returns what an autosave needs. */
async function minutesMeeting(app: BenchApp) {
  const { meetingId, memberIds } = await teamAndMeeting(app);
  await app.call('minutes.prepare', { meetingId });
  const state = (await app.call('minutes.advance', { meetingId, to: { mode: 'nextItem' } })) as { cursor: { itemId: number } };
  return { meetingId, memberIds, itemId: state.cursor.itemId };
}

/**
 * What encryption at rest costs: the autosave through dispatch on an encrypted file against the same on a plain
 * file (alternating, so both see the same noise); opening the large file plain and encrypted (key derivation and
 * quick_check through the cipher); enabling encryption on the large file; a verified backup of each.
 */
export async function encryptionRows(dir: string, largeFile: string): Promise<Row[]> {
  needChannels('encryption.enable', 'minutes.saveEntry');
  const plain = await openBenchApp(path.join(dir, 'enc-plain.sqlite'));
  const encrypted = await openBenchApp(path.join(dir, 'enc-encrypted.sqlite'));
  const rows: Row[] = [];
  try {
    const a = await minutesMeeting(plain);
    const b = await minutesMeeting(encrypted);
    await encrypted.call('encryption.enable', { passphrase: PASS, confirm: PASS });
    const save = (app: BenchApp, m: typeof a, revision: number) =>
      app.call('minutes.saveEntry', { meetingId: m.meetingId, key: 'benchautosave', revision, agendaItemId: m.itemId, type: 'criticism', fromMemberId: m.memberIds[2], fromGuest: '', toMemberId: m.memberIds[0], aspectId: null, text: SENTENCE.repeat(3).slice(0, 10 + revision), draft: true });
    const timesPlain: number[] = [];
    const timesEncrypted: number[] = [];
    for (let i = 1; i <= SAVES + 5; i++) {
      let t = performance.now();
      await save(plain, a, i);
      const p = performance.now() - t;
      t = performance.now();
      await save(encrypted, b, i);
      const e = performance.now() - t;
      if (i > 5) {
        timesPlain.push(p);
        timesEncrypted.push(e);
      }
    }
    const ratio = pairedRatio(timesEncrypted, timesPlain);
    rows.push({
      group: 'encryption',
      what: 'minutes autosave on an encrypted file: p50 / p99',
      figure: `${ms(median(timesEncrypted))} / ${ms(percentile(timesEncrypted, 99))}`,
      compare: `plain ${ms(median(timesPlain))} / ${ms(percentile(timesPlain, 99))}; p50 ratio ${ratioText(ratio)}`,
      target: 'p50 ≤ 1.5× plain',
      verdict: ratioVerdict(ratio, 1.5),
    });
  } finally {
    await plain.ctx.connection.close();
    await encrypted.ctx.connection.close();
  }

  // The large file: open plain, enable encryption through the real handler, open encrypted.
  const copy = path.join(dir, 'enc-large', 'large.sqlite');
  fs.mkdirSync(path.dirname(copy), { recursive: true });
  fs.copyFileSync(largeFile, copy);
  const mb = (fs.statSync(copy).size / 1e6).toFixed(0);
  const openPlain: number[] = [];
  for (let i = 0; i < 3; i++) openPlain.push(await timeOpen(copy, null));
  const app = await openBenchApp(copy);
  let t = performance.now();
  await writeVerifiedBackup(app.ctx.sqlite, path.join(dir, 'enc-large', 'plain-backup.sqlite'));
  const backupPlain = performance.now() - t;
  t = performance.now();
  await app.call('encryption.enable', { passphrase: PASS, confirm: PASS });
  const enable = performance.now() - t;
  t = performance.now();
  await writeVerifiedBackup(app.ctx.sqlite, path.join(dir, 'enc-large', 'encrypted-backup.sqlite'));
  const backupEncrypted = performance.now() - t;
  await app.ctx.connection.close();
  fs.rmSync(backupDir(copy), { recursive: true, force: true });
  const openEncrypted: number[] = [];
  for (let i = 0; i < 3; i++) openEncrypted.push(await timeOpen(copy, passphraseKey(PASS)));
  rows.push(
    {
      group: 'encryption',
      what: `open the large file encrypted (${mb} MB; key derivation + quick_check), median of 3`,
      figure: ms(median(openEncrypted)),
      compare: `plain ${ms(median(openPlain))}; ratio ${(median(openEncrypted) / median(openPlain)).toFixed(2)}×`,
    },
    { group: 'encryption', what: `enable encryption on the large file (${mb} MB, no backups yet): verified encrypted copy + swap`, figure: ms(enable) },
    {
      group: 'encryption',
      what: `verified backup of the large file: encrypted (VACUUM INTO)`,
      figure: ms(backupEncrypted),
      compare: `plain (backup API) ${ms(backupPlain)}; ratio ${(backupEncrypted / backupPlain).toFixed(2)}×`,
    },
  );
  fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  return rows;
}
