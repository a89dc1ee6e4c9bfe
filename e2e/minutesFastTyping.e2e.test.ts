import { expect, it } from 'vitest';
import { confirmFutureMeeting, withDemoMeeting, type E2E } from './fixture';

let e: E2E;
let meetingId: number;
withDemoMeeting((started) => ({ e, meetingId } = started));

it('keeps every sentence of a secretary who types on without waiting for the save', async () => {
  await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
  await e.page.waitForSelector('[data-testid=att-row-0]:focus');
  await e.page.keyboard.press('F8');
  await confirmFutureMeeting(e); // the demo meeting's date is ahead
  await e.page.waitForFunction(() => document.querySelector('[data-testid=current-speaker]')?.textContent?.includes('林向东'));
  await e.page.waitForSelector('[data-testid=composer] textarea:focus');
  const sentences = ['第一句话记录完毕。', '第二句紧接着输入，不等保存。', '第三句也不等。', '第四句。'];
  // No pause between Enter and the next sentence: the save of one entry is still on its way while the next is typed.
  for (const words of sentences) {
    await e.page.keyboard.type(words);
    await e.page.keyboard.press('Enter');
  }
  await e.page.waitForFunction((last) => document.querySelector('[data-testid=entry-stream]')?.textContent?.includes(last), sentences.at(-1)!);
  const stored = (await e.page.evaluate((id) => window.jingjian.invoke('minutes.console', { meetingId: id }), meetingId)) as {
    value: { entries: { text: string }[] };
  };
  expect(stored.value.entries.map((x) => x.text).filter((t) => t !== '')).toEqual(sentences);
  expect(await e.page.inputValue('[data-testid=composer] textarea')).toBe('');
});
