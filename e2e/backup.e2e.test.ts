import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../harness/server';
import { startE2E, type E2E } from './fixture';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

const teams = async () => ((await e.page.evaluate(() => window.jingjian.invoke('teams.list', {}))) as { ok: true; value: { name: string }[] }).value;

describe('a secretary keeps the data safe', () => {
  it('sees the automatic daily backup in 备份与恢复', async () => {
    await e.page.click('[data-testid=load-demo]');
    await e.page.waitForFunction(() => !document.querySelector('[data-testid=first-run]'));
    await e.page.click('.topnav a[href="#/backup"]');
    await e.page.waitForSelector('[data-testid=backup-view]');
    await e.page.waitForSelector('[data-testid=backup-table] >> text=每日自动');
    expect(await e.page.textContent('[data-testid=backup-view]')).toContain('每天首次启动时自动备份');
    await e.shot('backup-01-view');
  });

  it('backs up now to a file, which the export log then shows', async () => {
    await e.page.click('[data-testid=backup-now]');
    await e.page.waitForSelector('.el-message--success >> text=已备份到');
    const saved = fs.readdirSync(e.exportDir).filter((n) => n.endsWith('.sqlite'));
    expect(saved).toHaveLength(1);
    expect(fs.statSync(path.join(e.exportDir, saved[0])).size).toBeGreaterThan(4096);
    await e.page.click('.topnav a[href="#/export-log"]');
    await e.page.waitForSelector(`[data-testid=export-log] >> text=${saved[0]}`);
    await e.shot('backup-02-export-log');
  });

  it('checks the integrity of the data', async () => {
    await e.page.click('.topnav a[href="#/backup"]');
    await e.page.waitForSelector('[data-testid=backup-table] >> text=每日自动');
    await e.page.click('[data-testid=integrity-check]');
    // Whatever the check says is read out, so a failure names what it found (or the error shown instead).
    await e.page.waitForSelector('[data-testid=integrity-report], .el-message--error', { timeout: 60_000 });
    await e.shot('backup-03-integrity');
    const said = await e.page.evaluate(() => [document.querySelector('[data-testid=integrity-report]'), ...document.querySelectorAll('.el-message--error')].map((n) => n?.textContent ?? '').join(' | '));
    expect(said).toContain('完整性检查通过');
  });

  it('previews what a backup holds and restores it, keeping the current data as a backup', async () => {
    expect((await teams()).length).toBeGreaterThan(0);
    // The daily backup was taken at start, before the demo was loaded: it holds no team.
    const row = e.page.locator('[data-testid=backup-table] .el-table__row', { hasText: '每日自动' }).first();
    await row.locator('[data-testid=backup-preview]').click();
    await e.page.waitForSelector('[data-testid=backup-contents]');
    expect(await e.page.textContent('[data-testid=preview-teams]')).toBe('0');
    // What the file holds, in words: never a table's SQLite name.
    const contents = await e.page.textContent('[data-testid=backup-contents]');
    expect(contents).toContain('导出记录');
    expect(contents).not.toContain('export_log');
    await e.shot('backup-04-preview');
    await e.page.click('[data-testid=backup-restore]');
    await e.page.waitForSelector('.el-message-box >> text=恢复前');
    await e.shot('backup-05-confirm');
    await e.page.click('.el-message-box .el-button--primary');
    await e.page.waitForSelector('.el-message--success >> text=已恢复备份');
    expect(await teams()).toEqual([]);
    // And back: the safety copy taken before the restore holds the demo.
    await e.page.waitForSelector('[data-testid=backup-table] >> text=恢复前自动保存');
    await e.page.locator('[data-testid=backup-table] .el-table__row', { hasText: '恢复前自动保存' }).first().locator('[data-testid=backup-preview]').click();
    await e.page.waitForSelector('[data-testid=backup-contents]');
    expect(Number(await e.page.textContent('[data-testid=preview-teams]'))).toBeGreaterThan(0);
    await e.page.click('[data-testid=backup-restore]');
    await e.page.click('.el-message-box .el-button--primary');
    await e.page.waitForSelector('.el-message--success >> text=已恢复备份');
    expect((await teams()).length).toBeGreaterThan(0);
    await e.shot('backup-06-restored');
  });

  it('offers the latest good backup when the data file is damaged, and reopens on it', async () => {
    const dataFile = path.join(e.dir, 'jingjian.sqlite');
    const port = Number(new URL(e.harness.url).port);
    await e.harness.close();
    fs.writeFileSync(dataFile, Buffer.alloc(fs.statSync(dataFile).size, 0x41));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dataFile}${suffix}`, { force: true });
    const second = await startHarness({ dbFile: dataFile, staticDir: path.resolve(process.env.JJ_OUT ?? 'out/renderer'), exportDir: e.exportDir, port });
    try {
      await e.reload();
      await e.page.waitForSelector('[data-testid=recovery]');
      expect(await e.page.textContent('[data-testid=recovery]')).toContain('数据文件无法打开');
      expect(await e.page.textContent('[data-testid=recovery]')).toContain('没有新建空白数据库');
      await e.page.waitForSelector('[data-testid=backup-contents]');
      // The newest copy was taken just before the last restore (no team); choose the one that holds the demo. The
      // list is the one the screen shows (recovery.list, same order); the preview is waited for, not slept on.
      const listed = await e.page.evaluate(() => window.jingjian.invoke('recovery.list', {}));
      const backups = listed.ok ? listed.value : [];
      let withDemo = -1;
      let teamsInIt = 0;
      for (const [i, b] of backups.entries()) {
        const preview = await e.page.evaluate((name) => window.jingjian.invoke('recovery.preview', { name }), b.name);
        teamsInIt = preview.ok ? preview.value.teams : 0;
        if (teamsInIt > 0) {
          withDemo = i;
          break;
        }
      }
      expect(withDemo).toBeGreaterThanOrEqual(0);
      await e.page.locator('[data-testid=recovery-list] .el-table__row').nth(withDemo).click();
      await expect.poll(async () => Number(await e.page.textContent('[data-testid=preview-teams]'))).toBe(teamsInIt);
      await e.shot('backup-07-recovery');
      await e.page.click('[data-testid=recovery-restore]');
      await e.page.waitForSelector('[data-testid=recovery]', { state: 'detached' });
      await e.page.waitForSelector('body[data-ready="1"]');
      expect((await teams()).length).toBeGreaterThan(0);
      expect(fs.readdirSync(e.dir).some((n) => n.includes('.damaged-'))).toBe(true);
      await e.shot('backup-08-recovered');
    } finally {
      await second.close();
    }
  });
});
