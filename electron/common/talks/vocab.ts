// The kinds of talk and of outside talk partner, without zod so the renderer can use them without loading the contract.

export const TALK_TYPES = ['secretary_member', 'member_member', 'member_department', 'other'] as const;
export const TALK_PERSON_KINDS = ['department_head', 'other'] as const;
export type TalkType = (typeof TALK_TYPES)[number];
export type TalkPersonKind = (typeof TALK_PERSON_KINDS)[number];
