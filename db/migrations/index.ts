import { foundation } from './001_foundation';
import { opinions } from './002_opinions';
import { talks } from './003_talks';
import { materials } from './004_materials';
import { minutes } from './005_minutes';
import { rectification } from './006_rectification';
import { search } from './008_search';
import { erasures } from './010_erasures';
import { feedback } from './011_feedback';
import { hostEntries } from './012_host_entries';
import { checks } from './013_checks';
import { submission } from './014_submission';
import { evidenceFiles } from './015_evidence_files';
import { rectificationOrigins } from './016_rectification_origins';
import { reportEdits } from './017_report_edits';
import { minutesMerges } from './018_minutes_merges';
import { meetingRules } from './019_meeting_rules';
import { rectificationLinks } from './020_rectification_links';
import { checkup } from './021_checkup';
import { duplicateDismissals } from './022_duplicate_dismissals';
import type { Migration } from './types';

/**
 * Every migration, in order. A static list on purpose: directory globbing breaks once the app is bundled.
 * Append only; never edit a migration that has shipped.
 */
export const migrations: readonly Migration[] = [foundation, opinions, talks, materials, minutes, rectification, search, erasures, feedback, hostEntries, checks, submission, evidenceFiles, rectificationOrigins, reportEdits, minutesMerges, meetingRules, rectificationLinks, checkup, duplicateDismissals];

export const latestVersion = migrations.at(-1)?.version ?? 0;
export type { Migration };
