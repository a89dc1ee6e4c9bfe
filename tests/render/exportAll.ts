/**
 * Every Word and Excel export the app has, produced through the real handlers, and a stress meeting to produce them
 * from: 15 members and 30 rectification items with long text. CSV, text and exchange files are not documents a
 * reader looks at on paper; the PDF of the list is Chromium's (desktop only) and has its own e2e test.
 */
import type { Input } from '../../electron/common/api';
import type { TestApp } from '../../electron/handlers/testing';

export interface ExportedDocument {
  /** Unique within a run: `<case>-<kind>`. */
  readonly name: string;
  /** Channel and variant, e.g. `rectification.exportDocx current`. */
  readonly kind: string;
  readonly file: string;
  /** Text documents set on the GB/T 9704 grid (28 × 22), as against tables and workbooks. */
  readonly gridText: boolean;
}

interface Ids {
  teamId: number;
  meetingId: number;
}

/** The export kinds, one entry per channel and variant; the test checks this list against the API. */
export const EXPORT_CHANNELS = [
  'prep.plan',
  'prep.opinionNotice',
  'prep.meetingNotice',
  'prep.signIn',
  'prep.hostScript',
  'materials.export',
  'minutes.export',
  'opinions.exportTemplate',
  'opinions.exportSummary',
  'opinions.exportStats',
  'opinions.exportFeedback',
  'rectification.exportDocx',
  'rectification.exportXlsx',
  'rectification.exportReview',
  'report.exportDocx',
  'submission.build',
] as const;

export async function exportEverything(app: TestApp, ids: Ids, label: string): Promise<ExportedDocument[]> {
  const out: ExportedDocument[] = [];
  const add = (kind: string, short: string, file: string | null | undefined, gridText: boolean) => {
    if (!file) throw new Error(`${kind} wrote no file`);
    out.push({ name: `${label}-${short}`, kind, file, gridText });
  };
  const { meetingId, teamId } = ids;
  const defaults = await app.must('prep.defaults', { meetingId });
  add('prep.plan', 'plan', (await app.must('prep.plan', { meetingId, issueDate: '2026-11-20' })).path, true);
  const notice: Input<'prep.opinionNotice'> = {
    meetingId,
    deadline: defaults.noticeDeadline,
    recipients: defaults.recipients,
    channels: defaults.channels,
    sendTo: '县政府办公室秘书科（县政府大楼302室）',
    contact: '郭文静',
    phone: '0571-12345678',
    issuer: defaults.issuer,
    issueDate: '2026-11-20',
  };
  add('prep.opinionNotice', 'notice', (await app.must('prep.opinionNotice', notice)).path, true);
  const meetingNotice = { meetingId, recipients: defaults.meetingNoticeRecipients, contact: '郭文静', phone: '0571-12345678', issuer: defaults.issuer, issueDate: '2026-12-06' };
  add('prep.meetingNotice', 'meeting-notice', (await app.must('prep.meetingNotice', meetingNotice)).path, true);
  add('prep.signIn', 'sign-in', (await app.must('prep.signIn', { meetingId })).path, false);
  add('prep.hostScript', 'host-script', (await app.must('prep.hostScript', { meetingId })).path, true);
  const materials = await app.must('materials.export', { meetingId, ids: null, format: 'docx' });
  // The 班子 material and one member's: the others are made the same way.
  add('materials.export team', 'material-team', materials.files[0]?.path, true);
  add('materials.export member', 'material-member', materials.files[1]?.path, true);
  add('minutes.export', 'minutes', (await app.must('minutes.export', { meetingId, format: 'docx' })).path, true);
  add('report.exportDocx', 'report', (await app.must('report.exportDocx', { meetingId })).path, true);
  add('opinions.exportTemplate', 'opinion-template', (await app.must('opinions.exportTemplate', { meetingId })).files[0]?.path, false);
  add('opinions.exportSummary xlsx', 'opinion-summary-xlsx', (await app.must('opinions.exportSummary', { meetingId, format: 'xlsx' })).files[0]?.path, false);
  add('opinions.exportSummary docx', 'opinion-summary-docx', (await app.must('opinions.exportSummary', { meetingId, format: 'docx' })).files[0]?.path, false);
  add('opinions.exportStats', 'opinion-stats', (await app.must('opinions.exportStats', { meetingId })).files[0]?.path, false);
  const members = await app.must('members.list', { teamId });
  add('opinions.exportFeedback docx', 'feedback-docx', (await app.must('opinions.exportFeedback', { meetingId, memberIds: [members[1].id], format: 'docx' })).files[0]?.path, true);
  add('opinions.exportFeedback xlsx', 'feedback-xlsx', (await app.must('opinions.exportFeedback', { meetingId, memberIds: [members[1].id], format: 'xlsx' })).files[0]?.path, false);
  add('rectification.exportDocx current', 'rect-current-docx', (await app.must('rectification.exportDocx', { meetingId, version: 'current', scope: 'all', attachmentLabel: null })).path, false);
  add('rectification.exportXlsx current', 'rect-current-xlsx', (await app.must('rectification.exportXlsx', { meetingId, version: 'current', scope: 'all' })).path, false);
  const agreedMeeting = (await app.must('rectification.agreedVersion', { meetingId })) ? meetingId : await lastYearMeeting(app, ids);
  add('rectification.exportDocx agreed', 'rect-agreed-docx', (await app.must('rectification.exportDocx', { meetingId: agreedMeeting, version: 'agreed', scope: 'all', attachmentLabel: '附件1' })).path, false);
  add('rectification.exportXlsx agreed', 'rect-agreed-xlsx', (await app.must('rectification.exportXlsx', { meetingId: agreedMeeting, version: 'agreed', scope: 'all' })).path, false);
  add('rectification.exportReview', 'rect-review-xlsx', (await app.must('rectification.exportReview', { meetingId })).path, false);
  // The 材料清单 of a 报送材料包 (its first file), with every item that is ready: a table of names and hashes.
  const plan = await app.must('submission.plan', { meetingId });
  const pkg = await app.must('submission.build', { meetingId, keys: plan.items.filter((i) => i.ready).map((i) => i.key), format: 'folder', password: null, recipient: '县委组织部' });
  const folder = pkg.record?.path;
  add('submission.build manifest', 'submission-manifest', folder ? `${folder}/${pkg.record!.files[0].name}` : null, false);
  return out;
}

