import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { field, withDemoMeeting, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
withDemoMeeting((started) => ({ e, meetingId } = started));

const dialog = () => e.page.locator('.el-dialog:has([data-testid=talk-form])');

/** Picks people in the participant box by typing their names, as a secretary would. */
async function pick(names: string[]) {
  await dialog().locator('[data-testid=talk-people]').click();
  for (const name of names) {
    await e.page.keyboard.type(name);
    await e.page.waitForSelector(`.el-select-dropdown__item:visible:has-text("${name}")`);
    await e.page.keyboard.press('Enter');
  }
}

describe('heart-to-heart talks, study sessions and preparation drafts', () => {
  it('shows the coverage matrix of the demo with four pairs missing', async () => {
    await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/talks`);
    await e.page.waitForSelector('[data-testid=coverage-matrix]');
    expect(await e.page.textContent('[data-testid=talks-summary]')).toContain('必谈 31 对，已覆盖 27 对，尚缺 4 对');
    expect(await e.page.locator('[data-testid=coverage-matrix] button.miss').count()).toBe(6); // 3 member pairs, both halves
    expect(await e.page.textContent('[data-testid=outside-coverage]')).toContain('韩永生');
    await e.shot('talks-01-matrix');
  });

  it('records two talks by keyboard, one after the other', async () => {
    await e.page.keyboard.press('n');
    await e.page.waitForSelector('[data-testid=talk-form]');
    await pick(['孙丽娟', '赵立新']);
    expect(await dialog().locator('[data-testid=talk-type] label.is-checked').textContent()).toContain('班子成员之间');
    await e.page.fill(field('talk-topic'), '交流分管领域协作中的问题');
    await e.page.fill(field('talk-points-0'), '指出对方在营商环境和公安执法衔接上沟通不够。');
    await e.page.fill(field('talk-points-1'), '表示接受，建议建立涉企执法会商机制。');
    await e.shot('talks-02-entry');
    await e.page.keyboard.press('Control+Enter');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=talks-summary]')?.textContent?.includes('尚缺 3 对'));
    // The form stays open and empty for the next talk, date and recorder carried over.
    expect(await dialog().locator('.el-select__selected-item .el-tag').count()).toBe(0);
    expect(await e.page.inputValue(field('talk-recorder'))).toBe('郭文静');
    await pick(['赵立新', '刘志强']);
    await e.page.fill(field('talk-points-0'), '提醒对方重大项目安全生产监管要压实责任。');
    await e.page.keyboard.press('Control+Enter');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=talks-summary]')?.textContent?.includes('尚缺 2 对'));
    await dialog().locator('.el-dialog__footer button:has-text("取消")').click();
    await e.page.waitForSelector('[data-testid=talk-form]', { state: 'hidden' });
  });

  it('starts a talk from a missing cell, with the pair filled in', async () => {
    await e.page.click('[data-testid=cell-7-8]');
    await e.page.waitForSelector('[data-testid=talk-form]');
    expect((await dialog().locator('.el-select__selected-item').allTextContents()).filter(Boolean)).toEqual(['刘志强', '黄海峰']);
    await e.page.fill(field('talk-points-1'), '希望对方在政务服务“一网通办”推进中加强督促。');
    await dialog().locator('[data-testid=talk-save]').click();
    await e.page.waitForSelector('[data-testid=talk-form]', { state: 'hidden' });
    await e.page.waitForFunction(() => document.querySelector('[data-testid=talks-summary]')?.textContent?.includes('尚缺 1 对'));

    await e.page.click('[data-testid=outside-coverage] button.miss');
    await e.page.waitForSelector('[data-testid=talk-form]');
    expect(await dialog().locator('[data-testid=talk-type] label.is-checked').textContent()).toContain('分管部门负责人');
    await e.page.fill(field('talk-points-1'), '反映高标准农田建设资金拨付慢，希望协调解决。');
    await dialog().locator('[data-testid=talk-save]').click();
    await e.page.waitForSelector('[data-testid=all-covered]');
    expect(await e.page.locator('[data-testid=coverage-matrix] button.miss').count()).toBe(0);
    expect(await e.page.textContent('[data-testid=talks-summary]')).toContain('已谈 31 次，计 31 人次');
    await e.shot('talks-03-all-covered');
  });

  it('shows the dashboard step done once every pair is covered', async () => {
    await e.page.click('[data-testid=ws-nav-overview]');
    await e.page.waitForSelector('[data-testid=step-talks]');
    expect(await e.page.textContent('[data-testid=step-status-talks]')).toBe('已完成');
    expect(await e.page.textContent('[data-testid=step-talks]')).toContain('31/31');
    await e.shot('talks-04-dashboard');
  });

  it('records a study session', async () => {
    await e.page.click('[data-testid=ws-nav-study]');
    await e.page.waitForSelector('[data-testid=study-table]');
    expect(await e.page.textContent('[data-testid=study-count]')).toContain('共 3 次');
    await e.page.click('[data-testid=study-form-kind] label:has-text("自学")');
    await e.page.fill(field('study-topic'), '自学《中国共产党纪律处分条例》');
    await e.page.fill(field('study-notes'), '各班子成员自学并撰写心得体会');
    await e.page.press(field('study-topic'), 'Enter');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=study-count]')?.textContent?.includes('共 4 次'));
    expect(await e.page.textContent('[data-testid=study-table]')).toContain('自学《中国共产党纪律处分条例》');
    await e.shot('talks-05-study');
  });

  it('generates the 会议方案 and the 征求意见通知 into the export folder', async () => {
    await e.page.click('[data-testid=ws-nav-prep-docs]');
    await e.page.waitForSelector('[data-testid=prep-steps] li');
    await e.page.click('[data-testid=generate-plan]');
    await e.page.waitForSelector('[data-testid=prep-last]');
    const files = () => (fs.existsSync(e.exportDir) ? fs.readdirSync(e.exportDir) : []);
    expect(files()).toContain('中共青溪县人民政府党组关于召开巡察整改专题民主生活会的方案（草稿）.docx');
    // Where to send is required: the notice is refused until it is filled in.
    await e.page.click('[data-testid=generate-notice]');
    await e.page.waitForSelector('[data-testid=notice-form] >> text=请填写报送地点或邮箱');
    await e.page.fill(field('notice-send-to'), '县政府办公室秘书科（县政府大楼305室）');
    await e.page.fill(field('notice-phone'), '0571-12345678');
    await e.page.click('[data-testid=generate-notice]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=prep-last]')?.textContent?.includes('征求'));
    expect(files()).toContain('中共青溪县人民政府党组关于征求巡察整改专题民主生活会意见建议的通知（草稿）.docx');
    // The 会议通知, 签到表 and 主持词 from the meeting data: the demo lacks nothing, so no gap is flagged.
    expect(await e.page.locator('[data-testid=draft-gaps]').count()).toBe(0);
    for (const [kind, file] of [
      ['meetingNotice', '中共青溪县人民政府党组关于召开巡察整改专题民主生活会的通知（草稿）.docx'],
      ['signIn', '中共青溪县人民政府党组巡察整改专题民主生活会签到表（草稿）.docx'],
      ['hostScript', '在中共青溪县人民政府党组巡察整改专题民主生活会上的主持词（草稿）.docx'],
    ]) {
      await e.page.click(`[data-testid=generate-${kind}]`);
      await expect.poll(files, { timeout: 20_000 }).toContain(file);
    }
    await e.shot('talks-06-prep-docs');
    expect(e.pageErrors).toEqual([]);
  });

  it('registers a department head and edits the rule set, and the matrix follows', async () => {
    await e.page.click('[data-testid=ws-nav-talks]');
    await e.page.waitForSelector('[data-testid=all-covered]');
    await e.page.click('[data-testid=open-people]');
    await e.page.waitForSelector('[data-testid=person-form]');
    await e.page.fill(field('person-name'), '冯晓东');
    await e.page.fill(field('person-department'), '县市场监督管理局');
    await e.page.click('[data-testid=person-overseer]');
    await e.page.click('.el-select-dropdown__item:visible:has-text("孙丽娟")');
    await e.page.click('[data-testid=person-save]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=people-table]')?.textContent?.includes('冯晓东'));
    await e.shot('talks-07-people');
    await e.page.keyboard.press('Escape');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=talks-summary]')?.textContent?.includes('必谈 32 对'));
    expect(await e.page.textContent('[data-testid=outside-coverage]')).toContain('冯晓东（县市场监督管理局）');

    await e.page.click('[data-testid=open-rules]');
    await e.page.waitForSelector('[data-testid=rules-form]');
    await e.page.click('[data-testid=rule-departments]');
    await e.shot('talks-08-rules');
    await e.page.click('[data-testid=rules-save]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=talks-summary]')?.textContent?.includes('必谈 28 对，已覆盖 28 对'));
    await e.page.waitForSelector('[data-testid=all-covered]');
    await e.page.click('[data-testid=locale-switch] >> text=EN');
    await e.page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await e.page.textContent('[data-testid=talks-summary]')).toContain('28 required pairs, 28 covered, 0 missing');
    await e.shot('talks-09-english');
    await e.page.click('[data-testid=locale-switch] >> text=中文');
    expect(e.pageErrors).toEqual([]);
  });
});
