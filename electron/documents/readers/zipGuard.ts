/**
 * Checks a .xlsx/.docx (ZIP) file before any zip library touches it.
 *
 * Imported files come from outside (a form returned by a unit, a list edited in WPS) and the app runs offline on
 * office machines: a zip bomb must not freeze or crash it. JSZip, which exceljs uses, inflates whole entries into
 * memory and trusts the sizes the archive declares, so we read the central directory ourselves and refuse anything
 * whose declared shape is dangerous (`guardZip`), then inflate every entry once as a stream, counting bytes, so an
 * archive that lies about its sizes is caught before the real parser runs (`verifyZip`).
 */
import { crc32, createInflateRaw } from 'node:zlib';
import { ReaderError } from './errors';

export interface ZipLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  maxEntries: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed : compressed ratio above which a large entry is treated as a bomb. */
  maxRatio: number;
  /** Entries smaller than this are never judged by ratio: small XML parts legitimately compress very well. */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 10 * 1024 * 1024,
});

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate; nothing else passes the guard. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the compressed bytes start, after the local header. */
  dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const MB = 1024 * 1024;
const fmtMb = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;

function corrupt(detailZh: string, detailEn: string): ReaderError {
  return new ReaderError(
    'file.corrupt',
    `文件已损坏或不完整（${detailZh}），请在 Office/WPS 中重新保存后再导入。`,
    `The file is damaged or incomplete (${detailEn}). Save it again in Office/WPS and retry.`,
  );
}

function bomb(detailZh: string, detailEn: string): ReaderError {
  return new ReaderError(
    'file.zipBomb',
    `文件结构异常，已拒绝打开（${detailZh}）。`,
    `The file has a suspicious structure and was refused (${detailEn}).`,
  );
}

/**
 * Rejects an empty or oversized file and anything that is not a ZIP container, with a specific message for the
 * legacy OLE2 format (.xls/.doc, and also any password-protected .xlsx/.docx, which Office wraps in OLE2).
 */
function checkContainer(buf: Buffer, maxFileBytes: number): void {
  if (buf.length === 0) {
    throw new ReaderError('file.empty', '文件是空的（0 字节）。', 'The file is empty (0 bytes).');
  }
  if (buf.length > maxFileBytes) {
    throw new ReaderError(
      'file.tooLarge',
      `文件过大（${fmtMb(buf.length)}），上限为 ${fmtMb(maxFileBytes)}。`,
      `The file is too large (${fmtMb(buf.length)}); the limit is ${fmtMb(maxFileBytes)}.`,
    );
  }
  if (buf.length >= OLE2_MAGIC.length && OLE2_MAGIC.every((b, i) => buf[i] === b)) {
    throw new ReaderError(
      'file.legacyFormat',
      '这是旧版 Office 文件（.xls/.doc）或设置了打开密码的文件，无法直接导入。请在 Office/WPS 中取消密码并另存为 .xlsx/.docx 后再导入。',
      'This is a legacy Office file (.xls/.doc) or a password-protected file. Remove the password and save it as .xlsx/.docx, then import again.',
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== SIG_LOCAL) {
    throw new ReaderError(
      'file.notZip',
      '文件格式不正确：不是 .xlsx/.docx 文件（可能只是改了扩展名）。',
      'Wrong file format: this is not an .xlsx/.docx file (perhaps only the extension was changed).',
    );
  }
}

interface Directory {
  entryCount: number;
  offset: number;
  size: number;
}

/** Finds the end-of-central-directory record, following the ZIP64 locator when the classic fields overflow. */
function readDirectory(buf: Buffer): Directory {
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  let eocd = -1;
  for (let i = buf.length - EOCD_SIZE; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到 ZIP 目录，文件可能被截断', 'no ZIP directory found; the file may be truncated');

  const disk = buf.readUInt16LE(eocd + 4);
  const dirDisk = buf.readUInt16LE(eocd + 6);
  if (disk !== 0 || dirDisk !== 0) throw corrupt('分卷压缩文件', 'multi-volume archive');
  let entryCount = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);

  if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) {
      throw corrupt('ZIP64 目录缺失', 'missing ZIP64 directory');
    }
    const z64 = Number(buf.readBigUInt64LE(locator + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== SIG_ZIP64_EOCD) {
      throw corrupt('ZIP64 目录无效', 'invalid ZIP64 directory');
    }
    entryCount = Number(buf.readBigUInt64LE(z64 + 32));
    size = Number(buf.readBigUInt64LE(z64 + 40));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (offset + size > buf.length) throw corrupt('ZIP 目录超出文件末尾', 'ZIP directory runs past the end of the file');
  return { entryCount, offset, size };
}

/** Sizes and offset from a ZIP64 extra field, for whichever classic fields were saturated. */
function applyZip64Extra(
  buf: Buffer,
  start: number,
  end: number,
  fields: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number },
): void {
  let p = start;
  while (p + 4 <= end) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const take = (): number => {
        if (q + 8 > p + 4 + len) throw corrupt('ZIP64 字段不完整', 'truncated ZIP64 field');
        const v = Number(buf.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      // The spec orders the fields and includes only the saturated ones.
      if (fields.uncompressedSize === 0xffffffff) fields.uncompressedSize = take();
      if (fields.compressedSize === 0xffffffff) fields.compressedSize = take();
      if (fields.localHeaderOffset === 0xffffffff) fields.localHeaderOffset = take();
      return;
    }
    p += 4 + len;
  }
}

