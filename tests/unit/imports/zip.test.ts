import { strToU8, zipSync } from 'fflate';

import { readImportFiles } from '@/lib/imports/read-files';
import { readZipFiles, ZIP_LIMITS, type ZipProgress, ZipRefusal } from '@/lib/imports/zip';

import { testClock } from '../support/db';
import { buildZip, deflatedZeros } from './zip-builder';

const clock = testClock('2026-11-22T10:00:00.000Z').clock;
const CONNECTIONS =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Quill,https://www.linkedin.com/in/ada-quill,,,,15 Mar 2024\n';
const all = () => true;
const MB = 1024 * 1024;

/** 300 MB of zeros deflated to about 300 KB, made once: the bomb of the tests below. */
let bomb: Uint8Array | undefined;
const bombData = () => (bomb ??= deflatedZeros(300));

function refusalOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipRefusal) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function importRefusal(name: string, bytes: Uint8Array): Promise<string> {
  const reading = await readImportFiles([{ name, bytes }], clock);
  if (reading.ok) throw new Error(`expected a refusal, got a ${reading.label}`);
  return reading.error;
}

describe('readZipFiles', () => {
  it('takes out the wanted files, deflated or stored, and leaves the rest alone', () => {
    const zip = buildZip([
      { name: 'Basic/Connections.csv', content: strToU8(CONNECTIONS) },
      { name: 'Basic/notes.txt', content: strToU8('stored'), method: 0 },
      // Unwanted and lying about its size: never inflated, so never a problem.
      { name: 'media/huge.jpg', deflated: bombData(), declaredSize: 1 },
      { name: 'Basic/', content: new Uint8Array(0), method: 0 },
    ]);
    const files = readZipFiles('export.zip', zip, (path) => !path.endsWith('.jpg'));
    expect(files.map((f) => [f.name, new TextDecoder().decode(f.bytes)])).toEqual([
      ['Basic/Connections.csv', CONNECTIONS],
      ['Basic/notes.txt', 'stored'],
    ]);
  });

  it('reads what fflate writes, file names in UTF-8 included', () => {
    const zip = zipSync({ 'Données/Connections.csv': strToU8(CONNECTIONS) });
    const files = readZipFiles('export.zip', zip, all);
    expect(files.map((f) => f.name)).toEqual(['Données/Connections.csv']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe(CONNECTIONS);
  });

  it('refuses a zip bomb whose header tells the truth before inflating any of it', () => {
    const zip = buildZip([
      { name: 'Connections.csv', deflated: bombData(), declaredSize: 300 * MB },
    ]);
    expect(zip.length).toBeLessThan(MB);
    const progress: ZipProgress[] = [];
    expect(refusalOf(() => readZipFiles('bomb.zip', zip, all, (p) => progress.push(p)))).toBe(
      '“bomb.zip” would unpack to more than 256 MB, far more than a LinkedIn or X export, so it was not opened; nothing was imported.',
    );
    expect(progress).toEqual([]);
  });

  it('refuses a zip bomb whose header lies about its size, stopping just past the lie', () => {
    const zip = buildZip([{ name: 'Connections.csv', deflated: bombData(), declaredSize: 100 }]);
    const progress: ZipProgress[] = [];
    expect(refusalOf(() => readZipFiles('bomb.zip', zip, all, (p) => progress.push(p)))).toBe(
      '“bomb.zip” is a damaged zip file: “Connections.csv” unpacks to more than the 100 bytes its header says; nothing was imported.',
    );
    // Stopped at the first step: one 8 KB step of compressed zeros, not the 300 KB of them.
    const last = progress.at(-1);
    expect(last?.total).toBe(bombData().length);
    expect(last?.done).toBe(0);
  });

  it('counts real bytes against the budget, whatever the headers say', () => {
    // Each declares the truth and fits; together they are over a 1 MB budget.
    const zip = buildZip([
      { name: 'a.csv', content: new Uint8Array(700 * 1024) },
      { name: 'b.csv', content: new Uint8Array(700 * 1024) },
    ]);
    const limits = { ...ZIP_LIMITS, maxInflatedBytes: MB };
    expect(refusalOf(() => readZipFiles('two.zip', zip, all, undefined, limits))).toBe(
      '“two.zip” would unpack to more than 1 MB, far more than a LinkedIn or X export, so it was not opened; nothing was imported.',
    );
    expect(readZipFiles('two.zip', zip, (p) => p === 'a.csv', undefined, limits)).toHaveLength(1);
  });

  it('refuses a file that unpacks to less than its header says', () => {
    const zip = buildZip([
      { name: 'Connections.csv', content: strToU8(CONNECTIONS), declaredSize: 5000 },
    ]);
    expect(refusalOf(() => readZipFiles('short.zip', zip, all))).toBe(
      `“short.zip” is a damaged zip file: “Connections.csv” unpacks to ${CONNECTIONS.length} bytes, but its header says 5,000; nothing was imported.`,
    );
  });

  it('refuses a zip listing more entries than the cap, before reading any', () => {
    const entries = ['a', 'b', 'c', 'd'].map((name) => ({ name, content: strToU8(name) }));
    const limits = { ...ZIP_LIMITS, maxEntries: 3 };
    expect(
      refusalOf(() => readZipFiles('many.zip', buildZip(entries), all, undefined, limits)),
    ).toBe(
      '“many.zip” lists 4 files, more than the 3 an export can hold, so it was not opened; nothing was imported.',
    );
    expect(ZIP_LIMITS).toEqual({ maxEntries: 100_000, maxInflatedBytes: 256 * MB });
  });

  it('says what is wrong with a damaged zip', () => {
    const good = buildZip([{ name: 'Connections.csv', content: strToU8(CONNECTIONS) }]);
    expect(refusalOf(() => readZipFiles('cut.zip', good.slice(0, good.length - 30), all))).toBe(
      '“cut.zip” is a damaged zip file: its list of files is missing, so it may be cut short; nothing was imported.',
    );
    const broken = good.slice();
    // The deflated data starts after the 30-byte local header and the name: make it garbage.
    broken.fill(0xff, 30 + 'Connections.csv'.length, 30 + 'Connections.csv'.length + 8);
    expect(refusalOf(() => readZipFiles('broken.zip', broken, all))).toBe(
      '“broken.zip” is a damaged zip file: its compressed data is broken; nothing was imported.',
    );
    const moved = good.slice();
    // The directory entry's local header offset (46-byte entry, offset field at 42) points at 1.
    const directory = good.length - 22 - (46 + 'Connections.csv'.length);
    new DataView(moved.buffer).setUint32(directory + 42, 1, true);
    expect(refusalOf(() => readZipFiles('moved.zip', moved, all))).toBe(
      '“moved.zip” is a damaged zip file: “Connections.csv” is not where its list of files says; nothing was imported.',
    );
  });

  it('refuses password-protected and unknown compression', () => {
    const locked = buildZip([{ name: 'Connections.csv', content: strToU8('x'), flags: 1 }]);
    expect(refusalOf(() => readZipFiles('locked.zip', locked, all))).toBe(
      '“Connections.csv” in “locked.zip” is password-protected, so it cannot be read; nothing was imported.',
    );
    const bzip = buildZip([
      { name: 'Connections.csv', content: strToU8('x'), method: 12, deflated: strToU8('BZh') },
    ]);
    expect(refusalOf(() => readZipFiles('bzip.zip', bzip, all))).toBe(
      '“Connections.csv” in “bzip.zip” is compressed in a way Acquaint cannot read (method 12); nothing was imported.',
    );
  });

  it('reports progress in compressed bytes, up to the total', () => {
    // Bytes that do not compress, so the entry takes several 8 KB steps.
    let seed = 1;
    const content = Uint8Array.from({ length: 40_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed >> 23;
    });
    const zip = buildZip([{ name: 'Connections.csv', content }]);
    const progress: ZipProgress[] = [];
    readZipFiles('export.zip', zip, all, (p) => progress.push(p));
    const total = progress[0]?.total ?? 0;
    expect(total).toBeGreaterThan(8 * 1024);
    expect(progress[0]?.done).toBe(0);
    expect(progress.at(-1)).toEqual({ done: total, total });
    const dones = progress.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
  });
});

describe('importing a zip bomb', () => {
  it('says why it stopped, through the same reading as every import', async () => {
    const honest = buildZip([
      { name: 'Basic/Connections.csv', deflated: bombData(), declaredSize: 300 * MB },
    ]);
    expect(await importRefusal('Basic_LinkedInDataExport.zip', honest)).toBe(
      '“Basic_LinkedInDataExport.zip” would unpack to more than 256 MB, far more than a LinkedIn or X export, so it was not opened; nothing was imported.',
    );
    const lying = buildZip([
      { name: 'Basic/Connections.csv', deflated: bombData(), declaredSize: 1000 },
    ]);
    expect(await importRefusal('x.zip', lying)).toBe(
      '“x.zip” is a damaged zip file: “Basic/Connections.csv” unpacks to more than the 1,000 bytes its header says; nothing was imported.',
    );
  });

  it('is refused even when fflate zips the zeros itself', async () => {
    // 16 MB, under the budget but over what its (lying) header says.
    const made = zipSync({ 'Connections.csv': new Uint8Array(16 * MB) }, { level: 1 });
    const view = new DataView(made.buffer);
    // The local header's and the directory's uncompressed sizes (offsets 22 and 46 - 22 = 24).
    view.setUint32(22, 10, true);
    const directory = made.length - 22 - (46 + 'Connections.csv'.length);
    view.setUint32(directory + 24, 10, true);
    expect(await importRefusal('zeros.zip', made)).toBe(
      '“zeros.zip” is a damaged zip file: “Connections.csv” unpacks to more than the 10 bytes its header says; nothing was imported.',
    );
  });
});
