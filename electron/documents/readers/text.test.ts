import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ReaderError } from './errors';
import { readText, readTextWithEncoding as decodeText } from './text';

const SAMPLE = '对照检查材料\r\n一、存在的问题\r\n（一）在学习方面。一是学得不深；“六稳”“六保”。\r\n';

function expectReaderError(fn: () => unknown, code: string): ReaderError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ReaderError);
    const e = error as ReaderError;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(e.messageEn).toMatch(/[a-z]/);
    return e;
  }
  throw new Error(`expected ReaderError ${code}`);
}

describe('readText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]))).toEqual({
      text: SAMPLE,
      encoding: 'utf-8',
    });
  });

  it('reads UTF-16 with a BOM, little and big endian', () => {
    expect(decodeText(iconv.encode(SAMPLE, 'utf-16le', { addBOM: true }))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(SAMPLE, 'utf-16be', { addBOM: true }))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads UTF-16 without a BOM by the NUL bytes of its ASCII characters', () => {
    expect(decodeText(iconv.encode(SAMPLE, 'utf-16le'))).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(SAMPLE, 'utf-16be'))).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK and GB18030 files', () => {
    expect(decodeText(iconv.encode(SAMPLE, 'gbk'))).toEqual({ text: SAMPLE, encoding: 'gb18030' });
    const rare = '𠀀镕基㐀'; // outside GBK: four-byte GB18030
    expect(readText(iconv.encode(SAMPLE + rare, 'gb18030'))).toBe(SAMPLE + rare);
    expect(readText(iconv.encode('联通', 'gbk'))).toBe('联通');
  });

  it('accepts an empty file and plain ASCII', () => {
    expect(readText(Buffer.alloc(0))).toBe('');
    expect(readText(Buffer.from('1.abc\n'))).toBe('1.abc\n');
  });

  it('refuses files over the size limit', () => {
    expectReaderError(() => readText(Buffer.alloc(6 * 1024 * 1024, 0x41)), 'file.tooLarge');
    expectReaderError(() => readText(Buffer.from('一二三'), { maxBytes: 4 }), 'file.tooLarge');
    expect(readText(Buffer.alloc(5 * 1024 * 1024, 0x41)).length).toBe(5 * 1024 * 1024);
  });

  it('refuses binary junk, documents and archives with a clear message', () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    expectReaderError(() => readText(junk), 'file.notText');
    expectReaderError(() => readText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48])), 'file.notText');
    expectReaderError(() => readText(Buffer.from('abc\u0000def')), 'file.notText');
    expectReaderError(() => readText(Buffer.from('PK\u0003\u0004rest')), 'file.isOfficeFile');
    expectReaderError(() => readText(Buffer.from('%PDF-1.7\n')), 'file.isPdf');
    expectReaderError(() => readText(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'file.legacyFormat');
  });

  it('gives errors that survive the IPC bridge as plain data', () => {
    const error = expectReaderError(() => readText(Buffer.from('%PDF')), 'file.isPdf');
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'file.isPdf', message: error.message, messageEn: error.messageEn });
  });
});
