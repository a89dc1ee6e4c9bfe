import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, text } from '../validation';
import type { DraftGap, DraftKind } from '../prep/gaps';

/** What was written (the user may cancel the save dialog: saved false). */
export interface PrepExport {
  saved: boolean;
  path: string | null;
  fileName: string | null;
  bytes: number;
}

export interface PrepDefaults {
  /** Suggested return deadline (see noticeDeadline in the handler); the user changes it before generating. */
  noticeDeadline: string;
  issuer: string;
  recipients: string;
  channels: string[];
  /** Preparation and follow-up steps with their dates from the dashboard offsets. */
  steps: { key: string; due: string }[];
  /** 主送 of the 会议通知. */
  meetingNoticeRecipients: string;
  /** Facts each draft lacks (printed as 「（地点待定）」…), listed before export. */
  gaps: Record<DraftKind, DraftGap[]>;
  /** True when the agenda comes from the minutes console, false when it is the standard one. */
  agendaFromMinutes: boolean;
  /** The 主持词's 通报 items the 整改台账 cannot give text for (printed as 「（…，此处通报内容请据实补充）」), and why. */
  /** `titleEn` where the title is the app's words rather than the meeting's own (an agenda or 通报 title). */
  hostScriptNotices: { title: string; titleEn?: string; missing: string; missingEn: string }[];
}

export { NOTICE_CHANNELS } from '../prep/vocab';
export type { DraftGap, DraftKind } from '../prep/gaps';

const issueDate = isoDate({ zh: '成文日期', en: 'Date of issue' });

export const noticeFields = z
  .object({
    meetingId: id(),
    deadline: isoDate({ zh: '反馈截止日期', en: 'Return deadline' }),
    recipients: text({ zh: '主送单位', en: 'Recipients' }, 200, { min: 1 }),
    channels: z.array(text({ zh: '征求方式', en: 'Channel' }, 50, { min: 1 })).max(20).refine((list) => list.length >= 1, { params: { zh: '请至少选择一种征求方式', en: 'Choose at least one channel' }, message: '请至少选择一种征求方式' }),
    sendTo: text({ zh: '报送地点或邮箱', en: 'Where to send' }, 200, { min: 1 }),
    contact: text({ zh: '联系人', en: 'Contact person' }, 50),
    phone: text({ zh: '联系电话', en: 'Phone' }, 50),
    issuer: text({ zh: '发文机关', en: 'Issuer' }, 100, { min: 1 }),
    issueDate,
  })
  .strict();

export const prepApi = {
  'prep.defaults': channel(z.object({ meetingId: id() }).strict()).returns<PrepDefaults>(),
  /** 会议方案 draft (.docx, GB/T 9704). */
  'prep.plan': channel(z.object({ meetingId: id(), issueDate }).strict()).returns<PrepExport>(),
  /** 征求意见通知 draft (.docx, GB/T 9704). */
  'prep.opinionNotice': channel(noticeFields).returns<PrepExport>(),
  /** 会议通知 draft to the members and 列席 (.docx, GB/T 9704). */
  'prep.meetingNotice': channel(
    z
      .object({
        meetingId: id(),
        recipients: text({ zh: '主送', en: 'Recipients' }, 200, { min: 1 }),
        contact: text({ zh: '联系人', en: 'Contact person' }, 50),
        phone: text({ zh: '联系电话', en: 'Phone' }, 50),
        issuer: text({ zh: '发文机关', en: 'Issuer' }, 100, { min: 1 }),
        issueDate,
      })
      .strict(),
  ).returns<PrepExport>(),
  /** 签到表 (.docx): members and 列席 with an empty 签到 column. */
  'prep.signIn': channel(z.object({ meetingId: id() }).strict()).returns<PrepExport>(),
  /** 主持词 draft from the agenda (.docx). */
  'prep.hostScript': channel(z.object({ meetingId: id() }).strict()).returns<PrepExport>(),
};
