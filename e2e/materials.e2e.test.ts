import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberedDocx } from '../electron/handlers/materials/testDocx';
import { field, withDemoMeeting, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
withDemoMeeting((started) => ({ e, meetingId } = started));

const row = (memberName: string) => e.page.locator(`[data-testid=materials-table] tr:has-text("${memberName}")`);
const editor = () => e.page.locator('[data-testid=material-editor]');
const preview = () => e.page.locator('[data-testid=print-preview]');
const saved = () => e.page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.textContent?.includes('已自动保存'));
async function toList() {
  await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/materials`);
  await e.page.waitForSelector('[data-testid=materials-table]');
}
async function filesIn(dir: string, n: number) {
  for (let i = 0; i < 100 && !(fs.existsSync(dir) && fs.readdirSync(dir).filter((f) => f.endsWith('.docx')).length >= n); i++) await e.page.waitForTimeout(100);
}
/** Answers Element Plus's prompt box (submission note) and confirms. */
async function promptAndConfirm(text: string, button: string) {
  const box = e.page.locator('.el-message-box');
  await box.waitFor();
  if (text) await box.locator('input').fill(text);
  await box.locator(`button:has-text("${button}")`).click();
  await box.waitFor({ state: 'hidden' });
}

describe('self-examination materials', () => {
  it('lists the 班子 and every member with where their material stands', async () => {
    await toList();
    expect(await e.page.textContent('[data-testid=materials-summary]')).toContain('共 9 份');
    expect(await row('周明华').textContent()).toContain('审核通过');
    expect(await row('王建国').textContent()).toContain('退回修改');
    expect(await row('陈晓燕').textContent()).toContain('已提交');
    await e.shot('materials-01-list');
  });

  it('imports a Word file whose numbering is automatic, after fixing the section the parser could not place', async () => {
    const docx = await numberedDocx([
      '孙丽娟同志2026年度专题民主生活会对照检查材料',
      '按照县委要求，结合分管工作，现对照检查如下：',
      { text: '存在的主要问题', level: 0 },
      { text: '在推动巡察反馈问题整改、促进高质量发展方面。一是涉企检查仍然偏多，企业迎检负担较重。二是政策兑现不够及时。比如，部分惠企资金拨付超过规定时限。', level: 1 },
      { text: '在履职尽责、担当作为方面。一是深入企业调研不够。二是协调解决企业融资难办法不多。', level: 1 },
      { text: '原因分析', level: 0 },
      { text: '宗旨意识有所淡化。听取企业意见不够主动。', level: 1 },
      { text: '整改措施', level: 0 },
      { text: '在优化营商环境上下功夫。建立涉企检查备案制度，每季度走访重点企业。', level: 1 },
      { text: '其他需要说明的情况', level: 0 },
      '本人没有需要说明的其他事项。',
    ]);
    const file = path.join(e.dir, '孙丽娟对照检查材料.docx');
    fs.writeFileSync(file, docx);

    await row('孙丽娟').locator('[data-testid=import-material]').click();
    await e.page.locator('[data-testid=source-file]').click();
    await e.page.setInputFiles('[data-testid=import-file]', file);
    await e.page.locator('[data-testid=recognise]').click();
    await e.page.waitForSelector('[data-testid=tree-preview]');
    expect(await e.page.textContent('[data-testid=import-result]')).toContain('Word 文档');
    expect(await e.page.textContent('[data-testid=import-result]')).toContain('4 个问题');
    // The unrecognised section is flagged on its row and saving waits until it is handled.
    const flagged = e.page.locator('[data-testid=tree-row].warned');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.textContent()).toContain('其他需要说明的情况');
    expect(await e.page.locator('[data-testid=save-import]').isDisabled()).toBe(true);
    await e.shot('materials-02-import-preview');

    await flagged.locator('[data-testid=tree-kind]').click();
    await e.page.locator('.el-select-dropdown__item:visible:has-text("个人有关事项说明")').click();
    await e.page.waitForFunction(() => document.querySelectorAll('[data-testid=tree-row].warned').length === 0);
    expect(await e.page.textContent('[data-testid=tree-preview]')).toContain('已修改');
    await e.page.locator('[data-testid=save-import]').click();

    await editor().waitFor();
    expect(await e.page.textContent('[data-testid=editor-author]')).toBe('孙丽娟');
    expect(await preview().textContent()).toContain('（一）在推动巡察反馈问题整改、促进高质量发展方面。一是涉企检查仍然偏多');
    expect(await preview().textContent()).toContain('四、其他需要说明的情况');
  });

  it('imports a pasted text, accepting a numbering gap the author really made', async () => {
    await toList();
    await row('刘志强').locator('[data-testid=import-material]').click();
    await e.page.fill(field('import-text'), [
      '刘志强同志对照检查材料',
      '现对照检查如下：',
      '一、存在的问题',
      '（一）在履职尽责、担当作为方面',
      '1.老旧小区改造中沟通解释不到位。',
      '3.重大项目安全生产监管压得不实。',
      '二、整改措施',
      '（一）在改进工作作风上下功夫。每月到项目现场不少于2次。',
    ].join('\n'));
    await e.page.locator('[data-testid=recognise]').click();
    await e.page.waitForSelector('[data-testid=tree-preview]');
    expect(await e.page.textContent('[data-testid=unresolved]')).toContain('1 条');
    await e.page.locator('[data-testid=accept-warning]').click();
    expect(await e.page.locator('[data-testid=save-import]').isDisabled()).toBe(false);
    await e.page.locator('[data-testid=save-import]').click();
    await editor().waitFor();
    // Numbers are generated: the accepted gap prints as 1. and 2.
    expect(await preview().textContent()).toContain('2.重大项目安全生产监管压得不实。');
  });

  it('edits without typing a number: add, reorder by keyboard across aspects, example, autosave that survives a reload', async () => {
    await toList();
    await row('孙丽娟').locator('[data-testid=open-material]').click();
    await editor().waitFor();
    const firstBlock = e.page.locator('[data-testid=aspect-block]').first();
    await firstBlock.locator('[data-testid=add-problem]').click();
    // The new problem's field has the focus and the number is already there.
    await e.page.keyboard.type('营商环境投诉办理跟踪不够。');
    expect(await firstBlock.locator('[data-testid=item-marker]').allTextContents()).toEqual(['一是', '二是', '三是']);
    await firstBlock.locator('[data-testid=item]').nth(2).locator('[data-testid=add-example]').click();
    await e.page.keyboard.press('End');
    await e.page.keyboard.type('今年受理的企业投诉中有3件超期办结。');
    await saved();
    expect(await preview().textContent()).toContain('三是营商环境投诉办理跟踪不够。比如，今年受理的企业投诉中有3件超期办结。');

    // Alt+↓ from the last problem of the first aspect carries it into the second aspect, renumbering both.
    await firstBlock.locator('[data-testid=item]').nth(2).locator(field('item-text')).focus();
    await e.page.keyboard.press('Alt+ArrowDown');
    const secondBlock = e.page.locator('[data-testid=aspect-block]').nth(1);
    expect(await firstBlock.locator('[data-testid=item-marker]').allTextContents()).toEqual(['一是', '二是']);
    expect(await secondBlock.locator('[data-testid=item-marker]').allTextContents()).toEqual(['一是', '二是', '三是']);
    expect(await secondBlock.locator(field('item-text')).first().inputValue()).toBe('营商环境投诉办理跟踪不够。');
    await saved();
    await e.shot('materials-03-editor');
    await preview().screenshot({ path: path.resolve('.e2e-artifacts/screenshots/materials-04-preview.png') });

    await e.reload();
    await editor().waitFor();
    expect(await e.page.locator('[data-testid=aspect-block]').nth(1).locator(field('item-text')).first().inputValue()).toBe('营商环境投诉办理跟踪不够。');
    expect(await e.page.textContent('[data-testid=char-count]')).toMatch(/\d+ 字/);
  });

  it('links a problem to the opinion addressed to the member', async () => {
    expect(await e.page.textContent('[data-testid=opinions-count]')).toContain('未回应 1 条');
    await e.page.locator('[data-testid=aspect-block]').first().locator('[data-testid=link-opinions]').first().click();
    const picker = e.page.locator('[data-testid=opinion-picker]:visible');
    await picker.locator('.el-checkbox').first().click();
    expect(await picker.locator('.el-checkbox.is-checked').count()).toBe(1);
    await picker.locator('[data-testid=link-save]').click();
    await e.page.waitForFunction(() => document.querySelector('[data-testid=opinions-count]')?.textContent?.includes('未回应 0 条'));
  });

  it('is submitted, sent back with a comment and a time limit, revised, compared and approved', async () => {
    await e.page.locator('[data-testid=submit]').click();
    await promptAndConfirm('初稿', '提交审核');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=material-status]')?.textContent === '已提交');
    expect(await e.page.locator(field('item-text')).first().getAttribute('readonly')).not.toBeNull();

    await e.page.locator('.el-tabs__item:has-text("审核与版本")').click();
    await e.page.waitForSelector('[data-testid=review-panel]');
    await e.page.fill(field('reviewer'), '吴国平');
    await e.page.fill(field('review-comment'), '对营商环境问题的原因剖析不够深入，请补充。');
    await e.page.fill(field('review-deadline'), '2099-12-31');
    await e.page.locator('[data-testid=send-back]').click();
    // Acts only once confirmed: the box names the member.
    await e.page.waitForSelector('.el-message-box:has-text("退回修改")');
    expect(await e.page.textContent('.el-message-box')).toContain('孙丽娟');
    await e.page.locator('.el-message-box .el-button--primary').click();
    await e.page.waitForFunction(() => document.querySelector('[data-testid=material-status]')?.textContent === '退回修改');
    expect(await e.page.textContent('[data-testid=history]')).toContain('对营商环境问题的原因剖析不够深入');

    await e.page.locator('.el-tabs__item:has-text("编辑")').click();
    expect(await e.page.textContent('[data-testid=returned-banner]')).toContain('2099年12月31日');
    const cause = e.page.locator('[data-testid=section]').nth(1).locator(field('item-text')).first();
    await cause.fill('听取企业意见不够主动，对企业反映的问题跟踪督办不够。');
    await saved();
    await e.page.locator('[data-testid=submit]').click();
    await promptAndConfirm('已按审核意见补充原因分析', '提交审核');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=material-status]')?.textContent === '已提交');

    await e.page.locator('.el-tabs__item:has-text("审核与版本")').click();
    await e.page.waitForSelector('[data-testid=diff]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=diff-summary]')?.textContent?.includes('修改 1 段'));
    const changed = e.page.locator('[data-testid=diff] tr[data-kind=changed]');
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('.ins').allTextContents()).toEqual(['，对企业反映的问题跟踪督办不够']);
    await changed.scrollIntoViewIfNeeded();
    await e.shot('materials-05-diff');

    await e.page.fill(field('review-comment'), '同意。');
    await e.page.locator('[data-testid=approve]').click();
    await e.page.waitForSelector('.el-message-box:has-text("审核通过")');
    await e.page.locator('.el-message-box .el-button--primary').click();
    await e.page.waitForFunction(() => document.querySelector('[data-testid=material-status]')?.textContent === '审核通过');
    // The 重新打开 box asks for its own reason, not for what to revise.
    expect(await e.page.getAttribute(field('review-comment'), 'placeholder')).toBe('写明为什么重新打开（如：督导组要求补充）');
  });

  it('exports the material to Word, and every material of the meeting in one go', async () => {
    await e.page.locator('.el-tabs__item:has-text("编辑")').click();
    await e.page.locator('[data-testid=export-docx]').click();
    await filesIn(e.exportDir, 1);
    expect(fs.readdirSync(e.exportDir).filter((f) => f.endsWith('.docx'))).toEqual(['巡察整改专题民主生活会孙丽娟对照检查材料.docx']);

    await e.page.locator('[data-testid=back-to-list]').click();
    await e.page.waitForSelector('[data-testid=materials-table]');
    expect(await row('孙丽娟').textContent()).toContain('审核通过');
    await e.page.locator('[data-testid=export-all-docx]').click();
    await e.page.waitForSelector('.el-message:has-text("已导出 6 个文件")');
    expect(fs.readdirSync(e.exportDir).filter((f) => f.endsWith('.docx'))).toHaveLength(6);
    const dashboard = (await e.page.evaluate((id) => window.jingjian.invoke('meetings.dashboard', { id }), meetingId)) as { value: { steps: { key: string; progress: string }[] } };
    expect(dashboard.value.steps.find((s) => s.key === 'materials')?.progress).toBe('2/9');
  });

  it('shows what it guessed in a PDF copy: a lead-in switched to a problem in one click, a hard-wrap join undone', async () => {
    await toList();
    await row('王建国').locator('[data-testid=import-material]').click();
    const pdfCopy = fs.readFileSync(path.resolve('electron/common/materials/fixtures/corpus/21-pdf-05-wrapped-32.txt'), 'utf8');
    await e.page.fill(field('import-text'), pdfCopy);
    await e.page.locator('[data-testid=recognise]').click();
    await e.page.waitForSelector('[data-testid=tree-preview]');
    const result = () => e.page.textContent('[data-testid=import-result]');
    expect(await result()).toContain('8 个问题');
    // Three guesses, each on its row: two lead-ins, one unnumbered problem.
    expect(await e.page.locator('[data-testid=row-warning]').count()).toBe(3);
    const leadIn = e.page.locator('[data-testid=tree-row]:has-text("学习贯彻不够系统")');
    expect(await leadIn.locator('.type').textContent()).toBe('段落');
    await e.shot('materials-10-guess');
    await leadIn.locator('[data-testid=switch-guess]:has-text("作为问题")').click();
    await leadIn.locator('[data-testid=switch-guess]:has-text("作为引言")').waitFor();
    expect(await leadIn.locator('.type').textContent()).toBe('问题');
    expect(await result()).toContain('9 个问题');
    expect(await leadIn.locator('[data-testid=row-warning]').textContent()).toContain('已修改');
    await e.shot('materials-11-guess-switched');

    // The joined lines are listed; undoing one reads the text again with that line kept apart.
    await e.page.locator('[data-testid=import-joins] .el-collapse-item__header').click();
    const joins = e.page.locator('[data-testid=import-join]');
    await joins.first().waitFor();
    const before = await joins.count();
    expect(before).toBeGreaterThanOrEqual(9);
    expect(await e.page.locator('[data-testid=row-joined]').count()).toBeGreaterThan(0);
    await joins.first().locator('[data-testid=undo-join]').click();
    const box = e.page.locator('.el-message-box');
    await box.waitFor();
    await box.locator('button:has-text("撤销拼接")').click();
    await e.page.waitForFunction((n) => document.querySelectorAll('[data-testid=import-join]').length === n, before - 1);
    await e.page.keyboard.press('Escape');
    await e.page.locator('[data-testid=import-dialog]').waitFor({ state: 'hidden' });
  });
});
