import type { AcquaintDatabase } from '@/lib/db/database';
import type { Person } from '@/lib/model/types';
import { createFollowUpService } from '@/lib/services/follow-up';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService, fallbackName, type PeopleService } from '@/lib/services/people';

import {
  ADA,
  disposeDatabase,
  HOSTILE_TEXTS,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';

let db: AcquaintDatabase;
let time: TestClock;
let people: PeopleService;

beforeEach(() => {
  db = openTestDatabase();
  time = testClock('2024-05-10T12:00:00.000Z');
  people = createPeopleService(db, time.clock);
});

afterEach(async () => {
  await disposeDatabase(db);
});

describe('people.ensure', () => {
  it('creates the person the first time, from the page reading', async () => {
    const person = await people.ensure(ADA);

    expect(person).toMatchObject({
      name: 'Ada Quill',
      identities: [{ key: ADA.key, url: ADA.url }],
      identityKeys: [ADA.key],
      why: '',
      tags: [],
      cadenceDays: null,
      snoozedUntil: null,
      archived: false,
      createdAt: '2024-05-10T12:00:00.000Z',
      updatedAt: '2024-05-10T12:00:00.000Z',
    });
    expect(person.id).toMatch(/\S/);
    expect(await db.people.count()).toBe(1);
    expect(await db.people.get(person.id)).toEqual(person);
  });

  it('finds the same person afterwards instead of creating another', async () => {
    const first = await people.ensure(ADA);
    time.advance(60_000);
    const again = await people.ensure({ ...ADA, name: 'Ada Q. (renamed on the page)' });

    expect(again.id).toBe(first.id);
    // The stored reading is kept: ensure does not rename people.
    expect(again.name).toBe('Ada Quill');
    expect(again.createdAt).toBe('2024-05-10T12:00:00.000Z');
    expect(await db.people.count()).toBe(1);
  });

  it('keeps different identities apart', async () => {
    const ada = await people.ensure(ADA);
    const pip = await people.ensure(PIP);

    expect(pip.id).not.toBe(ada.id);
    expect(await db.people.count()).toBe(2);
    expect((await people.findByKey(PIP.key))?.id).toBe(pip.id);
    expect((await people.findByKey(ADA.key))?.id).toBe(ada.id);
  });

  it('finds a person by any of their several identities', async () => {
    const stored: Person = {
      id: 'person-with-two-identities',
      name: 'Ada Quill',
      identities: [{ key: ADA.key, url: ADA.url }, { key: 'x:adaquill' }],
      identityKeys: [ADA.key, 'x:adaquill'],
      why: 'Organises the owl meetup',
      tags: [],
      cadenceDays: null,
      snoozedUntil: null,
      archived: false,
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    };
    await db.people.add(stored);

    const viaX = await people.ensure({ key: 'x:adaquill', name: 'ada on X' });
    const viaLinkedIn = await people.ensure(ADA);

    expect(viaX).toEqual(stored);
    expect(viaLinkedIn).toEqual(stored);
    expect(await db.people.count()).toBe(1);
  });

  it('creates one person when two ensure calls for the same key race', async () => {
    const [a, b] = await Promise.all([people.ensure(ADA), people.ensure(ADA)]);

    expect(a.id).toBe(b.id);
    expect(await db.people.where('identityKeys').equals(ADA.key).count()).toBe(1);
  });

  it('creates one person when a second service over the same database races the first', async () => {
    const other = createPeopleService(db, time.clock);
    const results = await Promise.all([
      people.ensure(PIP),
      other.ensure(PIP),
      people.ensure(PIP),
      other.ensure(PIP),
    ]);

    expect(new Set(results.map((person) => person.id)).size).toBe(1);
    expect(await db.people.count()).toBe(1);
  });

  it('names someone whose name has not rendered yet by their handle', async () => {
    const person = await people.ensure({ key: 'x:pipwellings', name: '' });

    expect(person.name).toBe('pipwellings');
    expect(person.identities).toEqual([{ key: 'x:pipwellings' }]);
  });
});

describe('people.get and findByKey', () => {
  it('returns undefined for someone never stored', async () => {
    expect(await people.get('nobody')).toBeUndefined();
    expect(await people.findByKey(ADA.key)).toBeUndefined();
  });

  it('returns the stored person by id', async () => {
    const ada = await people.ensure(ADA);
    expect(await people.get(ada.id)).toEqual(ada);
  });
});

describe('people.setWhy', () => {
  it('creates the person if needed and stores the trimmed text', async () => {
    const person = await people.setWhy(ADA, '  \n Runs the owl meetup \t ');

    expect(person.why).toBe('Runs the owl meetup');
    expect(await db.people.count()).toBe(1);
    expect((await people.findByKey(ADA.key))?.why).toBe('Runs the owl meetup');
  });

  it('updates the existing person and their updatedAt, keeping createdAt', async () => {
    const ada = await people.ensure(ADA);
    time.set('2024-06-01T08:30:00.000Z');

    const updated = await people.setWhy(ADA, 'Knows everyone in the field');

    expect(updated.id).toBe(ada.id);
    expect(updated.createdAt).toBe('2024-05-10T12:00:00.000Z');
    expect(updated.updatedAt).toBe('2024-06-01T08:30:00.000Z');
    expect(await db.people.get(ada.id)).toEqual(updated);
    expect(await db.people.count()).toBe(1);
  });

  it('clears the why with whitespace only', async () => {
    await people.setWhy(ADA, 'something');
    const cleared = await people.setWhy(ADA, '   ');
    expect(cleared.why).toBe('');
  });
});

describe('hostile text', () => {
  it.each(HOSTILE_TEXTS)('stores and reads back %s in a name unchanged', async (_what, text) => {
    const ref = { key: 'x:hostile', name: text };
    const created = await people.ensure(ref);

    expect(created.name).toBe(text);
    const read = await people.findByKey('x:hostile');
    expect(read?.name).toBe(text);
    expect(read?.name.length).toBe(text.length);
  });

  it.each(HOSTILE_TEXTS)('stores and reads back %s in a why (inner text)', async (_what, text) => {
    const why = `x${text}x`;
    await people.setWhy(PIP, why);
    expect((await people.findByKey(PIP.key))?.why).toBe(why);
  });

  it('matches identity keys exactly, whatever characters they hold', async () => {
    const key = 'web:https://example.com/\u202Eevil\uD800';
    const person = await people.ensure({ key, name: 'odd' });

    expect((await people.findByKey(key))?.id).toBe(person.id);
    expect(await people.findByKey('web:https://example.com/\u202Eevil')).toBeUndefined();
  });
});

describe('fallbackName', () => {
  it.each([
    ['x:pipwellings', 'pipwellings'],
    ['linkedin:ada-quill-4b21a', 'ada-quill-4b21a'],
    ['web:https://example.com/about', 'https://example.com/about'],
    ['no-colon', 'no-colon'],
  ])('calls %s %s', (key, name) => {
    expect(fallbackName(key)).toBe(name);
  });
});

describe('a person created before the page rendered their name', () => {
  it('takes the real name once the page shows it, but never overwrites a real one', async () => {
    const early = await people.ensure({ key: ADA.key, name: '' });
    expect(early.name).toBe(fallbackName(ADA.key));

    const named = await people.ensure(ADA);
    expect(named.id).toBe(early.id);
    expect(named.name).toBe(ADA.name);

    const renamed = await people.ensure({ ...ADA, name: 'Someone Else' });
    expect(renamed.name).toBe(ADA.name);
  });
});

describe('people.knownKeys', () => {
  const twoIdentities = (): Person => ({
    id: 'wren',
    name: 'Wren',
    identities: [{ key: 'linkedin:wren-1' }, { key: 'x:wren' }],
    identityKeys: ['linkedin:wren-1', 'x:wren'],
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: time.iso(),
    updatedAt: time.iso(),
  });

  it('answers nothing for an empty list, without asking the database', async () => {
    await people.ensure(ADA);
    const backend = vi.spyOn(db, 'backendDB');
    expect(await people.knownKeys([])).toEqual([]);
    expect(backend).not.toHaveBeenCalled();
  });

  it('opens the database again when it was closed (a worker that just woke up)', async () => {
    await people.ensure(ADA);
    db.close();
    expect(db.isOpen()).toBe(false);
    expect(await people.knownKeys([ADA.key, PIP.key])).toEqual([ADA.key]);
  });

  it('answers the keys of people already in Acquaint, and no others', async () => {
    await people.ensure(ADA);
    expect(await people.knownKeys([PIP.key, ADA.key, 'x:nobody'])).toEqual([ADA.key]);
  });

  it('answers for both identities of one person, each only when asked', async () => {
    await db.people.put(twoIdentities());
    expect((await people.knownKeys(['x:wren', 'linkedin:wren-1'])).sort()).toEqual([
      'linkedin:wren-1',
      'x:wren',
    ]);
    expect(await people.knownKeys(['x:wren'])).toEqual(['x:wren']);
    expect(await people.knownKeys(['linkedin:wren-1', ADA.key])).toEqual(['linkedin:wren-1']);
  });

  it('answers each key once, however often it was asked', async () => {
    await people.ensure(ADA);
    await people.ensure(PIP);
    const known = await people.knownKeys([ADA.key, PIP.key, ADA.key, PIP.key]);
    expect(known.sort()).toEqual([ADA.key, PIP.key].sort());
  });

  it('does not take a key that merely starts like a known one', async () => {
    await people.ensure(PIP);
    expect(await people.knownKeys(['x:pip', 'x:pipwellings2', 'X:pipwellings'])).toEqual([]);
  });

  it('answers a large batch', async () => {
    await people.ensure(PIP);
    const keys = Array.from({ length: 499 }, (_, index) => `x:stranger${index}`);
    expect(await people.knownKeys([...keys, PIP.key])).toEqual([PIP.key]);
  });

  it('knows someone once they are created, and still after their why changes', async () => {
    expect(await people.knownKeys([ADA.key])).toEqual([]);
    await people.setWhy(ADA, 'why');
    expect(await people.knownKeys([ADA.key])).toEqual([ADA.key]);
  });
});

describe('follow-up fields of new people', () => {
  const NEW_FIELDS = {
    lastTouchAt: null,
    lastTouchDirection: null,
    clockStart: '2024-05-10T12:00:00.000Z',
    effectiveCadence: 30,
    turn: 1,
    coldAt: '2024-06-09T12:00:00.000Z',
  };

  it('starts the clock when someone is added, on the default cadence, with the user to act', async () => {
    const person = await people.ensure(ADA);
    expect(person).toMatchObject(NEW_FIELDS);
    expect(await db.people.get(person.id)).toEqual(person);
  });

  it('reads the default cadence from the settings', async () => {
    await db.settings.put({ key: 'defaultCadenceDays', value: 10 });
    expect(await people.setWhy(PIP, 'Owl expert')).toMatchObject({
      effectiveCadence: 10,
      coldAt: '2024-05-20T12:00:00.000Z',
    });
  });

  it('gives people created by saving a note the same fields', async () => {
    const notes = createNotesService(db, time.clock);
    const saved = await notes.save(ADA, { id: 'note-1', body: 'Met at the owl talk' }, null);
    expect(saved.person).toMatchObject(NEW_FIELDS);
    expect(await db.people.get(saved.person.id)).toMatchObject(NEW_FIELDS);
  });

  it('makes a new person cold once the default cadence has passed, and not before', async () => {
    const followUp = createFollowUpService(db, time.clock);
    await people.ensure(ADA);
    expect(await followUp.coldCount(new Date('2024-06-09T12:00:00.000Z'))).toBe(0);
    expect(await followUp.coldCount(new Date('2024-06-09T12:00:00.001Z'))).toBe(1);
  });

  it('keeps the fields when a later reading renames or a why is set', async () => {
    const created = await people.ensure({ ...ADA, name: '' });
    time.advance(60_000);
    const named = await people.ensure(ADA);
    const why = await people.setWhy(ADA, 'Runs the owl meetup');
    expect(named).toMatchObject(NEW_FIELDS);
    expect(why).toMatchObject(NEW_FIELDS);
    expect(named.id).toBe(created.id);
  });
});
