import type { Material } from '../../../../electron/common/materials';
import type { ApiErrorBody } from '../../../../electron/common/result';
import { callResult } from '../../api/client';

/** Typing pauses shorter than this are one save; a change is stored at most this long after the last keystroke. */
export const SAVE_DELAY_MS = 600;
const RETRY_MS = 2000;

export interface SaverState {
  /** A change not yet stored. */
  dirty: boolean;
  saving: boolean;
  error: ApiErrorBody | null;
  lastSaved: string | null;
  charCount: number | null;
}

/**
 * The autosave of one material: every change schedules a save; the newest content is sent once typing pauses (or at
 * once by flush(): leaving the screen, submitting, blur). Each save carries a higher revision, so main ignores one
 * that arrives late. A failed save stays pending and is retried, unless main refused it for good (locked or invalid).
 */
export class MaterialSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private pendingRevision: number;
  private sentRevision: number;
  private state: SaverState = { dirty: false, saving: false, error: null, lastSaved: null, charCount: null };

  constructor(
    private readonly id: number,
    revision: number,
    private readonly content: () => Material,
    private readonly onState: (state: SaverState) => void,
  ) {
    this.pendingRevision = revision;
    this.sentRevision = revision;
  }

  get revision(): number {
    return this.pendingRevision;
  }

  schedule(): void {
    this.pendingRevision++;
    this.set({ dirty: true });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.send(), SAVE_DELAY_MS);
  }

  /** Sends what is pending now; true when everything is stored. */
  async flush(): Promise<boolean> {
    await this.send();
    return this.sentRevision >= this.pendingRevision;
  }

  /** Stops saving (the material was locked or replaced from elsewhere). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async send(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    if (this.sentRevision >= this.pendingRevision) return;
    const revision = this.pendingRevision;
    // A plain copy: the reactive proxy must not cross the bridge.
    const content = JSON.parse(JSON.stringify(this.content())) as Material;
    this.set({ saving: true });
    this.running = (async () => {
      const result = await callResult('materials.save', { id: this.id, content, revision });
      if (result.ok) {
        this.sentRevision = Math.max(this.sentRevision, result.value.revision, revision);
        this.set({ error: null, lastSaved: result.value.updatedAt, charCount: result.value.charCount });
      } else {
        this.set({ error: result.error });
        const final = result.error.code === 'invalidInput' || result.error.code === 'materials.locked' || result.error.code === 'notFound';
        if (!final && !this.timer) this.timer = setTimeout(() => void this.send(), RETRY_MS);
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
      this.set({ saving: false, dirty: this.sentRevision < this.pendingRevision });
    }
  }

  private set(patch: Partial<SaverState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }
}
