import { deflateRawSync } from 'node:zlib';

/**
 * Zips written byte by byte, so a test can make one lie: a declared size that is not the real
 * one, a flag, a compression method. fflate's `zipSync` always tells the truth, and deflating a
 * 300 MB run of zeros with it takes seconds; Node's zlib does it in well under one.
 */

export interface BuiltEntry {
  name: string;
  /** What the entry holds, uncompressed; deflated here unless `method` is 0. */
  content?: Uint8Array;
  /** Already deflated data, used as it is (for a bomb made once and shared). */
  deflated?: Uint8Array;
  method?: number;
  /** The uncompressed size both headers declare; the real size when absent. */
  declaredSize?: number;
  flags?: number;
}

export function buildZip(entries: BuiltEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const method = entry.method ?? 8;
    const content = entry.content ?? new Uint8Array(0);
    const data =
      entry.deflated ?? (method === 0 ? content : new Uint8Array(deflateRawSync(content)));
    const size = entry.declaredSize ?? content.length;
    const flags = (entry.flags ?? 0) | 0x800;

    const local = new Uint8Array(30 + name.length + data.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, flags, true);
    l.setUint16(8, method, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);
    locals.push(local);

    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    offset += local.length;
  }
  const directorySize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/** A run of zeros deflated: `megabytes` MB that compress about a thousand times. */
export function deflatedZeros(megabytes: number): Uint8Array {
  return new Uint8Array(deflateRawSync(new Uint8Array(megabytes * 1024 * 1024), { level: 9 }));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
