import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmFutureMeeting, field, loadDemoMeeting, startE2E, type E2E } from './fixture';
import { bodyParagraphs, readDocx, textOf } from '../electron/documents/gbt9704/testkit';

let e: E2E;
let meetingId: number;
const invoke = (channel: string, input: unknown) => e.page.evaluate(([c, i]) => window.jingjian.invoke(c as never, i as never), [channel, input] as const) as Promise<{ ok: boolean; value: never; error?: { message: string } }>;

beforeAll(async () => {
  e = await startE2E();
  meetingId = await loadDemoMeeting(e);
});
afterAll(async () => {
  await e.close();
});

const items = () => e.page.locator('[data-testid^=item-]:not([data-testid=item-editor])');

describe('rectification list', () => {
  it('shows the demo draft list grouped by aspect, with last year\'s list reported and its overdue item carried over', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/rectification`);
    await e.page.waitForSelector('[data-testid=item-1]');
    expect(await e.page.textContent('[data-testid=list-status]')).toContain('草稿');
    expect(await items().count()).toBe(5);
    expect(await e.page.textContent('[data-testid=carry-over]')).toMatch(/年度民主生活会共查摆问题8个，制定整改措施16条。截至.*已完成整改并销号4项/);
    expect(await e.page.textContent('[data-testid=item-5]')).toContain('上年未完成');
    await e.shot('rectification-01-draft');
  });

  it('builds items from the offered sources', async () => {
    await e.page.click('[data-testid=open-sources]');
    await e.page.waitForSelector('[data-testid=source-list] .source');
    const boxes = e.page.locator('[data-testid=source-list] .source');
    expect(await boxes.count()).toBeGreaterThan(1);
    await boxes.nth(1).click();
    await boxes.nth(2).click();
    await e.shot('rectification-02-sources');
    await e.page.click('[data-testid=make-each]');
    await e.page.waitForSelector('[data-testid=item-7]');
    expect(await items().count()).toBe(7);
  });

  it('deletes an item and brings it back with 撤销, then with Ctrl+Z', async () => {
    const seventh = await e.page.textContent('[data-testid=item-7]');
    await e.page.click('[data-testid=delete-item-7]');
    await e.page.click('.el-message-box .el-button--primary');
    await expect.poll(() => items().count()).toBe(6);
    const undo = e.page.locator('[data-testid=undo-button]');
    await undo.waitFor();
    expect(await e.page.textContent('.el-notification')).toContain('已删除第 7 项');
    await e.shot('rectification-02b-undo-offer');
    await undo.click();
    await e.page.waitForSelector('[data-testid=item-7]');
    expect(await e.page.textContent('[data-testid=item-7]')).toBe(seventh);
    // The keyboard: Ctrl+Z while the offer is shown (outside a text field).
    await e.page.click('[data-testid=delete-item-7]');
    await e.page.click('.el-message-box .el-button--primary');
    await expect.poll(() => items().count()).toBe(6);
    await undo.waitFor();
    await e.page.locator('body').focus();
    await e.page.keyboard.press('Control+z');
    await e.page.waitForSelector('[data-testid=item-7]');
    expect(await items().count()).toBe(7);
  });

  it('refuses to agree while owners are missing, naming the items', async () => {
    await e.page.click('[data-testid=agree]');
    await e.page.fill(field('agree-by'), '林向东');
    await e.page.click('[data-testid=agree-confirm]');
    // The demo meeting is ahead: agreeing its list is asked first, naming the date.
    expect(await confirmFutureMeeting(e)).toMatch(/^会议日期为\d{4}年\d{1,2}月\d{1,2}日，尚未到来/);
    const message = e.page.locator('.el-message--error');
    await message.waitFor();
    expect(await message.textContent()).toContain('第3项（缺具体责任人）');
    // Items built from sources carry no measure and no deadline chosen for the secretary: both are asked for.
    expect(await message.textContent()).toMatch(/第6项（缺[^）]*整改措施、整改时限）/);
    await e.shot('rectification-03-agree-refused');
    await e.page.keyboard.press('Escape');
  });

  it('assigns owners with the inline editor (keyboard: Enter opens, Ctrl+Enter saves)', async () => {
    await e.page.locator('[data-testid=item-3]').focus();
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=item-editor]');
    await e.page.fill(field('edit-owner'), '县政府办公室 秘书科 周婷');
    await e.shot('rectification-04-inline-edit');
    await e.page.press(field('edit-owner'), 'Control+Enter');
    await e.page.waitForSelector('[data-testid=item-editor]', { state: 'detached' });
    expect(await e.page.textContent('[data-testid=item-3]')).toContain('周婷');
    // The two new items get owners, a measure and a deadline the same way, through the channel the editor uses.
    const list = (await invoke('rectification.get', { meetingId })).value as { items: { id: number; leaders: unknown[]; ownerPerson: string; measures: string[] }[]; members: { id: number }[] };
    for (const item of list.items.filter((i) => i.leaders.length === 0 || !i.ownerPerson || i.measures.length === 0)) {
      const patch = { leaderIds: [list.members[1].id], ownerPerson: '县财政局 李明', measures: ['制定专项整改方案，逐项明确责任和时限'], deadline: { kind: 'date', date: '2027-06-30' } };
      const r = await invoke('rectification.updateItem', { itemId: item.id, patch });
      expect(r.ok).toBe(true);
    }
  });

  it('agrees the list on a date', async () => {
    await e.reload();
    await e.page.waitForSelector('[data-testid=item-1]');
    await e.page.click('[data-testid=agree]');
    // 审议日期 is today, not the meeting's planned day; agreeing before the meeting is held is said to be so.
    expect(await e.page.inputValue(field('agree-date'))).toBe(await e.page.evaluate(() => new Date().toLocaleDateString('sv-SE')));
    expect(await e.page.textContent('[data-testid=agree-warning]')).toContain('还没有开');
    await e.page.fill(field('agree-by'), '林向东');
    await e.page.click('[data-testid=agree-confirm]');
    await confirmFutureMeeting(e);
    await e.page.waitForFunction(() => document.querySelector('[data-testid=list-status]')?.textContent?.includes('审议通过'));
    await e.shot('rectification-05-agreed');
  });

  it('records progress and closes an item with its acceptor', async () => {
    await e.page.click('[data-testid=progress-2]');
    await e.page.fill(field('progress-text'), '3个项目中2个已完成手续补办，第3个待省厅批复');
    await e.page.click('[data-testid=progress-status]');
    await e.page.click('[data-testid=status-option-in_progress]');
    await e.page.click('[data-testid=progress-save]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=status-2]')?.textContent?.includes('推进中'));
    await e.page.click('[data-testid=progress-1]');
    await e.page.fill(field('progress-text'), '落实清单制度已印发，第一季度督查完成');
    await e.page.click('[data-testid=progress-status]');
    await e.page.click('[data-testid=status-option-closed]');
    await e.page.fill(field('progress-acceptor'), '何静');
    // 销号 without any 佐证材料: the dialog asks the 验收人 why, and an empty reason is refused.
    await e.page.waitForSelector('[data-testid=progress-no-evidence]');
    await e.page.click('[data-testid=progress-save]');
    const refused = e.page.locator('.el-message--error');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('销号须有佐证材料');
    // A PDF chosen as evidence replaces the reason.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
    await e.page.setInputFiles('[data-testid=progress-evidence]', { name: '清单制度验收记录.pdf', mimeType: 'application/pdf', buffer: pdf });
    await e.page.waitForSelector('[data-testid=progress-files]');
    expect(await e.page.locator('[data-testid=progress-no-evidence]').count()).toBe(0);
    await e.shot('rectification-06-close');
    await e.page.click('[data-testid=progress-save]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=status-1]')?.textContent?.includes('已销号'));
    expect(await e.page.textContent('[data-testid=list-stats]')).toContain('已销号 1 项');
    expect(await e.page.textContent('[data-testid=evidence-1]')).toContain('清单制度验收记录.pdf');
    const stored = (await invoke('rectification.get', { meetingId })).value as { items: { seq: number; evidence: { stored: boolean; bytes: number }[]; closedWithoutEvidence: boolean }[] };
    expect(stored.items.find((i) => i.seq === 1)).toMatchObject({ closedWithoutEvidence: false, evidence: [{ stored: true, bytes: pdf.byteLength }] });
    await e.shot('rectification-07-followed-up');
  });

  it('imports a 巡察 list into the same ledger, its columns guessed and shown, and filters by source', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('巡察反馈问题');
    ws.addRow(['县委第三巡察组反馈问题整改台账']);
    ws.addRow(['序号', '反馈问题', '整改举措', '责任部门', '完成时限']);
    ws.addRow([1, '公务接待审批不严，超标准接待仍有发生', '修订公务接待管理办法', '县政府办公室', '2027年6月30日']);
    // The meeting's item 1 (closed above, with a PDF) in the 巡察组's words: linking it carries the 销号 (next test).
    ws.addRow([2, '贯彻上级决策部署停留在传达层面，研究落实举措不具体，存在“以文件落实文件”现象', '建立决策部署落实清单', '县政府办公室', '2027年3月31日']);
    // The meeting's item 3 (文件会议仍然偏多，部分会议层层陪会…) in the 巡察组's words: offered as the same problem below.
    ws.addRow([3, '文山会海问题仍然存在，层层陪会现象时有发生，基层迎检负担较重', '精简会议文件和督查检查事项', '县委督查室', '立行立改']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await e.page.click('[data-testid=open-source-import]');
    await e.page.fill(field('source-origin'), '县委第三巡察组反馈意见');
    await e.page.setInputFiles('[data-testid=source-file]', { name: '巡察反馈问题整改台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await e.page.waitForSelector('[data-testid=source-rows] .el-table__row');
    expect(await e.page.textContent('[data-testid=source-mapping]')).toContain('猜测');
    await e.shot('rectification-07c-source-import');
    const before = await items().count();
    await e.page.click('[data-testid=source-import]');
    // The import's own message (an earlier refusal's toast may still be on screen).
    await e.page.locator('.el-message', { hasText: '已导入 3 项' }).waitFor();
    await expect.poll(() => items().count()).toBe(before + 3);
    expect(await e.page.textContent(`[data-testid=origin-${before + 1}]`)).toContain('巡视巡察反馈：县委第三巡察组反馈意见');
    await e.page.click('[data-testid=origin-filter]');
    await e.page.click('.el-select-dropdown__item:has-text("巡视巡察反馈")');
    await expect.poll(() => items().count()).toBe(3);
    await e.page.hover('[data-testid=origin-filter]');
    await e.page.click('[data-testid=origin-filter] .el-select__clear');
    await expect.poll(() => items().count()).toBe(before + 3);
  });

  it('links the 巡察 item that repeats the meeting\'s item 1, already closed: asked first; 取消 links nothing; confirmed, the 销号 and its PDF are carried', async () => {
    // As a county secretary's office laptop shows it.
    await e.page.setViewportSize({ width: 1366, height: 768 });
    // The 巡察 rows are the list's last three items; the repeat of item 1 is the middle one.
    const twin = (await items().count()) - 1;
    type Ledger = { items: { seq: number; status: string; linked: unknown[]; evidence: { name: string; stored: boolean }[] }[] };
    const ledger = async () => ((await invoke('rectification.get', { meetingId })).value as Ledger).items;
    const untouched = (await ledger()).filter((i) => i.seq === 1 || i.seq === twin);
    await e.page.click('[data-testid=open-duplicates]');
    // (The repeat is also offered with the item made from the demo's opinion on the same problem: not this pair.)
    const pair = e.page.locator('[data-testid^=duplicate-]', { hasText: '学习贯彻上级决策部署有时停留在传达层面' }).filter({ hasText: '研究落实举措不具体' });
    await pair.waitFor();
    const box = e.page.locator('.el-message-box:visible');
    await pair.locator('[data-testid^=link-]').click();
    await box.waitFor();
    expect(await box.textContent()).toContain(`第1项已销号（验收人：何静）。关联为同一问题后，其销号记录和佐证材料（1份）将同步记入第${twin}项`);
    // The picture once the box has faded in (finite animations only: a spinner never finishes; a cancelled one aborts).
    await e.page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
    await e.shot('rectification-07d-carry-closure-confirm');
    // 取消: no link, nothing closed, the pair still offered.
    await box.locator('.el-message-box__btns .el-button:not(.el-button--primary)').click();
    await expect.poll(() => box.count()).toBe(0);
    expect(await pair.count()).toBe(1);
    expect((await ledger()).filter((i) => i.seq === 1 || i.seq === twin)).toEqual(untouched);
    expect(await e.page.locator('[data-testid=linked-1]').count()).toBe(0);
    // Confirmed: linked, and the twin is closed with item 1's closing and a copy of its PDF, marked 同步自第1项.
    await pair.locator('[data-testid^=link-]').click();
    await box.locator('.el-button--primary').click();
    await pair.waitFor({ state: 'detached' });
    await e.page.keyboard.press('Escape');
    await e.page.waitForSelector('[data-testid=duplicates]', { state: 'detached' });
    await e.page.waitForFunction((n) => document.querySelector(`[data-testid=status-${n}]`)?.textContent?.includes('已销号'), twin);
    expect(await e.page.textContent(`[data-testid=linked-${twin}]`)).toContain('同一问题：本清单第1项');
    expect(await e.page.textContent(`[data-testid=evidence-${twin}]`)).toContain('清单制度验收记录.pdf');
    expect((await ledger()).find((i) => i.seq === twin)?.evidence).toMatchObject([{ name: '清单制度验收记录.pdf', stored: true }]);
    await e.page.click(`[data-testid=history-${twin}]`);
    const history = e.page.locator('[data-testid=history]');
    await expect.poll(() => history.textContent()).toContain('同步自第1项');
    expect(await history.textContent()).toContain('清单制度验收记录.pdf');
    await e.shot('rectification-07d-carried-closure');
    await e.page.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
  });

  it('links the 巡察 item the app offers as the same problem as the meeting\'s item 3, and one 销号 with a PDF closes both', async () => {
    // As a county secretary's office laptop shows it.
    await e.page.setViewportSize({ width: 1366, height: 768 });
    await e.page.click('[data-testid=open-duplicates]');
    const pair = e.page.locator('[data-testid^=duplicate-]', { hasText: '层层陪会现象时有发生' }).filter({ hasText: '部分会议层层陪会' });
    await pair.waitFor();
    // Answered 不是同一问题, the pair is not offered again (the drawer reopened), until it is restored.
    await pair.locator('[data-testid^=dismiss-]').click();
    await pair.waitFor({ state: 'detached' });
    await e.page.keyboard.press('Escape');
    await e.page.waitForSelector('[data-testid=duplicates]', { state: 'detached' });
    await e.page.click('[data-testid=open-duplicates]');
    await e.page.click('[data-testid=toggle-dismissed]');
    const dismissed = e.page.locator('[data-testid^=dismissed-]', { hasText: '层层陪会现象时有发生' });
    await dismissed.waitFor();
    expect(await pair.count()).toBe(0);
    await e.shot('rectification-07d-dismissed');
    await dismissed.locator('[data-testid^=restore-]').click();
    await pair.waitFor();
    await e.shot('rectification-07d-same-problem');
    await pair.locator('[data-testid^=link-]').click();
    await pair.waitFor({ state: 'detached' });
    await e.page.keyboard.press('Escape');
    await e.page.waitForSelector('[data-testid=duplicates]', { state: 'detached' });
    // The 巡察 row imported last is the list's last item.
    const last = await items().count();
    expect(await e.page.textContent('[data-testid=linked-3]')).toContain(`同一问题：本清单第${last}项`);
    expect(await e.page.textContent(`[data-testid=linked-${last}]`)).toContain('同一问题：本清单第3项');
    await e.page.click(`[data-testid=progress-${last}]`);
    expect(await e.page.textContent('[data-testid=progress-linked]')).toContain('本清单第3项');
    await e.page.fill(field('progress-text'), '会议文件精简三成，陪会已取消');
    await e.page.click('[data-testid=progress-status]');
    await e.page.click('[data-testid=status-option-closed]');
    await e.page.fill(field('progress-acceptor'), '何静');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n');
    await e.page.setInputFiles('[data-testid=progress-evidence]', { name: '精文减会验收记录.pdf', mimeType: 'application/pdf', buffer: pdf });
    await e.page.waitForSelector('[data-testid=progress-files]');
    await e.page.click('[data-testid=progress-save]');
    await e.page.waitForFunction((n) => ['status-3', `status-${n}`].every((id) => document.querySelector(`[data-testid=${id}]`)?.textContent?.includes('已销号')), last);
    expect(await e.page.textContent('[data-testid=evidence-3]')).toContain('精文减会验收记录.pdf');
    // Two rows, one problem (twice: 1 with its repeat, 3 with this one): the sum counts each once and says so.
    expect(await e.page.textContent('[data-testid=list-stats]')).toMatch(/已销号 2 项.*合并计数/);
    await e.page.locator('[data-testid=item-3]').scrollIntoViewIfNeeded();
    await e.shot('rectification-07e-closed-together');
    await e.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows 回头看: every open item of the team across its lists, with age and last progress', async () => {
    await e.page.click('[data-testid=open-review]');
    await e.page.waitForSelector('[data-testid=review] .el-table__row');
    const view = (await invoke('rectification.review', { meetingId })).value as { counts: { open: number; overdue: number }; rows: { problem: string }[] };
    expect(await e.page.textContent('[data-testid=review-counts]')).toContain(`未销号 ${view.counts.open} 项，其中逾期 ${view.counts.overdue} 项`);
    expect(await e.page.locator('[data-testid=review] .el-table__body-wrapper .el-table__row').count()).toBe(view.rows.length);
    await e.shot('rectification-07b-review');
    await e.page.keyboard.press('Escape');
    await e.page.waitForSelector('[data-testid=review]', { state: 'detached' });
  });

  it('switches to the responsibility view and filters by status', async () => {
    await e.page.click('[data-testid=view-leader] ');
    await e.page.waitForSelector('.group h3');
    await e.shot('rectification-08-by-leader');
    await e.page.click('[data-testid=view-aspect]');
    // In the aspect view each item shows once: its status tag is status-<seq>.
    const shown = () => e.page.$$eval('.group [data-testid^="status-"]', (tags) => tags.map((t) => `${t.getAttribute('data-testid')} ${t.textContent?.trim()}`).sort());
    const all = await shown();
    expect(all.length).toBeGreaterThan(2);
    const filterBy = async (status: string) => {
      await e.page.click('[data-testid=status-filter]');
      await e.page.click(`[data-testid=status-filter-${status}]`);
    };
    // Items 1 and 3 and the 巡察 items linked to them (the last two) were closed and item 2 put in progress above:
    // each filter leaves exactly those.
    await filterBy('closed');
    await expect.poll(shown).toEqual(['status-1 已销号', 'status-3 已销号', `status-${all.length - 1} 已销号`, `status-${all.length} 已销号`].sort());
    await filterBy('in_progress');
    await expect.poll(shown).toEqual(['status-2 推进中']);
    await e.shot('rectification-08b-filtered');
    // Cleared, every item is back.
    await e.page.hover('[data-testid=status-filter]');
    await e.page.click('[data-testid=status-filter] .el-select__clear');
    await expect.poll(shown).toEqual(all);
  });

  it('exports xlsx, docx and csv, and prints the A4 landscape HTML', async () => {
    // Finished exports only: an export in flight is a temporary file beside its target.
    const exported = () => (fs.existsSync(e.exportDir) ? fs.readdirSync(e.exportDir).filter((f) => !f.startsWith('.jingjian-tmp-')) : []);
    const before = exported().length;
    for (const [n, kind] of ['export-xlsx', 'export-docx', 'export-csv', 'export-agreed-xlsx'].entries()) {
      await e.page.click('[data-testid=export]');
      await e.page.click(`[data-testid=${kind}]`);
      if (kind === 'export-docx') {
        // The working list asks which columns to print: drop 方面, add 整改目标; 序号 cannot be dropped.
        await e.page.waitForSelector('[data-testid=docx-columns]');
        expect(await e.page.locator('[data-testid=docx-column-seq] input').isDisabled()).toBe(true);
        await e.page.click('[data-testid=docx-column-aspect]');
        await e.page.click('[data-testid=docx-column-target]');
        await e.shot('rectification-09-docx-columns');
        await e.page.click('[data-testid=docx-columns-export]');
      }
      // The success message of the previous export may still be showing: wait for this export's own file.
      await expect.poll(() => exported().length, { timeout: 20_000 }).toBe(before + n + 1);
    }
    const files = exported();
    expect(files.length - before).toBe(4);
    expect(files.some((f) => f.endsWith('整改清单.xlsx'))).toBe(true);
    expect(files.some((f) => f.endsWith('（审议通过版）.xlsx'))).toBe(true);
    expect(files.some((f) => f.endsWith('.docx'))).toBe(true);
    expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    // The browser version cannot make the PDF itself: the channel says so and the print preview opens instead.
    await e.page.click('[data-testid=export]');
    await e.page.click('[data-testid=export-pdf]');
    await e.page.waitForSelector('[data-testid=print-preview]');
    expect(await e.page.textContent('[data-testid=pdf-unavailable]')).toContain('另存为 PDF');
    const sheetRows = e.page.frameLocator('[data-testid=print-preview]').locator('tbody tr');
    await expect.poll(() => sheetRows.count()).toBe(10);
    await e.shot('rectification-09-print-preview');
    // 打印… opens the print dialog of the sheet itself (stubbed here: headless Chromium has no dialog).
    await e.page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid=print-preview]')!;
      (frame.contentWindow as Window & { print: () => void }).print = () => document.body.setAttribute('data-printed', '1');
    });
    await e.page.click('[data-testid=print-sheet]');
    expect(await e.page.getAttribute('body', 'data-printed')).toBe('1');
    await e.page.keyboard.press('Escape');
    expect(fs.readdirSync(e.exportDir).some((f) => f.endsWith('.pdf'))).toBe(false);
    // What Electron prints: rendered by Chromium at A4 landscape size.
    const html = (await invoke('rectification.printHtml', { meetingId, version: 'current', scope: 'all' })).value as string;
    const sheet = await e.context.newPage();
    await sheet.setViewportSize({ width: 1123, height: 794 });
    await sheet.setContent(html);
    expect(await sheet.locator('tbody tr').count()).toBe(10);
    expect(await sheet.locator('h1').textContent()).toContain('整改清单');
    await sheet.screenshot({ path: '.e2e-artifacts/screenshots/rectification-10-print-html.png', fullPage: true });
    await sheet.close();
  });

  it('drafts the meeting report from the data', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/report`);
    await e.page.waitForSelector('[data-testid=report]');
    expect(await e.page.textContent('[data-testid=report]')).toContain('召开情况的报告');
    // Each claim left out is listed with its reason; the 主送机关 is a visible placeholder until it is set.
    const missing = await e.page.locator('[data-testid=report-missing-item]').allTextContents();
    expect(missing).toEqual(expect.arrayContaining([expect.stringMatching(/^主送机关：.+/)]));
    expect(await e.page.textContent('[data-testid=report-addressee-line]')).toBe('（主送机关）：');
    expect(await e.page.textContent('[data-testid=report-closing]')).toBe('特此报告。');
    await e.page.fill('input[data-testid=report-addressee]', '中共青溪县委');
    await e.page.click('[data-testid=report-addressee-save]');
    await expect.poll(() => e.page.textContent('[data-testid=report-addressee-line]')).toBe('中共青溪县委：');
    expect((await e.page.locator('[data-testid=report-missing-item]').allTextContents()).some((t) => t.startsWith('主送机关'))).toBe(false);
    await e.shot('rectification-11-report');
    const before = fs.readdirSync(e.exportDir).length;
    await e.page.click('[data-testid=report-export]');
    await expect.poll(() => fs.readdirSync(e.exportDir).filter((f) => f.endsWith('召开情况的报告（草稿）.docx')).length, { timeout: 20_000 }).toBe(1);
    expect(fs.readdirSync(e.exportDir).length).toBe(before + 1);
  });

  it('edits the report text, keeps the generated sentences marked, and exports the edit', async () => {
    expect(await e.page.locator('[data-testid=report-body] .derived').count()).toBeGreaterThan(3);
    await e.page.click('[data-testid=report-edit]');
    await e.page.waitForSelector('[data-testid=report-editor]');
    await e.page.click('[data-testid=report-add-0]');
    await e.page.keyboard.type('会议开得严肃认真，达到了预期目的。');
    await e.page.keyboard.press('Control+s');
    await e.page.waitForSelector('[data-testid=report-body]');
    expect(await e.page.textContent('[data-testid=report-body]')).toContain('会议开得严肃认真，达到了预期目的。');
    // The secretary's sentence is hers, not the data's: it carries no mark.
    expect(await e.page.locator('[data-testid=report-body] .derived', { hasText: '会议开得严肃认真' }).count()).toBe(0);
    await e.shot('rectification-12-report-edited');
    const before = fs.readdirSync(e.exportDir).filter((f) => f.endsWith('召开情况的报告（草稿）.docx')).map((f) => fs.statSync(`${e.exportDir}/${f}`).mtimeMs);
    await e.page.click('[data-testid=report-export]');
    const docx = () => fs.readdirSync(e.exportDir).filter((f) => f.endsWith('召开情况的报告（草稿）.docx')).map((f) => `${e.exportDir}/${f}`);
    await expect.poll(() => docx().some((f) => !before.includes(fs.statSync(f).mtimeMs)) || docx().length > before.length, { timeout: 20_000 }).toBe(true);
    const newest = docx().sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    const text = bodyParagraphs((await readDocx(fs.readFileSync(newest))).document).map(textOf).join('\n');
    expect(text).toContain('会议开得严肃认真，达到了预期目的。');
  });
});
