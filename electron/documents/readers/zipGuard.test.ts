import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deflatedZeros, makeZip } from '../workbook/testing/zipFixtures';
import { ReaderError } from './errors';
import { guardZip, verifyZip } from './zipGuard';

const MB = 1024 * 1024;

function errorOf(fn: () => unknown): ReaderError | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ReaderError);
    const e = err as ReaderError;
    // Every refusal must be explained in both languages.
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.messageEn).toMatch(/[a-z]/);
    return e;
  }
  return undefined;
}

const codeOf = (fn: () => unknown): string | undefined => errorOf(fn)?.code;

async function asyncCodeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ReaderError);
    return (err as ReaderError).code;
  }
  return undefined;
}

const small = () =>
  makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook>' + 'x'.repeat(5000) + '</workbook>') },
    { name: 'stored.txt', data: Buffer.from('plain'), method: 0 },
  ]);

describe('guardZip', () => {
  it('accepts a well-formed archive and reports its entries', async () => {
    const zip = small();
    const entries = guardZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'stored.txt']);
    expect(entries[1].uncompressedSize).toBe(5000 + '<workbook></workbook>'.length);
    expect(entries[2].method).toBe(0);
    const seen: string[] = [];
    await verifyZip(zip, entries, (e, chunk) => seen.push(`${e.name}:${chunk.length}`));
    expect(seen).toContain('stored.txt:5');
  });

  it('refuses an empty file', () => {
    expect(codeOf(() => guardZip(Buffer.alloc(0)))).toBe('file.empty');
  });

  it('refuses random bytes as not a zip', () => {
    const bytes = randomBytes(4096);
    bytes[0] = 0x00; // make sure the noise does not start with PK by chance
    expect(codeOf(() => guardZip(bytes))).toBe('file.notZip');
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(codeOf(() => guardZip(Buffer.alloc(21 * MB)))).toBe('file.tooLarge');
    expect(codeOf(() => guardZip(small(), { maxFileBytes: 10 }))).toBe('file.tooLarge');
  });

  it('names legacy .xls/.doc and password-protected Office files', () => {
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(codeOf(() => guardZip(ole))).toBe('file.legacyFormat');
  });

  it('refuses a truncated zip', () => {
    const zip = small();
    expect(codeOf(() => guardZip(zip.subarray(0, zip.length - 40)))).toBe('file.corrupt');
    expect(codeOf(() => guardZip(zip.subarray(0, 60)))).toBe('file.corrupt');
  });

  it('refuses data that does not match its checksum', async () => {
    const zip = makeZip([{ name: 'a.xml', data: Buffer.from('hello world'), declaredCrc: 1234 }]);
    const entries = guardZip(zip);
    expect(await asyncCodeOf(verifyZip(zip, entries))).toBe('file.corrupt');
  });

  it('refuses encrypted entries', () => {
    const zip = makeZip([{ name: 'a.xml', data: Buffer.from('secret'), flags: 0x0001 }]);
    expect(codeOf(() => guardZip(zip))).toBe('file.encrypted');
  });

  it('refuses unknown compression methods', () => {
    const zip = makeZip([{ name: 'a.xml', data: Buffer.from('x') }]);
    // Patch the method (bzip2 = 12) in the central directory record.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(12, central + 10);
    expect(codeOf(() => guardZip(zip))).toBe('file.unsupported');
  });

  it('refuses too many entries', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') }));
    expect(codeOf(() => guardZip(makeZip(entries), { maxEntries: 20 }))).toBe('file.zipBomb');
    expect(codeOf(() => guardZip(makeZip(entries), { maxEntries: 30 }))).toBeUndefined();
  });

  it('refuses a genuine 300 MB bomb from its directory alone, without inflating', async () => {
    const payload = await deflatedZeros(300 * MB);
    expect(payload.bytes.length).toBeLessThan(MB);
    const zip = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/worksheets/sheet1.xml', compressed: payload }]);
    const started = Date.now();
    const err = errorOf(() => guardZip(zip));
    expect(err?.code).toBe('file.zipBomb');
    expect(err?.messageEn).toMatch(/expands to 300 MB/);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('refuses a large entry with an absurd compression ratio even under the size limits', async () => {
    const payload = await deflatedZeros(50 * MB);
    const zip = makeZip([{ name: 'xl/worksheets/sheet1.xml', compressed: payload }]);
    const err = errorOf(() => guardZip(zip));
    expect(err?.code).toBe('file.zipBomb');
    expect(err?.messageEn).toMatch(/compression ratio/);
    // The same entry is fine when the ratio rule is relaxed: the ratio, not the size, refused it.
    expect(codeOf(() => guardZip(zip, { maxRatio: 10_000 }))).toBeUndefined();
  });

  it('refuses many entries that add up past the total limit', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x'), declaredSize: 30 * MB }));
    const err = errorOf(() => guardZip(makeZip(entries), { maxRatio: Infinity }));
    expect(err?.code).toBe('file.zipBomb');
    expect(err?.messageEn).toMatch(/more than 100 MB/);
    expect(codeOf(() => guardZip(makeZip(entries.slice(0, 3)), { maxRatio: Infinity }))).toBeUndefined();
  });

  it('catches an entry that inflates past the size it declares', async () => {
    const payload = await deflatedZeros(20 * MB);
    const zip = makeZip([{ name: 'xl/worksheets/sheet1.xml', compressed: payload, declaredSize: 1000 }]);
    const entries = guardZip(zip); // the directory alone looks harmless
    let produced = 0;
    const code = await asyncCodeOf(verifyZip(zip, entries, (_e, c) => (produced += c.length)));
    expect(code).toBe('file.zipBomb');
    // It stopped at the declared size, not after inflating 20 MB.
    expect(produced).toBeLessThanOrEqual(1000);
  });

  it('refuses overlapping entries (many names over one block of data)', () => {
    const zip = makeZip([
      { name: 'a.xml', data: Buffer.from('x'.repeat(1000)) },
      { name: 'b.xml', data: Buffer.from('x'.repeat(1000)), shareDataWith: 0 },
    ]);
    expect(codeOf(() => guardZip(zip))).toBe('file.zipBomb');
  });

  it('passes errors thrown by the chunk consumer through unchanged', async () => {
    const zip = small();
    const stop = new ReaderError('test.stop', '停', 'stop');
    await expect(
      verifyZip(zip, guardZip(zip), () => {
        throw stop;
      }),
    ).rejects.toBe(stop);
  });
});
