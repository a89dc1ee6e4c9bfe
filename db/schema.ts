import type { FoundationTables } from './schema/foundation';
import type { OpinionsTables } from './schema/opinions';
import type { TalksTables } from './schema/talks';
import type { MaterialsTables } from './schema/materials';
import type { RectificationTables } from './schema/rectification';
import type { MinutesTables } from './schema/minutes';
import type { ChecksTables } from './schema/checks';
import type { SubmissionTables } from './schema/submission';
import type { ReportTables } from './schema/report';
import type { MeetingRulesTables } from './schema/meetingRules';

/**
 * Kysely's view of the database: one interface per concept in db/schema/, joined here.
 * A feature that adds tables by migration adds its interface file and one `extends` entry below.
 */
export interface DB extends FoundationTables, OpinionsTables, TalksTables, MaterialsTables, RectificationTables, MinutesTables, ChecksTables, SubmissionTables, ReportTables, MeetingRulesTables {}

export type * from './schema/foundation';
export type * from './schema/opinions';
export type * from './schema/talks';
export type * from './schema/materials';
export type * from './schema/rectification';
export type * from './schema/minutes';
export type * from './schema/checks';
export type * from './schema/submission';
export type * from './schema/report';
