import type { Input, Output } from '../../../../electron/common/api';
import { Autosave } from '../../api/autosave';
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

/** Refusals a retry cannot fix: invalid input, or minutes finalized meanwhile. */
const FINAL = new Set(['invalidInput', 'minutes.finalized']);

/**
 * The autosave of the minutes: one generic `Autosave` (renderer/src/api) per entry key, so saves of one entry go one
 * at a time, newest revision only, retried on refusals that may pass; flush() sends at once (blur, Enter, F8, leaving
 * the screen). An entry's saver is dropped once its newest revision is stored.
 */
export class EntrySaver {
  private slots = new Map<string, Autosave<EntryPayload, Result>>();
  private lastSaved: string | null = null;
  private error: string | null = null;

  constructor(
    private readonly onSaved: (payload: EntryPayload, result: Result) => void,
    private readonly onState: (state: { pending: number; error: string | null; lastSaved: string | null }) => void,
    private readonly errorText: (error: { message: string; messageEn: string }) => string,
  ) {}

  schedule(payload: EntryPayload): void {
    let slot = this.slots.get(payload.key);
    if (!slot) {
      const key = payload.key;
      const created: Autosave<EntryPayload, Result> = new Autosave<EntryPayload, Result>({
        delayMs: SAVE_DELAY_MS,
        send: (p) => callResult('minutes.saveEntry', p),
        isFinal: (error) => FINAL.has(error.code),
        onSaved: (p, result) => {
          this.error = null;
          this.lastSaved = result.updatedAt;
          this.onSaved(p, result);
        },
        onRefused: (_p, error) => (this.error = this.errorText(error)),
        onState: (s) => {
          if (!s.saving && created.idle && this.slots.get(key) === created) this.slots.delete(key);
          this.report();
        },
      });
      slot = created;
      this.slots.set(key, slot);
    }
    slot.change(() => payload, payload.revision);
  }

  /** Sends now whatever is pending for one key (or all), and resolves when it is stored. */
  async flush(key?: string): Promise<void> {
    const slots = key ? [this.slots.get(key)] : [...this.slots.values()];
    await Promise.all(slots.map((s) => s?.flush()));
  }

  get pending(): number {
    return [...this.slots.values()].filter((s) => s.dirty).length;
  }

  private report(): void {
    this.onState({ pending: this.pending, error: this.error, lastSaved: this.lastSaved });
  }
}
