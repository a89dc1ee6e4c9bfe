/**
 * Test-only ZIP writer that can lie: it builds archives byte by byte so tests can craft the hostile files the
 * guard must refuse (declared sizes that differ from the data, encryption flags, overlapping entries). Not used by
 * production code.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface FixtureEntry {
  name: string;
  /** Uncompressed content (ignored when `compressed` is given). */
  data?: Buffer;
  /** Ready-made raw-deflate bytes with their true size and CRC, for entries too big to hold uncompressed. */
  compressed?: { bytes: Buffer; size: number; crc: number };
  method?: 0 | 8;
  flags?: number;
  /** Lie in the central directory about the uncompressed size. */
  declaredSize?: number;
  /** Lie about the CRC. */
  declaredCrc?: number;
  /** Point this entry's directory record at another entry's local header (overlap bomb). */
  shareDataWith?: number;
}

export function makeZip(entries: readonly FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e) => {
    const method = e.method ?? 8;
    const name = Buffer.from(e.name, 'utf8');
    let bytes: Buffer;
    let size: number;
    let crc: number;
    if (e.compressed) {
      ({ bytes, size, crc } = e.compressed);
    } else {
      const data = e.data ?? Buffer.alloc(0);
      bytes = method === 8 ? deflateRawSync(data) : data;
      size = data.length;
      crc = crc32(data) >>> 0;
    }
    const declaredSize = e.declaredSize ?? size;
    const declaredCrc = e.declaredCrc ?? crc;
    const flags = (e.flags ?? 0) | 0x0800;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(declaredCrc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(Math.min(declaredSize, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const localOffset = e.shareDataWith !== undefined ? offsets[e.shareDataWith] : offset;
    offsets.push(localOffset);
    if (e.shareDataWith === undefined) {
      locals.push(local, name, bytes);
      offset += local.length + name.length + bytes.length;
    }

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(declaredCrc, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(Math.min(declaredSize, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(localOffset, 42);
    centrals.push(central, name);
  });
  const dir = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dir.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, eocd]);
}

/** Raw-deflates `totalBytes` of zeros without ever holding them: the payload of a zip bomb. */
export async function deflatedZeros(totalBytes: number): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  for (let left = totalBytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return { bytes: Buffer.concat(out), size: totalBytes, crc: crc >>> 0 };
}
