import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './fixture';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  expect(e.outsideRequests).toEqual([]);
  await e.close();
});

const dataFile = () => path.join(e.dir, 'jingjian.sqlite');
const teams = async () => ((await e.page.evaluate(() => window.jingjian.invoke('teams.list', {}))) as { ok: true; value: { name: string }[] }).value;

describe('a bad day at start-up: clear words and a way out', () => {
  it('offers "recover what can be read", which brings back what lived only in the WAL', async () => {
    await e.page.click('[data-testid=load-demo]');
    await e.page.waitForFunction(() => !document.querySelector('[data-testid=first-run]'));
    const before = (await teams()).length;
    await e.restart(() => {
      // 20 teams acknowledged into the WAL, the files as a kill leaves them, then a damaged page in the main file.
      const file = dataFile();
      const writer = new Database(file);
      writer.pragma('wal_autocheckpoint = 0');
      const add = writer.prepare("INSERT INTO teams (name, organ, unit, created_at, updated_at) VALUES (?, 'party_group', '', 'x', 'x')");
      for (let i = 0; i < 20; i++) add.run(`只在日志中的党组${i}`);
      const rootpage = (writer.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'opinions'").get() as { rootpage: number }).rootpage;
      const pageSize = Number(writer.pragma('page_size', { simple: true }));
      const files = ['', '-wal', '-shm'].map((s) => [`${file}${s}`, fs.readFileSync(`${file}${s}`)] as const);
      writer.close();
      for (const [name, bytes] of files) fs.writeFileSync(name, bytes);
      const main = fs.readFileSync(file);
      main.fill(0, (rootpage - 1) * pageSize, rootpage * pageSize);
      fs.writeFileSync(file, main);
    });
    await e.page.waitForSelector('[data-testid=recovery-salvage]');
    await e.page.click('[data-testid=recovery-salvage-preview]');
    await e.page.waitForSelector('[data-testid=recovery-salvage-contents]');
    expect(await e.page.textContent('[data-testid=recovery-salvage-contents]')).toContain('不完整');
    await e.shot('startup-01-salvage');
    await e.page.click('[data-testid=recovery-salvage-restore]');
    await e.page.click('.el-message-box .el-button--primary');
    await e.page.waitForSelector('[data-testid=recovery]', { state: 'detached' });
    await e.page.waitForSelector('body[data-ready="1"]');
    const after = await teams();
    expect(after.length).toBe(before + 20);
    expect(fs.readdirSync(e.dir).some((n) => n.includes('.damaged-') && n.endsWith('-wal'))).toBe(true);
  });

  it('says so when the data file cannot be written, and still shows the data', async () => {
    await e.restart(() => {
      const bytes = fs.readFileSync(dataFile());
      bytes[18] = 3;
      fs.writeFileSync(dataFile(), bytes);
    });
    await e.page.waitForSelector('[data-testid=startup-readonly]');
    expect(await e.page.textContent('[data-testid=startup-readonly]')).toContain('只读');
    expect((await teams()).length).toBeGreaterThan(20);
    await e.shot('startup-02-read-only');
  });

  it('shows a failed daily backup and the temporary files it cleaned, above the first screen', async () => {
    await e.restart(() => {
      const bytes = fs.readFileSync(dataFile());
      bytes[18] = 2;
      fs.writeFileSync(dataFile(), bytes);
      const backups = path.join(e.dir, 'backups');
      fs.rmSync(backups, { recursive: true, force: true });
      fs.writeFileSync(backups, 'a file where the backups folder should be');
      fs.writeFileSync(path.join(e.dir, '.jingjian-backup-tmp-0123456789ab.sqlite'), 'left by a killed backup');
    });
    await e.page.waitForSelector('[data-testid=startup-backup-failed]');
    const failed = await e.page.textContent('[data-testid=startup-backup-failed]');
    expect(failed).toContain('今天的自动备份失败');
    expect(failed).toContain('无法创建备份文件夹');
    expect(failed).not.toMatch(/ENOTDIR|EEXIST/);
    expect(await e.page.textContent('[data-testid=startup-cleaned]')).toContain('已清理上次中断时留下的 1 个临时文件');
    expect(await e.page.locator('[data-testid=startup-readonly]').count()).toBe(0);
    await e.shot('startup-03-backup-failed');
    fs.rmSync(path.join(e.dir, 'backups'));
  });

  it('does not offer to overwrite a file from a newer version', async () => {
    await e.restart(() => {
      const bytes = fs.readFileSync(dataFile());
      bytes[18] = 2;
      bytes.writeUInt32BE(999, 60);
      fs.writeFileSync(dataFile(), bytes);
    });
    await e.page.waitForSelector('[data-testid=recovery-retry]');
    expect(await e.page.textContent('[data-testid=recovery-lead]')).toContain('不要用旧备份覆盖');
    expect(await e.page.locator('[data-testid=recovery-restore]').count()).toBe(0);
    expect(await e.page.locator('[data-testid=recovery-salvage]').count()).toBe(0);
    await e.shot('startup-04-too-new');
  });
});
