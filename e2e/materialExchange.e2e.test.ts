import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, loadDemoMeeting, startE2E, type E2E } from './fixture';

/**
 * A member drafts the 对照检查材料 in Jingjian on their own computer (profile A) and sends it to the secretary as a
 * file; the secretary (profile B, the same demo meeting) imports it, returns it with a comment, and the returned
 * material travels back the same way. Files that are not material files are refused and change nothing.
 */
let a: E2E;
let b: E2E;
let meetingA: number;
let meetingB: number;
beforeAll(async () => {
  a = await startE2E();
  meetingA = await loadDemoMeeting(a);
  b = await startE2E();
  meetingB = await loadDemoMeeting(b);
});
afterAll(async () => {
  // Both are closed even when the first reports page errors; then the first failure is raised.
  const closed = await Promise.allSettled([a, b].filter(Boolean).map((e) => e.close()));
  for (const c of closed) if (c.status === 'rejected') throw c.reason;
});

interface Summary {
  id: number | null;
  author: string;
  status: string | null;
  versionCount: number;
}
async function list(e: E2E, meetingId: number): Promise<Summary[]> {
  const result = (await e.page.evaluate((id) => window.jingjian.invoke('materials.list', { meetingId: id }), meetingId)) as { ok: true; value: Summary[] };
  return result.value;
}
async function detail(e: E2E, id: number) {
  const result = (await e.page.evaluate((materialId) => window.jingjian.invoke('materials.get', { id: materialId }), id)) as { ok: true; value: { status: string; versions: unknown[]; reviews: { comment: string }[] } };
  return result.value;
}
const material = async (e: E2E, meetingId: number, name: string) => (await list(e, meetingId)).find((m) => m.author === name)!;

