/**
 * Test support shared by the rectification tests (links, evidence, exports): the demo's list emptied, items created
 * and the list agreed, and an exported list opened by its headers. Names the TestApp type only (lint/layers.ts).
 */
import ExcelJS from 'exceljs';
import type { Input } from '../../common/api';
import type { TestApp } from '../testing';

export type ItemInput = Input<'rectification.createItem'>['item'];
export type LedgerApp = TestApp & { ids: { meetingId: number; teamId: number } };

/** Deletes the demo's draft items (the demo test covers them): each test starts from an empty list. */
export async function emptyList(app: LedgerApp): Promise<void> {
  for (const item of (await app.must('rectification.get', { meetingId: app.ids.meetingId })).items) await app.must('rectification.deleteItem', { itemId: item.id });
}

/** An item of the 班子 led by the team's first member, due 2027-03-31, with what the tests do not look at filled in. */
export async function baseItem(app: LedgerApp, fields: Partial<ItemInput> = {}): Promise<ItemInput> {
  const members = await app.must('members.list', { teamId: app.ids.teamId });
  return { aspectId: null, memberId: null, problem: '', target: '', measures: ['建立台账'], leaderIds: [members[0].id], unit: '县政府办公室', ownerPerson: '黄海峰', deadline: { kind: 'date', date: '2027-03-31' }, note: '', ...fields };
}

/** Adds the items (each `base` with its own fields) to the meeting's list and agrees it. */
export async function agreedList(app: LedgerApp, base: ItemInput, items: Partial<ItemInput>[], options: { meetingId?: number; agreedOn?: string } = {}) {
  const meetingId = options.meetingId ?? app.ids.meetingId;
  for (const fields of items) await app.must('rectification.createItem', { meetingId, item: { ...base, ...fields }, sources: [] });
  return app.must('rectification.agree', { meetingId, agreedOn: options.agreedOn ?? '2026-11-27', agreedBy: '林向东' });
}

/** The first sheet of an exported list, its header row and a column by header. */
export async function sheetOf(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.values && (row.values as unknown[]).includes('序号')) headerRow = n;
  });
  const col = (header: string) => (ws.getRow(headerRow).values as unknown[]).indexOf(header);
  return { wb, ws, headerRow, col };
}
