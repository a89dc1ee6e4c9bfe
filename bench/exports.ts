import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { FeatureMissing, needChannels, openBenchApp, teamAndMeeting, type BenchApp } from './context';
import { median, ms, pairedRatio, ratioText, ratioVerdict, type Row } from './stats';
import type { LargeIds } from './queries';

const ITEMS = 1_000;
const RUNS = 5;
const XLSX_PAIRS = 15;

type Cells = string[][];

async function bareXlsx(file: string, headers: string[], rows: Cells): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('整改清单');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function bareDocx(file: string, headers: string[], rows: Cells): Promise<void> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const table = new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [headers, ...rows].map((r) => new TableRow({ children: r.map(cell) })) });
  const document = new Document({ sections: [{ children: [new Paragraph('整改清单'), table] }] });
  fs.writeFileSync(file, await Packer.toBuffer(document));
}

/** A meeting with 1,000 rectification items (measures, leaders) — one created through the channel, the rest bulk. */
export async function thousandItems(app: BenchApp): Promise<number> {
  const { meetingId, memberIds } = await teamAndMeeting(app);
  const item = {
    aspectId: null,
    memberId: null,
    problem: '调查研究不够深入，对企业反映的问题跟踪督办不够。',
    target: '年底前问题整改到位，建立长效机制',
    measures: ['建立问题整改台账，明确责任单位和完成时限，每月调度一次', '开展专项督查，对整改不到位的严肃问责'],
    leaderIds: [memberIds[1]],
    unit: '办公室',
    ownerPerson: '张三',
    deadline: { kind: 'date', date: '2027-06-30' },
    note: '',
  };
  await app.call('rectification.createItem', { meetingId, item, sources: [] });
  const sqlite = app.connection.sqlite;
  const listId = (sqlite.prepare('SELECT id FROM rectification_lists WHERE meeting_id = ?').get(meetingId) as { id: number }).id;
  const now = new Date().toISOString();
  const insertItem = sqlite.prepare(
    "INSERT INTO rectification_items (list_id, seq, problem, target, unit, owner_person, deadline_kind, deadline_date, progress, status, created_at, updated_at) VALUES (?, ?, ?, ?, '办公室', '张三', 'date', '2027-06-30', '正在按计划推进。', 'in_progress', ?, ?)",
  );
  const insertMeasure = sqlite.prepare('INSERT INTO rectification_measures (item_id, sort_order, text) VALUES (?, ?, ?)');
  const insertLeader = sqlite.prepare('INSERT INTO rectification_item_leaders (item_id, member_id, sort_order) VALUES (?, ?, 0)');
  sqlite.transaction(() => {
    for (let seq = 2; seq <= ITEMS; seq++) {
      const id = Number(insertItem.run(listId, seq, `第${seq}项：${item.problem}`, item.target, now, now).lastInsertRowid);
      item.measures.forEach((text, k) => insertMeasure.run(id, k, text));
      insertLeader.run(id, memberIds[1 + (seq % 8)]);
    }
  })();
  return meetingId;
}

export async function exportRows(dir: string, large: { app: BenchApp; ids: LargeIds } | null): Promise<Row[]> {
  const rows: Row[] = [];
  try {
    needChannels('rectification.createItem', 'rectification.exportXlsx', 'rectification.exportDocx');
    const app = await openBenchApp(path.join(dir, 'exports.sqlite'));
    try {
      const meetingId = await thousandItems(app);
      // The same rows the handlers write, taken from the handler's own table builder, for the bare libraries.
      const { exportTable } = await import('../electron/handlers/rectification/table');
      const table = await exportTable(app.ctx, meetingId, 'current', 'all');
      const headers = table.columns.map((c) => c.header);
      const cells: Cells = table.rows.map((r) => table.columns.map((c) => String((r as Record<string, unknown>)[c.key] ?? '')));
      const time = async (fn: () => Promise<unknown>) => {
        await fn();
        const out: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await fn();
          out.push(performance.now() - t);
        }
        return median(out);
      };
      // xlsx: handler and bare exceljs alternate, so both see the same machine; the ratio is judged on 5 blocks.
      const xlsxHandler: number[] = [];
      const xlsxBare: number[] = [];
      for (let i = -1; i < XLSX_PAIRS; i++) {
        let t = performance.now();
        await app.call('rectification.exportXlsx', { meetingId, version: 'current', scope: 'all' });
        const h = performance.now() - t;
        t = performance.now();
        await bareXlsx(path.join(dir, 'bare.xlsx'), headers, cells);
        const b = performance.now() - t;
        if (i < 0) continue; // warm-up
        xlsxHandler.push(h);
        xlsxBare.push(b);
      }
      const handlerXlsx = median(xlsxHandler);
      const bareX = median(xlsxBare);
      const xlsxRatio = pairedRatio(xlsxHandler, xlsxBare);
      const handlerDocx = await time(() => app.call('rectification.exportDocx', { meetingId, version: 'current', scope: 'all', attachmentLabel: null }));
      const bareD = await time(() => bareDocx(path.join(dir, 'bare.docx'), headers, cells));
      rows.push(
        { group: 'export', what: `${ITEMS.toLocaleString('en')}-item rectification list → xlsx (handler, median of ${XLSX_PAIRS})`, figure: ms(handlerXlsx), compare: `bare exceljs ${ms(bareX)}`, target: '≤ 1 s', verdict: handlerXlsx <= 1000 ? 'pass' : 'miss' },
        { group: 'export', what: `${ITEMS.toLocaleString('en')}-item list → xlsx, handler vs bare exceljs (${XLSX_PAIRS} alternating pairs)`, figure: ratioText(xlsxRatio), compare: `bare exceljs ${ms(bareX)}`, target: '≤ 1.5× bare (issue 20)', verdict: ratioVerdict(xlsxRatio, 1.5) },
        { group: 'export', what: `${ITEMS.toLocaleString('en')}-item rectification list → docx (handler, median of ${RUNS})`, figure: ms(handlerDocx), compare: `bare docx ${ms(bareD)}; ${(handlerDocx / bareD).toFixed(2)}×`, target: '≤ 1 s', verdict: handlerDocx <= 1000 ? 'pass' : 'miss' },
      );
    } finally {
      await app.close();
    }
  } catch (error) {
    if (!(error instanceof FeatureMissing)) throw error;
    rows.push({ group: 'export', what: '1,000-item rectification list → xlsx / docx', figure: 'n/a (feature missing)', verdict: 'n/a' });
  }

  if (large && (await hasChannel('materials.export'))) {
    const count = (large.app.connection.sqlite.prepare('SELECT count(*) AS n FROM materials WHERE meeting_id = ?').get(large.ids.meetingId) as { n: number }).n;
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t = performance.now();
      await large.app.call('materials.export', { meetingId: large.ids.meetingId, ids: null, format: 'docx' });
      if (i > 0) times.push(performance.now() - t);
    }
    rows.push({ group: 'export', what: `all materials of a meeting (${count}: 9 members + team) → docx, median of 3`, figure: ms(median(times)) });
  } else {
    rows.push({ group: 'export', what: 'all materials of a meeting → docx', figure: 'n/a (feature missing)', verdict: 'n/a' });
  }
  return rows;
}

async function hasChannel(name: string): Promise<boolean> {
  const { isChannelName } = await import('../electron/common/api');
  return isChannelName(name);
}
