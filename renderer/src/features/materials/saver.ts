import type { MaterialSaveResult } from '../../../../electron/common/api/materials';
import type { Material } from '../../../../electron/common/materials';
import type { ApiErrorBody } from '../../../../electron/common/result';
import { Autosave } from '../../api/autosave';
import { callResult } from '../../api/client';

/** Typing pauses shorter than this are one save; a change is stored at most this long after the last keystroke. */
export const SAVE_DELAY_MS = 600;

export interface SaverState {
  /** A change not yet stored. */
  dirty: boolean;
  saving: boolean;
  error: ApiErrorBody | null;
  lastSaved: string | null;
  charCount: number | null;
}

/** Refusals a retry cannot fix: the material is locked (submitted, approved), gone, or the content is invalid. */
const FINAL = new Set(['invalidInput', 'materials.locked', 'notFound']);

/**
 * The autosave of one material (the generic `Autosave` of renderer/src/api): every change schedules a save of the
 * newest content, sent once typing pauses or at once by flush() (leaving the screen, submitting, blur).
 */
export class MaterialSaver {
  private readonly autosave: Autosave<Material, MaterialSaveResult>;
  private state: SaverState = { dirty: false, saving: false, error: null, lastSaved: null, charCount: null };

  constructor(
    id: number,
    revision: number,
    private readonly content: () => Material,
    private readonly onState: (state: SaverState) => void,
  ) {
    this.autosave = new Autosave<Material, MaterialSaveResult>(
      {
        delayMs: SAVE_DELAY_MS,
        send: (content, next) => callResult('materials.save', { id, content, revision: next }),
        isFinal: (error) => FINAL.has(error.code),
        onSaved: (_content, result) => this.set({ lastSaved: result.updatedAt, charCount: result.charCount }),
        onState: (s) => this.set(s),
      },
      revision,
    );
  }

  get revision(): number {
    return this.autosave.revision;
  }

  schedule(): void {
    // A plain copy, taken when the save is sent: the reactive proxy must not cross the bridge.
    this.autosave.change(() => JSON.parse(JSON.stringify(this.content())) as Material);
  }

  /** Sends what is pending now; true when everything is stored. */
  flush(): Promise<boolean> {
    return this.autosave.flush();
  }

  /** Stops saving (the material was locked or replaced from elsewhere). */
  dispose(): void {
    this.autosave.dispose();
  }

  private set(patch: Partial<SaverState>): void {
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }
}
