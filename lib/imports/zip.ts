import { unzipSync } from 'fflate';

import type { PickedFile } from './draft';

/** The largest file taken out of a zip (in bytes, uncompressed); a bigger one is left in. */
export const MAX_ZIP_ENTRY_BYTES = 200 * 1024 * 1024;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/**
 * The text files of a zip (LinkedIn's export, the X archive) whose names `wanted` accepts, with
 * their paths inside the zip as names; the rest (media, huge files) are never inflated.
 * Throws on a damaged zip.
 */
export function readZipTexts(bytes: Uint8Array, wanted: (path: string) => boolean): PickedFile[] {
  const entries = unzipSync(bytes, {
    filter: (file) =>
      !file.name.endsWith('/') && file.originalSize <= MAX_ZIP_ENTRY_BYTES && wanted(file.name),
  });
  const decoder = new TextDecoder('utf-8');
  return Object.entries(entries).map(([name, data]) => ({ name, text: decoder.decode(data) }));
}

/** The last part of a path in a zip or a picked file's name, lower-cased: `data/Following.js` → `following.js`. */
export function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).toLowerCase();
}
