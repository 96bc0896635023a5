import type { AcquaintDatabase } from '@/lib/db/database';
import type { Person } from '@/lib/model/types';
import { createIdentitiesService, type IdentitiesService } from '@/lib/services/identities';
import { createInteractionsService } from '@/lib/services/interactions';
import { createNotesService } from '@/lib/services/notes';
import { createPeopleService } from '@/lib/services/people';
import type { PersonRef } from '@/lib/sites/types';

import {
  ADA,
  disposeDatabase,
  openTestDatabase,
  PIP,
  testClock,
  type TestClock,
} from '../support/db';

let db: AcquaintDatabase;
let time: TestClock;
let identities: IdentitiesService;

const ADA_ON_X: PersonRef = { key: 'x:adaquill', name: 'Ada Q.', url: 'https://x.com/adaquill' };

beforeEach(() => {
  db = openTestDatabase();
  time = testClock('2026-11-22T10:00:00.000Z');
  identities = createIdentitiesService(db, time.clock);
});
afterEach(() => disposeDatabase(db));

async function personWith(ref: PersonRef, note: string, why = '') {
  const people = createPeopleService(db, time.clock);
  const notes = createNotesService(db, time.clock);
  const interactions = createInteractionsService(db, time.clock);
  await notes.save(ref, { id: crypto.randomUUID(), body: note }, null);
  const person = (await people.findByKey(ref.key)) as Person;
  await interactions.add({
    personId: person.id,
    at: time.iso(),
    kind: 'message',
    direction: 'in',
    summary: `${ref.name} wrote`,
  });
  if (why) await people.setWhy(ref, why);
  return (await people.findByKey(ref.key)) as Person;
}

async function everything() {
  return {
    people: await db.people.toArray(),
    notes: await db.notes.toArray(),
    interactions: await db.interactions.toArray(),
  };
}

