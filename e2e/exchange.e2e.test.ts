import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './fixture';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

const meetings = async () => ((await e.page.evaluate(() => window.jingjian.invoke('meetings.list', {}))) as { ok: true; value: { id: number; theme: string }[] }).value;

const teams = async () => ((await e.page.evaluate(() => window.jingjian.invoke('teams.list', {}))) as { ok: true; value: { name: string }[] }).value;

describe('a secretary carries a meeting to another computer', () => {
  let exported = '';

  it('exports the demo meeting as an exchange file from 备份与恢复', async () => {
    await e.page.click('[data-testid=load-demo]');
    await e.page.waitForFunction(() => !document.querySelector('[data-testid=first-run]'));
    await e.page.click('.topnav a[href="#/backup"]');
    await e.page.waitForSelector('[data-testid=exchange-card]');
    await e.page.waitForFunction(() => document.querySelector('[data-testid=exchange-meeting] input')?.getAttribute('value') || document.querySelector('[data-testid=exchange-meeting]')?.textContent?.trim());
    // In the browser the export downloads, and is also kept in the exports folder.
    const [download] = await Promise.all([e.page.waitForEvent('download'), e.page.click('[data-testid=exchange-export]')]);
    await e.page.waitForSelector('.el-message--success >> text=已导出到');
    const saved = fs.readdirSync(e.exportDir).filter((n) => n.endsWith('.json'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^镜鉴交换文件-.*\.json$/);
    exported = path.join(e.exportDir, saved[0]);
    expect(JSON.parse(fs.readFileSync(exported, 'utf8')).format).toBe('jingjian-exchange');
    expect(download.suggestedFilename()).toBe(saved[0]);
    const downloaded = await download.path();
    expect(fs.readFileSync(downloaded).equals(fs.readFileSync(exported))).toBe(true);
    await e.shot('exchange-01-exported');
  });

  it('imports it back: sees the contents and the conflict first, then imports a copy', async () => {
    const before = await meetings();
    // 导入交换文件… opens the browser's file picker.
    const [chooser] = await Promise.all([e.page.waitForEvent('filechooser'), e.page.click('[data-testid=exchange-import]')]);
    await chooser.setFiles(exported);
    await e.page.waitForSelector('[data-testid=exchange-preview]');
    const text = await e.page.textContent('[data-testid=exchange-preview]');
    expect(text).toContain(before[0].theme);
    expect(text).toContain('作为副本导入');
    expect(await e.page.locator('[data-testid=exchange-conflict]').count()).toBeGreaterThan(0);
    await e.shot('exchange-02-preview');
    await e.page.click('[data-testid=exchange-confirm]');
    await e.page.waitForSelector('[data-testid=exchange-result] >> text=已导入');
    const after = await meetings();
    expect(after).toHaveLength(before.length + 1);
    await e.shot('exchange-03-imported');
    await e.page.click('[data-testid=exchange-open]');
    await e.page.waitForURL(/#\/meetings\/\d+/);
    await e.shot('exchange-04-opened');
  });

  it('refuses a file that is not an exchange file, with a clear message', async () => {
    await e.page.click('.topnav a[href="#/backup"]');
    await e.page.waitForSelector('[data-testid=exchange-card]');
    const bad = path.join(e.dir, 'not-exchange.json');
    fs.writeFileSync(bad, JSON.stringify({ hello: 1 }));
    await e.page.setInputFiles('[data-testid=exchange-file]', bad);
    await e.page.waitForSelector('.el-message--error');
    expect(await e.page.locator('[data-testid=exchange-preview]').count()).toBe(0);
  });

  it('restores the data from a file chosen outside the backups folder', async () => {
    const count = (await meetings()).length;
    const teamCount = (await teams()).length;
    await e.page.click('[data-testid=backup-now]');
    await e.page.waitForSelector('.el-message--success >> text=已备份到');
    const backup = fs.readdirSync(e.exportDir).find((n) => n.endsWith('.sqlite'))!;
    // A backup on a USB stick, anywhere on the computer: chosen with the browser's file picker.
    const stick = path.join(e.dir, 'stick');
    fs.mkdirSync(stick);
    fs.copyFileSync(path.join(e.exportDir, backup), path.join(stick, 'U盘备份.sqlite'));
    await e.page.evaluate(() => window.jingjian.invoke('teams.create', { name: '备份之后新建的党组', organ: 'party_group', unit: '' }));
    expect(await teams()).toHaveLength(teamCount + 1);
    const [chooser] = await Promise.all([e.page.waitForEvent('filechooser'), e.page.click('[data-testid=restore-file]')]);
    expect(chooser.isMultiple()).toBe(false);
    await chooser.setFiles(path.join(stick, 'U盘备份.sqlite'));
    await e.page.waitForSelector('[data-testid=chosen-file] >> text=U盘备份.sqlite');
    await e.page.waitForSelector('[data-testid=backup-contents]');
    await e.shot('exchange-05-restore-file');
    await e.page.click('[data-testid=backup-restore]');
    await e.page.click('.el-message-box .el-button--primary');
    await e.page.waitForSelector('.el-message--success >> text=已恢复备份');
    expect(await meetings()).toHaveLength(count);
    expect(await teams()).toHaveLength(teamCount);
    await e.shot('exchange-06-restored-file');
  });
});
