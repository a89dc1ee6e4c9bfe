/** 佐证材料 chosen in the browser: read once, kept outside Vue's reactivity (a proxied Uint8Array cannot cross the bridge). */
export interface PickedFile {
  name: string;
  file: Uint8Array<ArrayBuffer>;
}

/** What the file input offers; the main side checks the bytes whatever the name says. */
export const EVIDENCE_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png,.gif,.bmp';

export async function readPicked(input: HTMLInputElement): Promise<PickedFile[]> {
  const files = [...(input.files ?? [])];
  const out = await Promise.all(files.map(async (f) => ({ name: f.name, file: new Uint8Array(await f.arrayBuffer()) })));
  input.value = '';
  return out;
}

export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
