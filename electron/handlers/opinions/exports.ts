/** Every file the opinions screen writes: template, 汇总表, counts, and the verbatim feedback to each member. */
import type { OpinionBoard, RawOpinion, SavedExport } from '../../common/api/opinions';
import { CHANNEL_LABELS, HANDLING_LABELS, OPINION_CHANNELS, TEAM_TARGET_LABEL } from '../../common/opinions/vocab';
import { chineseNumeral, formatChineseDate, buildGbtDocument, minCharsFor, type DocumentBlock } from '../../documents/gbt9704';
import { buildWorkbook, type ColumnSpec, type SheetSpec } from '../../documents/workbook';
import { notFound } from '../../common/result';
import { nowIso, type HandlerContext } from '../context';
import { readSettings, userToday } from '../settings';
import { saveExport, type BuiltFile, type SavedFile } from '../files';
import { computeStats } from './stats';
import { getBoard } from './store';
import { meetingName } from '../../common/meetings/name';

const XLSX = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
const DOCX = [{ name: 'Word 文档', extensions: ['docx'] }];

interface MeetingInfo {
  id: number;
  title: string;
  teamName: string;
  members: { id: number; name: string }[];
  aspects: { id: number; label: string }[];
}

async function meetingInfo(ctx: HandlerContext, meetingId: number): Promise<MeetingInfo> {
  const m = await ctx.db.selectFrom('meetings').innerJoin('teams', 'teams.id', 'meetings.team_id').select(['meetings.id', 'meetings.year', 'meetings.kind', 'meetings.trigger', 'meetings.team_id', 'teams.name']).where('meetings.id', '=', meetingId).executeTakeFirstOrThrow();
  const members = await ctx.db.selectFrom('members').select(['id', 'name']).where('team_id', '=', m.team_id).orderBy('sort_order').execute();
  const aspects = await ctx.db.selectFrom('meeting_aspects').select(['id', 'label']).where('meeting_id', '=', meetingId).orderBy('sort_order').execute();
  const title = meetingName({ teamName: m.name, kind: m.kind, trigger: m.trigger, year: m.year }).full;
  return { id: m.id, title, teamName: m.name, members, aspects };
}

const targetName = (info: MeetingInfo, memberId: number | null) => (memberId === null ? TEAM_TARGET_LABEL : (info.members.find((m) => m.id === memberId)?.name ?? ''));
const aspectName = (info: MeetingInfo, aspectId: number | null) => (aspectId === null ? '未归类' : (info.aspects.find((a) => a.id === aspectId)?.label ?? '未归类'));
const done = (files: SavedFile[]): SavedExport => ({
  saved: files.some((f) => f.saved),
  files: files.filter((f) => f.saved).map((f) => ({ path: f.path as string, fileName: f.fileName as string, bytes: f.bytes })),
});
const pageSettings = async (ctx: HandlerContext) => (await readSettings(ctx)).document;

export async function exportTemplate(ctx: HandlerContext, meetingId: number): Promise<SavedExport> {
  const info = await meetingInfo(ctx, meetingId);
  const columns: ColumnSpec[] = [
    { key: 'no', header: '序号', width: 6, align: 'center' },
    { key: 'target', header: '针对对象', width: 14, validation: { list: [TEAM_TARGET_LABEL, ...info.members.map((m) => m.name)], prompt: '请选择“领导班子”或班子成员' } },
    { key: 'aspect', header: '方面', width: 30, validation: { list: info.aspects.map((a) => a.label), strict: false, prompt: '可不填，由汇总人归类' } },
    { key: 'text', header: '意见和建议', width: 60 },
    { key: 'channel', header: '来源渠道', width: 14, validation: { list: OPINION_CHANNELS.map((c) => CHANNEL_LABELS[c].zh) } },
    { key: 'source', header: '提出单位', width: 18 },
    { key: 'date', header: '日期', width: 12 },
    { key: 'anonymous', header: '是否匿名', width: 10, align: 'center', validation: { list: ['是', '否'], prompt: '匿名意见不记录提出人' } },
    { key: 'submitter', header: '提出人（可不填）', width: 14 },
  ];
  const sheet: SheetSpec = {
    name: '征求意见表',
    title: `${info.title}征求意见表`,
    subtitle: '单位（盖章）：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000填表日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日\u3000\u3000（对班子成员个人的意见请在“针对对象”中选择姓名）',
    columns,
    rows: [],
    blankRows: 40,
  };
  const bytes = await buildWorkbook({ sheets: [sheet] });
  return done([await saveExport(ctx, { kind: 'opinions.template', meetingId, suggestedName: `${info.title}征求意见表.xlsx`, filters: XLSX, bytes })]);
}

