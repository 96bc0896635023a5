import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { applyImport } from '@/lib/backup/import';
import type { AcquaintDatabase } from '@/lib/db/database';
import { type PickedBytes, readImportFiles } from '@/lib/imports/read-files';
import { trackingCounts, withTracking } from '@/lib/imports/tracking';
import { turnWords } from '@/lib/model/interaction-labels';
import type { Person } from '@/lib/model/types';
import { createFollowUpService } from '@/lib/services/follow-up';

import { disposeDatabase, openTestDatabase, testClock } from '../support/db';

/**
 * Issue 13, item 2: a LinkedIn import keeps every connection but tracks only real conversations.
 * The fixture export is Uma Vance's: she wrote with Ada, Bo, Cy and Dee in June 2025; Eli is a
 * connection and nothing more.
 */

const NOW = '2026-11-22T10:00:00.000Z';
const time = testClock(NOW);
const DIR = resolve(__dirname, '../../fixtures/imports/linkedin');
const file = (name: string): PickedBytes => ({
  name,
  bytes: new Uint8Array(readFileSync(resolve(DIR, name))),
});

let db: AcquaintDatabase;
beforeEach(() => {
  db = openTestDatabase();
});
afterEach(() => disposeDatabase(db));

async function importFiles(
  names: string[],
  change = (backup: Parameters<typeof withTracking>[0]) => backup,
) {
  const reading = await readImportFiles(names.map(file), time.clock);
  if (!reading.ok) throw new Error(reading.error);
  const backup = change(reading.backup);
  await applyImport(db, backup as typeof reading.backup, reading.mode);
  return reading;
}

async function byKey(key: string): Promise<Person> {
  const person = await db.people.where('identityKeys').equals(key).first();
  if (!person) throw new Error(`nobody with ${key}`);
  return person;
}

async function coldNames(): Promise<string[]> {
  const list = await createFollowUpService(db, time.clock).coldList({ now: new Date(NOW) });
  return list.people.map((row) => row.person.name);
}

describe('connections only', () => {
  it('keeps everyone, searchable by key and name, but tracks nobody: nobody goes cold', async () => {
    await importFiles(['Connections.csv']);
    expect(await db.people.count()).toBe(5);
    expect(await db.interactions.count()).toBe(0);
    const ada = await byKey('linkedin:ada-quill-4b21a');
    expect(ada).toMatchObject({
      name: 'Ada Quill',
      cadenceDays: 0,
      untrackedByImport: true,
      effectiveCadence: null,
      coldAt: null,
      lastTouchAt: null,
    });
    expect(await coldNames()).toEqual([]);
    expect(await createFollowUpService(db, time.clock).coldCount(new Date(NOW))).toBe(0);
  });

  it('records the day of connecting as when they were first known, not as a touch', async () => {
    await importFiles(['Connections.csv']);
    expect((await byKey('linkedin:bo-lind')).createdAt).toBe('2021-07-01T12:00:00.000Z');
    // Eli's "sometime in spring" is no date: known since the import.
    expect((await byKey('linkedin:eli-park')).createdAt).toBe(NOW);
  });

  it('puts job title and company in the headline and leaves the why empty', async () => {
    await importFiles(['Connections.csv']);
    expect(await byKey('linkedin:ada-quill-4b21a')).toMatchObject({
      headline: 'Founder at Quill Data',
      why: '',
    });
    expect(await byKey('linkedin:bo-lind')).toMatchObject({
      headline: 'Partner, Advisory at Lind, Hart & Co',
      why: '',
    });
  });
});

describe('connections plus messages', () => {
  it('tracks exactly the people with a conversation, on the default cadence', async () => {
    const reading = await importFiles(['Connections.csv', 'messages.csv']);
    expect(trackingCounts(reading.backup)).toEqual({ messaged: 4, everyone: 5 });
    for (const key of [
      'linkedin:ada-quill-4b21a',
      'linkedin:bo-lind',
      'linkedin:cy-moreau',
      'linkedin:ACoAABdee123XyZ',
    ]) {
      expect((await byKey(key)).cadenceDays, key).toBeNull();
      expect((await byKey(key)).effectiveCadence, key).toBe(30);
    }
    expect((await byKey('linkedin:eli-park')).cadenceDays).toBe(0);
  });

  it('lists the quiet conversations in CONTRACT §4 order, their last message deciding whose turn', async () => {
    await importFiles(['Connections.csv', 'messages.csv']);
    // Cy wrote last (their turn comes first); Ada and Bo got the same group message last, then Dee.
    expect(await coldNames()).toEqual(['Cy Moreau', 'Ada Quill', 'Bo Lind', 'Dee Nakamura']);
    const cy = await byKey('linkedin:cy-moreau');
    expect(cy).toMatchObject({ turn: 1, lastTouchDirection: 'in' });
    expect(await byKey('linkedin:ACoAABdee123XyZ')).toMatchObject({
      turn: 0,
      lastTouchDirection: 'out',
      lastTouchAt: '2025-06-05T09:00:00.000Z',
    });
    // The day of connecting decides nothing: Ada's clock is her last message, not 15 Mar 2024.
    const ada = await byKey('linkedin:ada-quill-4b21a');
    expect(ada.clockStart).toBe('2025-06-04T12:00:00.000Z');
    expect(ada.createdAt).toBe('2024-03-15T12:00:00.000Z');
  });

  it('tracks someone a connections-only import left untracked once their messages come', async () => {
    await importFiles(['Connections.csv']);
    expect(await coldNames()).toEqual([]);
    await importFiles(['messages.csv']);
    expect(await coldNames()).toEqual(['Cy Moreau', 'Ada Quill', 'Bo Lind', 'Dee Nakamura']);
    expect((await byKey('linkedin:eli-park')).cadenceDays).toBe(0);
  });

  it('never tracks again someone the user set to "never"', async () => {
    await importFiles(['Connections.csv']);
    const ada = await byKey('linkedin:ada-quill-4b21a');
    await createFollowUpService(db, time.clock).setCadence(ada.id, 0);
    await importFiles(['messages.csv']);
    expect((await byKey('linkedin:ada-quill-4b21a')).cadenceDays).toBe(0);
    expect(await coldNames()).not.toContain('Ada Quill');
  });
});

