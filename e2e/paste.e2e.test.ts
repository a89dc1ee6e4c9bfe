import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { field, startE2E, type E2E } from './fixture';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

/** Pastes `text` into the focused field the way the browser does for Ctrl+V: a paste event carrying the clipboard. */
async function paste(e: E2E, selector: string, text: string) {
  await e.page.focus(selector);
  await e.page.evaluate(
    ({ selector, text }) => {
      const target = document.querySelector(selector) as HTMLElement;
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      // A paste nobody handles inserts the clipboard, as the browser would.
      if (target.dispatchEvent(event)) document.execCommand('insertText', false, text);
    },
    { selector, text },
  );
}

describe('text pasted with characters nobody sees', () => {
  it('arrives without them, is saved, and the secretary is told', async () => {
    await e.page.waitForSelector('[data-testid=first-run]');
    await e.page.click('[data-testid=start-own]');
    await e.page.waitForSelector('[data-testid=team-form]');
    // A name copied from a web page: a right-to-left override and a NUL around the real name.
    await paste(e, field('team-name'), '中共青山县\u202E人民政府\u0000党组');
    expect(await e.page.inputValue(field('team-name'))).toBe('中共青山县人民政府党组');
    await e.page.waitForSelector('.el-message--warning >> text=已去除粘贴内容中 2 个看不见的控制字符');
    await e.shot('paste-01-cleaned');
    // An ordinary paste is left alone and says nothing more.
    await paste(e, field('team-unit'), '青山县人民政府');
    expect(await e.page.inputValue(field('team-unit'))).toBe('青山县人民政府');
    await e.page.click('[data-testid=team-save]');
    await e.page.waitForSelector('[data-testid=member-form]');
    const teams = (await e.page.evaluate(() => window.jingjian.invoke('teams.list', {}))) as { ok: true; value: { name: string }[] };
    expect(teams.value.map((t) => t.name)).toEqual(['中共青山县人民政府党组']);
  });
});
