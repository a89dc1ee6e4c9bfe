import { z } from 'zod';
import { channel } from './define';
import { id, oneOf } from '../validation';

export const EXCHANGE_FORMAT = 'jingjian-exchange';
export const EXCHANGE_VERSION = 1;

export interface ExchangePreview {
  version: number;
  dataVersion: number;
  exportedAt: string;
  teamName: string;
  meetingTheme: string;
  meetingDate: string;
  tables: { table: string; rows: number }[];
  /** Shown before merging: what exists already and what the import will do about it. */
  conflicts: { code: string; message: string; messageEn: string }[];
  teamExists: boolean;
  meetingExists: boolean;
}

export interface ExchangeImportResult {
  teamId: number;
  meetingId: number;
  rows: number;
}

export interface ExchangeExport {
  saved: boolean;
  path: string | null;
  fileName: string | null;
  bytes: number;
}

export const fileBytes = z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 64 * 1024 * 1024, {
  params: { zh: '文件为空或超过 64 MB', en: 'The file is empty or larger than 64 MB' },
  message: '文件为空或超过 64 MB',
});

/** What importing one member's (or the 班子's) material into a meeting would do, shown before anything is written. */
export interface MaterialExchangePreview {
  /** The author as the file names them; for the 班子 material, the team's name. */
  authorName: string;
  team: boolean;
  /** The member of this meeting's team with that name (null for the 班子, or when nobody matches). */
  memberId: number | null;
  fileMeeting: { teamName: string; date: string; theme: string };
  status: string;
  versions: number;
  reviews: number;
  exportedAt: string;
  /** What is here already for this author in this meeting. */
  existing: { status: string; versions: number; updatedAt: string } | null;
  /** create: no material here yet; merge: versions and reviews the file adds; blocked: cannot be imported (see conflicts). */
  action: 'create' | 'merge' | 'blocked';
  /** Whether the file's content replaces the content here (it was changed later). */
  replacesContent: boolean;
  versionsToAdd: number;
  reviewsToAdd: number;
  conflicts: { code: string; message: string; messageEn: string; blocking: boolean }[];
}

export interface MaterialExchangeResult {
  materialId: number;
  created: boolean;
  contentReplaced: boolean;
  versionsAdded: number;
  reviewsAdded: number;
}

export const exchangeApi = {
  /** One versioned JSON file with the meeting, its team and members and every record that belongs to the meeting. */
  'exchange.export': channel(z.object({ meetingId: id() }).strict()).returns<ExchangeExport>(),
  'exchange.preview': channel(z.object({ bytes: fileBytes }).strict()).returns<ExchangePreview>(),
  /** existing: what to do when the same meeting (team, date, theme) is already here. */
  'exchange.import': channel(
    z.object({ bytes: fileBytes, existing: oneOf({ zh: '重复会议的处理方式', en: 'Existing meeting handling' }, ['refuse', 'copy']) }).strict(),
  ).returns<ExchangeImportResult>(),
  /** One member's (or the 班子's) material with its versions and review records, to be handed to another computer. */
  'exchange.exportMaterial': channel(z.object({ materialId: id() }).strict()).returns<ExchangeExport>(),
  /** What importing a material file into this meeting would do: author matched by name, conflicts, what it adds. */
  'exchange.previewMaterial': channel(z.object({ meetingId: id(), bytes: fileBytes }).strict()).returns<MaterialExchangePreview>(),
  /** Imports it: creates the material, or adds the versions and reviews it lacks (and its content, if newer). */
  'exchange.importMaterial': channel(z.object({ meetingId: id(), bytes: fileBytes }).strict()).returns<MaterialExchangeResult>(),
};
