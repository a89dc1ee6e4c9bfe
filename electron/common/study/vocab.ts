// The forms of a study session, without zod so the renderer can use them without loading the contract.

export const STUDY_FORMS = ['center_group', 'seminar', 'lecture', 'self_study'] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];
