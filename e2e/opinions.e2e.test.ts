import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { field, withDemoMeeting, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
withDemoMeeting((started) => ({ e, meetingId } = started));

const rawRows = () => e.page.locator('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row');

describe('gathering opinions', () => {
  it('shows the demo opinions', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/opinions`);
    await e.page.waitForSelector('[data-testid=raw-table]');
    // One source of counts: the header says what each number counts, and the tab and the lists agree with it.
    const summary = (await e.page.textContent('[data-testid=opinions-summary]')) ?? '';
    const [, consolidated, unsorted] = /^共 20 条原始意见：已梳理为 (\d+) 条梳理后意见，待梳理原始意见 (\d+) 条$/.exec(summary.trim()) ?? [];
    expect(Number(unsorted)).toBeGreaterThan(0);
    expect(await e.page.textContent('.el-tabs__item:has-text("梳理归类")')).toBe(`梳理归类（待梳理 ${unsorted}）`);
    await e.page.click('.el-tabs__item:has-text("梳理归类")');
    await e.page.waitForSelector('[data-testid=consolidated-list]');
    expect(await e.page.textContent('[data-testid=consolidated-list] h3')).toBe(`梳理后意见（${consolidated}）`);
    expect(await e.page.textContent('[data-testid=unsorted-list] h3')).toBe(`待梳理的原始意见（${unsorted}）`);
    expect(await e.page.locator('[data-testid=consolidated-list] .item').count()).toBe(Number(consolidated));
    await e.page.click('.el-tabs__item:has-text("意见录入")');
    expect(await rawRows().count()).toBe(20);
    await e.shot('opinions-01-list');
  });

  it('pastes a numbered block with Windows line ends and saves it with Ctrl+Enter', async () => {
    await e.page.fill(field('batch-text'), '1. 调研不够深入，\r\n多在机关听汇报。\r\n\r\n2、督办落实不够有力。\r\n（3）文件转发多、结合实际少。');
    await e.page.waitForSelector('[data-testid=batch-pieces] li:nth-child(3)');
    expect(await e.page.locator('[data-testid=batch-piece-text]').allTextContents()).toEqual(['调研不够深入，\n多在机关听汇报。', '督办落实不够有力。', '文件转发多、结合实际少。']);
    // The numbers are not saved, but the preview shows them, struck through.
    expect(await e.page.locator('[data-testid=batch-piece] del').allTextContents()).toEqual(['1.', '2、', '（3）']);
    await e.shot('opinions-02-batch-preview');
    await e.page.press(field('batch-text'), 'Control+Enter');
    await e.page.waitForFunction(() => document.querySelectorAll('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row').length === 23);
    expect(await e.page.textContent('[data-testid=opinions-summary]')).toContain('共 23 条原始意见');
  });

  it('enters two opinions one at a time by keyboard only', async () => {
    await e.page.click('[data-testid=entry-mode] label:has-text("逐条录入")');
    for (const [i, text] of ['会议多、文件多，基层迎检负担重。', '希望多到困难村走访。'].entries()) {
      await e.page.click(field('single-text'));
      await e.page.keyboard.type(text);
      await e.page.keyboard.press('Control+Enter');
      await e.page.waitForFunction((n) => document.querySelectorAll('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row').length === n, 24 + i);
      expect(await e.page.inputValue(field('single-text'))).toBe('');
    }
    expect(await e.page.textContent('[data-testid=raw-table]')).toContain('希望多到困难村走访。');
  });

  it('imports a filled-in form with a preview that shows the bad row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('征求意见表');
    ws.addRow(['青溪县人民政府党组民主生活会征求意见表']);
    ws.addRow(['序号', '针对对象', '方面', '意见和建议', '来源渠道', '提出单位', '日期', '是否匿名', '提出人（可不填）']);
    ws.addRow([1, '王建国', '', '农田水利设施重建轻管。', '征求意见表', '县水利局', '2026-11-18', '是', '']);
    ws.addRow([2, '领导班子', '', '对基层反映的问题回应不够及时。', '征求意见表', '县水利局', '2026-11-18', '是', '']);
    ws.addRow([3, '张三丰', '', '对象填错的一行。', '征求意见表', '县水利局', '2026-11-18', '是', '']);
    const file = path.join(e.dir, '县水利局征求意见表.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    await e.page.click('[data-testid=open-import]');
    await e.page.setInputFiles('[data-testid=import-input]', file);
    await e.page.waitForSelector('[data-testid=import-preview] >> text=有效 2 条，有误 1 条');
    expect(await e.page.textContent('[data-testid=import-preview]')).toContain('针对对象「张三丰」不是本班子成员');
    expect(await e.page.isDisabled('[data-testid=import-commit]')).toBe(true);
    await e.shot('opinions-03-import-preview');
    await e.page.click('[data-testid=skip-invalid]');
    await e.page.click('[data-testid=import-commit]');
    await e.page.waitForSelector('.el-message--success >> text=已导入 2 条');
    await e.page.waitForFunction(() => document.querySelectorAll('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row').length === 27);

    // The same file again adds nothing.
    await e.page.click('[data-testid=open-import]');
    await e.page.setInputFiles('[data-testid=import-input]', file);
    await e.page.waitForSelector('[data-testid=import-preview] >> text=已导入过 2 条');
    await e.page.keyboard.press('Escape');
  });

  it('merges a suggested duplicate pair, keeping both originals', async () => {
    await e.page.click('.el-tabs__item:has-text("梳理归类")');
    await e.page.waitForSelector('[data-testid=duplicates] [data-testid=cluster-0]');
    const cluster = await e.page.textContent('[data-testid=cluster-0]');
    await e.shot('opinions-04-duplicates');
    await e.page.click('[data-testid=cluster-merge-0]');
    await e.page.waitForSelector('[data-testid=merge-form]');
    await e.page.fill(field('merge-text'), '督查检查考核过多，基层台账材料负担较重，“文山会海”问题有所反弹。');
    await e.page.click('[data-testid=merge-save]');
    await e.page.waitForSelector('[data-testid=consolidated-list] >> text=督查检查考核过多，基层台账材料负担较重');
    const list = await e.page.textContent('[data-testid=consolidated-list]');
    expect(list).toContain('由 2 条原始意见合并');
    for (const original of ['基层减负工作还有差距，督查检查考核事项多', '督查检查考核过多过频，基层迎检任务重']) {
      expect(cluster).toContain(original);
      expect(list).toContain(original);
    }
    await e.shot('opinions-05-merged');
  });

  it('merges opinions ticked in 梳理归类 itself, and calls one kept as written what it is', async () => {
    const before = await e.page.locator('[data-testid=consolidated-list] .item').count();
    const unsorted = await e.page.locator('[data-testid=unsorted-list] .pick').count();
    await e.page.click('[data-testid=unsorted-0]');
    expect(await e.page.isDisabled('[data-testid=merge-selected]')).toBe(true);
    await e.page.click('[data-testid=unsorted-1]');
    await e.page.waitForSelector('[data-testid=merge-selected]:has-text("合并所选（2 条）"):not([disabled])');
    await e.page.click('[data-testid=merge-selected]');
    await e.page.waitForSelector('[data-testid=merge-originals] li:nth-child(2)');
    await e.page.fill(field('merge-text'), '在梳理归类页勾选合并的意见。');
    await e.page.click('[data-testid=merge-save]');
    await e.page.waitForSelector('[data-testid=consolidated-list] >> text=在梳理归类页勾选合并的意见。');
    expect(await e.page.locator('[data-testid=consolidated-list] .item').count()).toBe(before + 1);
    expect(await e.page.locator('[data-testid=unsorted-list] .pick').count()).toBe(unsorted - 2);
    expect(await e.page.textContent('[data-testid=opinions-summary]')).toContain(`已梳理为 ${before + 1} 条梳理后意见，待梳理原始意见 ${unsorted - 2} 条`);
    await e.shot('opinions-05b-merged-in-sorting');
  });

  it('shows the counts and the paragraph and exports feedback for every member into a folder', async () => {
    await e.page.click('.el-tabs__item:has-text("统计与反馈")');
    await e.page.waitForSelector('[data-testid=opinions-paragraph]');
    const paragraph = await e.page.textContent('[data-testid=opinions-paragraph]');
    // Opinions are still waiting to be sorted: no 梳理归纳 figure is claimed yet, the split is of the opinions received.
    expect(paragraph).toContain('共发放征求意见表110份，收回63份；共征求意见建议27条，其中对班子');
    expect(paragraph).not.toContain('梳理归纳');
    await e.page.click('[data-testid=feedback-all]');
    await e.page.waitForSelector('[data-testid=last-export]');
    expect(fs.existsSync(path.join(e.exportDir, '征求意见反馈-陈晓燕.docx'))).toBe(true);
    expect(fs.existsSync(path.join(e.exportDir, '征求意见反馈-领导班子.docx'))).toBe(true);
    expect(fs.readdirSync(e.exportDir).filter((f) => f.startsWith('征求意见反馈-'))).toHaveLength(9);
    await e.shot('opinions-06-report');
  });
});

describe('pasting opinions with lead-ins', () => {
  it('takes 「对孙丽娟同志的意见：」 as the target of the lines below it, refuses an unknown name, and strips 一是 like 1.', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/opinions`);
    await e.page.click('.el-tabs__item#tab-raw');
    await e.page.waitForSelector('[data-testid=raw-table]');
    await e.page.click('[data-testid=entry-mode] label:has-text("批量粘贴")');
    const pasted = ['对孙丽娟同志的意见：', '1. 听取企业意见不够。', '2. 调研不够深入。', '对班子的意见：一是会议偏多；二是文件偏多。', '对李四同志的意见：', '3. 作风不实。'].join('\n');
    await e.page.fill(field('batch-text'), pasted);
    await e.page.waitForFunction(() => document.querySelectorAll('[data-testid=batch-piece]').length === 5);
    expect(await e.page.locator('[data-testid=batch-lead-in]').count()).toBe(3);
    expect(await e.page.textContent('[data-testid=batch-lead-in].refused')).toContain('班子成员中没有“李四”');
    expect(await e.page.locator('[data-testid=batch-piece-text]').allTextContents()).toEqual(['听取企业意见不够。', '调研不够深入。', '会议偏多；', '文件偏多。', '作风不实。']);
    expect(await e.page.locator('[data-testid=batch-piece-target]').allTextContents()).toEqual(['→ 孙丽娟', '→ 孙丽娟', '→ 领导班子', '→ 领导班子']);
    expect(await e.page.textContent('[data-testid=batch-pieces]')).toContain('将保存 5 条意见');
    await e.shot('opinions-10-batch-lead-ins');
    const before = await rawRows().count();
    await e.page.click('[data-testid=batch-save]');
    await e.page.waitForFunction((n) => document.querySelectorAll('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row').length === n, before + 5);
    const board = (await e.page.evaluate((id) => window.jingjian.invoke('opinions.board', { meetingId: id }), meetingId)) as { value: { opinions: { text: string; targetMemberId: number | null }[] } };
    const target = (text: string) => board.value.opinions.find((o) => o.text === text)?.targetMemberId;
    expect(target('听取企业意见不够。')).toBe(target('调研不够深入。'));
    expect(target('听取企业意见不够。')).not.toBeNull();
    expect([target('会议偏多；'), target('文件偏多。'), target('作风不实。')]).toEqual([null, null, null]);
    expect(board.value.opinions.some((o) => o.text.includes('对孙丽娟同志的意见') || o.text.startsWith('一是'))).toBe(false);
  });
});

