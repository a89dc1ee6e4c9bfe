// The kinds of team and member roles, without zod so the renderer can use them without loading the contract.

export const ORGANS = ['party_group', 'party_committee', 'branch', 'other'] as const;
export const ROLES = ['secretary', 'deputy', 'member'] as const;
export type Organ = (typeof ORGANS)[number];
export type MemberRole = (typeof ROLES)[number];
