import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiErrorBody, ApiResult } from '../../../electron/common/result';
import { Autosave, RETRY_MS, type AutosaveState } from './autosave';

interface Saved {
  revision: number;
  stale: boolean;
}

/** A fake main: every send waits until the test answers it, in order. */
function fakeMain() {
  const sent: { text: string; revision: number; answer(result: ApiResult<Saved>): Promise<void> }[] = [];
  const send = (text: string, revision: number) =>
    new Promise<ApiResult<Saved>>((resolve) => {
      sent.push({
        text,
        revision,
        async answer(result) {
          resolve(result);
          // Let the saver take the answer in (its awaits) before the test looks.
          await vi.advanceTimersByTimeAsync(0);
        },
      });
    });
  return { sent, send };
}

const ok = (revision: number, stale = false): ApiResult<Saved> => ({ ok: true, value: { revision, stale } });
const refused = (code: string): ApiResult<Saved> => ({ ok: false, error: { code, message: '拒绝', messageEn: 'refused' } });

let main: ReturnType<typeof fakeMain>;
let states: AutosaveState[];
let saved: { text: string; revision: number }[];
let refusals: ApiErrorBody[];

function autosave(revision = 0) {
  return new Autosave<string, Saved>(
    {
      delayMs: 400,
      send: main.send,
      isFinal: (e) => e.code === 'invalidInput',
      onSaved: (text, result) => saved.push({ text, revision: result.revision }),
      onRefused: (_text, error) => refusals.push(error),
      onState: (s) => states.push(s),
    },
    revision,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  main = fakeMain();
  states = [];
  saved = [];
  refusals = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the client autosave (renderer/src/api/autosave.ts)', () => {
  it('sends once typing pauses, with the newest text only', async () => {
    const a = autosave();
    let text = '';
    for (const ch of '批评意见') {
      text += ch;
      a.change(() => text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(main.sent).toEqual([]);
    expect(a.dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(400);
    expect(main.sent.map((s) => [s.text, s.revision])).toEqual([['批评意见', 4]]);
    await main.sent[0].answer(ok(4));
    expect(a.dirty).toBe(false);
    expect(a.idle).toBe(true);
    expect(saved).toEqual([{ text: '批评意见', revision: 4 }]);
  });

  it('sends one save at a time: a change while one is on its way goes after it, newest text only', async () => {
    const a = autosave();
    a.change(() => '一');
    const first = a.flush();
    expect(main.sent.map((s) => s.text)).toEqual(['一']);
    a.change(() => '一二');
    a.change(() => '一二三');
    const second = a.flush();
    await vi.advanceTimersByTimeAsync(1000);
    // The second waits for the first's answer.
    expect(main.sent.map((s) => s.text)).toEqual(['一']);
    await main.sent[0].answer(ok(1));
    expect(await first).toBe(false);
    expect(main.sent.map((s) => [s.text, s.revision])).toEqual([
      ['一', 1],
      ['一二三', 3],
    ]);
    await main.sent[1].answer(ok(3));
    expect(await second).toBe(true);
    expect(states.at(-1)).toEqual({ dirty: false, saving: false, error: null });
  });

  it('takes a stale answer (a newer revision already stored) as stored, and continues above it', async () => {
    const a = autosave(5);
    a.change(() => '旧');
    const flushed = a.flush();
    expect(main.sent[0].revision).toBe(6);
    // Main holds revision 9 (saved from elsewhere): this one was ignored, nothing is left to send.
    await main.sent[0].answer(ok(9, true));
    expect(await flushed).toBe(true);
    expect(a.dirty).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(main.sent).toHaveLength(1);
    // The next change goes above what main holds, so it is not ignored too.
    a.change(() => '新');
    void a.flush();
    expect(main.sent[1].revision).toBe(10);
  });

  it('retries a busy database after a pause, keeping the text, until it is stored', async () => {
    const a = autosave();
    a.change(() => '数据库忙时输入的字');
    await vi.advanceTimersByTimeAsync(400);
    await main.sent[0].answer(refused('db.busy'));
    expect(a.dirty).toBe(true);
    expect(states.at(-1)).toMatchObject({ dirty: true, saving: false, error: { code: 'db.busy' } });
    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(main.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(main.sent.map((s) => s.text)).toEqual(['数据库忙时输入的字', '数据库忙时输入的字']);
    await main.sent[1].answer(refused('db.busy'));
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await main.sent[2].answer(ok(1));
    expect(a.idle).toBe(true);
    expect(states.at(-1)).toEqual({ dirty: false, saving: false, error: null });
    expect(refusals.map((e) => e.code)).toEqual(['db.busy', 'db.busy']);
  });

  it('does not resend a final refusal, keeps the change pending, and sends again on the next change', async () => {
    const a = autosave();
    a.change(() => 'x'.repeat(10));
    expect(await Promise.all([a.flush(), main.sent[0].answer(refused('invalidInput'))]).then(([stored]) => stored)).toBe(false);
    await vi.advanceTimersByTimeAsync(RETRY_MS * 5);
    expect(main.sent).toHaveLength(1);
    expect(a.dirty).toBe(true);
    expect(a.idle).toBe(false);
    expect(states.at(-1)).toMatchObject({ dirty: true, error: { code: 'invalidInput' } });
    a.change(() => '改正后的文字');
    await vi.advanceTimersByTimeAsync(400);
    expect(main.sent.map((s) => [s.text, s.revision])).toEqual([
      ['x'.repeat(10), 1],
      ['改正后的文字', 2],
    ]);
    await main.sent[1].answer(ok(2));
    expect(states.at(-1)).toEqual({ dirty: false, saving: false, error: null });
  });

  it('flushes at once, without waiting for the pause, and dispose() cancels a scheduled save', async () => {
    const a = autosave();
    a.change(() => '离开页面前');
    const flushed = a.flush();
    expect(main.sent).toHaveLength(1);
    await main.sent[0].answer(ok(1));
    expect(await flushed).toBe(true);
    a.change(() => '已锁定');
    a.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(main.sent).toHaveLength(1);
  });
});
