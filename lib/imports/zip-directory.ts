import { strFromU8 } from 'fflate';

/**
 * The list of a zip's entries, read from its central directory, with where each entry's data
 * lies. fflate's `unzipSync` allocates each entry's output by the size its header declares (a
 * lying header makes it allocate gigabytes, or cut the text short), and its streaming `Unzip`
 * finds where an entry ends by searching for a signature, which a large archive's compressed data
 * contains by chance; so the directory is read here, and fflate's `Inflate` does the inflating
 * (see `zip.ts`). Nothing here inflates, and every offset is checked against the file's length.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  encrypted: boolean;
  /** As the directory declares it: only ever used to refuse early, never to allocate. */
  declaredSize: number;
  /** Where the compressed data lies in the zip's bytes. */
  dataStart: number;
  dataEnd: number;
}

/** A zip whose structure does not hold together; the message ends a sentence ("… is a damaged zip file: <message>"). */
export class ZipDamage extends Error {
  override name = 'ZipDamage';
}

const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ENTRY_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** How many entries the directory says the zip holds, found without reading them. */
export function declaredEntryCount(bytes: Uint8Array): number {
  return findDirectory(bytes).count;
}

/**
 * Every entry of the zip, in directory order (folders included: their names end in `/`). Throws
 * `ZipDamage` when the directory is missing, runs past the end of the file, or points outside it.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, offset } = findDirectory(bytes);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY_SIGNATURE) {
      throw new ZipDamage(`its list of files ends after ${index} of the ${count} it announces`);
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressed = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let local = view.getUint32(at + 42, true);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > bytes.length) {
      throw new ZipDamage('its list of files runs past the end of the file');
    }
    // Bit 11: the name is UTF-8; otherwise it is in the old DOS code page, read as Latin-1.
    const name = strFromU8(bytes.subarray(at + 46, nameEnd), (flags & 0x800) === 0);
    const zip64 = zip64Fields(view, nameEnd, extraLength);
    if (size === 0xffffffff) size = zip64.next() ?? size;
    if (compressed === 0xffffffff) compressed = zip64.next() ?? compressed;
    if (local === 0xffffffff) local = zip64.next() ?? local;
    entries.push({
      name,
      method,
      encrypted: (flags & 1) === 1,
      declaredSize: size,
      ...dataRange(view, local, compressed, name),
    });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** Where the central directory starts and how many entries it announces (ZIP64 included). */
function findDirectory(bytes: Uint8Array): { count: number; offset: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const last = bytes.length - END_SIZE;
  let end = -1;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at -= 1) {
    if (view.getUint32(at, true) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipDamage('its list of files is missing, so it may be cut short');
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const locator = end - 20;
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    locator >= 0 &&
    view.getUint32(locator, true) === ZIP64_LOCATOR_SIGNATURE
  ) {
    const zip64End = safeNumber(view.getBigUint64(locator + 8, true));
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END_SIGNATURE) {
      throw new ZipDamage('its list of files is missing, so it may be cut short');
    }
    count = safeNumber(view.getBigUint64(zip64End + 32, true));
    offset = safeNumber(view.getBigUint64(zip64End + 48, true));
  }
  if (offset > bytes.length) {
    throw new ZipDamage('its list of files points past the end of the file');
  }
  return { count, offset };
}

/** The ZIP64 extra field's values (id 1), taken in order for the fields that overflowed. */
function zip64Fields(view: DataView, start: number, length: number): { next(): number | null } {
  const values: number[] = [];
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      for (let v = at + 4; v + 8 <= at + 4 + size; v += 8) {
        values.push(safeNumber(view.getBigUint64(v, true)));
      }
    }
    at += 4 + size;
  }
  return { next: () => values.shift() ?? null };
}

/** The compressed data of an entry, after its local header; checked to lie inside the file. */
function dataRange(
  view: DataView,
  local: number,
  compressed: number,
  name: string,
): { dataStart: number; dataEnd: number } {
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw new ZipDamage(`“${name}” is not where its list of files says`);
  }
  const dataStart =
    local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const dataEnd = dataStart + compressed;
  if (dataEnd > view.byteLength) {
    throw new ZipDamage(`“${name}” runs past the end of the file, so it may be cut short`);
  }
  return { dataStart, dataEnd };
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ZipDamage('it gives sizes larger than any file');
  }
  return Number(value);
}
