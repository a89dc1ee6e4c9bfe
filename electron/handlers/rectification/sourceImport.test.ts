import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDemoApp, type TestApp } from '../testing';
import type { DemoIds } from '../../../seeds/demo';

let app: TestApp & { ids: DemoIds };
beforeEach(async () => {
  app = await openDemoApp();
});
afterEach(() => app.close());

/** A 巡察 feedback 台账 as a unit keeps it: a title row, its own headers, one column the app cannot guess. */
async function inspectionList(leader: string): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('巡察反馈问题整改台账');
  ws.addRow(['县委第三巡察组反馈问题整改台账']);
  ws.addRow(['序号', '反馈问题', '整改举措', '牵头领导', '责任部门', '完成时限', '问题归类（巡察组）']);
  ws.addRow([1, '落实中央八项规定精神有松懈，公务接待审批不严', '1. 修订公务接待管理办法\n2. 每季度抽查接待清单', `${leader}、王不存在`, '县政府办公室', '2026年6月30日', '作风建设']);
  ws.addRow([2, '基层减负不到位，督查检查考核过多', '（1）精简督查检查事项', leader, '县委督查室', '立行立改', '形式主义']);
  ws.addRow([3, '选人用人程序不够规范', '健全干部选任纪实制度', '', '县委组织部', '长期坚持', '']);
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  const out = new Uint8Array(new ArrayBuffer(buf.byteLength));
  out.set(buf);
  return out;
}

describe('one ledger: importing another source’s list', () => {
  it('guesses the columns, shows every guess, takes the user’s switch, and imports all rows with their source tag', async () => {
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const file = await inspectionList(members[1].name);
    const preview = await app.must('rectification.sourcePreview', { meetingId: app.ids.meetingId, file });
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((c) => [c.header, c.field, c.guessed])).toEqual([
      ['序号', null, false],
      ['反馈问题', 'problem', true],
      ['整改举措', 'measures', true],
      ['牵头领导', 'leaders', true],
      ['责任部门', 'unit', true],
      ['完成时限', 'deadline', true],
      ['问题归类（巡察组）', null, false],
    ]);
    expect(preview.rows[0]).toMatchObject({ measures: ['修订公务接待管理办法', '每季度抽查接待清单'], leaders: [members[1].name], deadline: { kind: 'date', date: '2026-06-30' } });
    expect(preview.rows[0].warnings.join()).toContain('王不存在');
    expect(preview.rows.map((r) => r.deadline.kind)).toEqual(['date', 'immediate', 'ongoing']);

    // The user maps the 归类 column to 备注 (a switch, not a guess) and drops 责任部门.
    const mapping = preview.columns.map((c) => ({ column: c.column, field: c.header.startsWith('问题归类') ? ('note' as const) : c.header === '责任部门' ? null : c.field }));
    const switched = await app.must('rectification.sourcePreview', { meetingId: app.ids.meetingId, file, mapping });
    expect(switched.columns.find((c) => c.header.startsWith('问题归类'))).toMatchObject({ field: 'note', guessed: false });
    expect(switched.rows[0]).toMatchObject({ note: '作风建设', unit: '' });

    const before = (await app.must('rectification.get', { meetingId: app.ids.meetingId })).items.length;
    const done = await app.must('rectification.sourceImport', { meetingId: app.ids.meetingId, file, mapping, originKind: 'inspection', origin: '县委第三巡察组反馈意见' });
    expect(done.imported).toBe(3);
    const added = done.list.items.slice(before);
    expect(added.map((i) => [i.seq, i.originKind, i.origin, i.note])).toEqual([
      [before + 1, 'inspection', '县委第三巡察组反馈意见', '作风建设'],
      [before + 2, 'inspection', '县委第三巡察组反馈意见', '形式主义'],
      [before + 3, 'inspection', '县委第三巡察组反馈意见', ''],
    ]);
    expect(done.list.items.slice(0, before).every((i) => i.originKind === 'meeting')).toBe(true);

    // The opening 通报 of that source, from its items only, with the numbers as they stand.
    await app.must('rectification.addProgress', { itemId: added[1].id, date: '2026-11-20', kind: 'progress', text: '督查检查事项已由42项精简为18项', by: '郭文静', statusTo: 'in_progress', acceptor: '', evidence: [] });
    const report = await app.must('rectification.carryOver', { meetingId: app.ids.meetingId, today: '2026-11-27' });
    expect(report.sources).toEqual([
      {
        originKind: 'inspection',
        origin: '县委第三巡察组反馈意见',
        title: '通报县委第三巡察组反馈意见整改情况',
        paragraphs: [
          '县委第三巡察组反馈意见共反馈问题3个，制定整改措施4条。截至2026年11月27日，尚无已销号事项，需长期坚持1项，正在推进1项，尚未启动1项。',
          `第3项需长期坚持：尚未填写整改进展。责任领导：未明确。`.replace('第3项', `第${before + 3}项`),
          `未完成事项第${before + 1}项：落实中央八项规定精神有松懈，公务接待审批不严。目前状态为未启动，已超过整改时限。原因及进展：尚未填写整改进展。责任领导：${members[1].name}；具体责任人：未明确。`,
          `未完成事项第${before + 2}项：基层减负不到位，督查检查考核过多。目前状态为推进中。原因及进展：督查检查事项已由42项精简为18项。责任领导：${members[1].name}；具体责任人：未明确。`,
        ],
      },
    ]);
  });

  it('refuses a mapping without the problem column, and changes nothing', async () => {
    const members = await app.must('members.list', { teamId: app.ids.teamId });
    const file = await inspectionList(members[1].name);
    const preview = await app.must('rectification.sourcePreview', { meetingId: app.ids.meetingId, file });
    const mapping = preview.columns.map((c) => ({ column: c.column, field: c.field === 'problem' ? null : c.field }));
    const before = app.counts();
    const result = await app.call('rectification.sourceImport', { meetingId: app.ids.meetingId, file, mapping, originKind: 'inspection', origin: '县委第三巡察组' });
    expect(result).toMatchObject({ ok: false, error: { code: 'rectification.sourceInvalid' } });
    if (!result.ok) expect(result.error.messageEn).toContain('problem');
    expect(app.counts()).toEqual(before);
  });
});
