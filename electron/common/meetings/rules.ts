// This year's rules of a meeting (domain.md §9): optional parts set by the upper level's notice, kept as data.
// Without zod, so the renderer can use them.

export interface MeetingRules {
  /** The materials carry a 反面典型案例剖析 part (2025年度). */
  caseAnalysis: boolean;
  /** The meeting hears 通报班子成员受到谈话函询情况 (usual for a 年度 meeting). */
  reportInquiries: boolean;
  /** Extra opening 通报 items, in order: what is reported, e.g. 中央八项规定精神学习教育整改整治. */
  notices: string[];
}

export const MAX_NOTICES = 5;

/** A meeting saved before the rules existed, or created without them: 谈话函询 for a 年度 meeting only, nothing else. */
export const defaultRules = (kind: 'annual' | 'special'): MeetingRules => ({ caseAnalysis: false, reportInquiries: kind === 'annual', notices: [] });

/** 「通报中央八项规定精神学习教育整改整治情况」: the agenda title of an extra 通报 item. */
export const noticeTitle = (subject: string): string => `通报${subject.trim().replace(/情况$/u, '')}情况`;

/** A subject as typed, with a leading 通报 or a trailing 情况 taken off, so 「通报…情况」 is never doubled. */
export const noticeSubject = (typed: string): string => typed.trim().replace(/^通报/u, '').replace(/情况$/u, '').trim();