interface SummaryRow {
  text: string;
  target: string;
  aspect: string;
  channel: string;
  merged: number;
  handling: string;
  note: string;
}

function summaryRows(board: OpinionBoard, info: MeetingInfo): SummaryRow[] {
  const byId = new Map(board.opinions.map((o) => [o.id, o]));
  const channelsOf = (raws: RawOpinion[]) => [...new Set(raws.map((r) => CHANNEL_LABELS[r.channel].zh))].join('、');
  const groups = board.consolidated.map((c) => {
    const raws = c.rawIds.map((id) => byId.get(id)).filter((r): r is RawOpinion => r !== undefined);
    const originals = raws.length > 1 || (raws[0] && raws[0].text.trim() !== c.text) ? `\n【原文】\n${raws.map((r, i) => `${i + 1}. ${r.text}`).join('\n')}` : '';
    return { text: `${c.text}${originals}`, target: targetName(info, c.targetMemberId), aspect: aspectName(info, c.aspectId), channel: channelsOf(raws), merged: raws.length, handling: HANDLING_LABELS[c.handling].zh, note: c.note };
  });
  const singles = board.opinions
    .filter((o) => o.consolidatedId === null)
    .map((o) => ({ text: o.text, target: targetName(info, o.targetMemberId), aspect: aspectName(info, o.aspectId), channel: channelsOf([o]), merged: 1, handling: '', note: '未梳理' }));
  return [...groups, ...singles];
}

const SUMMARY_COLUMNS = [
  { key: 'no', header: '序号', pct: 5 },
  { key: 'text', header: '意见建议（原文/梳理后）', pct: 38 },
  { key: 'target', header: '针对对象', pct: 8 },
  { key: 'aspect', header: '方面', pct: 15 },
  { key: 'channel', header: '来源渠道', pct: 9 },
  { key: 'merged', header: '合并条数', pct: 6 },
  { key: 'handling', header: '处理方式', pct: 9 },
  { key: 'note', header: '备注', pct: 10 },
] as const;

export async function exportSummary(ctx: HandlerContext, meetingId: number, format: 'xlsx' | 'docx'): Promise<SavedExport> {
  const file = await summaryFile(ctx, meetingId, format);
  return done([await saveExport(ctx, { kind: 'opinions.summary', meetingId, suggestedName: file.name, filters: format === 'xlsx' ? XLSX : DOCX, bytes: file.bytes })]);
}

/** The 征求意见汇总表 (domain.md §3), Word (GB/T 9704, landscape table) or Excel. */
export async function summaryFile(ctx: HandlerContext, meetingId: number, format: 'xlsx' | 'docx'): Promise<BuiltFile> {
  const info = await meetingInfo(ctx, meetingId);
  const rows = summaryRows(await getBoard(ctx, meetingId), info);
  const title = `${info.title}征求意见汇总表`;
  if (format === 'xlsx') {
    const bytes = await buildWorkbook({
      sheets: [
        {
          name: '征求意见汇总表',
          title,
          columns: SUMMARY_COLUMNS.map((c) => ({ key: c.key, header: c.header, width: c.pct * 1.6, align: c.key === 'no' || c.key === 'merged' ? 'center' : 'left' })),
          rows: rows.map((r, i) => ({ no: i + 1, ...r })),
        },
      ],
    });
    return { name: `${title}.xlsx`, title, bytes };
  }
  const cells = rows.map((r, i) => [String(i + 1), r.text, r.target, r.aspect, r.channel, String(r.merged), r.handling, r.note]);
  const blocks: DocumentBlock[] = [
    {
      kind: 'section',
      orientation: 'landscape',
      blocks: [
        { kind: 'title', text: title },
        { kind: 'blankLine' },
        {
          kind: 'table',
          fontSizePt: 12,
          columns: SUMMARY_COLUMNS.map((c, i) => ({
            title: c.header,
            widthPct: c.pct,
            // Names, 「领导班子」, channels and handling stay whole on one line of their cell.
            ...(WHOLE_CAPS[c.key] ? { minChars: minCharsFor(cells.map((r) => r[i]), WHOLE_CAPS[c.key]) } : {}),
            align: c.key === 'no' || c.key === 'merged' ? 'center' : 'left',
          })),
          rows: cells,
        },
      ],
    },
  ];
  const bytes = await buildGbtDocument({ blocks, settings: await pageSettings(ctx), meta: { title } });
  return { name: `${title}.docx`, title, bytes };
}

