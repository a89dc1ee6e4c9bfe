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

const fileBytes = z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 64 * 1024 * 1024, {
  params: { zh: '文件为空或超过 64 MB', en: 'The file is empty or larger than 64 MB' },
  message: '文件为空或超过 64 MB',
});

export const exchangeApi = {
  /** One versioned JSON file with the meeting, its team and members and every record that belongs to the meeting. */
  'exchange.export': channel(z.object({ meetingId: id() }).strict()).returns<ExchangeExport>(),
  'exchange.preview': channel(z.object({ bytes: fileBytes }).strict()).returns<ExchangePreview>(),
  /** existing: what to do when the same meeting (team, date, theme) is already here. */
  'exchange.import': channel(
    z.object({ bytes: fileBytes, existing: oneOf({ zh: '重复会议的处理方式', en: 'Existing meeting handling' }, ['refuse', 'copy']) }).strict(),
  ).returns<ExchangeImportResult>(),
};
