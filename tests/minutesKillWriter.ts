/**
 * The writer the kill test SIGKILLs: opens the database through openDatabase and types entries through the real
 * dispatch, printing one line per acknowledged save (`ACK key revision`) and per move (`CUR speechId`). The parent
 * then checks that every acknowledged write survived. Usage: tsx tests/minutesKillWriter.ts <db> <meetingId> <run>
 * (the kill test runs it as a bundle made once with esbuild, so each of many starts is quick).
 */
import { openDatabase } from '../db/connection';
import { createContext } from '../electron/handlers/compose';
import { dispatch } from '../electron/handlers/dispatch';
import { folderFiles } from '../electron/handlers/files';
import type { MinutesConsole } from '../electron/common/api/minutes';
import { textFor } from './minutesKillText';


async function main() {
  const [file, meetingArg, runArg] = process.argv.slice(2);
  const meetingId = Number(meetingArg);
  const connection = await openDatabase({ file });
  const ctx = createContext(connection, { files: folderFiles(`${file}.exports`) });
  const must = async (channel: string, input: unknown) => {
    const result = await dispatch(ctx, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  let state = (await must('minutes.console', { meetingId })) as MinutesConsole;
  for (let n = 0; ; n++) {
    // Every fourth entry the console moves to the next speaker, as F8 does.
    if (n % 4 === 0) {
      state = (await must('minutes.advance', { meetingId, to: { mode: 'nextSpeaker' } })) as MinutesConsole;
      process.stdout.write(`CUR ${state.cursor.speech?.id ?? 0}\n`);
    }
    const item = state.agenda.find((a) => a.id === state.cursor.itemId)!;
    const key = `r${runArg}n${String(n).padStart(6, '0')}`;
    // Keystroke by keystroke: several growing revisions of the same entry, each acknowledged.
    for (let revision = 1; revision <= 6; revision++) {
      await must('minutes.saveEntry', {
        meetingId, key, revision, agendaItemId: item.id, type: 'other', fromMemberId: null, fromGuest: '', toMemberId: null, aspectId: null,
        text: textFor(key, revision), draft: revision < 6,
      });
      process.stdout.write(`ACK ${key} ${revision}\n`);
    }
  }
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
