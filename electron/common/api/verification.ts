import { z } from 'zod';
import { channel } from './define';
import { id, isoDate, text, verbatim } from '../validation';

/** A speaker's part in one entry of the minutes, as his or her 发言记录核对单 lists it. */
export type CheckRole = 'self' | 'given' | 'received' | 'response' | 'other';

export interface CheckEntry {
  entryId: number;
  agendaTitle: string;
  role: CheckRole;
  /** Who the criticism was addressed to (given) or came from (received); empty otherwise. */
  counterpart: string;
  text: string;
  revisions: number;
}

export interface CheckSpeaker {
  memberId: number;
  name: string;
  position: string;
  entries: number;
  returnedOn: string | null;
}

export interface EntryRevision {
  id: number;
  entryId: number;
  speaker: string;
  at: string;
  before: string;
  after: string;
  requestedBy: string;
  reason: string;
  enteredBy: string;
  afterFinalization: boolean;
}

export interface VerificationOverview {
  finalized: boolean;
  speakers: CheckSpeaker[];
  revisions: EntryRevision[];
  /** Every speaker's sheet is back (and there is at least one speaker). */
  allReturned: boolean;
}

export interface CheckSheet {
  memberId: number;
  name: string;
  entries: CheckEntry[];
  /** The printable sheet (A4, GB/T 9704 fonts), escaped, without scripts. */
  html: string;
}

const C = {
  text: { zh: '更正后的内容', en: 'Corrected text' },
  requestedBy: { zh: '提出更正人', en: 'Requested by' },
  reason: { zh: '更正理由', en: 'Reason' },
  enteredBy: { zh: '录入人', en: 'Entered by' },
  returnedOn: { zh: '交回日期', en: 'Date returned' },
};

export const verificationApi = {
  /** Every speaker of the minutes with how many entries his or her sheet lists and whether it is back; every correction. */
  'verification.overview': channel(z.object({ meetingId: id() }).strict()).returns<VerificationOverview>(),
  /** One speaker's 发言记录核对单: own entries in the order of the meeting, and the printable sheet. */
  'verification.sheet': channel(z.object({ meetingId: id(), memberId: id() }).strict()).returns<CheckSheet>(),
  /**
   * A correction the speaker asked for: the entry takes the new text, the old one is kept with who asked, why and who
   * entered it. Allowed before and after the minutes are finalised (the record notes which).
   */
  'verification.revise': channel(
    z
      .object({
        entryId: id(),
        text: verbatim(C.text, 20000).refine((t) => t.trim() !== '', { message: '请填写更正后的内容 / the corrected text is required' }),
        requestedBy: text(C.requestedBy, 50, { min: 1 }),
        reason: text(C.reason, 500, { min: 1 }),
        enteredBy: text(C.enteredBy, 50),
      })
      .strict(),
  ).returns<VerificationOverview>(),
  /** The speaker's signed sheet is back (a date), or not (null). */
  'verification.markReturned': channel(z.object({ meetingId: id(), memberId: id(), returnedOn: isoDate(C.returnedOn).nullable() }).strict()).returns<VerificationOverview>(),
};
