import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { renameDurably } from '../../db/durable';
import { asDiskError } from '../../db/errors';
import { rememberTempPlace } from '../../db/leftovers';
import type { FileService, HandlerContext, SaveFilter } from './context';
import type { ExportKind } from '../common/api/settings';

const TEMP_MARK = '.jingjian-tmp-';

/** Windows and Linux both accept the result: no reserved characters, no trailing dots, not too long. */
export function sanitizeFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/g, '')
    .trim();
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(cleaned) ? `_${cleaned}` : cleaned;
  const ext = path.extname(safe);
  const base = safe.slice(0, safe.length - ext.length).slice(0, 120);
  return `${base || '导出'}${ext}`;
}

/**
 * Write to a temporary file in the same folder, flush it, then rename and flush the folder: the target is never a
 * truncated file, and a completed rename survives a power cut. `rememberIn` (the data folder) notes the folder
 * first, so a temporary file left there by a killed process is removed at the next start wherever it is.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, rememberIn?: string): void {
  const dir = path.dirname(target);
  if (rememberIn) rememberTempPlace(rememberIn, dir);
  const temp = path.join(dir, `${TEMP_MARK}${crypto.randomBytes(6).toString('hex')}-${path.basename(target)}`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    renameDurably(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes temporary files an interrupted export left behind in a folder. */
export function cleanTempFiles(dir: string): number {
  let removed = 0;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(TEMP_MARK)) {
        fs.rmSync(path.join(dir, name), { force: true });
        removed++;
      }
    }
  } catch {
    // A missing folder has nothing to clean.
  }
  return removed;
}

export interface FolderFilesOptions {
  /** The file "chosen" to open; when absent, the last file by name in `<dir>/imports` (null when there is none). */
  openPath?: string;
}

/**
 * Files for the browser harness and tests: "save" writes into one folder, in place of the dialogs (as Joplin's tests do).
 * "Open" picks `options.openPath`, or else the last file (by name, so it is deterministic) in the `imports` subfolder;
 * the filters are ignored, so a test can offer a wrongly named file.
 */
export function folderFiles(dir: string, options: FolderFilesOptions = {}): FileService {
  fs.mkdirSync(dir, { recursive: true });
  return {
    async chooseOpenPath(_filters: SaveFilter[]) {
      if (options.openPath) return options.openPath;
      const imports = path.join(dir, 'imports');
      const names = fs.existsSync(imports) ? fs.readdirSync(imports).filter((n) => fs.statSync(path.join(imports, n)).isFile()).sort() : [];
      return names.length ? path.join(imports, names[names.length - 1]) : null;
    },
    async chooseSavePath(suggestedName: string, _filters: SaveFilter[]) {
      return path.join(dir, sanitizeFileName(suggestedName));
    },
    async chooseDirectory() {
      return dir;
    },
  };
}

/** A document built in memory, before anyone asks where it goes: what an export saves and a 报送材料包 gathers. */
export interface BuiltFile {
  /** The file name, extension included. */
  name: string;
  /** The document's title as a reader would cite it. */
  title: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  saved: boolean;
  path: string | null;
  fileName: string | null;
  bytes: number;
}

/** The one way an export reaches the disk: ask where, write atomically, log what/when/where (never the content). */
export async function saveExport(
  ctx: HandlerContext,
  file: { kind: ExportKind; meetingId: number | null; suggestedName: string; filters: SaveFilter[]; bytes: Uint8Array; targetDir?: string },
): Promise<SavedFile> {
  const name = sanitizeFileName(file.suggestedName);
  const target = file.targetDir ? path.join(file.targetDir, name) : await ctx.files.chooseSavePath(name, file.filters);
  if (!target) return { saved: false, path: null, fileName: null, bytes: 0 };
  try {
    writeFileAtomic(target, file.bytes, path.dirname(ctx.dataFile));
  } catch (error) {
    throw asDiskError(error, { zh: '导出', en: 'export' }) ?? error;
  }
  // Data opened for viewing only: the export is written, but the log (in the data file) cannot take it.
  if (ctx.connection.readOnly) return { saved: true, path: target, fileName: path.basename(target), bytes: file.bytes.byteLength };
  await ctx.db
    .insertInto('export_log')
    .values({ at: ctx.now().toISOString(), kind: file.kind, meeting_id: file.meetingId, file_name: path.basename(target), path: target, bytes: file.bytes.byteLength })
    .execute();
  return { saved: true, path: target, fileName: path.basename(target), bytes: file.bytes.byteLength };
}
