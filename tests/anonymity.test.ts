import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import JSZip from 'jszip';
import { checkFile, dailyBackup, previewFile } from '../db/backup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type ChannelName, type Input } from '../electron/common/api';
import { dispatch } from '../electron/handlers/dispatch';
import { openDemoApp } from '../electron/handlers/testing';

/**
 * An anonymous opinion leaves no trace of who gave it: not in any table, not in any index or free page of the file
 * (scanned as raw bytes), not in the export log, not inside any exported file. Every table is scanned; every
 * `opinions.export*` channel of the contract must be listed below and must succeed (a new or renamed one fails).
 */
const GIVER = '贾匿名提交人';
const LATER = '甄后改匿名';
let app: Awaited<ReturnType<typeof openDemoApp>>;

beforeAll(async () => {
  app = await openDemoApp();
});
afterAll(async () => {
  await app.ctx.connection.close();
  await app.close();
});

const call = <C extends ChannelName>(channel: C, input: Input<C>) => dispatch(app.ctx, channel, input);
const opinion = (text: string, anonymous: boolean, submitter: string): Input<'opinions.create'>['opinion'] => ({ channel: 'box', source: '', date: null, targetMemberId: null, aspectId: null, text, anonymous, submitter });

function rowsMention(needle: string): string[] {
  const sqlite = app.ctx.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return tables.filter(({ name }) => (sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).some((row) => JSON.stringify(row).includes(needle))).map((t) => t.name);
}

/** Raw bytes of the database and its WAL after a checkpoint: indexes, free pages and old row versions included. */
function fileMentions(needle: string): boolean {
  app.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = Buffer.from(needle, 'utf8');
  return [app.ctx.dataFile, `${app.ctx.dataFile}-wal`].some((f) => fs.existsSync(f) && fs.readFileSync(f).includes(bytes));
}

async function exportedFilesMention(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const name of fs.readdirSync(app.exportDir)) {
    const bytes = fs.readFileSync(path.join(app.exportDir, name));
    let text = bytes.toString('utf8');
    if (bytes.subarray(0, 2).toString() === 'PK') {
      const zip = await JSZip.loadAsync(bytes);
      for (const entry of Object.values(zip.files)) if (!entry.dir) text += await entry.async('string');
    }
    if (text.includes(needle)) hits.push(name);
  }
  return hits;
}

describe('anonymous opinions leave no trace of the giver', () => {
  it('a name sent with an anonymous opinion is stored nowhere', async () => {
    const created = await call('opinions.create', { meetingId: app.ids.meetingId, opinion: opinion('会风会纪有待加强（匿名测试）', true, GIVER) });
    expect(created.ok).toBe(true);
    expect(rowsMention(GIVER)).toEqual([]);
    expect(fileMentions(GIVER)).toBe(false);
  });

  it('a named opinion made anonymous later leaves no trace in rows, indexes or free pages', async () => {
    const created = await call('opinions.create', { meetingId: app.ids.meetingId, opinion: opinion('调研不够深入（先实名后匿名）', false, LATER) });
    expect(created.ok).toBe(true);
    const id = (created as { ok: true; value: { id: number } }).value.id;
    expect(rowsMention(LATER).length).toBeGreaterThan(0);
    // The raw scan does see a stored name (so its "no trace" below means something).
    expect(fileMentions(LATER)).toBe(true);
    const updated = await call('opinions.update', { id, opinion: opinion('调研不够深入（先实名后匿名）', true, '') });
    expect(updated.ok).toBe(true);
    expect(rowsMention(LATER)).toEqual([]);
    expect(fileMentions(LATER)).toBe(false);
  });

  it('backups taken while the opinion was named lose the name too, and stay whole', async () => {
    const NAMED = '郝备份中实名';
    const text = '联系群众不够紧密（备份之后改匿名）';
    const created = await call('opinions.create', { meetingId: app.ids.meetingId, opinion: opinion(text, false, NAMED) });
    expect(created.ok).toBe(true);
    const id = (created as { ok: true; value: { id: number } }).value.id;
    const backup = await dailyBackup(app.ctx.sqlite, app.ctx.dataFile, new Date(2026, 10, 20, 8));
    const backupBytes = () => fs.readFileSync(backup!);
    expect(backupBytes().includes(Buffer.from(NAMED))).toBe(true);
    expect((await call('opinions.update', { id, opinion: opinion(text, true, '') })).ok).toBe(true);
    expect(backupBytes().includes(Buffer.from(NAMED))).toBe(false);
    expect(checkFile(backup!)).toBe('ok');
    const preview = previewFile(backup!);
    expect(preview.tables.opinions).toBeGreaterThan(0);
    const db = new Database(backup!, { readonly: true });
    try {
      expect(db.prepare('SELECT anonymous, submitter, created_at FROM opinions WHERE text = ?').get(text)).toEqual({ anonymous: 1, submitter: null, created_at: null });
    } finally {
      db.close();
    }
  });

  it('no export and no export log entry names the giver', async () => {
    const meetingId = app.ids.meetingId;
    const memberIds = (await app.must('members.list', { teamId: app.ids.teamId })).map((m) => m.id);
    // Every export of opinions, in each of its formats; the feedback for the 班子 and every member.
    const runs: { [C in ChannelName]?: Input<C>[] } = {
      'opinions.exportTemplate': [{ meetingId }],
      'opinions.exportSummary': [
        { meetingId, format: 'xlsx' },
        { meetingId, format: 'docx' },
      ],
      'opinions.exportStats': [{ meetingId }],
      'opinions.exportFeedback': [
        { meetingId, memberIds: [null, ...memberIds], format: 'docx' },
        { meetingId, memberIds: [null, ...memberIds], format: 'xlsx' },
      ],
    };
    expect(Object.keys(runs).sort()).toEqual(Object.keys(contract).filter((c) => c.startsWith('opinions.export')).sort());
    let written = 0;
    for (const [channel, inputs] of Object.entries(runs) as [ChannelName, unknown[]][]) {
      for (const input of inputs) {
        const result = await dispatch(app.ctx, channel, input);
        expect(result.ok, `${channel} ${JSON.stringify(input)}: ${result.ok ? '' : result.error.messageEn}`).toBe(true);
        written++;
      }
    }
    const log = await app.must('exportLog.list', { limit: 500 });
    expect(log.length).toBeGreaterThanOrEqual(written);
    expect(JSON.stringify(log)).not.toContain(GIVER);
    expect(await exportedFilesMention(GIVER)).toEqual([]);
    expect(await exportedFilesMention(LATER)).toEqual([]);
  });
});
