import path from 'node:path';
import { needChannels, openBenchApp, teamAndMeeting } from './context';
import { median, ms, pairedRatio, percentile, ratioText, ratioVerdict, type Row } from './stats';

const ENTRIES_BEFORE = 5_000;
const SAVES = 300;
const SENTENCE = '林向东同志在推进项目审批改革中，调查研究不够深入，对企业反映的多头跑、反复跑问题跟踪督办不够，希望今后多到基层一线听取意见。';

/**
 * The minutes write path: minutes.saveEntry through dispatch (validation, checks, savepoint, Kysely, triggers) against
 * a bare prepared statement doing the same row change on the same connection (same pragmas, same triggers), in a
 * meeting that already holds 5,000 entries. Handler and bare calls alternate, so both see the same machine noise.
 */
export async function writePathRows(dir: string): Promise<Row[]> {
  needChannels('minutes.prepare', 'minutes.advance', 'minutes.saveEntry');
  const app = await openBenchApp(path.join(dir, 'write.sqlite'));
  try {
    const { meetingId, memberIds } = await teamAndMeeting(app);
    await app.call('minutes.prepare', { meetingId });
    const state = (await app.call('minutes.advance', { meetingId, to: { mode: 'nextItem' } })) as { cursor: { itemId: number } };
    const itemId = state.cursor.itemId;
    const sqlite = app.connection.sqlite;
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      "INSERT INTO minutes_entries (key, meeting_id, agenda_item_id, type, from_member_id, to_member_id, aspect_id, text, sort_order, revision, created_at, updated_at) VALUES (?, ?, ?, 'criticism', ?, ?, NULL, ?, ?, 1, ?, ?)",
    );
    sqlite.transaction(() => {
      for (let i = 0; i < ENTRIES_BEFORE; i++) insert.run(`before${String(i).padStart(6, '0')}`, meetingId, itemId, memberIds[1 + (i % 8)], memberIds[0], SENTENCE, i + 1, now, now);
    })();
    const update = sqlite.prepare('UPDATE minutes_entries SET text = ?, revision = ?, updated_at = ? WHERE key = ? AND revision < ?');
    const save = (key: string, revision: number, text: string) =>
      app.call('minutes.saveEntry', { meetingId, key, revision, agendaItemId: itemId, type: 'criticism', fromMemberId: memberIds[2], fromGuest: '', toMemberId: memberIds[0], aspectId: null, text, draft: true });

    const handlerNew: number[] = [];
    const bareNew: number[] = [];
    const handlerSave: number[] = [];
    const bareSave: number[] = [];
    let sort = ENTRIES_BEFORE + 10;
    for (let i = -5; i < SAVES; i++) {
      const text = SENTENCE.slice(0, 20 + (Math.abs(i) % 40));
      let t = performance.now();
      await save(`handlernew${i + 10}`, 1, text);
      const h = performance.now() - t;
      t = performance.now();
      insert.run(`barenew${i + 10}`, meetingId, itemId, memberIds[2], memberIds[0], text, ++sort, now, now);
      const b = performance.now() - t;
      // The autosave: one entry rewritten with a growing text and a higher revision, as typing does.
      const typed = SENTENCE.repeat(3).slice(0, 10 + i + 5);
      t = performance.now();
      await save('handlerautosave', i + 10, typed);
      const hs = performance.now() - t;
      t = performance.now();
      if (i === -5) insert.run('bareautosave', meetingId, itemId, memberIds[2], memberIds[0], typed, ++sort, now, now);
      else update.run(typed, i + 10, now, 'bareautosave', i + 10);
      const bs = performance.now() - t;
      if (i < 0) continue; // warm-up
      handlerNew.push(h);
      bareNew.push(b);
      handlerSave.push(hs);
      bareSave.push(bs);
    }
    const row = (what: string, handler: number[], bare: number[], limit: number): Row[] => {
      const ratio50 = pairedRatio(handler, bare);
      const ratio99 = percentile(handler, 99) / percentile(bare, 99);
      return [
        {
          group: 'write',
          what: `${what}: handler p50 / p99`,
          figure: `${ms(median(handler))} / ${ms(percentile(handler, 99))}`,
          compare: `bare ${ms(median(bare))} / ${ms(percentile(bare, 99))}; p50 ratio ${ratioText(ratio50)}; p99 ratio ${ratio99.toFixed(2)}×`,
          target: `p50 ≤ ${limit}× bare`,
          verdict: ratioVerdict(ratio50, limit),
        },
      ];
    };
    return [
      ...row(`minutes autosave (${ENTRIES_BEFORE.toLocaleString('en')} entries in the meeting)`, handlerSave, bareSave, 1.3), // issue 20: 1.3× for the autosave
      ...row('minutes new entry', handlerNew, bareNew, 1.5),
    ];
  } finally {
    await app.close();
  }
}
