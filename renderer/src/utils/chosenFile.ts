import { ref, shallowRef, type Ref } from 'vue';
import { errorText } from './errors';

export interface ChosenFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A file picked in a hidden <input type=file> and previewed by main before anything is written (the exchange dialogs):
 * the file, main's preview or its refusal in the interface language, and whether it is being read. `pick` is the
 * input's change handler (the input is cleared so the same file can be picked again); `reset` on opening the dialog.
 */
export function useFilePreview<P>(load: (bytes: Uint8Array<ArrayBuffer>) => Promise<P>): {
  file: Ref<ChosenFile | null>;
  preview: Ref<P | null>;
  error: Ref<string>;
  reading: Ref<boolean>;
  pick(event: Event): Promise<void>;
  reset(): void;
} {
  const file = shallowRef<ChosenFile | null>(null);
  const preview = shallowRef<P | null>(null);
  const error = ref('');
  const reading = ref(false);
  async function pick(event: Event) {
    const target = event.target as HTMLInputElement;
    const chosen = target.files?.[0];
    target.value = '';
    if (!chosen) return;
    reading.value = true;
    preview.value = null;
    error.value = '';
    file.value = { name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) };
    try {
      preview.value = await load(file.value.bytes);
    } catch (e) {
      error.value = errorText(e);
    } finally {
      reading.value = false;
    }
  }
  function reset() {
    file.value = null;
    preview.value = null;
    error.value = '';
  }
  return { file, preview, error, reading, pick, reset };
}
