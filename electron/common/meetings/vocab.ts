// The fixed vocabularies of a meeting, without zod so the renderer can use them without loading the contract.

export const MEETING_KINDS = ['annual', 'special'] as const;
export const TRIGGERS = ['central_inspection', 'inspection', 'audit', 'discipline', 'other'] as const;
export const MEETING_STATUSES = ['preparing', 'in_progress', 'held', 'closed'] as const;
export const ABSENCE_REASONS = ['leave', 'business_trip', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingTrigger = (typeof TRIGGERS)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
