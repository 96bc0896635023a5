import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';

import { decodeText } from '@/lib/imports/decode';
import { type PickedBytes, readImportFiles } from '@/lib/imports/read-files';

import { testClock } from '../support/db';

const FIXTURES = resolve(__dirname, '../../fixtures/imports');
const clock = testClock('2026-11-22T10:00:00.000Z').clock;

/** The names every file in fixtures/imports/encodings holds, in file order. */
const NAMES = [
  'José Müller',
  'Zoë Brontë',
  'François Lefèvre',
  'Ana Núñez',
  'Søren Kierkegård',
  'Ada Quill',
];

function fixture(path: string, name = path.split('/').pop() ?? path): PickedBytes {
  return { name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))) };
}

async function read(files: PickedBytes[]) {
  const reading = await readImportFiles(files, clock);
  if (!reading.ok) throw new Error(`expected a reading, got: ${reading.error}`);
  return reading;
}

describe('decodeText', () => {
  it('reads UTF-8 strictly and says nothing', () => {
    expect(decodeText('a.csv', strToU8('José'))).toEqual({ text: 'José', encoding: 'utf-8' });
  });

  it('reads bytes that are not UTF-8 as Windows-1252 and says so', () => {
    // "José €5": é is 0xE9 and the euro sign 0x80 in Windows-1252 (Latin-1 has a control there).
    const bytes = new Uint8Array([0x4a, 0x6f, 0x73, 0xe9, 0x20, 0x80, 0x35]);
    expect(decodeText('Connections.csv', bytes)).toEqual({
      text: 'José €5',
      encoding: 'windows-1252',
      notice:
        'Connections.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.',
    });
  });

  it('honours UTF-16 byte order marks, little- and big-endian', () => {
    expect(decodeText('a.txt', new Uint8Array([0xff, 0xfe, 0xe9, 0x00, 0x41, 0x00]))).toEqual({
      text: 'éA',
      encoding: 'utf-16le',
    });
    expect(decodeText('a.txt', new Uint8Array([0xfe, 0xff, 0x00, 0xe9, 0x00, 0x41]))).toEqual({
      text: 'éA',
      encoding: 'utf-16be',
    });
  });

  it('keeps a UTF-8 file with one damaged byte as UTF-8, saying how many places are damaged', () => {
    const good = strToU8('Zoë Brontë, François, Núñez');
    const bytes = new Uint8Array([...good, 0xff]);
    expect(decodeText('messages.csv', bytes)).toEqual({
      text: 'Zoë Brontë, François, Núñez\uFFFD',
      encoding: 'utf-8',
      notice:
        'messages.csv is UTF-8 with 1 damaged character, shown as “�”. Check the names below.',
    });
  });
});

describe('importing files a spreadsheet re-saved', () => {
  const WINDOWS_1252_NOTICE =
    'Connections-windows-1252.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.';

  it('reads a Windows-1252 Connections.csv with its names right, and the preview says so', async () => {
    const reading = await read([fixture('encodings/Connections-windows-1252.csv')]);
    expect(reading.notices).toEqual([WINDOWS_1252_NOTICE]);
    expect(reading.sample).toEqual(NAMES.slice(0, 5));
    expect(reading.backup.people.map((p) => p.name)).toEqual(NAMES);
    expect(reading.backup.people[0]?.headline).toBe('Gründer at Müller & Söhne, GmbH');
    expect(reading.backup.people[1]?.headline).toBe('Barista at Café €uro');
    expect(reading.problems).toEqual([]);
  });

  it('reads a UTF-16 LE "Unicode Text" file with tabs, saying nothing about its encoding', async () => {
    const reading = await read([fixture('encodings/Connections-utf16le-tabs.txt')]);
    expect(reading.label).toBe('LinkedIn export');
    expect(reading.notices).toEqual([]);
    expect(reading.sample).toEqual(NAMES.slice(0, 5));
    expect(reading.backup.people.map((p) => p.name)).toEqual(NAMES);
    expect(reading.backup.people[0]?.identities).toEqual([
      { key: 'linkedin:jose-muller', url: 'https://www.linkedin.com/in/jose-muller/' },
    ]);
  });

  it('reads a semicolon-separated Connections.csv, with a comma inside a cell', async () => {
    const reading = await read([fixture('encodings/Connections-semicolons.csv')]);
    expect(reading.notices).toEqual([]);
    expect(reading.backup.people.map((p) => p.name)).toEqual(NAMES);
    expect(reading.backup.people[0]?.headline).toBe('Gründer at Müller & Söhne, GmbH');
    // Every day of connecting was read (a connection is no touch: no interaction).
    expect(reading.backup.people[0]?.createdAt).toBe('2024-03-15T12:00:00.000Z');
    expect(reading.backup.people.every((p) => p.createdAt < '2026-11-22')).toBe(true);
    expect(reading.backup.interactions).toEqual([]);
    expect(reading.problems).toEqual([]);
  });

  it('reads a tab-separated Connections.csv', async () => {
    const reading = await read([fixture('encodings/Connections-tabs.csv')]);
    expect(reading.backup.people.map((p) => p.name)).toEqual(NAMES);
    expect(reading.backup.people[5]?.headline).toBe('Founder at Quill Data');
    expect(reading.problems).toEqual([]);
  });

  it('reads a semicolon-separated messages.csv', async () => {
    const original = readFileSync(resolve(FIXTURES, 'linkedin/messages.csv'), 'utf8');
    const rows = Papa.parse<string[]>(original.replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    const semicolons = Papa.unparse(rows, { delimiter: ';' });
    const asCommas = await read([fixture('linkedin/messages.csv')]);
    const asSemicolons = await read([{ name: 'messages.csv', bytes: strToU8(semicolons) }]);
    expect(asSemicolons.backup.interactions.map((i) => [i.at, i.direction, i.summary])).toEqual(
      asCommas.backup.interactions.map((i) => [i.at, i.direction, i.summary]),
    );
    expect(asSemicolons.backup.interactions.length).toBeGreaterThan(0);
  });

  it('reads a Windows-1252 vCard file', async () => {
    const reading = await read([fixture('encodings/contacts-windows-1252.vcf')]);
    expect(reading.notices).toEqual([
      'contacts-windows-1252.vcf is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.',
    ]);
    expect(reading.sample).toEqual(['José Müller', 'Zoë Brontë']);
    expect(reading.backup.people[0]?.why).toBe('Gründer');
  });

  it('names the file inside a zip when it was read as Windows-1252', async () => {
    const bytes = zipSync({
      'Basic_LinkedInDataExport/Connections.csv': fixture('encodings/Connections-windows-1252.csv')
        .bytes,
    });
    const reading = await read([{ name: 'export.zip', bytes }]);
    expect(reading.notices).toEqual([
      'Connections.csv is not UTF-8; it was read as Windows-1252 (Western European). Check the names below.',
    ]);
    expect(reading.sample).toEqual(NAMES.slice(0, 5));
  });

  it('gives a UTF-8 export no notice and the first five names as the sample', async () => {
    const reading = await read([fixture('linkedin/Connections.csv')]);
    expect(reading.notices).toEqual([]);
    expect(reading.sample).toEqual(
      reading.backup.people
        .map((p) => p.name)
        .filter((n) => n !== '')
        .slice(0, 5),
    );
    expect(reading.sample).toHaveLength(5);
    expect(reading.sample[0]).toBe('Ada Quill');
  });
});
