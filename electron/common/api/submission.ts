import { z } from 'zod';
import { channel } from './define';
import { id, oneOf, text } from '../validation';

/** What can go into a 报送材料包 (domain.md §5, §9): one line per document or, for materials, per author. */
export type SubmissionItemGroup = 'report' | 'minutes' | 'material' | 'rectification' | 'opinions' | 'extra';

export interface SubmissionPlanItem {
  /** report, minutes, rectification, opinions, opinionStats, material:<material id>, or missing-material:<member id>. */
  key: string;
  group: SubmissionItemGroup;
  title: string;
  /** The file types it adds (Word, Excel). */
  formats: string[];
  ready: boolean;
  /** Why it is not ready (or what the user should know when it is), in both languages. */
  reason: { zh: string; en: string } | null;
  /** Ticked when the dialog opens: what usually goes upward and is ready. */
  suggested: boolean;
}

export interface SubmissionPlan {
  items: SubmissionPlanItem[];
  /** The 报送 deadline: the meeting day plus the unit's 会议情况报告 offset (15 days unless changed in settings). */
  due: string;
  today: string;
}

export interface SubmissionFileRow {
  /** File name inside the package. */
  name: string;
  title: string;
  bytes: number;
  sha256: string;
}

export interface SubmissionGap {
  title: string;
  reason: string;
}

export interface SubmissionRecord {
  id: number;
  at: string;
  recipient: string;
  format: 'zip' | 'folder';
  encrypted: boolean;
  complete: boolean;
  path: string;
  files: SubmissionFileRow[];
  gaps: SubmissionGap[];
}

export interface SubmissionResult {
  saved: boolean;
  record: SubmissionRecord | null;
}

const itemKey = z.string().regex(/^(report|minutes|rectification|opinions|opinionStats|material:\d{1,15})$/, { message: '材料项目无效 / invalid item' });

export const submissionApi = {
  /** Every document the package can carry, each ready or refused with the reason, and the deadline. */
  'submission.plan': channel(z.object({ meetingId: id() }).strict()).returns<SubmissionPlan>(),
  /**
   * Builds the package from the ticked items (each must be ready) with its 材料清单 first, as a .zip (AES-256 when a
   * password is given) or a folder, and records what was sent, when and to whom.
   */
  'submission.build': channel(
    z
      .object({
        meetingId: id(),
        keys: z.array(itemKey).min(1, { message: '请至少选择一项材料 / choose at least one item' }).max(200),
        format: oneOf({ zh: '报送形式', en: 'Package form' }, ['zip', 'folder']),
        password: text({ zh: '压缩包密码', en: 'Archive password' }, 64, { min: 8 }).nullable(),
        recipient: text({ zh: '报送对象', en: 'Recipient' }, 100, { min: 1 }),
      })
      .strict(),
  ).returns<SubmissionResult>(),
  /** What went up for this meeting, newest first. */
  'submission.list': channel(z.object({ meetingId: id() }).strict()).returns<SubmissionRecord[]>(),
};