/** Widest a whole-line column of the summary table may ask for, in characters. */
const WHOLE_CAPS: Record<string, number> = { target: 5, channel: 5, handling: 5 };

const plainCount = (c: { label: string; raw: number; consolidated: number }) => ({ label: c.label, raw: c.raw, consolidated: c.consolidated });

export async function exportStats(ctx: HandlerContext, meetingId: number): Promise<SavedExport> {
  const file = await statsFile(ctx, meetingId);
  return done([await saveExport(ctx, { kind: 'opinions.stats', meetingId, suggestedName: file.name, filters: XLSX, bytes: file.bytes })]);
}

/** The counts of the opinions gathered (by channel, target, aspect) as a workbook. */
export async function statsFile(ctx: HandlerContext, meetingId: number): Promise<BuiltFile> {
  const info = await meetingInfo(ctx, meetingId);
  const stats = await computeStats(ctx, meetingId);
  const title = `${info.title}征求意见情况统计`;
  const count = (first: string) => [
    { key: 'label', header: first, width: 40 },
    { key: 'raw', header: '原始意见（条）', width: 14, align: 'center' as const },
    { key: 'consolidated', header: '梳理后（条）', width: 14, align: 'center' as const },
  ];
  const bytes = await buildWorkbook({
    sheets: [
      {
        name: '总体',
        title,
        subtitle: stats.paragraph,
        columns: [
          { key: 'item', header: '项目', width: 30 },
          { key: 'value', header: '数量', width: 14, align: 'center' },
        ],
        rows: [
          { item: '征求意见（原始）', value: stats.raw },
          { item: '梳理后意见', value: stats.consolidated },
          { item: '其中：对领导班子', value: stats.consolidatedToTeam },
          { item: '其中：对班子成员个人', value: stats.consolidatedToMembers },
          { item: '匿名意见（原始）', value: stats.anonymous },
          { item: '发放征求意见表（份）', value: stats.formsIssued },
          { item: '收回征求意见表（份）', value: stats.formsReturned },
        ],
      },
      { name: '按渠道', title: `${title}（按来源渠道）`, columns: [...count('来源渠道'), { key: 'issued', header: '发放（份）', width: 12, align: 'center' }, { key: 'returned', header: '收回（份）', width: 12, align: 'center' }], rows: stats.byChannel.map((c) => ({ label: c.label, raw: c.raw, consolidated: c.consolidated, issued: c.issued, returned: c.returned })) },
      { name: '按对象', title: `${title}（按针对对象）`, columns: count('针对对象'), rows: stats.byTarget.map(plainCount) },
      { name: '按方面', title: `${title}（按方面）`, columns: count('方面'), rows: stats.byAspect.map(plainCount) },
    ],
  });
  return { name: `${title}.xlsx`, title, bytes };
}

/** The opinions addressed to one member (or the 班子), verbatim, grouped by aspect in the meeting's order. */
export function feedbackGroups(board: OpinionBoard, info: MeetingInfo, memberId: number | null): { label: string; opinions: RawOpinion[] }[] {
  const mine = board.opinions.filter((o) => o.targetMemberId === memberId);
  const groups = info.aspects.map((a) => ({ label: a.label, opinions: mine.filter((o) => o.aspectId === a.id) }));
  groups.push({ label: '其他意见建议', opinions: mine.filter((o) => o.aspectId === null) });
  return groups.filter((g) => g.opinions.length > 0);
}

