/**
 * The package as one .zip, through zip.js (a maintained, pure-JS library). With a password every entry is encrypted
 * with WinZip AES-256 (AE-2), which 7-Zip, WinRAR, Bandizip and the Windows 11 / 统信 / 麒麟 archive tools open; the legacy
 * ZipCrypto is never used (it is broken and zip.js only writes it when asked).
 */
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';

// Main process: no Web Workers, and the CompressionStream of Node itself.
configure({ useWebWorkers: false });

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export async function zipFiles(files: readonly ZipEntry[], options: { password: string | null; at: Date }): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), {
    ...(options.password ? { password: options.password, encryptionStrength: 3 as const, zipCrypto: false } : {}),
    useUnicodeFileNames: true,
    lastModDate: options.at,
  });
  for (const file of files) await writer.add(file.name, new Uint8ArrayReader(file.bytes));
  return writer.close();
}

/** Reads a package back (tests, and a check right after writing): every entry's name and bytes. */
export async function unzipFiles(bytes: Uint8Array, password?: string): Promise<ZipEntry[]> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), password ? { password } : {});
  try {
    const out: ZipEntry[] = [];
    for (const entry of await reader.getEntries()) {
      if (entry.directory || !entry.getData) continue;
      out.push({ name: entry.filename, bytes: await entry.getData(new Uint8ArrayWriter()) });
    }
    return out;
  } finally {
    await reader.close();
  }
}

/** Whether the entries of a zip are encrypted with AES (and none with ZipCrypto). */
export async function zipEncryption(bytes: Uint8Array): Promise<'aes' | 'zipcrypto' | 'none'> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  try {
    const entries = await reader.getEntries();
    if (entries.some((e) => e.encrypted && !e.zipCrypto)) return entries.every((e) => e.encrypted && !e.zipCrypto) ? 'aes' : 'zipcrypto';
    return entries.some((e) => e.encrypted) ? 'zipcrypto' : 'none';
  } finally {
    await reader.close();
  }
}
