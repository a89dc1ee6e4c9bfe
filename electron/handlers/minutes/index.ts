import type { minutesApi } from '../../common/api/minutes';
import { readSettings, userTimeZone } from '../settings';
import { buildGbtDocument } from '../../documents/gbt9704';
import { saveExport } from '../files';
import { getAttendance, getMeeting } from '../meetings';
import { collectDossier } from '../meetings/dossier';
import type { HandlerMap } from '../types';
import { prepareMinutes, saveAgenda } from './agenda';
import { blocksToText, minutesBlocks, minutesTitle } from './document';
import { deleteEntry, moveEntry, promote, saveEntry } from './entries';
import { finalize, reopen } from './finalize';
import { advance } from './flow';
import { loadConsole } from './state';
import { pendingPromotions } from './providers';

export const minutesHandlers: HandlerMap<typeof minutesApi> = {
  async 'minutes.prepare'(ctx, input) {
    await prepareMinutes(ctx, input.meetingId);
    return loadConsole(ctx, input.meetingId);
  },
  'minutes.console': (ctx, input) => loadConsole(ctx, input.meetingId),
  async 'minutes.saveAgenda'(ctx, input) {
    await prepareMinutes(ctx, input.meetingId);
    await saveAgenda(ctx, input);
    return loadConsole(ctx, input.meetingId);
  },
  async 'minutes.advance'(ctx, input) {
    await advance(ctx, input.meetingId, input.to);
    return loadConsole(ctx, input.meetingId);
  },
  'minutes.saveEntry': (ctx, input) => saveEntry(ctx, input),
  'minutes.moveEntry': (ctx, input) => moveEntry(ctx, input.id, input.direction),
  'minutes.deleteEntry': (ctx, input) => deleteEntry(ctx, input.id),
  'minutes.promote': (ctx, input) => promote(ctx, input.entryId, input.promoted),
  async 'minutes.pendingPromotions'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    return { pending: (await pendingPromotions(ctx, input.meetingId)).length };
  },
  async 'minutes.dossier'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    return { memberId: input.memberId, sections: await collectDossier(ctx, input.meetingId, input.memberId) };
  },
  async 'minutes.finalize'(ctx, input) {
    await finalize(ctx, input.meetingId, input.hostConfirmed, input.recorderConfirmed);
    return loadConsole(ctx, input.meetingId);
  },
  async 'minutes.reopen'(ctx, input) {
    await reopen(ctx, input.meetingId, input.reason);
    return loadConsole(ctx, input.meetingId);
  },
  async 'minutes.export'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    await prepareMinutes(ctx, input.meetingId);
    const state = await loadConsole(ctx, input.meetingId);
    const blocks = minutesBlocks(meeting, state, await getAttendance(ctx, input.meetingId), await userTimeZone(ctx));
    const title = minutesTitle(meeting);
    if (input.format === 'txt') {
      // A BOM so Windows Notepad and WPS open the Chinese text as UTF-8.
      const bytes = new TextEncoder().encode(`\uFEFF${blocksToText(blocks)}`);
      return saveExport(ctx, { kind: 'minutes.txt', meetingId: meeting.id, suggestedName: `${title}.txt`, filters: [{ name: '文本文件', extensions: ['txt'] }], bytes });
    }
    const settings = await readSettings(ctx);
    const bytes = await buildGbtDocument({ blocks, settings: settings.document, meta: { title } });
    return saveExport(ctx, { kind: 'minutes.docx', meetingId: meeting.id, suggestedName: `${title}.docx`, filters: [{ name: 'Word 文档', extensions: ['docx'] }], bytes });
  },
};
