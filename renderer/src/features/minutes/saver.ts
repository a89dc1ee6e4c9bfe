import type { Input, Output } from '../../../../electron/common/api';
import { callResult } from '../../api/client';

export type EntryPayload = Input<'minutes.saveEntry'>;
type Result = Output<'minutes.saveEntry'>;

export const SAVE_DELAY_MS = 400;

/** A random key for a new entry (the entry's identity before the database gives it an id). */
export function newEntryKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `e${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

interface Slot {
  payload: EntryPayload;
  timer: ReturnType<typeof setTimeout> | null;
  running: Promise<void> | null;
  sentRevision: number;
}

/**
 * The autosave: each change is scheduled and sent within SAVE_DELAY_MS; flush() sends at once (blur, Enter, F8,
 * leaving the screen). Saves of one entry go one at a time and only the newest text is sent; the revision in each
 * payload lets main ignore anything older that still arrives late. A failed save stays pending and is retried.
 */
export class EntrySaver {
  private slots = new Map<string, Slot>();
  constructor(
    private readonly onSaved: (payload: EntryPayload, result: Result) => void,
    private readonly onState: (state: { pending: number; error: string | null; lastSaved: string | null }) => void,
    private readonly errorText: (error: { message: string; messageEn: string }) => string,
  ) {}

  private lastSaved: string | null = null;
  private error: string | null = null;

  schedule(payload: EntryPayload): void {
    const slot = this.slots.get(payload.key) ?? { payload, timer: null, running: null, sentRevision: 0 };
    slot.payload = payload;
    this.slots.set(payload.key, slot);
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => void this.send(payload.key), SAVE_DELAY_MS);
    this.report();
  }

  /** Sends now whatever is pending for one key (or all), and resolves when it is stored. */
  async flush(key?: string): Promise<void> {
    const keys = key ? [key] : [...this.slots.keys()];
    await Promise.all(keys.map((k) => this.send(k)));
  }

  get pending(): number {
    return [...this.slots.values()].filter((s) => s.sentRevision < s.payload.revision).length;
  }

  private async send(key: string): Promise<void> {
    const slot = this.slots.get(key);
    if (!slot) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    while (slot.running) await slot.running;
    if (slot.sentRevision >= slot.payload.revision) return;
    const payload = slot.payload;
    slot.running = (async () => {
      const result = await callResult('minutes.saveEntry', payload);
      if (result.ok) {
        slot.sentRevision = Math.max(slot.sentRevision, payload.revision);
        this.error = null;
        this.lastSaved = result.value.updatedAt;
        this.onSaved(payload, result.value);
      } else {
        this.error = this.errorText(result.error);
        // Retry later; the text is still in the payload.
        if (result.error.code !== 'invalidInput' && result.error.code !== 'minutes.finalized') slot.timer = setTimeout(() => void this.send(key), 2000);
      }
    })();
    try {
      await slot.running;
    } finally {
      slot.running = null;
      if (slot.sentRevision >= slot.payload.revision && !slot.timer) this.slots.delete(key);
      this.report();
    }
  }

  private report(): void {
    this.onState({ pending: this.pending, error: this.error, lastSaved: this.lastSaved });
  }
}
