/**
 * 会议情况报告 draft (domain.md §5): the handler reads what the data says (collectFacts, attendance, the list, the
 * 主送机关 setting) into `ReportFacts`; `composeReport` turns each supported fact into a sentence and lists the rest as
 * missing, with the reason.
 */
import type { ReportDraft, rectificationApi } from '../../common/api/rectification';
import { buildGbtDocument, type DocumentBlock } from '../../documents/gbt9704';
import { composeReport, type ReportFacts, type ReportItem } from '../../common/report/compose';
import { applyEdit, reviewEdit, withBasis, type ReportEditState, type StoredReportParagraph } from '../../common/report/edit';
import { nowIso, type HandlerContext } from '../context';
import { readSettings, userToday } from '../settings';
import { saveExport, type BuiltFile } from '../files';
import { getAttendance, getMeeting } from '../meetings';
import { collectFacts, type MeetingFacts } from '../meetings/facts';
import { meetingName } from '../prep/names';
import type { HandlerMap } from '../types';
import { findList, loadItems } from './store';
import { openingNotices } from './carryOver';

const ABSENCE_ZH = { leave: '请假', business_trip: '出差', other: '其他原因' } as const;

/** 主送机关 is the team's superior: one per team, kept in the settings table. */
const addresseeKey = (teamId: number) => `report.addressee.${teamId}`;

async function readAddressee(ctx: HandlerContext, teamId: number): Promise<string> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', addresseeKey(teamId)).executeTakeFirst();
  return row?.value ?? '';
}

/** Everything the report may claim, read from the data. */
export async function reportFacts(ctx: HandlerContext, meetingId: number): Promise<ReportFacts> {
  const meeting = await getMeeting(ctx, meetingId);
  const facts = await collectFacts(ctx, meetingId);
  const attendance = await getAttendance(ctx, meetingId);
  const today = await userToday(ctx);
  const list = await findList(ctx.db, meetingId);
  const items = list ? await loadItems(ctx, meetingId, today) : [];
  const marks = await ctx.db.selectFrom('attendance').select('member_id').where('meeting_id', '=', meetingId).executeTakeFirst();
  const started = Boolean(facts.minutes?.startedAt);
  const hostName = meeting.hostMemberId ? (attendance.rows.find((r) => r.memberId === meeting.hostMemberId)?.name ?? '') : '';
  const order = meeting.aspects.map((a) => a.id);
  const rank = (aspectId: number | null) => (aspectId === null || !order.includes(aspectId) ? order.length : order.indexOf(aspectId));
  const groups: { label: string | null; key: number; items: ReportItem[] }[] = [];
  for (const item of [...items].sort((a, b) => rank(a.aspectId) - rank(b.aspectId) || a.seq - b.seq)) {
    const key = rank(item.aspectId);
    let group = groups.find((g) => g.key === key);
    if (!group) groups.push((group = { key, label: key < order.length ? item.aspectLabel : null, items: [] }));
    group.items.push({ problem: item.problem, measures: item.measures, owned: item.leaders.length > 0 && item.unit.trim() !== '' && item.ownerPerson.trim() !== '' });
  }
  const o = facts.opinions;
  const m = facts.materials;
  const mn = facts.minutes;
  return {
    team: meeting.teamName.startsWith('中共') ? meeting.teamName : `中共${meeting.teamName}`,
    kindName: meetingName(meeting).short,
    today,
    addressee: await readAddressee(ctx, meeting.teamId),
    meeting: {
      held: meeting.status === 'held' || meeting.status === 'closed' || started,
      date: meeting.date,
      startTime: meeting.startTime,
      place: meeting.place,
      theme: meeting.theme,
      host: hostName,
    },
    attendance: {
      known: marks !== undefined || started,
      expected: attendance.expected,
      present: attendance.present,
      absent: attendance.rows.filter((r) => !r.present).map((r) => ({ name: r.name, reason: r.note || (r.absenceReason ? ABSENCE_ZH[r.absenceReason] : '故') })),
    },
    supervisors: meeting.guests.filter((g) => g.kind === 'supervisor').map((g) => ({ position: g.position, name: g.name })),
    attendees: meeting.guests.filter((g) => g.kind === 'attendee').map((g) => ({ position: g.position, name: g.name })),
    study: facts.study ? { sessions: facts.study.byForm.filter((f) => f.form !== 'self_study').reduce((n, f) => n + f.count, 0), selfStudy: facts.study.byForm.find((f) => f.form === 'self_study')?.count ?? 0 } : null,
    opinions: o
      ? {
          raw: o.raw,
          unsorted: o.unsorted,
          consolidated: o.consolidated,
          consolidatedToTeam: o.toTeam,
          consolidatedToMembers: o.toMembers,
          rawToTeam: o.rawToTeam,
          rawToMembers: o.rawToMembers,
          channels: o.byChannel.filter((c) => c.count > 0).map((c) => c.channel),
          formsIssued: o.formsIssued,
          formsReturned: o.formsReturned,
          membersWithOpinions: o.feedbackDue,
          membersNotFedBack: o.feedbackNotGiven,
        }
      : null,
    talks: facts.talks ? { personTimes: facts.talks.personTimes } : null,
    materials: m ? { submitted: m.submitted, teamSubmitted: m.teamSubmitted, approved: m.approved, resubmitted: m.resubmitted } : null,
    minutes: mn
      ? {
          finalized: mn.finalized,
          heldItems: mn.heldItems,
          selfCritics: mn.selfCritics,
          criticisms: mn.criticisms,
          roundsHeld: mn.roundsHeld,
          rounds: mn.members.filter((x) => x.present).map((x) => ({ name: x.name, received: x.inOwnRound })),
          secretary: secretaryFacts(mn.members),
        }
      : null,
    rectification: list
      ? {
          agreedOn: list.status === 'agreed' ? list.agreed_on : null,
          groups: groups.map(({ label, items: groupItems }) => ({ label, items: groupItems })),
          closed: items.filter((i) => i.status === 'closed').length,
          overdue: items.filter((i) => i.overdue).length,
        }
      : null,
  };
}

