/*
 * The large database's materials and rectification items are what the app would have stored: each material's problems
 * numbered in material_problems (as saving it numbers them), and the items made from a problem cite that row as the
 * 从问题来源生成 dialog does — checked through the real handlers on a small generated file (2 teams × 2 years).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RectificationList, SourceOption } from '../electron/common/api/rectification';
import { problemNodeIds } from '../electron/handlers/materials/store';
import { openBenchApp, type BenchApp } from '../bench/context';
import { generateLargeDatabase } from './large';

let dir: string;
let app: BenchApp;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jj-large-'));
  const file = path.join(dir, 'large.sqlite');
  generateLargeDatabase(file, { teams: 2, years: 2 });
  app = await openBenchApp(file);
}, 120_000);

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the large database', () => {
  it('numbers every problem of every material in material_problems, as saving a material does', () => {
    const sqlite = app.connection.sqlite;
    const materials = sqlite.prepare('SELECT id, content FROM materials ORDER BY id').all() as { id: number; content: string }[];
    expect(materials.length).toBeGreaterThan(10);
    for (const m of materials) {
      const rows = sqlite.prepare('SELECT node_id FROM material_problems WHERE material_id = ? ORDER BY id').all(m.id) as { node_id: string }[];
      const expected = problemNodeIds(JSON.parse(m.content));
      expect(expected.length).toBeGreaterThan(4);
      expect(rows.map((r) => r.node_id)).toEqual(expected);
    }
  });

  it('makes items from material problems as the sources dialog does, each citing a problem the dialog offers', async () => {
    const meetings = app.connection.sqlite.prepare('SELECT id FROM meetings ORDER BY id').all() as { id: number }[];
    let cited = 0;
    let own = 0;
    for (const { id: meetingId } of meetings) {
      const list = (await app.call('rectification.get', { meetingId })) as RectificationList;
      const options = (await app.call('rectification.sources', { meetingId })) as SourceOption[];
      const offered = new Map(options.filter((o) => o.type === 'material_problem').map((o) => [o.id, o]));
      expect(offered.size).toBeGreaterThan(40);
      for (const item of list.items) {
        if (item.originKind === 'meeting') own++;
        for (const source of item.sources) {
          expect(source.type).toBe('material_problem');
          expect(item.originKind).toBe('meeting');
          const option = offered.get(source.id);
          expect(option, `item ${item.seq} of meeting ${meetingId} cites material problem #${source.id}`).toBeDefined();
          // What the dialog writes: the problem's text, author and aspect, and the source as offered.
          expect(source).toEqual({ type: 'material_problem', id: option!.id, text: option!.text, origin: option!.origin });
          expect(item.problem).toBe(option!.text.trim());
          expect(item.memberId).toBe(option!.memberId);
          expect(item.aspectId).toBe(option!.aspectId);
          expect(option!.usedBy).toContain(item.seq);
          cited++;
        }
      }
    }
    // Every problem is cited once at most, and a good part of the meetings' own items come from one.
    expect(cited).toBeGreaterThan(own * 0.3);
    expect(cited).toBeLessThan(own * 0.7);
  });
});
