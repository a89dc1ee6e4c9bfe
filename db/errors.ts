/** An error the data layer raises on purpose, with a message for people in Chinese and English. */
export class DbError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'DbError';
  }
}

/** What kind of trouble the disk is in, from a SQLite result code or a Node.js errno code. */
export type DiskTrouble = 'diskFull' | 'readOnly' | 'ioError';

export function diskTrouble(error: unknown): DiskTrouble | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'diskFull';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'readOnly';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'ioError';
  return null;
}

/**
 * A full disk, a write-protected file or folder, or a failing disk, said in words a secretary can act on, with a code
 * of its own (never `internal` with SQLite's English inside). `what` names what did not happen ("保存" / "save").
 */
export function diskError(trouble: DiskTrouble, what: { zh: string; en: string } = { zh: '操作', en: 'operation' }): DbError {
  if (trouble === 'diskFull') {
    return new DbError(
      'disk.full',
      `磁盘空间已满，${what.zh}未完成，已有数据未受影响。请清理磁盘空间（或换一个保存位置）后重试。`,
      `The disk is full; the ${what.en} did not complete and existing data is unchanged. Free some disk space (or choose another location) and try again.`,
    );
  }
  if (trouble === 'readOnly') {
    return new DbError(
      'disk.readOnly',
      `文件或文件夹为只读（或没有写入权限），${what.zh}未完成。请检查文件属性中的“只读”和文件夹权限，或换一个位置。`,
      `The file or folder is read-only (or not writable); the ${what.en} did not complete. Check the file's read-only attribute and the folder's permissions, or choose another location.`,
    );
  }
  return new DbError(
    'disk.ioError',
    `读写磁盘时出错（I/O 错误），${what.zh}未完成。请检查磁盘或优盘是否连接正常，然后重试。`,
    `The disk reported a read/write (I/O) error; the ${what.en} did not complete. Check that the disk or USB stick is connected and working, then try again.`,
  );
}

const CODES: Record<string, DiskTrouble> = { 'disk.full': 'diskFull', 'disk.readOnly': 'readOnly', 'disk.ioError': 'ioError' };

/** The same disk problem told again for another operation, when `error` is one already. */
export function retold(error: unknown, what: { zh: string; en: string }): DbError | null {
  const trouble = error instanceof DbError ? CODES[error.code] : diskTrouble(error);
  return trouble ? diskError(trouble, what) : null;
}

/** The bilingual DbError for a disk problem, or null when `error` is something else. */
export function asDiskError(error: unknown, what?: { zh: string; en: string }): DbError | null {
  const trouble = diskTrouble(error);
  return trouble ? diskError(trouble, what) : null;
}