function secretaryFacts(members: NonNullable<MeetingFacts['minutes']>['members']): NonNullable<ReportFacts['minutes']>['secretary'] {
  const s = members.find((x) => x.secretary);
  return s ? { name: s.name, present: s.present, fromMembers: s.receivedFromMembers } : null;
}

export async function reportDraft(ctx: HandlerContext, meetingId: number): Promise<ReportDraft> {
  return composeReport(await reportFacts(ctx, meetingId), await openingNotices(ctx, meetingId));
}

/** The draft as GB/T 9704 blocks: title, 主送机关, opening, sections, 附件, 「特此报告。」 and 落款. */
export function reportBlocks(draft: ReportDraft): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: 'title', text: draft.title }, { kind: 'blankLine' }];
  blocks.push({ kind: 'plain', text: `${draft.addressee}：` });
  for (const p of draft.opening) blocks.push({ kind: 'paragraph', text: p });
  for (const section of draft.sections) {
    blocks.push({ kind: 'heading1', text: section.heading });
    for (const p of section.paragraphs) {
      const run = /^(（[一二三四五六七八九十]+）[^。]*。)(.*)$/s.exec(p);
      blocks.push(run ? { kind: 'heading2', heading: run[1], body: run[2] } : { kind: 'paragraph', text: p });
    }
  }
  blocks.push({ kind: 'paragraph', text: draft.closing });
  if (draft.attachments.length) {
    blocks.push({ kind: 'blankLine' });
    draft.attachments.forEach((a, i) => blocks.push({ kind: 'plain', text: `${i === 0 ? '附件：' : '\u3000\u3000\u3000'}${draft.attachments.length > 1 ? `${i + 1}. ` : ''}${a}`, leftIndentChars: 2 }));
  }
  blocks.push({ kind: 'blankLine' }, { kind: 'blankLine' });
  blocks.push({ kind: 'plain', text: draft.signature.organ, align: 'right', rightIndentChars: 4 });
  blocks.push({ kind: 'plain', text: draft.signature.date, align: 'right', rightIndentChars: 4 });
  return blocks;
}

