import { buildGbtDocument, type DocumentBlock } from '../../documents/gbt9704';
import { NOTICE_CHANNELS, type prepApi, type PrepDefaults } from '../../common/api/prep';
import { STEP_KEYS, addDays } from '../../common/meetings/steps';
import { type HandlerContext } from '../context';
import { readSettings, userToday } from '../settings';
import { saveExport } from '../files';
import { getMeeting } from '../meetings';
import { listMembers } from '../teams';
import type { HandlerMap } from '../types';
import { meetingName } from './names';
import { noticeBlocks } from './notice';
import { planBlocks } from './plan';
import { draftData, gapsOf, type DraftData } from './drafts';
import { meetingNoticeBlocks } from './meetingNotice';
import { signInBlocks } from './signIn';
import { hostScriptBlocks, noticeSubjects, opinionsNotice, scriptNotices, type ScriptNotice } from './hostScript';
import { computeStats } from '../opinions/stats';
import { openingNotices } from '../rectification/carryOver';

const WORD = [{ name: 'Word 文档', extensions: ['docx'] }];

/** The 通报 the 主持词 can print under the agenda's items: the ledger's, and the opinions board's when the agenda has that item. */
async function hostScriptNotices(ctx: HandlerContext, data: DraftData): Promise<ScriptNotice[]> {
  const ledger = await openingNotices(ctx, data.meeting.id, undefined, noticeSubjects(data.agenda));
  const opinions = data.agenda.some((a) => a.kind === 'opinions') ? [opinionsNotice((await computeStats(ctx, data.meeting.id)).paragraph)] : [];
  return [...ledger, ...opinions];
}

async function stepDates(ctx: HandlerContext, meetingDate: string) {
  const settings = await readSettings(ctx);
  return STEP_KEYS.map((key) => ({ key, offsetDays: settings.stepOffsets[key], due: addDays(meetingDate, settings.stepOffsets[key]) })).sort((a, b) => a.offsetDays - b.offsetDays);
}

/**
 * Five days before the 征求意见 step is due, to leave time for sorting; never earlier than three days from today
 * (units need time to answer) unless that passes the step's own deadline.
 */
export function noticeDeadline(opinionsDue: string, today: string): string {
  const wanted = addDays(opinionsDue, -5);
  const earliest = addDays(today, 3);
  if (wanted >= earliest) return wanted;
  return earliest <= opinionsDue ? earliest : opinionsDue >= today ? opinionsDue : earliest;
}

export const prepHandlers: HandlerMap<typeof prepApi> = {
  async 'prep.defaults'(ctx, input): Promise<PrepDefaults> {
    const meeting = await getMeeting(ctx, input.meetingId);
    const steps = await stepDates(ctx, meeting.date);
    const opinions = steps.find((s) => s.key === 'opinions')!;
    const data = await draftData(ctx, meeting.id);
    // The ledger's gaps in the agenda's order, then the opinions board's.
    const notices = scriptNotices(data.agenda, await hostScriptNotices(ctx, data)).sort((a, b) => Number(a.kind === 'opinions') - Number(b.kind === 'opinions'));
    return {
      meetingNoticeRecipients: '各位班子成员，列席会议同志',
      gaps: { meetingNotice: gapsOf('meetingNotice', data), signIn: gapsOf('signIn', data), hostScript: gapsOf('hostScript', data) },
      agendaFromMinutes: data.agendaFromMinutes,
      hostScriptNotices: notices.filter((n) => n.paragraphs.length === 0).map(({ title, titleEn, missing, missingEn }) => ({ title, ...(titleEn ? { titleEn } : {}), missing, missingEn })),
      noticeDeadline: noticeDeadline(opinions.due, await userToday(ctx)),
      issuer: meeting.teamName,
      recipients: '各乡镇党委，县直各单位党组织',
      channels: [...NOTICE_CHANNELS.slice(0, 4)],
      steps: steps.map(({ key, due }) => ({ key, due })),
    };
  },
  async 'prep.plan'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const members = await listMembers(ctx, meeting.teamId);
    const steps = await stepDates(ctx, meeting.date);
    const settings = await readSettings(ctx);
    const title = `${meeting.teamName}关于召开${meetingName(meeting).short}的方案`;
    const bytes = await buildGbtDocument({ blocks: planBlocks({ meeting, members, steps, issueDate: input.issueDate }), settings: settings.document, meta: { title } });
    return saveExport(ctx, { kind: 'prep.plan', meetingId: meeting.id, suggestedName: `${title}（草稿）.docx`, filters: WORD, bytes });
  },
  async 'prep.opinionNotice'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const settings = await readSettings(ctx);
    const title = `${meeting.teamName}关于征求${meetingName(meeting).short}意见建议的通知`;
    const bytes = await buildGbtDocument({ blocks: noticeBlocks(meeting, input), settings: settings.document, meta: { title } });
    return saveExport(ctx, { kind: 'prep.opinionNotice', meetingId: meeting.id, suggestedName: `${title}（草稿）.docx`, filters: WORD, bytes });
  },
  async 'prep.meetingNotice'(ctx, input) {
    const data = await draftData(ctx, input.meetingId);
    const title = `${data.meeting.teamName}关于召开${meetingName(data.meeting).short}的通知`;
    return saveDraft(ctx, 'prep.meetingNotice', data.meeting.id, title, meetingNoticeBlocks(data, input));
  },
  async 'prep.signIn'(ctx, input) {
    const data = await draftData(ctx, input.meetingId);
    return saveDraft(ctx, 'prep.signIn', data.meeting.id, `${meetingName(data.meeting).full}签到表`, signInBlocks(data));
  },
  async 'prep.hostScript'(ctx, input) {
    const data = await draftData(ctx, input.meetingId);
    return saveDraft(ctx, 'prep.hostScript', data.meeting.id, `在${meetingName(data.meeting).full}上的主持词`, hostScriptBlocks(data, await hostScriptNotices(ctx, data)));
  },
};

async function saveDraft(ctx: HandlerContext, kind: 'prep.meetingNotice' | 'prep.signIn' | 'prep.hostScript', meetingId: number, title: string, blocks: DocumentBlock[]) {
  const settings = await readSettings(ctx);
  const bytes = await buildGbtDocument({ blocks, settings: settings.document, meta: { title } });
  return saveExport(ctx, { kind, meetingId, suggestedName: `${title}（草稿）.docx`, filters: WORD, bytes });
}
