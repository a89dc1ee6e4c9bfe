import type { ApiErrorBody, ApiResult } from '../../../electron/common/result';

export const RETRY_MS = 2000;

export interface AutosaveState {
  /** A change not yet stored. */
  dirty: boolean;
  /** A save is on its way. */
  saving: boolean;
  /** The last refusal, until a save succeeds. */
  error: ApiErrorBody | null;
}

export interface AutosaveOptions<P, R extends { revision: number }> {
  /** Typing pauses shorter than this are one save; a change is stored at most this long after the last one. */
  delayMs: number;
  /** How long after a refusal that may pass (busy, internal) the save is tried again. */
  retryMs?: number;
  /** Sends one change; the payload carries its revision, so main ignores one older than what it holds. */
  send(payload: P, revision: number): Promise<ApiResult<R>>;
  /** A refusal that retrying cannot fix (invalid, locked, finalized): kept pending, not resent until the next change. */
  isFinal(error: ApiErrorBody): boolean;
  /** Main's answer to a save, in the order they were sent (one at a time). */
  onSaved?(payload: P, result: R): void;
  /** A refusal (retried later unless final). */
  onRefused?(payload: P, error: ApiErrorBody): void;
  onState?(state: AutosaveState): void;
}

/**
 * The client autosave of one record (a minutes entry, a material): each change is scheduled and sent once changes
 * pause for `delayMs`, or at once by `flush()` (blur, Enter, leaving the screen). Saves go one at a time and only
 * the newest change is sent; its revision only grows, so main ignores anything older and answers with the revision
 * it holds (a "stale" answer with a higher revision means a newer save is already stored: nothing is left to send).
 * A refusal that may pass is retried after `retryMs`; a final one keeps the change pending until the next change.
 */
export class Autosave<P, R extends { revision: number }> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private payload: (() => P) | null = null;
  private pendingRevision: number;
  private storedRevision: number;
  private state: AutosaveState = { dirty: false, saving: false, error: null };

  constructor(
    private readonly options: AutosaveOptions<P, R>,
    /** The revision main holds now (0 for a record not stored yet). */
    revision = 0,
  ) {
    this.pendingRevision = revision;
    this.storedRevision = revision;
  }

  /** The revision of the newest change. */
  get revision(): number {
    return this.pendingRevision;
  }

  get dirty(): boolean {
    return this.storedRevision < this.pendingRevision;
  }

  /** Nothing pending, nothing in flight, no retry waiting: the record is stored. */
  get idle(): boolean {
    return !this.dirty && !this.running && !this.timer;
  }

  /**
   * A change. `payload` is read when the save is sent, so the newest content goes. `revision` is the change's own
   * (minutes entries carry one); without it the next one is taken.
   */
  change(payload: () => P, revision?: number): void {
    this.payload = payload;
    this.pendingRevision = revision ?? Math.max(this.pendingRevision, this.storedRevision) + 1;
    this.set({ dirty: this.dirty });
    this.clearTimer();
    this.timer = setTimeout(() => void this.send(), this.options.delayMs);
  }

  /** Sends what is pending now; true when everything is stored. */
  async flush(): Promise<boolean> {
    await this.send();
    return !this.dirty;
  }

  /** Stops saving (the record was locked or replaced from elsewhere). */
  dispose(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async send(): Promise<void> {
    this.clearTimer();
    while (this.running) await this.running;
    if (!this.dirty || !this.payload) return;
    const revision = this.pendingRevision;
    const payload = this.payload();
    this.set({ saving: true });
    this.running = (async () => {
      const result = await this.options.send(payload, revision);
      if (result.ok) {
        this.storedRevision = Math.max(this.storedRevision, result.value.revision, revision);
        this.set({ error: null });
        this.options.onSaved?.(payload, result.value);
      } else {
        this.set({ error: result.error });
        this.options.onRefused?.(payload, result.error);
        // Still pending: the change is in `payload`, sent again after a pause unless main refused it for good.
        if (!this.options.isFinal(result.error) && !this.timer) this.timer = setTimeout(() => void this.send(), this.options.retryMs ?? RETRY_MS);
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
      this.set({ saving: false, dirty: this.dirty });
    }
  }

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onState?.(this.state);
  }
}
