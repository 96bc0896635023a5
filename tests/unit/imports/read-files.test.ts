import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { strToU8, zipSync } from 'fflate';

import { type PickedBytes, readImportFiles } from '@/lib/imports/read-files';

import { testClock } from '../support/db';

const FIXTURES = resolve(__dirname, '../../fixtures');
const clock = testClock('2026-11-22T10:00:00.000Z').clock;

function fixture(path: string, name = path.split('/').pop() ?? path): PickedBytes {
  return { name, bytes: new Uint8Array(readFileSync(resolve(FIXTURES, path))) };
}

function text(name: string, content: string): PickedBytes {
  return { name, bytes: strToU8(content) };
}

function zip(name: string, entries: Record<string, PickedBytes | Uint8Array>): PickedBytes {
  const files: Record<string, Uint8Array> = {};
  for (const [path, entry] of Object.entries(entries)) {
    files[path] = entry instanceof Uint8Array ? entry : entry.bytes;
  }
  return { name, bytes: zipSync(files) };
}

async function read(files: PickedBytes[]) {
  const reading = await readImportFiles(files, clock);
  if (!reading.ok) throw new Error(`expected a reading, got: ${reading.error}`);
  return reading;
}

async function refusal(files: PickedBytes[]): Promise<string> {
  const reading = await readImportFiles(files, clock);
  if (reading.ok) throw new Error(`expected a refusal, got a ${reading.label}`);
  return reading.error;
}

describe('readImportFiles', () => {
  it('reads an Acquaint backup on its own, to restore', async () => {
    const reading = await read([fixture('backup/valid-v1.json', 'acquaint-backup.json')]);
    expect(reading.label).toBe('Acquaint backup');
    expect(reading.mode).toBe('restore');
    expect(reading.backup.people.map((p) => p.id)).toEqual(['p-1', 'p-2']);
  });

  it("reads LinkedIn's Connections.csv to add", async () => {
    const reading = await read([fixture('imports/linkedin/Connections.csv')]);
    expect(reading.mode).toBe('add');
    expect(reading.label).toBe('LinkedIn export');
    expect(reading.backup.people.length).toBeGreaterThan(0);
    expect(
      reading.backup.people.every((p) =>
        p.identities.some((i) => /^(linkedin|email):/.test(i.key)),
      ),
    ).toBe(true);
  });

  it("opens LinkedIn's zip, reading only the files it uses", async () => {
    const loose = await read([
      fixture('imports/linkedin/Connections.csv'),
      fixture('imports/linkedin/messages.csv'),
    ]);
    const zipped = await read([
      zip('Basic_LinkedInDataExport_11-22-2026.zip', {
        'Connections.csv': fixture('imports/linkedin/Connections.csv'),
        'messages.csv': fixture('imports/linkedin/messages.csv'),
        'Profile.csv': text('Profile.csv', 'First Name,Last Name\nMe,Myself\n'),
        'Rich_Media.zip': new Uint8Array([1, 2, 3]),
      }),
    ]);
    const keys = (r: typeof loose) => r.backup.people.map((p) => p.identities.map((i) => i.key));
    expect(keys(zipped)).toEqual(keys(loose));
    expect(zipped.backup.interactions.map((i) => i.id)).toEqual(
      loose.backup.interactions.map((i) => i.id),
    );
    expect(zipped.backup.interactions.length).toBeGreaterThan(0);
  });

  it("opens the X archive's zip, whose data files sit in data/", async () => {
    const names = ['account.js', 'following.js', 'follower.js', 'direct-messages.js', 'tweets.js'];
    const reading = await read([
      zip('twitter-2026-11-22.zip', {
        ...Object.fromEntries(names.map((n) => [`data/${n}`, fixture(`imports/x-archive/${n}`)])),
        'data/tweets_media/1.jpg': new Uint8Array([0xff, 0xd8]),
        'Your archive.html': text('Your archive.html', '<html></html>'),
      }),
    ]);
    expect(reading.label).toBe('X archive');
    expect(reading.mode).toBe('add');
    expect(
      reading.backup.people.some((p) => p.identities.some((i) => i.key.startsWith('x-id:'))),
    ).toBe(true);
  });

  it('reads vCards, also by their extension', async () => {
    const reading = await read([fixture('imports/vcard/contacts-4.0.vcf')]);
    expect(reading.label).toBe('vCard');
    expect(reading.backup.people.length).toBeGreaterThan(0);
  });

  it('joins files from several tools into one import', async () => {
    const reading = await read([
      fixture('imports/linkedin/Connections.csv'),
      fixture('imports/vcard/contacts-4.0.vcf'),
    ]);
    expect(reading.label).toBe('LinkedIn export, vCard');
    const alone = await read([fixture('imports/linkedin/Connections.csv')]);
    expect(reading.backup.people.length).toBeGreaterThan(alone.backup.people.length);
  });

  it('refuses a backup mixed with other files', async () => {
    expect(
      await refusal([
        fixture('backup/valid-v1.json', 'b.json'),
        fixture('imports/linkedin/Connections.csv'),
      ]),
    ).toBe('Import an Acquaint backup on its own, not together with other files.');
  });

  it('names the files it cannot read, and imports nothing', async () => {
    const error = await refusal([
      fixture('imports/linkedin/Connections.csv'),
      text('holiday.pdf', '%PDF-1.7 ...'),
    ]);
    expect(error).toMatch(
      /^“holiday\.pdf” is not a file Acquaint can import, so nothing was imported\./,
    );
  });

  it('refuses a damaged zip and a zip with nothing to import', async () => {
    const good = zip('x.zip', { 'data/following.js': fixture('imports/x-archive/following.js') });
    const damaged = { name: 'cut.zip', bytes: good.bytes.slice(0, 40) };
    expect(await refusal([damaged])).toBe(
      '“cut.zip” is a damaged zip file: its list of files is missing, so it may be cut short; nothing was imported.',
    );
    expect(await refusal([zip('photos.zip', { 'a.jpg': new Uint8Array([0xff, 0xd8]) })])).toMatch(
      /^The zip holds nothing Acquaint can import/,
    );
  });

  it('refuses no files, and a broken backup with the place it breaks', async () => {
    expect(await refusal([])).toBe('No file was chosen.');
    expect(await refusal([text('b.json', '{"format": "acquaint-backup", "version": 1,')])).toMatch(
      /ends too early/,
    );
  });

  it('passes on what a reader could not read as a whole-file error', async () => {
    const error = await refusal([
      fixture('imports/x-archive/following.js'),
      text('follower.js', 'window.YTD.follower.part0 = [{"follower": '),
    ]);
    expect(error).toMatch(/follower\.js/);
    expect(error).toMatch(/Nothing was imported\.$/);
  });
});
