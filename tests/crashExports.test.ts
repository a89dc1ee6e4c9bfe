import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness } from '../harness/server';
import { cleanTempFiles, saveExport, writeFileAtomic } from '../electron/handlers/files';
import { openTestApp } from '../electron/handlers/testing';
import { writeVerifiedBackup } from '../db/backup';

/** Exports never leave a truncated file at the target path, and leftovers of an interrupted export are cleaned. */
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'jj-atomic-'));
const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.startsWith('.jingjian-tmp-'));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('atomic exports', () => {
  it('a write that fails half-way leaves the old file intact and no temp file', () => {
    const dir = tempDir();
    const target = path.join(dir, '会议记录.docx');
    fs.writeFileSync(target, 'old complete version');
    vi.spyOn(fs, 'writeSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(() => writeFileAtomic(target, new Uint8Array(1000).fill(1))).toThrow(/ENOSPC/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old complete version');
    expect(leftovers(dir)).toEqual([]);
  });

  it('flushes the folder after each rename (exports, backups), so a power cut cannot undo a completed rename', async () => {
    const dir = tempDir();
    const opened = vi.spyOn(fs, 'openSync');
    const flushed = vi.spyOn(fs, 'fsyncSync');
    const folderFlushed = (folder: string) =>
      opened.mock.calls.some(([p], i) => p === folder && flushed.mock.calls.some(([fd]) => fd === opened.mock.results[i].value));
    writeFileAtomic(path.join(dir, '整改清单.xlsx'), new Uint8Array([1, 2, 3]));
    expect(folderFlushed(dir)).toBe(true);
    const app = await openTestApp();
    const stick = path.join(dir, 'stick');
    await writeVerifiedBackup(app.ctx.sqlite, path.join(stick, 'backup.sqlite'));
    expect(folderFlushed(stick)).toBe(true);
    await app.close();
  });

  it('a rename that fails (target is a folder) leaves no temp file', () => {
    const dir = tempDir();
    const target = path.join(dir, 'busy');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'x'), 'x');
    expect(() => writeFileAtomic(target, new Uint8Array([1, 2, 3]))).toThrow();
    expect(leftovers(dir)).toEqual([]);
  });

  it('a failed export is not written to the export log', async () => {
    const app = await openTestApp();
    // Every flush fails (the note of the export folder tolerates it; the export itself must not).
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw new Error('EIO: i/o error');
    });
    await expect(saveExport(app.ctx, { kind: 'report.docx', meetingId: null, suggestedName: '导出.docx', filters: [], bytes: new Uint8Array(10) })).rejects.toThrow(/EIO/);
    expect(await app.must('exportLog.list', {})).toEqual([]);
    expect(fs.existsSync(path.join(app.exportDir, '导出.docx'))).toBe(false);
    expect(leftovers(app.exportDir)).toEqual([]);
    await app.close();
  });

  it('temp files are cleaned at start, and only ours', async () => {
    const dir = tempDir();
    const exportDir = path.join(dir, 'exports');
    fs.mkdirSync(exportDir);
    fs.writeFileSync(path.join(exportDir, '.jingjian-tmp-abc123-会议记录.docx'), 'half');
    fs.writeFileSync(path.join(exportDir, '会议记录.docx'), 'keep');
    const harness = await startHarness({ dbFile: path.join(dir, 'data.sqlite'), staticDir: dir, exportDir });
    expect(fs.readdirSync(exportDir)).toEqual(['会议记录.docx']);
    await harness.close();
    expect(cleanTempFiles(path.join(dir, 'missing'))).toBe(0);
  });

  it('a process killed while exporting never leaves a truncated or mixed file', async () => {
    const writer = path.resolve('node_modules/.cache/jingjian-crash/export-writer.mjs');
    await build({ entryPoints: [path.resolve('tests/crashExportWriter.ts')], outfile: writer, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
    const dir = tempDir();
    const target = path.join(dir, '汇总表.xlsx');
    const size = 4 * 1024 * 1024;
    for (let round = 0; round < 8; round++) {
      await new Promise<void>((resolve, reject) => {
        const child = spawn(process.execPath, [writer, target, String(size)], { stdio: ['ignore', 'pipe', 'inherit'] });
        const killAfter = 1 + (round % 4);
        let acks = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          acks += chunk.toString().split('\n').filter((l) => l.startsWith('ACK')).length;
          if (acks >= killAfter) child.kill('SIGKILL');
        });
        child.on('error', reject);
        child.on('exit', () => resolve());
      });
      const bytes = fs.readFileSync(target);
      expect(bytes.length).toBe(size);
      expect(bytes.every((b) => b === bytes[0])).toBe(true);
      cleanTempFiles(dir);
    }
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});
