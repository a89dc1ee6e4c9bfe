import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from './durable';

/**
 * Temporary files are written beside their target (an export on a USB stick, "back up now" to a chosen folder) so
 * that the final rename is atomic. A process killed in between leaves a hidden temporary file there, perhaps a full
 * copy of the database. Every folder that receives one is remembered in a small list beside the data file, before
 * the temporary file is created; each start cleans the remembered folders and forgets those that are clean.
 */

/** Name prefixes of every temporary file Jingjian writes (exports, backups, re-encrypted copies, salvage). */
export const TEMP_PREFIXES = ['.jingjian-tmp-', '.jingjian-backup-tmp-', '.jingjian-rekey-tmp-', '.jingjian-salvage-tmp-'] as const;
const LIST = '.jingjian-temp-places';

export const isTempName = (name: string): boolean => TEMP_PREFIXES.some((prefix) => name.startsWith(prefix));

function listFile(dataDir: string): string {
  return path.join(dataDir, LIST);
}

export function rememberedPlaces(dataDir: string): string[] {
  try {
    return fs
      .readFileSync(listFile(dataDir), 'utf8')
      .split('\n')
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}

function writePlaces(dataDir: string, places: string[]): void {
  const file = listFile(dataDir);
  if (places.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, places.map((p) => `${p}\n`).join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDir(dataDir);
}

/** Notes `place` (a folder about to receive a temporary file) in the list beside the data file, durably. */
export function rememberTempPlace(dataDir: string, place: string): void {
  const resolved = path.resolve(place);
  if (resolved === path.resolve(dataDir)) return;
  const places = rememberedPlaces(dataDir);
  if (places.includes(resolved)) return;
  try {
    writePlaces(dataDir, [...places, resolved]);
  } catch {
    // A data folder that cannot take the note (read-only): the export itself still works, and its own folder is
    // cleaned the next time anything is written there.
  }
}

/** Removes Jingjian's temporary files directly inside `dir`; returns how many were removed. */
export function removeTempFiles(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!isTempName(name)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
      removed += 1;
    } catch {
      // Still in use or protected: tried again at the next start.
    }
  }
  return removed;
}

export interface Cleanup {
  removed: number;
  /** The folders files were removed from. */
  places: string[];
}

/**
 * Cleans the data folder, its backups folder and every remembered place. A place that is unreachable now (the USB
 * stick is out) stays on the list for the next start; the others are forgotten once clean.
 */
export function cleanLeftovers(dataDir: string, also: string[] = []): Cleanup {
  const cleanup: Cleanup = { removed: 0, places: [] };
  const keep: string[] = [];
  const remembered = rememberedPlaces(dataDir);
  for (const place of [...new Set([dataDir, ...also, ...remembered].map((p) => path.resolve(p)))]) {
    const removed = removeTempFiles(place);
    if (removed > 0) {
      cleanup.removed += removed;
      cleanup.places.push(place);
    }
    if (remembered.includes(place) && !fs.existsSync(place)) keep.push(place);
  }
  if (keep.length !== remembered.length) {
    try {
      writePlaces(dataDir, keep);
    } catch {
      // Read-only data folder: the list is kept as it was.
    }
  }
  return cleanup;
}
