// The unit's library (范文, archives of earlier years): .docx and .txt read by the existing readers, kept verbatim in
// the database and indexed for the similarity check. Items marked official are quotations of official texts.
import type Database from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../../../db/statements';
import type { LibraryItem } from '../../common/api/checks';
import { AppError, notFound } from '../../common/result';
import { readDocx } from '../../documents/readers/docx';
import { ReaderError } from '../../documents/readers/errors';
import { readTextWithEncoding } from '../../documents/readers/text';
import { indexLibraryItem } from './indexer';

export const LIBRARY_ITEM = { zh: '比对库文档', en: 'Library document' };

const SELECT = `SELECT id, title, file_name AS fileName, year, official, length(text) AS chars, imported_at AS importedAt FROM check_library`;

type Row = Omit<LibraryItem, 'official'> & { official: 0 | 1 };
const item = (r: Row): LibraryItem => ({ ...r, official: r.official === 1 });

export function listLibrary(sqlite: Database.Database): LibraryItem[] {
  return (cachedStatement(sqlite, `${SELECT} ORDER BY imported_at DESC, id DESC`).all() as Row[]).map(item);
}

export function getLibraryItem(sqlite: Database.Database, id: number): LibraryItem {
  const row = cachedStatement(sqlite, `${SELECT} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound(LIBRARY_ITEM, id);
  return item(row);
}

const isZip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;

export async function readLibraryFile(name: string, bytes: Uint8Array): Promise<string> {
  try {
    if (/\.docx$/i.test(name) || isZip(bytes)) return (await readDocx(bytes)).map((p) => p.text).join('\n');
    if (/\.txt$/i.test(name)) return readTextWithEncoding(bytes).text;
  } catch (error) {
    if (error instanceof ReaderError) throw new AppError(`checks.${error.code}`, error.message, error.messageEn);
    throw error;
  }
  throw new AppError('checks.fileType', `只能导入 .docx 或 .txt 文件（收到「${name}」）`, `Only .docx or .txt files can be imported (got "${name}")`);
}

export async function importLibraryFile(sqlite: Database.Database, input: { name: string; bytes: Uint8Array; official: boolean; year: number | null }, now: string): Promise<LibraryItem> {
  const text = (await readLibraryFile(input.name, input.bytes)).replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new AppError('checks.emptyFile', `「${input.name}」中没有文字，未导入`, `"${input.name}" holds no text; nothing was imported`);
  if (text.length > 2_000_000) throw new AppError('checks.tooLarge', `「${input.name}」超过 200 万字，未导入`, `"${input.name}" has more than 2,000,000 characters; nothing was imported`);
  const fileName = input.name.split(/[\\/]/).pop()!.slice(0, 260);
  const title = fileName.replace(/\.(docx|txt)$/i, '').trim().slice(0, 200) || fileName;
  const id = Number(
    cachedStatement(sqlite, 'INSERT INTO check_library (title, file_name, year, official, text, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(title, fileName, input.year, input.official ? 1 : 0, text, now)
      .lastInsertRowid,
  );
  indexLibraryItem(sqlite, id, text);
  return getLibraryItem(sqlite, id);
}