async function feedbackDocx(ctx: HandlerContext, info: MeetingInfo, board: OpinionBoard, memberId: number | null): Promise<Uint8Array> {
  const who = memberId === null ? '领导班子' : `${targetName(info, memberId)}同志`;
  const groups = feedbackGroups(board, info, memberId);
  const total = groups.reduce((s, g) => s + g.opinions.length, 0);
  const blocks: DocumentBlock[] = [
    { kind: 'title', text: `${info.title}\n征求意见情况反馈` },
    { kind: 'subtitle', text: `（${who}）` },
    { kind: 'blankLine' },
    {
      kind: 'paragraph',
      text:
        total > 0
          ? `现将本次民主生活会会前征求到的对${who}的意见建议原汁原味反馈如下，共${total}条。请认真对照检视，在撰写对照检查材料时逐条予以回应。`
          : `本次民主生活会会前征求意见中，未收到针对${who}的意见建议。`,
    },
  ];
  groups.forEach((g, gi) => {
    blocks.push({ kind: 'heading1', text: `${chineseNumeral(gi + 1)}、${g.label.replace(/[。；;]+$/, '')}` });
    g.opinions.forEach((o, i) => {
      blocks.push({ kind: 'paragraph', runs: [{ text: `${i + 1}.` }, { text: o.text }, { text: `（${CHANNEL_LABELS[o.channel].zh}）`, font: 'heading2' }] });
    });
  });
  blocks.push({ kind: 'blankLine' }, { kind: 'plain', text: formatChineseDate(await userToday(ctx)), align: 'right', rightIndentChars: 4 });
  return buildGbtDocument({ blocks, settings: await pageSettings(ctx), meta: { title: `征求意见情况反馈（${who}）` } });
}

async function feedbackXlsx(info: MeetingInfo, board: OpinionBoard, memberId: number | null): Promise<Uint8Array> {
  const who = memberId === null ? '领导班子' : `${targetName(info, memberId)}同志`;
  const rows = feedbackGroups(board, info, memberId).flatMap((g) => g.opinions.map((o) => ({ aspect: g.label, text: o.text, channel: CHANNEL_LABELS[o.channel].zh, date: o.date ?? '' })));
  return buildWorkbook({
    sheets: [
      {
        name: '征求意见反馈',
        title: `${info.title}征求意见情况反馈（${who}）`,
        subtitle: `共${rows.length}条，原文照录`,
        columns: [
          { key: 'no', header: '序号', width: 6, align: 'center' },
          { key: 'aspect', header: '方面', width: 30 },
          { key: 'text', header: '意见建议（原文）', width: 70 },
          { key: 'channel', header: '来源渠道', width: 14 },
          { key: 'date', header: '日期', width: 12 },
        ],
        rows: rows.map((r, i) => ({ no: i + 1, ...r })),
      },
    ],
  });
}

export async function exportFeedback(ctx: HandlerContext, meetingId: number, memberIds: (number | null)[], format: 'xlsx' | 'docx'): Promise<SavedExport> {
  const info = await meetingInfo(ctx, meetingId);
  const unique = [...new Set(memberIds)];
  for (const id of unique) {
    if (id !== null && !info.members.some((m) => m.id === id)) {
      throw notFound({ zh: '本班子成员', en: 'Team member' }, id);
    }
  }
  const board = await getBoard(ctx, meetingId);
  let targetDir: string | undefined;
  if (unique.length > 1) {
    const dir = await ctx.files.chooseDirectory();
    if (!dir) return { saved: false, files: [] };
    targetDir = dir;
  }
  const saved: SavedFile[] = [];
  for (const id of unique) {
    const name = id === null ? '领导班子' : targetName(info, id);
    const bytes = format === 'docx' ? await feedbackDocx(ctx, info, board, id) : await feedbackXlsx(info, board, id);
    const file = await saveExport(ctx, { kind: 'opinions.feedback', meetingId, suggestedName: `征求意见反馈-${name}.${format}`, filters: format === 'docx' ? DOCX : XLSX, bytes, targetDir });
    if (!file.saved) break;
    await ctx.db.insertInto('opinion_feedback').values({ meeting_id: meetingId, member_id: id, format, given_at: nowIso(ctx) }).execute();
    saved.push(file);
  }
  return done(saved);
}