async function lastYearMeeting(app: TestApp, ids: Ids): Promise<number> {
  for (const m of await app.must('meetings.list', { teamId: ids.teamId })) {
    if (m.id !== ids.meetingId && (await app.must('rectification.agreedVersion', { meetingId: m.id }))) return m.id;
  }
  throw new Error('the demo has no agreed list to export');
}

const EXTRA_MEMBERS = [
  ['欧阳建国', '副县长，县政府党组成员', '民政、人力资源社会保障、退役军人事务'],
  ['上官婉清', '副县长，县政府党组成员', '统计、档案、地方志、外事侨务'],
  ['马骏', '县政府党组成员、县发展改革局局长', '发展改革、粮食和物资储备'],
  ['司马文涛', '县政府党组成员、县财政局局长', '财政、国有资产'],
  ['朱红梅', '县政府党组成员、县教育局局长', '教育、体育'],
  ['诸葛明远', '县政府党组成员、县住房城乡建设局局长', '住房城乡建设、城市管理'],
  ['郑凯', '县政府党组成员、县农业农村局局长', '农业农村、乡村振兴'],
] as const;

const LONG_PROBLEM =
  '在贯彻落实上级关于优化营商环境、推动高质量发展的决策部署中，存在“重部署、轻落实”的倾向，有的工作停留在发文件、开会议层面，' +
  '对基层反映强烈的审批环节多、办理时限长、跨部门协同不畅等问题跟踪问效不够，个别项目推进中出现“中梗阻”，群众和企业获得感不强。';
const LONG_MEASURES = [
  '建立重点任务清单化管理机制，逐项明确责任单位、责任人和完成时限，实行“交办—督办—反馈—销号”闭环管理，每月调度一次',
  '围绕企业和群众反映集中的审批事项，开展流程再造和减环节、减材料、减时限专项行动，年内压减办理时限百分之三十以上',
  '健全跨部门协同会商制度，对涉及两个以上部门的事项由牵头领导召集会商，会商意见限期落实并纳入年度考核',
];

/**
 * The demo plus 7 members (15 in all, some with 4-character names) and items up to 30 on this meeting's list, with
 * long problem, measure and progress text, two leaders each and dates as long as 2027年12月31日.
 */
export async function addStress(app: TestApp, ids: Ids): Promise<void> {
  for (const [name, position, portfolio] of EXTRA_MEMBERS) {
    await app.must('members.create', { teamId: ids.teamId, name, position, role: 'member', portfolio });
  }
  const members = await app.must('members.list', { teamId: ids.teamId });
  const meeting = await app.must('meetings.get', { id: ids.meetingId });
  const existing = (await app.must('rectification.get', { meetingId: ids.meetingId })).items.length;
  const dates = ['2027-06-30', '2027-12-31', '2027-03-31', '2027-09-30'];
  for (let i = existing; i < 30; i++) {
    const leaderA = members[i % members.length];
    const leaderB = members[(i + 8) % members.length];
    const deadline = i % 7 === 3 ? { kind: 'immediate' as const, date: null } : i % 7 === 5 ? { kind: 'ongoing' as const, date: null } : { kind: 'date' as const, date: dates[i % dates.length] };
    const list = await app.must('rectification.createItem', {
      meetingId: ids.meetingId,
      item: {
        aspectId: meeting.aspects[i % meeting.aspects.length]?.id ?? null,
        memberId: i % 3 === 0 ? null : leaderA.id,
        problem: `${LONG_PROBLEM.slice(0, 60 + ((i * 37) % 70))}（第${i + 1}项）`,
        target: '审批事项平均办理时限压减百分之三十以上，企业满意度达到百分之九十五以上，重点项目按节点推进。',
        measures: LONG_MEASURES.slice(0, 1 + (i % 3)),
        leaderIds: [leaderA.id, leaderB.id],
        unit: i % 2 ? '县发展和改革局、县行政审批服务局' : '县政府办公室',
        ownerPerson: `县政府办公室 ${members[(i + 3) % members.length].name}`,
        deadline,
        note: i % 4 === 0 ? '与巡察反馈问题整改一体推进' : '',
      },
      sources: [],
    });
    const item = list.items[list.items.length - 1];
    if (i % 2 === 0) {
      await app.must('rectification.addProgress', {
        itemId: item.id,
        date: '2026-11-25',
        kind: 'progress',
        text: '已制定专项整改方案，召开专题会议两次，梳理审批事项一百二十项，其中四十六项完成流程再造，平均办理时限由十二个工作日压减至七个工作日。',
        by: '郭文静',
        statusTo: 'in_progress',
        acceptor: '',
        evidence: [],
      });
    }
  }
}
