import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, loadDemoMeeting, startE2E, type E2E } from './fixture';

const PASS = '青溪党组 2026 春季';
const NEW_PASS = '整改落实 回头看 2027';
const SQLITE_HEADER = 'SQLite format 3\0';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await loadDemoMeeting(e);
  await e.reload();
});
afterAll(async () => {
  await e.close();
});

const dataFile = () => path.join(e.dir, 'jingjian.sqlite');
const olderFile = () => path.join(e.dir, 'older-first-passphrase.sqlite');
const putInPlace = (file: string) => {
  fs.copyFileSync(file, dataFile());
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dataFile()}${suffix}`, { force: true });
};
const header = () => {
  const fd = fs.openSync(dataFile(), 'r');
  try {
    const bytes = Buffer.alloc(16);
    fs.readSync(fd, bytes, 0, 16, 0);
    return bytes.toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
};
const invoke = async (channel: string, input: object) =>
  (await e.page.evaluate(([c, i]) => window.jingjian.invoke(c as never, i as never), [channel, input] as const)) as { ok: boolean; value?: unknown; error?: { code: string } };
const teamCount = async () => {
  const result = await invoke('teams.list', {});
  return result.ok ? (result.value as unknown[]).length : -1;
};
const text = async (selector: string) => (await e.page.textContent(selector)) ?? '';

async function openBackupScreen() {
  await e.page.click('.topnav a[href="#/backup"]');
  await e.page.waitForSelector('[data-testid=encryption-card] [data-testid=encryption-status]');
}

describe('encryption at rest, as the secretary sees it', () => {
  it('turns encryption on from 备份与恢复, with the passphrase checked as it is typed', async () => {
    await openBackupScreen();
    expect(await text('[data-testid=encryption-status]')).toContain('未加密');
    expect(await text('[data-testid=encryption-backups]')).toContain('本机备份');
    await e.shot('encryption-01-card');

    await e.page.click('[data-testid=encryption-enable]');
    await e.page.waitForSelector('[data-testid=encryption-form]');
    expect(await text('.el-dialog')).toContain('任何人');
    expect(await text('[data-testid=encryption-length]')).toContain('至少 8 个字符');
    // The first field takes the typing at once.
    await e.page.waitForFunction(() => document.activeElement?.id === 'enc-new');

    await e.page.fill(field('encryption-passphrase'), '青溪2026');
    expect(await text('[data-testid=encryption-length]')).toContain('已输入 6 个字符，至少 8 个');
    await e.page.click('[data-testid=encryption-submit]');
    expect(await text('[data-testid=encryption-passphrase-error]')).toBe('口令至少 8 个字符');

    await e.page.fill(field('encryption-passphrase'), PASS);
    expect(await text('[data-testid=encryption-length]')).toContain(`已输入 ${[...PASS].length} 个字符`);
    await e.page.fill(field('encryption-confirm'), `${PASS}。`);
    await e.page.click('[data-testid=encryption-submit]');
    expect(await text('[data-testid=encryption-confirm-error]')).toBe('两次输入的口令不一致');

    await e.page.fill(field('encryption-confirm'), PASS);
    await e.page.click('[data-testid=encryption-submit]');
    expect(await text('[data-testid=encryption-ack-error]')).toContain('请先确认已牢记口令');
    // Nothing was sent: the data is still plain.
    expect(header()).toBe(SQLITE_HEADER);

    await e.page.click('[data-testid=encryption-ack]');
    await e.page.waitForSelector('[data-testid=encryption-ack-error]', { state: 'detached' });
    await e.shot('encryption-02-enable-dialog');
    // Enter submits.
    await e.page.focus(field('encryption-confirm'));
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=encryption-status] >> text=已加密 · SQLCipher 4 (AES-256)');
    await e.page.waitForSelector('[data-testid=encryption-form]', { state: 'hidden' });
    expect(await text('[data-testid=encryption-result]')).toMatch(/已启用加密：数据文件和 \d+ 个备份已加密/);
    expect(await text('[data-testid=encryption-backups]')).toMatch(/均已加密/);
    await e.page.waitForSelector('[data-testid=backup-table] [data-testid=backup-encrypted]');
    expect(header()).not.toBe(SQLITE_HEADER);
    expect(fs.readFileSync(dataFile()).includes(Buffer.from('青溪县'))).toBe(false);
    await e.shot('encryption-03-enabled');
  });

  it('starts locked after a restart: a wrong passphrase is refused, the right one opens the data', async () => {
    // Kept for later: this data file under the first passphrase.
    await e.restart(() => fs.copyFileSync(dataFile(), olderFile()));
    await e.page.waitForSelector('[data-testid=unlock]');
    expect(await text('[data-testid=unlock]')).toContain('数据已加密');
    expect(await text('[data-testid=unlock-file]')).toBe(dataFile());
    // Nothing else: no navigation, no search, and the backend answers nothing but the unlock.
    expect(await e.page.$('.topnav')).toBeNull();
    expect(await e.page.$('[data-testid=search-box]')).toBeNull();
    expect((await invoke('teams.list', {})).error?.code).toBe('db.locked');
    await e.page.waitForFunction(() => document.activeElement?.id === 'unlock-passphrase');
    await e.shot('encryption-04-locked');

    await e.page.fill(field('unlock-passphrase'), '青溪党组 2026 秋季');
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=unlock-error]');
    expect(await text('[data-testid=unlock-error]')).toContain('口令不正确，数据未作任何改动');
    // The typed text stays, selected, so that typing again replaces it.
    const selection = await e.page.$eval(field('unlock-passphrase'), (input) => {
      const i = input as HTMLInputElement;
      return { focused: document.activeElement === i, start: i.selectionStart, end: i.selectionEnd, length: i.value.length };
    });
    expect(selection).toEqual({ focused: true, start: 0, end: selection.length, length: [...'青溪党组 2026 秋季'].length });
    expect(await e.page.$('.topnav')).toBeNull();
    await e.shot('encryption-05-wrong-passphrase');

    // The recovery panel is one click away, and back.
    await e.page.click('[data-testid=unlock-damaged]');
    await e.page.waitForSelector('[data-testid=recovery] >> text=从备份恢复');
    expect(await text('[data-testid=recovery-reason]')).toContain('尚未用口令解锁');
    await e.page.waitForSelector('[data-testid=recovery-list] [data-testid=backup-encrypted]');
    await e.page.waitForSelector('[data-testid=recovery-passphrase] >> text=备份已加密，请输入口令');
    await e.shot('encryption-06-locked-recovery');
    await e.page.click('[data-testid=recovery-back]');
    await e.page.waitForSelector('[data-testid=unlock]');

    // Once in English.
    await e.page.click('[data-testid=locale-switch] >> text=EN');
    await e.page.waitForSelector('[data-testid=unlock] >> text=The data is encrypted');
    expect(await text('[data-testid=unlock-error]')).toContain('Wrong passphrase');
    await e.shot('encryption-07-locked-en');
    await e.page.click('[data-testid=locale-switch] >> text=中文');
    await e.page.waitForSelector('[data-testid=unlock] >> text=数据已加密');

    await e.page.fill(field('unlock-passphrase'), PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('.topnav');
    await e.page.waitForSelector('body[data-ready="1"]');
    expect(await teamCount()).toBeGreaterThan(0);
  });

  it('changes the passphrase after checking the current one', async () => {
    await openBackupScreen();
    await e.page.click('[data-testid=encryption-change]');
    await e.page.waitForSelector('[data-testid=encryption-form]');
    await e.page.waitForFunction(() => document.activeElement?.id === 'enc-current');
    await e.page.fill(field('encryption-current'), '不是当前口令的口令');
    await e.page.fill(field('encryption-passphrase'), NEW_PASS);
    await e.page.fill(field('encryption-confirm'), NEW_PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=encryption-current-error]');
    expect(await text('[data-testid=encryption-current-error]')).toContain('当前口令不正确');

    await e.page.fill(field('encryption-current'), PASS);
    await e.page.fill(field('encryption-passphrase'), PASS);
    await e.page.fill(field('encryption-confirm'), PASS);
    await e.page.click('[data-testid=encryption-submit]');
    await e.page.waitForSelector('[data-testid=encryption-passphrase-error]');
    expect(await text('[data-testid=encryption-passphrase-error]')).toContain('新口令与当前口令相同');

    await e.page.fill(field('encryption-passphrase'), NEW_PASS);
    await e.page.fill(field('encryption-confirm'), NEW_PASS);
    await e.page.click('[data-testid=encryption-submit]');
    await e.page.waitForSelector('[data-testid=encryption-result] >> text=口令已更改');
    expect(await text('[data-testid=encryption-status]')).toContain('已加密');
  });

  it('says so when the passphrase opens the backups but not the data file, and offers them', async () => {
    // A data file from before the change (first passphrase), while the backups moved to the new one.
    const current = path.join(e.dir, 'current.sqlite');
    await e.restart(() => {
      fs.copyFileSync(dataFile(), current);
      putInPlace(olderFile());
    });
    await e.page.waitForSelector('[data-testid=unlock]');
    await e.page.fill(field('unlock-passphrase'), NEW_PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=unlock-backups-only]');
    expect(await text('[data-testid=unlock-backups-only]')).toContain('此口令能打开备份，但打不开当前数据文件');
    expect(await e.page.$('.topnav')).toBeNull();
    await e.shot('encryption-08-backups-only');
    await e.page.click('[data-testid=unlock-open-recovery]');
    // The passphrase given opens the backups: their contents show without asking again.
    await e.page.waitForSelector('[data-testid=recovery] [data-testid=backup-contents]');
    expect(await e.page.$('[data-testid=recovery-passphrase]')).toBeNull();
    expect(await text('[data-testid=preview-encrypted]')).toBe('已加密');

    await e.restart(() => putInPlace(current));
    await e.page.waitForSelector('[data-testid=unlock]');
    await e.page.fill(field('unlock-passphrase'), NEW_PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('.topnav');
    expect(await teamCount()).toBeGreaterThan(0);
  });

  it('restores a backup chosen elsewhere (a USB stick) when the data file is damaged, after the backups passphrase', async () => {
    // A copy on a stick, made with the current passphrase.
    await e.page.click('[data-testid=backup-now]');
    await e.page.waitForSelector('.el-message--success >> text=已备份到');
    const saved = fs.readdirSync(e.exportDir).filter((n) => n.endsWith('.sqlite'));
    expect(saved).toHaveLength(1);
    const stick = path.join(e.dir, 'stick');
    fs.mkdirSync(stick);
    fs.copyFileSync(path.join(e.exportDir, saved[0]), path.join(stick, 'U盘备份.sqlite'));

    await e.restart(() => {
      fs.writeFileSync(dataFile(), Buffer.alloc(fs.statSync(dataFile()).size, 0x41));
      for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dataFile()}${suffix}`, { force: true });
    });
    await e.page.waitForSelector('[data-testid=recovery]');
    expect(await text('[data-testid=recovery]')).toContain('数据文件无法打开');
    expect(await e.page.$('.topnav')).toBeNull();
    // The backups here are encrypted: their passphrase is asked before anything can be read.
    await e.page.waitForSelector('[data-testid=recovery-passphrase] >> text=备份已加密，请输入口令');
    await e.page.fill(field('recovery-passphrase-input'), PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=recovery-passphrase-error] >> text=口令不正确');
    await e.page.fill(field('recovery-passphrase-input'), NEW_PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=backup-contents]');

    // Chosen with the browser's file picker.
    const [chooser] = await Promise.all([e.page.waitForEvent('filechooser'), e.page.click('[data-testid=recovery-file]')]);
    await chooser.setFiles(path.join(stick, 'U盘备份.sqlite'));
    await e.page.waitForSelector('[data-testid=recovery-chosen-file] >> text=U盘备份.sqlite');
    expect(Number(await text('[data-testid=preview-teams]'))).toBeGreaterThan(0);
    expect(await text('[data-testid=preview-encrypted]')).toBe('已加密');
    await e.shot('encryption-09-recovery-chosen-file');

    await e.page.click('[data-testid=recovery-restore]');
    await e.page.waitForSelector('[data-testid=recovery]', { state: 'detached' });
    await e.page.waitForSelector('body[data-ready="1"]');
    await e.page.waitForSelector('.topnav');
    expect(await teamCount()).toBeGreaterThan(0);
    expect(fs.readdirSync(e.dir).some((n) => n.includes('.damaged-'))).toBe(true);
    expect(header()).not.toBe(SQLITE_HEADER);
  });

  it('turns encryption off after checking the current passphrase', async () => {
    await openBackupScreen();
    expect(await text('[data-testid=encryption-status]')).toContain('已加密');
    await e.page.click('[data-testid=encryption-disable]');
    await e.page.waitForSelector('[data-testid=encryption-form]');
    expect(await text('.el-dialog')).toContain('以未加密方式保存');
    await e.page.fill(field('encryption-current'), NEW_PASS);
    await e.page.keyboard.press('Enter');
    await e.page.waitForSelector('[data-testid=encryption-status] >> text=未加密');
    expect(await text('[data-testid=encryption-result]')).toMatch(/^已取消加密：数据文件和 \d+ 个备份已恢复为未加密保存$/);
    expect(header()).toBe(SQLITE_HEADER);
    await e.page.waitForSelector('[data-testid=backup-table] [data-testid=backup-encrypted]', { state: 'detached' });
    expect(await text('[data-testid=encryption-backups]')).toMatch(/均未加密/);
    await e.shot('encryption-10-disabled');
  });
});