async function readEdit(ctx: HandlerContext, meetingId: number): Promise<{ paragraphs: StoredReportParagraph[]; updatedAt: string } | null> {
  const row = await ctx.db.selectFrom('report_edits').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  return row ? { paragraphs: JSON.parse(row.paragraphs) as StoredReportParagraph[], updatedAt: row.updated_at } : null;
}

async function editState(ctx: HandlerContext, meetingId: number, draft: ReportDraft): Promise<ReportEditState | null> {
  const edit = await readEdit(ctx, meetingId);
  return edit ? { ...edit, changes: reviewEdit(draft, edit.paragraphs) } : null;
}

export const reportHandlers: Pick<HandlerMap<typeof rectificationApi>, 'report.draft' | 'report.exportDocx' | 'report.setAddressee' | 'report.edit' | 'report.saveEdit' | 'report.discardEdit'> = {
  async 'report.edit'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    return editState(ctx, input.meetingId, await reportDraft(ctx, input.meetingId));
  },
  async 'report.saveEdit'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    const draft = await reportDraft(ctx, input.meetingId);
    const paragraphs = JSON.stringify(withBasis(draft, input.paragraphs));
    const updated_at = nowIso(ctx);
    await ctx.db.insertInto('report_edits').values({ meeting_id: input.meetingId, paragraphs, updated_at }).onConflict((oc) => oc.column('meeting_id').doUpdateSet({ paragraphs, updated_at })).execute();
    return (await editState(ctx, input.meetingId, draft))!;
  },
  async 'report.discardEdit'(ctx, input) {
    await getMeeting(ctx, input.meetingId);
    await ctx.db.deleteFrom('report_edits').where('meeting_id', '=', input.meetingId).execute();
    return null;
  },
  'report.draft': (ctx, input) => reportDraft(ctx, input.meetingId),
  async 'report.setAddressee'(ctx, input) {
    const meeting = await getMeeting(ctx, input.meetingId);
    const key = addresseeKey(meeting.teamId);
    if (input.addressee === '') await ctx.db.deleteFrom('settings').where('key', '=', key).execute();
    else await ctx.db.insertInto('settings').values({ key, value: input.addressee }).onConflict((oc) => oc.column('key').doUpdateSet({ value: input.addressee })).execute();
    return reportDraft(ctx, input.meetingId);
  },
  async 'report.exportDocx'(ctx, input) {
    const file = await reportFile(ctx, input.meetingId);
    return saveExport(ctx, { kind: 'report.docx', meetingId: input.meetingId, suggestedName: `${file.title}（草稿）.docx`, filters: [{ name: 'Word 文档', extensions: ['docx'] }], bytes: file.bytes });
  },
};

/** The 会议情况报告 as composed from the data (every claim backed; what is not, left out). */
export async function reportFile(ctx: HandlerContext, meetingId: number): Promise<BuiltFile & { missing: number }> {
  const generated = await reportDraft(ctx, meetingId);
  // The secretary's edit when there is one: what changed in the data since is shown on the report screen.
  const edit = await readEdit(ctx, meetingId);
  const draft = edit ? applyEdit(generated, edit.paragraphs) : generated;
  const settings = await readSettings(ctx);
  const bytes = await buildGbtDocument({ blocks: reportBlocks(draft), settings: settings.document, meta: { title: draft.title } });
  return { name: `${draft.title}.docx`, title: draft.title, bytes, missing: draft.missing.length };
}