describe('the preview’s choice: keep in touch with…', () => {
  it('everyone: connections without a conversation are tracked too, from the day of connecting', async () => {
    await importFiles(['Connections.csv', 'messages.csv'], (backup) =>
      withTracking(backup, 'everyone'),
    );
    const eli = await byKey('linkedin:eli-park');
    expect(eli).toMatchObject({ cadenceDays: null, effectiveCadence: 30, turn: 1 });
    // Eli was known only from the import's day: not cold yet. Everyone else is.
    expect(await coldNames()).toEqual(['Cy Moreau', 'Ada Quill', 'Bo Lind', 'Dee Nakamura']);
    time.set('2026-12-23T10:00:00.000Z');
    const later = await createFollowUpService(db, time.clock).coldList({
      now: new Date('2026-12-23T10:00:00.000Z'),
    });
    expect(later.people.map((row) => row.person.name)).toContain('Eli Park');
    time.set(NOW);
  });

  it('nobody: everyone is kept, nobody goes cold', async () => {
    await importFiles(['Connections.csv', 'messages.csv'], (backup) =>
      withTracking(backup, 'nobody'),
    );
    expect(await db.people.count()).toBe(5);
    expect(await db.interactions.count()).toBeGreaterThan(0);
    expect(await coldNames()).toEqual([]);
  });

  it('the people you have messaged: the default, and what withTracking gives back', async () => {
    const reading = await readImportFiles(
      [file('Connections.csv'), file('messages.csv')],
      time.clock,
    );
    if (!reading.ok) throw new Error(reading.error);
    const again = withTracking(reading.backup, 'messaged');
    expect(again.people.map((p) => p.cadenceDays)).toEqual(
      reading.backup.people.map((p) => p.cadenceDays),
    );
    expect(reading.backup.people.map((p) => [p.name, p.cadenceDays])).toEqual([
      ['Ada Quill', null],
      ['Bo Lind', null],
      ['Cy Moreau', null],
      ['Dee Nakamura', null],
      ['Eli Park', 0],
    ]);
  });
});

describe('whose turn, in words true for every source', () => {
  it.each<[Parameters<typeof turnWords>[0], string]>([
    [null, 'Your move'],
    [{ kind: 'message', direction: 'in' }, 'They wrote last: your turn'],
    [{ kind: 'message', direction: 'out' }, 'You wrote last'],
    [{ kind: 'email', direction: 'in' }, 'They emailed last: your turn'],
    [{ kind: 'reply', direction: 'out' }, 'You replied last'],
    [{ kind: 'comment', direction: 'in' }, 'They commented last: your turn'],
    [{ kind: 'call', direction: 'in' }, 'They called last: your turn'],
    [{ kind: 'met', direction: 'out' }, 'You reached out last'],
    [{ kind: 'intro', direction: 'in' }, 'They made an introduction last: your turn'],
    [{ kind: 'other', direction: 'in' }, 'They reached out last: your turn'],
  ])('%o: %s', (last, words) => {
    expect(turnWords(last)).toBe(words);
  });

  it('says "They wrote last" for nobody a LinkedIn import only connected', async () => {
    await importFiles(['Connections.csv'], (backup) => withTracking(backup, 'everyone'));
    time.set('2027-06-01T00:00:00.000Z');
    const list = await createFollowUpService(db, time.clock).coldList({
      now: new Date('2027-06-01T00:00:00.000Z'),
    });
    time.set(NOW);
    expect(list.people).toHaveLength(5);
    for (const row of list.people) {
      expect(row.lastInteraction).toBeNull();
      expect(turnWords(row.lastInteraction)).toBe('Your move');
    }
  });

  it('says "They wrote last" exactly for those whose last message came from them', async () => {
    await importFiles(['Connections.csv', 'messages.csv']);
    const list = await createFollowUpService(db, time.clock).coldList({ now: new Date(NOW) });
    expect(list.people.map((row) => [row.person.name, turnWords(row.lastInteraction)])).toEqual([
      ['Cy Moreau', 'They wrote last: your turn'],
      ['Ada Quill', 'You wrote last'],
      ['Bo Lind', 'You wrote last'],
      ['Dee Nakamura', 'You wrote last'],
    ]);
  });
});
