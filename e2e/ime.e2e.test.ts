import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { confirmFutureMeeting, loadDemoMeeting, startE2E, type E2E } from './fixture';

// Chinese input methods, driven through Chromium's own composition machinery (DevTools protocol), not through
// hand-set isComposing flags: while a composition is open every key belongs to the input method.
let e: E2E;
let meetingId: number;
let cdp: CDPSession;
beforeAll(async () => {
  e = await startE2E();
  meetingId = await loadDemoMeeting(e);
  cdp = await e.page.context().newCDPSession(e.page);
});
afterAll(async () => {
  expect(e.outsideRequests).toEqual([]);
  await e.close();
});

/** Opens (or updates) a composition at the caret, as a pinyin input method does while the user spells. */
const compose = (text: string) => cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
/** Confirms a candidate: the composition ends with these characters. */
const confirm = (text: string) => cdp.send('Input.insertText', { text });
/**
 * A key pressed while composing, as the input method passes it on: a keydown the page sees (isComposing set by
 * Chromium itself), but no character — the input method consumes the key (Enter confirms, a digit picks a candidate).
 */
const KEYS: Record<string, { code: string; keyCode: number; key?: string }> = {
  F8: { code: 'F8', keyCode: 119 }, Enter: { code: 'Enter', keyCode: 13 }, Escape: { code: 'Escape', keyCode: 27 },
  '1': { code: 'Digit1', keyCode: 49 }, '2': { code: 'Digit2', keyCode: 50 }, '3': { code: 'Digit3', keyCode: 51 }, P: { code: 'KeyP', keyCode: 80, key: 'p' },
};
async function pressComposing(chord: string) {
  const parts = chord.split('+');
  const name = parts.pop()!;
  const modifiers = (parts.includes('Alt') ? 1 : 0) | (parts.includes('Control') ? 2 : 0) | (parts.includes('Shift') ? 8 : 0);
  const k = KEYS[name];
  const base = { modifiers, key: k.key ?? name, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}
const isComposingNow = () => e.page.evaluate(() => (window as unknown as { __composing?: boolean }).__composing === true);

interface Stored { entries: { text: string; type: string; fromMemberId: number | null }[]; cursor: { speakerIndex: number } }
const stored = async () => ((await e.page.evaluate((id) => window.jingjian.invoke('minutes.console', { meetingId: id }), meetingId)) as { value: Stored }).value;

async function openConsole() {
  await e.page.goto(`${e.harness.url}/#/meetings/${meetingId}/minutes`);
  await e.page.waitForSelector('body[data-minutes-ready="1"] [data-testid=att-row-0]');
  await e.page.keyboard.press('F8');
  await confirmFutureMeeting(e);
  await e.page.waitForFunction(() => document.querySelector('[data-testid=current-speaker]')?.textContent?.includes('林向东'));
  await e.page.waitForSelector('[data-testid=composer] textarea:focus');
  // Track the composition as the page sees it, to prove the keys below really arrive mid-composition.
  await e.page.evaluate(() => {
    const w = window as unknown as { __composing?: boolean; __keys: { key: string; composing: boolean }[] };
    w.__keys = [];
    document.addEventListener('compositionstart', () => (w.__composing = true), true);
    document.addEventListener('compositionend', () => (w.__composing = false), true);
    document.addEventListener('keydown', (ev) => w.__keys.push({ key: ev.key, composing: ev.isComposing }), true);
  });
}

/** Types `text` through a composition, pressing `keys` while it is open; then Enter (out of composition) records it. */
async function typeThrough(first: string, keys: string[], last: string) {
  await e.page.evaluate(() => ((window as unknown as { __keys: unknown[] }).__keys = []));
  await confirm(first);
  await compose('pi');
  expect(await isComposingNow()).toBe(true);
  for (const key of keys) {
    await pressComposing(key);
    await compose('piping1');
  }
  await confirm(last);
  const seen = await e.page.evaluate(() => (window as unknown as { __keys: { key: string; composing: boolean }[] }).__keys);
  // Every key pressed above reached the page while a composition was open.
  expect(seen.length).toBeGreaterThanOrEqual(keys.length);
  expect(seen.every((k) => k.composing)).toBe(true);
  await e.page.keyboard.press('Enter');
  await e.page.waitForFunction((t) => document.querySelector('[data-testid=entry-stream]')?.textContent?.includes(t), first + last, { timeout: 15_000 });
}

const added = (before: Stored, after: Stored) => after.entries.filter((x) => x.text !== '' && !before.entries.some((b) => b.text === x.text));

it('minutes composer: F8 and Ctrl+Enter while composing neither move the floor nor record the entry', async () => {
  await openConsole();
  const before = await stored();
  await typeThrough('同志们', ['F8', 'Control+Enter', 'Shift+F8'], '批评意见');
  const after = await stored();
  expect(after.cursor.speakerIndex).toBe(before.cursor.speakerIndex);
  expect(added(before, after).map((x) => x.text)).toEqual(['同志们批评意见']);
  expect(await e.page.textContent('[data-testid=current-speaker]')).toContain('林向东');
  expect(await e.page.inputValue('[data-testid=composer] textarea')).toBe('');
});

it('minutes composer: Enter and Esc while composing confirm or cancel the candidate, never record', async () => {
  const before = await stored();
  await typeThrough('对照', ['Enter', 'Escape', 'Enter'], '检查材料');
  expect(added(before, await stored()).map((x) => x.text)).toEqual(['对照检查材料']);
});

it('minutes composer: Alt+digit while composing leaves the entry type alone', async () => {
  const before = await stored();
  await typeThrough('要带头', ['Alt+2', 'Alt+1'], '讲政治');
  const entries = added(before, await stored());
  expect(entries.map((x) => x.text)).toEqual(['要带头讲政治']);
  expect(entries[0].type).not.toBe('criticism');
  expect(entries[0].type).not.toBe('self_criticism');
});

it('minutes composer: Alt+P while composing opens no pick mode (digits then go to the input method)', async () => {
  const before = await stored();
  // Out of composition Alt+P then 3 would name member 3 as the speaker of the entry; mid-composition it must not.
  await typeThrough('深刻', ['Alt+P', '3'], '剖析');
  const entries = added(before, await stored());
  expect(entries.map((x) => x.text)).toEqual(['深刻剖析']);
  expect(entries[0].fromMemberId).toBe(before.entries.filter((x) => x.text !== '').at(-1)?.fromMemberId);
});