function readEntries(buf: Buffer, dir: Directory, maxEntries: number): ZipEntry[] {
  if (dir.entryCount > maxEntries) {
    throw bomb(`包含 ${dir.entryCount} 个部件，上限 ${maxEntries}`, `${dir.entryCount} entries; the limit is ${maxEntries}`);
  }
  const entries: ZipEntry[] = [];
  let p = dir.offset;
  const end = dir.offset + dir.size;
  for (let i = 0; i < dir.entryCount; i++) {
    if (p + CENTRAL_HEADER_SIZE > end || buf.readUInt32LE(p) !== SIG_CENTRAL) {
      throw corrupt('ZIP 目录项无效', 'invalid ZIP directory entry');
    }
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;
    if (next > end) throw corrupt('ZIP 目录项超出范围', 'ZIP directory entry out of range');
    const nameBytes = buf.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLen);
    // Bit 11 marks UTF-8 names; OOXML part names are ASCII anyway, so latin1 is a safe fallback.
    const name = nameBytes.toString(flags & 0x0800 ? 'utf8' : 'latin1');
    const fields = {
      uncompressedSize: buf.readUInt32LE(p + 24),
      compressedSize: buf.readUInt32LE(p + 20),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    applyZip64Extra(buf, p + CENTRAL_HEADER_SIZE + nameLen, p + CENTRAL_HEADER_SIZE + nameLen + extraLen, fields);

    // Bit 0: traditional encryption; method 99: AES (WinZip). Either way we cannot and should not read it.
    if (flags & 0x0001 || method === 99) {
      throw new ReaderError(
        'file.encrypted',
        '文件中有加密内容，无法导入。请取消密码后另存再导入。',
        'The file contains encrypted content and cannot be imported. Remove the password, save, and retry.',
      );
    }
    if (method !== 0 && method !== 8) {
      throw new ReaderError(
        'file.unsupported',
        `文件使用了不支持的压缩方式（${method}），请在 Office/WPS 中重新保存后再导入。`,
        `The file uses an unsupported compression method (${method}). Save it again in Office/WPS and retry.`,
      );
    }
    entries.push({
      name,
      method,
      crc32: buf.readUInt32LE(p + 16),
      compressedSize: fields.compressedSize,
      uncompressedSize: fields.uncompressedSize,
      localHeaderOffset: fields.localHeaderOffset,
      dataOffset: -1,
    });
    p = next;
  }
  return entries;
}

/** Resolves where each entry's data starts and refuses entries whose data overlap (the "overlapping files" bomb). */
function locateData(buf: Buffer, entries: ZipEntry[], dirOffset: number): void {
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let previousEnd = 0;
  for (const e of byOffset) {
    const h = e.localHeaderOffset;
    if (h < previousEnd) throw bomb('多个部件共用同一段数据', 'entries share overlapping data');
    if (h + LOCAL_HEADER_SIZE > buf.length || buf.readUInt32LE(h) !== SIG_LOCAL) {
      throw corrupt(`部件 ${e.name} 的头部无效`, `invalid local header for ${e.name}`);
    }
    e.dataOffset = h + LOCAL_HEADER_SIZE + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
    const dataEnd = e.dataOffset + e.compressedSize;
    if (dataEnd > dirOffset) throw corrupt(`部件 ${e.name} 的数据不完整`, `data of ${e.name} is truncated`);
    previousEnd = dataEnd;
  }
}