describe('a meeting with 2,000 opinions', () => {
  const focusText = (i: number) => `第${i}条：希望进一步加强调查研究，多到基层一线听取群众意见，编号${i}。`;
  let focusId: number;

  beforeAll(async () => {
    // Distinct wording per row so the duplicate finder does not see one huge cluster.
    const words = ['调研', '督办', '文风', '会风', '减负', '服务', '作风', '学习', '担当', '落实'];
    for (let start = 0; start < 2000; start += 500) {
      const texts = Array.from({ length: 500 }, (_, k) => {
        const i = start + k;
        return i === 1950 ? focusText(i) : `第${i}条：${words[i % 10]}${words[Math.floor(i / 10) % 10]}${words[Math.floor(i / 100) % 10]}方面还有差距（${i}）。`;
      });
      const result = (await e.page.evaluate(
        (input) => window.jingjian.invoke('opinions.createBatch', input),
        { meetingId, common: { channel: 'box' as const, source: '', date: null, targetMemberId: null, aspectId: null, anonymous: true, submitter: '' }, texts },
      )) as { ok: boolean; value: { id: number; text: string }[] };
      expect(result.ok).toBe(true);
      if (start === 1500) focusId = result.value[450].id; // far down the list, whose order is by batch position
    }
  });

  it('renders the first page of the raw list and pages through the rest', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/opinions`);
    await e.reload();
    await e.page.waitForSelector('[data-testid=raw-pager]');
    expect(await rawRows().count()).toBe(50);
    // The demo's opinions, those pasted by the tests above and the 2,000 just added: as many as the data holds.
    const stats = (await e.page.evaluate((id) => window.jingjian.invoke('opinions.stats', { meetingId: id }), meetingId)) as { ok: true; value: { raw: number } };
    expect(stats.value.raw).toBeGreaterThanOrEqual(2000);
    expect(await e.page.textContent('[data-testid=raw-pager]')).toContain(`共 ${stats.value.raw} 条`);
    await e.page.click('[data-testid=raw-pager] .btn-next');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row td:nth-child(2)')?.textContent?.trim() === '51');
    expect(await rawRows().count()).toBe(50);
    await e.shot('opinions-07-paged');
  });

  it('keeps the selection across pages and classifies every selected row', async () => {
    const row = (n: number) => e.page.locator(`[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row:nth-child(${n})`);
    const picked: string[] = [];
    const pick = async (n: number) => {
      picked.push((await row(n).locator('.text').textContent()) ?? '');
      await row(n).locator('.el-checkbox').click();
    };
    await pick(1);
    await pick(2);
    await e.page.click('[data-testid=raw-pager] .btn-prev');
    await pick(1);
    await e.page.waitForSelector('[data-testid=bulk-bar] >> text=已选 3 条');
    await e.page.click('[data-testid=bulk-target]');
    await e.page.click('.el-select-dropdown:visible .el-select-dropdown__item:has-text("陈晓燕")');
    await e.page.click('[data-testid=bulk-apply]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=raw-table] .el-table__body-wrapper tr.el-table__row')?.textContent?.includes('陈晓燕'));
    const board = (await e.page.evaluate((id) => window.jingjian.invoke('opinions.board', { meetingId: id }), meetingId)) as {
      value: { opinions: { targetMemberId: number | null; text: string }[] };
    };
    const targets = picked.map((text) => board.value.opinions.find((o) => o.text === text)?.targetMemberId);
    expect(targets[0]).not.toBeNull();
    expect(new Set(targets)).toEqual(new Set([targets[0]]));
  });

  it('opens a search hit on the page that holds it', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/opinions?focus=${focusId}&kind=opinion`);
    await e.page.waitForSelector('[data-testid=raw-table] tr.focused');
    expect(await e.page.textContent('[data-testid=raw-table] tr.focused')).toContain(focusText(1950));
    expect(await rawRows().count()).toBe(50);
    const board = (await e.page.evaluate((id) => window.jingjian.invoke('opinions.board', { meetingId: id }), meetingId)) as { value: { opinions: { id: number }[] } };
    const index = board.value.opinions.findIndex((o) => o.id === focusId);
    expect(index).toBeGreaterThan(1000);
    expect(await e.page.textContent('[data-testid=raw-pager] .el-pager .is-active')).toBe(String(Math.floor(index / 50) + 1));
    await e.shot('opinions-08-focus');
  });

  it('pages the duplicate suggestions and the consolidated list', async () => {
    await e.page.click('.el-tabs__item:has-text("梳理归类")');
    await e.page.waitForSelector('[data-testid=duplicates] [data-testid=cluster-0]');
    expect(await e.page.locator('[data-testid=duplicates] .cluster').count()).toBeLessThanOrEqual(20);
    await e.page.click('[data-testid=confirm-singles]');
    await e.page.waitForSelector('[data-testid=consolidated-pager]');
    expect(await e.page.locator('[data-testid=consolidated-list] .item').count()).toBe(50);
    await e.page.click('[data-testid=consolidated-pager] .btn-next');
    await e.page.waitForSelector('[data-testid=consolidated-50]');
    expect(await e.page.locator('[data-testid=consolidated-list] .item').count()).toBe(50);
    // Each opinion confirmed on its own is kept as written, not "merged", and goes back to the unsorted ones, not "unmerged".
    const board = (await e.page.evaluate((id) => window.jingjian.invoke('opinions.board', { meetingId: id }), meetingId)) as { value: { consolidated: { rawIds: number[] }[] } };
    const single = board.value.consolidated.findIndex((c, i) => i >= 50 && i < 100 && c.rawIds.length === 1);
    expect(single).toBeGreaterThanOrEqual(50);
    expect(await e.page.textContent(`[data-testid=consolidated-origin-${single}]`)).toBe('原文照录 1 条原始意见');
    expect(await e.page.textContent(`[data-testid=unmerge-${single}]`)).toBe('退回待梳理');
    expect(await e.page.textContent('[data-testid=consolidated-list]')).not.toContain('由 1 条');
    await e.shot('opinions-09-sorting-paged');
  });
});