const row = (e: E2E, name: string) => e.page.locator(`[data-testid=materials-table] tr:has-text("${name}")`);
async function toList(e: E2E, meetingId: number) {
  await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/materials`);
  await e.page.waitForSelector('[data-testid=materials-table]');
}
/** The exchange file just written to the export folder for that author. */
function exchangeFile(e: E2E, author: string): string {
  const name = fs.readdirSync(e.exportDir).find((n) => n.startsWith(`对照检查材料交换文件-${author}-`) && n.endsWith('.json'));
  expect(name, `exchange file of ${author}`).toBeTruthy();
  return path.join(e.exportDir, name!);
}
async function exportedMessage(e: E2E) {
  const message = e.page.locator('.el-message--success:has-text("交换文件已导出到")').last();
  await message.waitFor();
  return (await message.textContent()) ?? '';
}
/** Opens the import dialog and offers it a file, as the browser's file chooser would. */
async function choose(e: E2E, file: string) {
  if (!(await e.page.locator('[data-testid=exchange-choose]').isVisible())) await e.page.locator('[data-testid=exchange-material-import]').click();
  await e.page.locator('[data-testid=exchange-choose]').waitFor();
  await e.page.setInputFiles('[data-testid=exchange-material-file]', file);
  await e.page.waitForSelector('[data-testid=exchange-material-preview], [data-testid=exchange-material-error]');
  // The dialog's opening fade must be over before a screenshot, or the page behind shows through.
  await e.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}
const previewText = (e: E2E) => e.page.textContent('[data-testid=exchange-material-preview]');
const confirmButton = (e: E2E) => e.page.locator('[data-testid=exchange-material-confirm]');
async function closeDialog(e: E2E) {
  await e.page.locator('.el-dialog:has([data-testid=exchange-material-confirm]) .el-dialog__footer button:has-text("取消"), .el-dialog:has([data-testid=exchange-material-confirm]) .el-dialog__footer button:has-text("Cancel")').click();
  await e.page.locator('[data-testid=exchange-choose]').waitFor({ state: 'hidden' });
}
/** Clears earlier messages and tooltips so a screenshot shows only what the step produced. */
async function quiet(e: E2E) {
  await e.page.mouse.move(700, 880);
  for (const close of await e.page.locator('.el-message .el-message__closeBtn').all()) await close.click().catch(() => undefined);
  await e.page.waitForFunction(() => document.querySelectorAll('.el-message').length === 0, undefined, { timeout: 8000 });
}
async function promptAndConfirm(e: E2E, text: string, button: string) {
  const box = e.page.locator('.el-message-box');
  await box.waitFor();
  if (text) await box.locator('input').fill(text);
  await box.locator(`button:has-text("${button}")`).click();
  await box.waitFor({ state: 'hidden' });
}

describe('one member’s material as an exchange file', () => {
  let chenFile = '';
  let sunFile = '';

  it('exports a material from the list: a JSON exchange file of scope "material" with its versions', async () => {
    await toList(a, meetingA);
    const link = row(a, '陈晓燕').locator('[data-testid=export-exchange]');
    await link.hover();
    await a.page.waitForSelector('.el-popper:visible:has-text("交给另一台电脑上的镜鉴导入，含各版本和审核记录")');
    await a.shot('material-exchange-01-action');
    await link.click();
    const message = await exportedMessage(a);
    chenFile = exchangeFile(a, '陈晓燕');
    expect(message).toContain(chenFile);
    const json = JSON.parse(fs.readFileSync(chenFile, 'utf8')) as { format: string; scope: string; author: { name: string }; material: { status: string }; versions: unknown[] };
    expect(json.format).toBe('jingjian-exchange');
    expect(json.scope).toBe('material');
    expect(json.author.name).toBe('陈晓燕');
    expect(json.material.status).toBe('submitted');
    expect(json.versions).toHaveLength(1);
    await a.page.mouse.move(700, 880);
    await a.shot('material-exchange-02-exported');
  });

  it('imported back into the same meeting: a merge that adds nothing', async () => {
    const before = await detail(a, (await material(a, meetingA, '陈晓燕')).id!);
    await choose(a, chenFile);
    expect(await a.page.getAttribute('[data-testid=exchange-outcome]', 'data-action')).toBe('merge');
    const text = await previewText(a);
    expect(text).toContain('陈晓燕');
    expect(text).toContain('已提交');
    expect(text).toContain('1 稿，0 条审核记录');
    expect(text).toContain('中共青溪县人民政府党组');
    expect(text).toContain('本机已包含文件中的全部内容');
    expect(await a.page.textContent('[data-testid=exchange-material-conflict][data-code=sameContent]')).toContain('本机已有内容相同的材料');
    expect(await confirmButton(a).isDisabled()).toBe(false);
    await quiet(a);
    await a.shot('material-exchange-03-preview-merge');
    await confirmButton(a).click();
    await a.page.waitForSelector('.el-message--success:has-text("陈晓燕的对照检查材料本机已是最新，没有改动")');
    const after = await detail(a, (await material(a, meetingA, '陈晓燕')).id!);
    expect(after.versions).toHaveLength(before.versions.length);
    expect(after.reviews).toHaveLength(before.reviews.length);
    expect(after.status).toBe('submitted');
  });

  it('a member writes and submits on their own computer and exports from the editor', async () => {
    expect((await material(a, meetingA, '孙丽娟')).id).toBeNull();
    await toList(a, meetingA);
    await row(a, '孙丽娟').locator('[data-testid=start-material]').click();
    await a.page.locator('[data-testid=material-editor]').waitFor();
    await a.page.fill(field('material-title'), '孙丽娟同志对照检查材料');
    await a.page.fill(field('material-opening'), '按照县委要求，结合分管的工业和营商环境工作，现对照检查如下：');
    await a.page.locator('[data-testid=aspect-block]').first().locator('[data-testid=add-problem]').click();
    await a.page.keyboard.type('深入企业调研不够，对企业反映的融资难问题协调不多。');
    await a.page.waitForFunction(() => document.querySelector('[data-testid=save-state]')?.textContent?.includes('已自动保存'));
    await a.page.locator('[data-testid=submit]').click();
    await promptAndConfirm(a, '在自己电脑上写的初稿', '提交审核');
    await a.page.waitForFunction(() => document.querySelector('[data-testid=material-status]')?.textContent === '已提交');
    await quiet(a);
    await a.page.locator('[data-testid=export-exchange]').click();
    await exportedMessage(a);
    sunFile = exchangeFile(a, '孙丽娟');
    const json = JSON.parse(fs.readFileSync(sunFile, 'utf8')) as { scope: string; material: { status: string }; versions: { note: string }[] };
    expect(json.scope).toBe('material');
    expect(json.material.status).toBe('submitted');
    expect(json.versions.map((v) => v.note)).toEqual(['在自己电脑上写的初稿']);
    await a.shot('material-exchange-04-editor-exported');
  });

  it('the secretary imports it on another computer: a new material, submitted, with its version', async () => {
    expect((await material(b, meetingB, '孙丽娟')).id).toBeNull();
    await toList(b, meetingB);
    await choose(b, sunFile);
    expect(await b.page.getAttribute('[data-testid=exchange-outcome]', 'data-action')).toBe('create');
    const text = await previewText(b);
    expect(text).toContain('孙丽娟');
    expect(text).toContain('本机还没有这份材料');
    expect(text).toContain('新建：为孙丽娟新建对照检查材料，带入 1 稿和 0 条审核记录');
    expect(await b.page.locator('[data-testid=exchange-material-conflict]').count()).toBe(0);
    await quiet(b);
    await b.shot('material-exchange-05-preview-create');
    await confirmButton(b).click();
    await b.page.waitForSelector('.el-message--success:has-text("已新建孙丽娟的对照检查材料（1 稿，0 条审核记录）")');
    await b.page.waitForSelector('[data-testid=materials-table] tr.imported:has-text("孙丽娟")');
    expect(await row(b, '孙丽娟').textContent()).toContain('已提交');
    await b.shot('material-exchange-06-created');
    const created = await material(b, meetingB, '孙丽娟');
    expect(created.status).toBe('submitted');
    expect(created.versionCount).toBe(1);

    await row(b, '孙丽娟').locator('[data-testid=open-material]').click();
    await b.page.locator('[data-testid=material-editor]').waitFor();
    expect(await b.page.inputValue(field('material-title'))).toBe('孙丽娟同志对照检查材料');
    expect(await b.page.textContent('.el-tabs__item:has-text("审核与版本")')).toContain('(1)');
  });

  it('returned with a comment, it travels back and the member’s copy takes the comment and the new status', async () => {
    const id = (await material(b, meetingB, '孙丽娟')).id!;
    const comment = '营商环境方面的问题查摆不够具体，请结合企业反映的问题补充。';
    await b.page.evaluate(([materialId, text]) => window.jingjian.invoke('materials.review', { id: materialId, decision: 'return', reviewer: '吴国平', comment: text, deadline: null }), [id, comment] as const);
    await toList(b, meetingB);
    await row(b, '孙丽娟').locator('[data-testid=export-exchange]').click();
    await exportedMessage(b);
    const returned = exchangeFile(b, '孙丽娟');

    await toList(a, meetingA);
    await choose(a, returned);
    expect(await a.page.getAttribute('[data-testid=exchange-outcome]', 'data-action')).toBe('merge');
    const text = await previewText(a);
    expect(text).toContain('退回修改');
    expect(text).toContain('合并：补充 0 个版本、1 条审核记录；用文件中的内容替换本机当前内容');
    expect(await a.page.textContent('[data-testid=exchange-material-conflict][data-code=replaces]')).toContain('将替换本机当前内容');
    await quiet(a);
    await a.shot('material-exchange-07-preview-returned');
    await confirmButton(a).click();
    await a.page.waitForSelector('.el-message--success:has-text("已合并孙丽娟的对照检查材料：补充 0 个版本、1 条审核记录，当前内容已更新")');
    await a.page.waitForSelector('[data-testid=materials-table] tr.imported:has-text("孙丽娟")');
    expect(await row(a, '孙丽娟').textContent()).toContain('退回修改');
    await a.shot('material-exchange-08-merged');
    const merged = await detail(a, (await material(a, meetingA, '孙丽娟')).id!);
    expect(merged.status).toBe('returned');
    expect(merged.versions).toHaveLength(1);
    expect(merged.reviews.map((r) => r.comment)).toEqual([comment]);
    await row(a, '孙丽娟').locator('[data-testid=open-material]').click();
    expect(await a.page.textContent('[data-testid=returned-banner]')).toContain(comment);
  });

  it('a material whose author is not in this team is shown but cannot be imported', async () => {
    const json = JSON.parse(fs.readFileSync(chenFile, 'utf8')) as { author: { name: string } };
    json.author.name = '张三';
    const stranger = path.join(b.dir, '张三的材料.json');
    fs.writeFileSync(stranger, JSON.stringify(json));
    const before = await list(b, meetingB);
    await toList(b, meetingB);
    await choose(b, stranger);
    expect(await b.page.getAttribute('[data-testid=exchange-outcome]', 'data-action')).toBe('blocked');
    expect(await previewText(b)).toContain('无法导入');
    const blocking = b.page.locator('[data-testid=exchange-material-conflict][data-code=memberMissing]');
    expect(await blocking.textContent()).toContain('本班子没有名为「张三」的成员');
    expect(await blocking.getAttribute('class')).toContain('el-alert--error');
    expect(await confirmButton(b).isDisabled()).toBe(true);
    await quiet(b);
    await b.shot('material-exchange-09-blocked');
    await closeDialog(b);
    expect(await list(b, meetingB)).toEqual(before);
  });

  it('refuses a whole-meeting exchange file and a junk file with a clear message, changing nothing', async () => {
    const before = await list(b, meetingB);
    const meetingFile = (await b.page.evaluate((id) => window.jingjian.invoke('exchange.export', { meetingId: id }), meetingB)) as { ok: true; value: { path: string } };
    await choose(b, meetingFile.value.path);
    expect(await b.page.textContent('[data-testid=exchange-material-error]')).toContain('这是整次会议的交换文件，请在“备份与恢复”页面导入');
    expect(await b.page.locator('[data-testid=exchange-material-preview]').count()).toBe(0);
    expect(await confirmButton(b).isDisabled()).toBe(true);
    await quiet(b);
    await b.shot('material-exchange-10-refused');

    const junk = path.join(b.dir, '随便什么.json');
    fs.writeFileSync(junk, '这不是 JSON');
    await choose(b, junk);
    await b.page.waitForSelector('[data-testid=exchange-material-error]:has-text("不是镜鉴交换文件")');
    expect(await confirmButton(b).isDisabled()).toBe(true);
    await closeDialog(b);
    expect(await list(b, meetingB)).toEqual(before);
  });

  it('reads in English too', async () => {
    await b.page.click('[data-testid=locale-switch] >> text=EN');
    await b.page.waitForFunction(() => document.documentElement.lang === 'en');
    await choose(b, sunFile);
    const text = await previewText(b);
    // The file is older than the returned material here: nothing to add, the content here is kept.
    expect(text).toContain('Merge: everything in the file is here already; nothing will change');
    expect(await b.page.textContent('[data-testid=exchange-material-conflict][data-code=keepsLocal]')).toContain('its content is kept');
    expect(text).toContain('Submitted');
    await quiet(b);
    await b.shot('material-exchange-11-english');
    await closeDialog(b);
    await b.page.click('[data-testid=locale-switch] >> text=中文');
    await b.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});
