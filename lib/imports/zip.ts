import { Inflate } from 'fflate';

import { declaredEntryCount, readZipDirectory, ZipDamage, type ZipEntry } from './zip-directory';

/**
 * Taking the wanted files out of a zip (LinkedIn's export, the X archive) without trusting it: a
 * 2.6 MB zip can inflate to gigabytes, and its headers can lie about sizes. The bytes actually
 * inflated are counted against a budget, in small steps, and a zip over a cap is refused with a
 * sentence; nothing is taken out of it then.
 */

/** The most entries a zip may list; X archives list media files, a few thousand at most. */
export const MAX_ZIP_ENTRIES = 100_000;

/** The most bytes taken out of one zip, all wanted files together (LinkedIn's and X's are far smaller). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * Compressed bytes inflated at a time: DEFLATE expands at most about 1,032 times, so one step
 * makes at most about 8 MB, and the budget is checked between steps.
 */
const STEP_BYTES = 8 * 1024;

/** A zip refused for what it is (too big, damaged, lying); the message is a sentence for the user. */
export class ZipRefusal extends Error {
  override name = 'ZipRefusal';
}

export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxInflatedBytes: MAX_INFLATED_BYTES,
};

/** How far taking files out has come, in compressed bytes of the wanted files. */
export interface ZipProgress {
  done: number;
  total: number;
}

export interface ZipFile {
  /** The path inside the zip. */
  name: string;
  bytes: Uint8Array;
}

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
 * The files of a zip whose paths `wanted` accepts, with their paths as names; the rest (media)
 * are never inflated. Throws `ZipRefusal`, naming `zipName`, when the zip lists too many entries,
 * its wanted files inflate to more than the budget, or it is damaged (including a file that
 * inflates to another size than its header says).
 */
export function readZipFiles(
  zipName: string,
  bytes: Uint8Array,
  wanted: (path: string) => boolean,
  onProgress: (progress: ZipProgress) => void = () => {},
  limits: ZipLimits = ZIP_LIMITS,
): ZipFile[] {
  try {
    return readChecked(zipName, bytes, wanted, onProgress, limits);
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    const why = error instanceof ZipDamage ? error.message : 'its compressed data is broken';
    throw new ZipRefusal(`“${zipName}” is a damaged zip file: ${why}; nothing was imported.`);
  }
}

function readChecked(
  zipName: string,
  bytes: Uint8Array,
  wanted: (path: string) => boolean,
  onProgress: (progress: ZipProgress) => void,
  limits: ZipLimits,
): ZipFile[] {
  const count = declaredEntryCount(bytes);
  if (count > limits.maxEntries) {
    throw new ZipRefusal(
      `“${zipName}” lists ${count.toLocaleString('en')} files, more than the ${limits.maxEntries.toLocaleString('en')} an export can hold, so it was not opened; nothing was imported.`,
    );
  }
  const entries = readZipDirectory(bytes).filter(
    (entry) => !entry.name.endsWith('/') && wanted(entry.name),
  );
  const tooBig = () =>
    new ZipRefusal(
      `“${zipName}” would unpack to more than ${megabytes(limits.maxInflatedBytes)}, far more than a LinkedIn or X export, so it was not opened; nothing was imported.`,
    );
  // The directory's sizes can only make a refusal come sooner, never let more through.
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > limits.maxInflatedBytes) throw tooBig();

  const progress = { done: 0, total: entries.reduce((s, e) => s + e.dataEnd - e.dataStart, 0) };
  onProgress({ ...progress });
  let budget = limits.maxInflatedBytes;
  const files: ZipFile[] = [];
  for (const entry of entries) {
    const data = inflateEntry(zipName, bytes, entry, budget, tooBig, (step) => {
      progress.done += step;
      onProgress({ ...progress });
    });
    if (data.length !== entry.declaredSize) throw sizeLie(zipName, entry, data.length);
    budget -= data.length;
    files.push({ name: entry.name, bytes: data });
  }
  return files;
}

function sizeLie(zipName: string, entry: ZipEntry, size: number | null): ZipRefusal {
  const declared = entry.declaredSize.toLocaleString('en');
  const what =
    size === null
      ? `unpacks to more than the ${declared} bytes its header says`
      : `unpacks to ${size.toLocaleString('en')} bytes, but its header says ${declared}`;
  return new ZipRefusal(
    `“${zipName}” is a damaged zip file: “${entry.name}” ${what}; nothing was imported.`,
  );
}

/**
 * One entry's bytes, inflated a step at a time and counted as they come: past the size its
 * header declares it is a damaged (or lying) zip, past what is left of the budget it is too big;
 * either way inflating stops there and nothing beyond it is kept.
 */
function inflateEntry(
  zipName: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: number,
  tooBig: () => ZipRefusal,
  onStep: (compressedBytes: number) => void,
): Uint8Array {
  if (entry.encrypted) {
    throw new ZipRefusal(
      `“${entry.name}” in “${zipName}” is password-protected, so it cannot be read; nothing was imported.`,
    );
  }
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  const overLimit = (size: number) => {
    if (size > budget) return tooBig();
    if (size > entry.declaredSize) return sizeLie(zipName, entry, null);
    return null;
  };
  if (entry.method === 0) {
    const refusal = overLimit(data.length);
    if (refusal) throw refusal;
    onStep(data.length);
    return data.slice();
  }
  if (entry.method !== 8) {
    throw new ZipRefusal(
      `“${entry.name}” in “${zipName}” is compressed in a way Acquaint cannot read (method ${entry.method}); nothing was imported.`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  let refusal: ZipRefusal | null = null;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    refusal ??= overLimit(size);
    if (!refusal) chunks.push(chunk);
  });
  for (let at = 0; ; at += STEP_BYTES) {
    const step = data.subarray(at, at + STEP_BYTES);
    const final = at + STEP_BYTES >= data.length;
    inflate.push(step, final);
    if (refusal) throw refusal;
    onStep(step.length);
    if (final) break;
  }
  return join(chunks, size);
}

function join(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;
}

/** The last part of a path in a zip or a picked file's name, lower-cased: `data/Following.js` → `following.js`. */
export function baseName(path: string): string {
  return (path.split(/[\\/]/).pop() ?? path).toLowerCase();
}