describe('same person as…', () => {
  it('moves the other record’s identities, notes and interactions to this person', async () => {
    const ada = await personWith(ADA, 'Met at the meetup', 'Runs the data meetup');
    time.advance(60_000);
    const other = await personWith(ADA_ON_X, 'Replied to my thread', 'Writes about Dexie');

    const merged = await identities.merge(ADA, other.id);
    expect(merged.id).toBe(ada.id);
    expect(merged.name).toBe('Ada Quill');
    expect(merged.identityKeys).toEqual([ADA.key, ADA_ON_X.key]);
    expect(merged.why).toBe('Runs the data meetup · Writes about Dexie');
    const after = await everything();
    expect(after.people).toHaveLength(1);
    expect(after.notes.map((n) => n.personId)).toEqual([ada.id, ada.id]);
    expect(after.interactions.map((i) => i.personId)).toEqual([ada.id, ada.id]);
    // Their latest interaction (the other record's) now drives the follow-up clock.
    expect(merged.lastTouchAt).toBe('2026-11-22T10:01:00.000Z');
  });

  it('creates the page’s person when nothing was saved about them yet', async () => {
    const other = await personWith(ADA_ON_X, 'Replied');
    const merged = await identities.merge(ADA, other.id);
    expect(merged.identityKeys).toEqual([ADA.key, ADA_ON_X.key]);
    expect(merged.name).toBe('Ada Quill');
    expect(await db.people.count()).toBe(1);
  });

  it('refuses to merge someone into themselves or someone gone, changing nothing', async () => {
    const ada = await personWith(ADA, 'note');
    const before = await everything();
    await expect(identities.merge(ADA, ada.id)).rejects.toThrow('That is already this person.');
    await expect(identities.merge(ADA, 'nobody')).rejects.toThrow('no longer in Acquaint');
    expect(await everything()).toEqual(before);
  });

  it('splits a merged identity off again with exactly what came with it', async () => {
    const ada = await personWith(ADA, 'Met at the meetup', 'Runs the data meetup');
    const other = await personWith(ADA_ON_X, 'Replied to my thread', 'Writes about Dexie');
    const otherNotes = (await db.notes.where('personId').equals(other.id).toArray()).map(
      (n) => n.id,
    );
    await identities.merge(ADA, other.id);
    // Something written after the merge stays with the person it was written for.
    await createNotesService(db, time.clock).save(ADA_ON_X, { id: 'later', body: 'After' }, null);

    const { kept, split } = await identities.split(ada.id, ADA_ON_X.key);
    expect(split.id).toBe(other.id);
    expect(split).toMatchObject({
      name: 'Ada Q.',
      why: 'Writes about Dexie',
      identityKeys: [ADA_ON_X.key],
    });
    expect(kept.identityKeys).toEqual([ADA.key]);
    expect(kept.merged).toBeUndefined();
    const splitNotes = (await db.notes.where('personId').equals(split.id).toArray()).map(
      (n) => n.id,
    );
    expect(splitNotes).toEqual(otherNotes);
    expect(await db.notes.get('later')).toMatchObject({ personId: ada.id });
    expect(await db.interactions.where('personId').equals(split.id).count()).toBe(1);
    expect(await db.interactions.where('personId').equals(ada.id).count()).toBe(1);
  });

  it('splits an identity that never was merged into a new person of its own', async () => {
    await personWith(ADA, 'note');
    const people = createPeopleService(db, time.clock);
    const ada = (await people.findByKey(ADA.key)) as Person;
    await db.people.put({
      ...ada,
      identities: [...ada.identities, { key: 'email:ada@quill.example' }],
      identityKeys: [...ada.identityKeys, 'email:ada@quill.example'],
    });
    const { kept, split } = await identities.split(ada.id, 'email:ada@quill.example');
    expect(split.identityKeys).toEqual(['email:ada@quill.example']);
    expect(split.name).toBe('Ada Quill');
    expect(kept.identityKeys).toEqual([ADA.key]);
    expect(await db.notes.where('personId').equals(ada.id).count()).toBe(1);
  });

  it('will not split off a person’s last identity', async () => {
    const ada = await personWith(ADA, 'note');
    await expect(identities.split(ada.id, ADA.key)).rejects.toThrow('at least one identity');
    await expect(identities.split(ada.id, 'x:nobody')).rejects.toThrow('not theirs');
  });
});

describe('search', () => {
  it('finds people by the start of their name or of a word in it, or by a key', async () => {
    await personWith(ADA, 'a');
    await personWith(PIP, 'b');
    const ada = (await createPeopleService(db).findByKey(ADA.key)) as Person;
    expect((await identities.search('ada')).map((p) => p.name)).toEqual(['Ada Quill']);
    expect((await identities.search('QUI')).map((p) => p.name)).toEqual(['Ada Quill']);
    expect((await identities.search('x:pip')).map((p) => p.name)).toEqual([PIP.name]);
    expect(await identities.search('ada', ada.id)).toEqual([]);
    expect(await identities.search('   ')).toEqual([]);
  });

  it('lists at most a handful', async () => {
    const people = createPeopleService(db, time.clock);
    for (let i = 0; i < 20; i += 1) await people.ensure({ key: `x:sam${i}`, name: `Sam ${i}` });
    expect(await identities.search('sam')).toHaveLength(8);
  });
});

/** Someone the X archive knows only by number, as the import stores them. */
async function importedByNumber(id: string, number: string, name = ''): Promise<Person> {
  const person: Person = {
    id,
    name,
    identities: [{ key: `x-id:${number}` }],
    identityKeys: [`x-id:${number}`],
    why: '',
    tags: ['x'],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: time.iso(),
    updatedAt: time.iso(),
  };
  await db.people.add(person);
  return person;
}

