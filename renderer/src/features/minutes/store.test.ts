import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { dispatch } from '../../../../electron/handlers/dispatch';
import { openDemoApp, type TestApp } from '../../../../electron/handlers/testing';
import { useMinutesStore } from './store';

/**
 * The console store against the real handlers on the demo database, through a bridge that can hold a call: what the
 * secretary types while the floor is changing (F8 waits for minutes.advance) must not be lost.
 */
let app: TestApp & { ids: { meetingId: number } };
let held: { channel: string; release: () => void } | null = null;
let holdNext: string | null = null;

beforeEach(async () => {
  setActivePinia(createPinia());
  app = await openDemoApp();
  (globalThis as { window?: unknown }).window = {
    jingjian: {
      invoke: async (channel: string, input: unknown) => {
        if (channel === holdNext) {
          holdNext = null;
          await new Promise<void>((release) => (held = { channel, release }));
        }
        return dispatch(app.ctx, channel, input);
      },
    },
  };
});
afterEach(async () => {
  await useMinutesStore().flushAll();
  delete (globalThis as { window?: unknown }).window;
  await app.close();
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('the minutes console store', () => {
  it('flags a round over in which nobody criticised its member, and says whether the members criticised the 书记', async () => {
    const store = useMinutesStore();
    await store.load(app.ids.meetingId);
    const secretary = store.state!.members.find((m) => m.role === 'secretary')!;
    const round = store.state!.agenda.find((a) => a.kind === 'member_round' && a.memberId === secretary.id)!;
    await store.advance({ mode: 'item', itemId: round.id });
    // His round under way and no criticism yet: nothing to say.
    expect(store.matrixNotes).toEqual({ silent: [], secretary: null });
    await store.advance({ mode: 'nextItem' });
    expect(store.matrixNotes).toEqual({ silent: [secretary.id], secretary: { name: secretary.name, n: 0 } });

    // Back in his round, a member criticises him: the round is no longer silent once it is over again.
    await store.advance({ mode: 'item', itemId: round.id });
    await store.advance({ mode: 'nextSpeaker' });
    expect(store.draft.type).toBe('criticism');
    store.draft.text = '对分管领域的督导检查不够经常';
    store.touchDraft();
    await store.commitDraft();
    await until(() => store.matrix?.total === 1);
    await store.advance({ mode: 'nextItem' });
    expect(store.matrixNotes).toEqual({ silent: [], secretary: { name: secretary.name, n: 1 } });
  });

  it('keeps words typed while F8 is changing the speaker, and gives them to the new speaker', async () => {
    const store = useMinutesStore();
    await store.load(app.ids.meetingId);
    await store.advance({ mode: 'nextItem' });
    const before = store.currentSpeaker?.memberId ?? null;
    const next = store.state!.members.find((m) => m.id !== before && m.present)!.id;

    holdNext = 'minutes.advance';
    const moving = store.advance({ mode: 'speaker', memberId: next, guestName: '' });
    await until(() => held !== null);
    // The composer keeps focus: the secretary goes on typing before the new speaker shows.
    store.draft.text = '边换人边记录的这句话不能丢';
    store.touchDraft();
    held!.release();
    await moving;

    const after = store.currentSpeaker?.memberId ?? null;
    expect(after).toBe(next);
    expect(store.draft.text).toBe('边换人边记录的这句话不能丢');
    expect(store.draft.fromMemberId).toBe(after);
    await store.commitDraft();
    const row = app.ctx.sqlite.prepare('SELECT from_member_id AS fromMemberId FROM minutes_entries WHERE text = ?').get('边换人边记录的这句话不能丢');
    expect(row).toMatchObject({ fromMemberId: after });
  });

  it('starts an empty composer for the new speaker when nothing was typed', async () => {
    const store = useMinutesStore();
    await store.load(app.ids.meetingId);
    await store.advance({ mode: 'nextItem' });
    await store.advance({ mode: 'nextSpeaker' });
    expect(store.draft).toMatchObject({ key: null, text: '', fromMemberId: store.currentSpeaker?.memberId ?? null });
  });

  it('keeps the entries that did not change when the console comes back from main (F8 does not redraw the stream)', async () => {
    const store = useMinutesStore();
    await store.load(app.ids.meetingId);
    await store.advance({ mode: 'nextItem' });
    for (const text of ['换人前记下的第一条', '换人前记下的第二条']) {
      store.draft.text = text;
      store.touchDraft();
      await store.commitDraft();
    }
    const before = [...store.state!.entries];
    expect(before.length).toBeGreaterThan(1);
    await store.advance({ mode: 'nextSpeaker' });
    const after = store.state!.entries;
    expect(after.map((e) => e.key)).toEqual(before.map((e) => e.key));
    after.forEach((e, i) => expect(e).toBe(before[i]));

    // An entry changed in main (moved) comes back as a new object with the new order; the others stay.
    const moved = before.at(-1)!;
    await dispatch(app.ctx, 'minutes.moveEntry', { id: moved.id, direction: 'up' });
    await store.refresh();
    const changed = store.state!.entries.filter((e) => !before.includes(e));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.some((e) => e.key === moved.key)).toBe(true);
    expect(store.state!.entries.length).toBe(before.length);
  });
});