function checkSizes(entries: ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxEntryBytes) {
      throw bomb(
        `部件 ${e.name} 解压后 ${fmtMb(e.uncompressedSize)}，上限 ${fmtMb(limits.maxEntryBytes)}`,
        `entry ${e.name} expands to ${fmtMb(e.uncompressedSize)}; the limit is ${fmtMb(limits.maxEntryBytes)}`,
      );
    }
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw bomb(
        `解压后总计超过 ${fmtMb(limits.maxTotalBytes)}`,
        `the contents expand to more than ${fmtMb(limits.maxTotalBytes)}`,
      );
    }
    if (e.uncompressedSize >= limits.ratioMinBytes) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > limits.maxRatio) {
        throw bomb(
          `部件 ${e.name} 压缩比 ${Math.round(ratio)}:1 异常`,
          `entry ${e.name} has an absurd compression ratio of ${Math.round(ratio)}:1`,
        );
      }
    }
  }
}

/**
 * Validates a ZIP container from its central directory alone, without inflating anything, and returns its entries.
 * Throws ReaderError: file.empty, file.tooLarge, file.legacyFormat, file.notZip, file.corrupt, file.encrypted,
 * file.unsupported, file.zipBomb.
 */
export function guardZip(data: Uint8Array, limits: Partial<ZipLimits> = {}): ZipEntry[] {
  const lim: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  checkContainer(buf, lim.maxFileBytes);
  const dir = readDirectory(buf);
  const entries = readEntries(buf, dir, lim.maxEntries);
  locateData(buf, entries, dir.offset);
  checkSizes(entries, lim);
  return entries;
}

/**
 * Inflates one entry as a stream, handing each chunk to `onChunk`, and fails as soon as the output exceeds the
 * declared size (file.zipBomb) or when the size or CRC does not match at the end (file.corrupt). `onChunk` may throw
 * to stop early (e.g. a row limit); that error is passed through unchanged.
 */
export function inflateEntry(
  data: Uint8Array,
  entry: ZipEntry,
  onChunk?: (chunk: Buffer) => void,
): Promise<void> {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (entry.dataOffset < 0) throw new Error('inflateEntry: entry was not produced by guardZip');
  const compressed = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);

  if (entry.method === 0) {
    if (compressed.length !== entry.uncompressedSize) {
      return Promise.reject(corrupt(`部件 ${entry.name} 大小不符`, `size mismatch in ${entry.name}`));
    }
    if (crc32(compressed) >>> 0 !== entry.crc32) {
      return Promise.reject(corrupt(`部件 ${entry.name} 校验失败`, `checksum mismatch in ${entry.name}`));
    }
    try {
      if (compressed.length > 0) onChunk?.(compressed);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve();
  }

  return new Promise<void>((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let produced = 0;
    let crc = 0;
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      reject(err);
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) return;
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        fail(bomb(`部件 ${entry.name} 实际大小超过声明大小`, `entry ${entry.name} is larger than it declares`));
        return;
      }
      crc = crc32(chunk, crc);
      try {
        onChunk?.(chunk);
      } catch (err) {
        fail(err);
      }
    });
    inflater.on('error', () =>
      fail(corrupt(`部件 ${entry.name} 无法解压`, `entry ${entry.name} cannot be decompressed`)),
    );
    inflater.on('end', () => {
      if (settled) return;
      if (produced !== entry.uncompressedSize) {
        fail(corrupt(`部件 ${entry.name} 大小不符`, `size mismatch in ${entry.name}`));
      } else if (crc >>> 0 !== entry.crc32) {
        fail(corrupt(`部件 ${entry.name} 校验失败`, `checksum mismatch in ${entry.name}`));
      } else {
        settled = true;
        resolve();
      }
    });
    inflater.end(compressed);
  });
}

/**
 * Inflates every entry once, discarding the output unless `onChunk` wants it, so that a later full parse by JSZip
 * only ever sees data whose real size and checksum have been proven.
 */
export async function verifyZip(
  data: Uint8Array,
  entries: readonly ZipEntry[],
  onChunk?: (entry: ZipEntry, chunk: Buffer) => void,
): Promise<void> {
  for (const entry of entries) {
    await inflateEntry(data, entry, onChunk ? (chunk) => onChunk(entry, chunk) : undefined);
  }
}
