import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes a rename in `dir` survive a power cut: the new name lives in the folder's own blocks, which fsync of the
 * file does not flush. Windows cannot open a folder for this (and its file system journals renames itself), so a
 * refusal to open or flush the folder is not an error.
 */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = fs.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fs.fsyncSync(fd);
  } catch {
    // EINVAL/EPERM on systems that do not support flushing a folder.
  } finally {
    fs.closeSync(fd);
  }
}

/** rename, then fsync of the target's folder (and of the source's, when it is another one). */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncDir(path.dirname(to));
  if (path.dirname(from) !== path.dirname(to)) fsyncDir(path.dirname(from));
}
