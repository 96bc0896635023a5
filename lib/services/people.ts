import type { AcquaintDatabase } from '../db/database';
import { existingIndexKeys } from '../db/index-keys';
import { type Clock, systemClock } from '../model/clock';
import { followUpFields } from '../model/cold';
import { newId } from '../model/ids';
import type { Person } from '../model/types';
import type { PersonRef } from '../sites/types';
import { readDefaultCadence } from './follow-up';

export type PeopleService = ReturnType<typeof createPeopleService>;

export function createPeopleService(db: AcquaintDatabase, clock: Clock = systemClock) {
  return {
    get(id: string): Promise<Person | undefined> {
      return db.people.get(id);
    },

    findByKey(key: string): Promise<Person | undefined> {
      return findPersonByKey(db, key);
    },

    /** Which of these identity keys belong to someone already in Acquaint. */
    knownKeys(keys: readonly string[]): Promise<string[]> {
      return existingIndexKeys(db, 'people', 'identityKeys', [...new Set(keys)]);
    },

    /** The person with this identity, created from the page's reading the first time. */
    ensure(ref: PersonRef): Promise<Person> {
      return db.transaction('rw', db.people, db.settings, () => ensurePerson(db, ref, clock()));
    },

    setWhy(ref: PersonRef, why: string): Promise<Person> {
      return db.transaction('rw', db.people, db.settings, async () => {
        const person = await ensurePerson(db, ref, clock());
        const updated: Person = { ...person, why: why.trim(), updatedAt: clock().toISOString() };
        await db.people.put(updated);
        return updated;
      });
    },
  };
}

export function findPersonByKey(db: AcquaintDatabase, key: string): Promise<Person | undefined> {
  return db.people.where('identityKeys').equals(key).first();
}

/**
 * Call inside a read-write transaction on `people` and `settings`, so two tabs can't both create
 * the same person, and a new one starts with follow-up fields from the default cadence in force.
 */
export async function ensurePerson(
  db: AcquaintDatabase,
  ref: PersonRef,
  now: Date,
): Promise<Person> {
  const existing = await findPersonByKey(db, ref.key);
  // Created before the page had rendered the name: take the real one now that it is known.
  if (
    existing &&
    ref.name &&
    existing.name === fallbackName(ref.key) &&
    ref.name !== existing.name
  ) {
    const named: Person = { ...existing, name: ref.name, updatedAt: now.toISOString() };
    await db.people.put(named);
    return named;
  }
  if (existing) return existing;
  const stamp = now.toISOString();
  const fresh: Person = {
    id: newId(),
    name: ref.name || fallbackName(ref.key),
    identities: [ref.url ? { key: ref.key, url: ref.url } : { key: ref.key }],
    identityKeys: [ref.key],
    why: '',
    tags: [],
    cadenceDays: null,
    snoozedUntil: null,
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
  // Nobody has interactions yet: the clock starts now.
  const person: Person = { ...fresh, ...followUpFields(fresh, null, await readDefaultCadence(db)) };
  await db.people.add(person);
  return person;
}

/** What to call someone whose name the page had not rendered yet: the handle or slug. */
export function fallbackName(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}
