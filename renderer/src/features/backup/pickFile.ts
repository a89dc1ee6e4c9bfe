import { choosesFilesInPage } from '../../api/client';

/** A file chosen with the browser's file picker, as the channels take it. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Opens the browser's file picker (call it straight from the click, before any await, or the browser refuses) and
 * resolves with the chosen file, or null when the user cancels.
 */
export function pickInPage(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.dataset.testid = 'picked-file';
    const done = (file: PickedFile | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) done(null);
      else void file.arrayBuffer().then((buffer) => done({ name: file.name, bytes: new Uint8Array(buffer) }), () => done(null));
    });
    document.body.append(input);
    input.click();
  });
}

/**
 * What a "choose a data file" channel needs: in the browser the picked file's bytes ({} when cancelled → null), in
 * Electron nothing (main shows its dialog).
 */
export async function backupFileInput(): Promise<{ file?: PickedFile } | null> {
  if (!choosesFilesInPage()) return {};
  const file = await pickInPage('.sqlite,.db');
  return file ? { file } : null;
}