describe('aliases from the page', () => {
  it('offers the person known only by the page’s number, and writes nothing to say so', async () => {
    const zed = await importedByNumber('n', '7');
    const before = await everything();
    expect(await identities.aliasOffer(ADA_ON_X, ['x-id:7'])).toEqual({
      person: zed,
      missing: ['x:adaquill'],
    });
    expect(await everything()).toEqual(before);
  });

  it('offers nothing for a number nobody has, with or without a stored handle', async () => {
    await createPeopleService(db, time.clock).ensure(ADA_ON_X);
    const before = await everything();
    expect(await identities.aliasOffer(ADA_ON_X, ['x-id:99'])).toBeNull();
    expect(await identities.aliasOffer({ key: 'x:stranger', name: 'S' }, ['x-id:99'])).toBeNull();
    expect(await identities.aliasOffer(ADA_ON_X, [])).toBeNull();
    // Nor is the number taught to the handle's person: that too would be the page's word.
    expect(await everything()).toEqual(before);
  });

  it('offers nothing once linked, nor anyone with a handle of their own', async () => {
    await importedByNumber('n', '7');
    await identities.linkAliases(ADA_ON_X, ['x-id:7'], 'n');
    expect(await identities.aliasOffer(ADA_ON_X, ['x-id:7'])).toBeNull();
    // A renamed handle, or a page forging the number: someone with a handle keeps theirs.
    const renamed: PersonRef = { key: 'x:newhandle', name: 'Mal', url: 'https://x.com/newhandle' };
    expect(await identities.aliasOffer(renamed, ['x-id:7'])).toBeNull();
  });

  it('moves nobody with a handle to another handle on the word of an account number', async () => {
    // The number is the page's to show: a forged one would hand someone else's record to it.
    await importedByNumber('n', '42', 'Ada');
    await identities.linkAliases({ key: 'x:oldhandle', name: 'Ada' }, ['x-id:42'], 'n');
    const before = await everything();
    const renamed: PersonRef = { key: 'x:newhandle', name: 'Mal', url: 'https://x.com/newhandle' };
    expect(await identities.linkAliases(renamed, ['x-id:42'], 'n')).toBeNull();
    expect(await everything()).toEqual(before);
    expect(await createPeopleService(db).findByKey('x:newhandle')).toBeUndefined();
  });

  it('names a person imported by number, who has no handle, when the user says it is them', async () => {
    await importedByNumber('n', '7');
    const updated = await identities.linkAliases(ADA_ON_X, ['x-id:7'], 'n');
    expect(updated).toMatchObject({
      id: 'n',
      name: 'Ada Q.',
      identities: [{ key: 'x-id:7' }, { key: 'x:adaquill', url: 'https://x.com/adaquill' }],
      identityKeys: ['x-id:7', 'x:adaquill'],
    });
    expect(await db.people.get('n')).toEqual(updated);
  });

  it('links only the person it was asked about, as the offer stands now', async () => {
    await importedByNumber('n', '7');
    await importedByNumber('m', '8');
    const before = await everything();
    // Another person than the number's, or a person the number is not theirs: nothing.
    expect(await identities.linkAliases(ADA_ON_X, ['x-id:7'], 'm')).toBeNull();
    expect(await identities.linkAliases(ADA_ON_X, ['x-id:8'], 'n')).toBeNull();
    expect(await everything()).toEqual(before);
  });

  it('never joins two stored people and never creates one', async () => {
    const people = createPeopleService(db, time.clock);
    await people.ensure(ADA_ON_X);
    const someone = await people.ensure({ key: 'x-id:7', name: 'Someone' });
    const before = await everything();
    expect(await identities.aliasOffer(ADA_ON_X, ['x-id:7'])).toBeNull();
    expect(await identities.linkAliases(ADA_ON_X, ['x-id:7'], someone.id)).toBeNull();
    expect(
      await identities.linkAliases({ key: 'x:stranger', name: 'S' }, ['x-id:99'], someone.id),
    ).toBeNull();
    expect(await everything()).toEqual(before);
  });
});
