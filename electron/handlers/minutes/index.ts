import type { minutesApi } from '../../common/api/minutes';
import { readSettings, userTimeZone } from '../settings';
import { buildGbtDocument } from '../../documents/gbt9704';
import { saveExport, type BuiltFile } from '../files';
import type { HandlerContext } from '../context';
import { getAttendance, getMeeting } from '../meetings';
import { collectDossier } from '../meetings/dossier';
import type { HandlerMap } from '../types';
import { prepareMinutes, saveAgenda } from './agenda';
import { blocksToText, minutesBlocks, minutesTitle } from './document';
import { deleteEntry, moveEntry, promote, saveEntry } from './entries';
import { finalize, reopen } from './finalize';
import { advance } from './flow';
import { loadConsole } from './state';
import { checkFacts, checkSentences } from './checkFacts';
import { openingNotices } from '../rectification/carryOver';
import { pendingPromotions } from './providers';
import { applyMerge, listMerges, previewMerge, undoMerge } from './merge';

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
  'minutes.mergePreview': (ctx, input) => previewMerge(ctx, input.meetingId, input.bytes),
  async 'minutes.mergeApply'(ctx, input) {
    const result = await applyMerge(ctx, input);
    return { ...result, console: await loadConsole(ctx, input.meetingId) };
  },
  'minutes.merges': (ctx, input) => listMerges(ctx, input.meetingId),
  async 'minutes.mergeUndo'(ctx, input) {
    await undoMerge(ctx, input.meetingId, input.mergeId);
    return loadConsole(ctx, input.meetingId);
  },
  async 'minutes.export'(ctx, input) {
    const file = await minutesFile(ctx, input.meetingId, input.format);
    const filters = input.format === 'txt' ? [{ name: '文本文件', extensions: ['txt'] }] : [{ name: 'Word 文档', extensions: ['docx'] }];
    return saveExport(ctx, { kind: `minutes.${input.format}`, meetingId: input.meetingId, suggestedName: file.name, filters, bytes: file.bytes });
  },
};

/** The 会议记录 as Word (GB/T 9704) or plain text, as it stands. */
export async function minutesFile(ctx: HandlerContext, meetingId: number, format: 'docx' | 'txt'): Promise<BuiltFile> {
  const meeting = await getMeeting(ctx, meetingId);
  await prepareMinutes(ctx, meetingId);
  const state = await loadConsole(ctx, meetingId);
  const notices = await openingNotices(ctx, meetingId);
  const others = (await listMerges(ctx, meetingId)).filter((m) => m.undoneAt === null).map((m) => m.recorder).reverse();
  const blocks = minutesBlocks(meeting, state, await getAttendance(ctx, meetingId), await userTimeZone(ctx), checkSentences(await checkFacts(ctx, meetingId)), notices, others);
  const title = minutesTitle(meeting);
  // A BOM so Windows Notepad and WPS open the Chinese text as UTF-8.
  if (format === 'txt') return { name: `${title}.txt`, title, bytes: new TextEncoder().encode(`\uFEFF${blocksToText(blocks)}`) };
  const settings = await readSettings(ctx);
  return { name: `${title}.docx`, title, bytes: await buildGbtDocument({ blocks, settings: settings.document, meta: { title } }) };
}
